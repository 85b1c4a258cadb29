// BlobRoutes: blob downloads, whole or one byte range.
#include "sync/server/blobroutes.h"

#include "sync/server/authenticator.h"
#include "sync/server/httpsupport.h"

#include <QFile>
#include <QFileInfo>

namespace fl::server {

using http::Failure;
using http::Status;

namespace {

const QByteArray OctetStream = "application/octet-stream";
/// Ranges up to this size are answered from memory, larger ones streamed from the file.
constexpr qint64 InMemoryRangeBytes = 8 * 1024 * 1024;

/// "bytes=a-b", "bytes=a-", "bytes=-n". Unparsable or multi-range headers are ignored (the
/// whole blob is sent); `unsatisfiable` is set for a range past the end.
std::optional<std::pair<qint64, qint64>> parseRange(const QByteArray &header, qint64 size,
                                                    bool *unsatisfiable) {
    *unsatisfiable = false;
    if (!header.startsWith("bytes=") || header.contains(','))
        return std::nullopt;
    const QByteArray spec = header.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    const QByteArray first = spec.left(dash).trimmed();
    const QByteArray last = spec.mid(dash + 1).trimmed();
    bool ok1 = true, ok2 = true;
    if (first.isEmpty()) {
        const qint64 n = last.toLongLong(&ok2);
        if (!ok2 || n <= 0)
            return std::nullopt;
        return std::make_pair(qMax<qint64>(0, size - n), size - 1);
    }
    const qint64 a = first.toLongLong(&ok1);
    const qint64 b = last.isEmpty() ? size - 1 : last.toLongLong(&ok2);
    if (!ok1 || !ok2 || a < 0)
        return std::nullopt;
    if (a >= size) {
        *unsatisfiable = true;
        return std::nullopt;
    }
    if (b < a)
        return std::nullopt;
    return std::make_pair(a, qMin(b, size - 1));
}

/// A read-only window on a file, so a large range streams without being read into memory.
class FileRange final : public QIODevice {
public:
    FileRange(const QString &path, qint64 start, qint64 length)
        : m_file(path)
        , m_start(start)
        , m_length(length) {}
    bool openRange() {
        if (!m_file.open(QIODevice::ReadOnly) || !m_file.seek(m_start))
            return false;
        return QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_length; }

protected:
    qint64 readData(char *data, qint64 maxSize) override {
        const qint64 left = m_start + m_length - m_file.pos();
        if (left <= 0)
            return 0;
        return m_file.read(data, qMin(maxSize, left));
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    qint64 m_start;
    qint64 m_length;
};

/// The bytes a GET answers: the whole blob, or one range of it.
struct Window {
    qint64 start = 0;
    qint64 count = 0;
    qint64 size = 0; ///< of the whole blob
    bool partial = false;

    [[nodiscard]] Status status() const { return partial ? Status::PartialContent : Status::Ok; }
    [[nodiscard]] QByteArray contentRange() const {
        return "bytes " + QByteArray::number(start) + '-' + QByteArray::number(start + count - 1) +
               '/' + QByteArray::number(size);
    }
};

QHttpServerResponse readWindow(const QString &path, const Window &w) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || !f.seek(w.start))
        return http::internalError(makeError(ErrorCode::Io, f.errorString()));
    QHttpServerResponse r(OctetStream, f.read(w.count), w.status());
    r.addHeader("Accept-Ranges", "bytes");
    if (w.partial)
        r.addHeader("Content-Range", w.contentRange());
    return r;
}

void streamWindow(const QString &path, const Window &w, QHttpServerResponder &&responder) {
    auto *device = new FileRange(path, w.start, w.count);
    if (!device->openRange()) {
        delete device;
        QHttpServerResponse r =
            http::internalError(makeError(ErrorCode::Io, QStringLiteral("read")));
        r.write(std::move(responder));
        return;
    }
    if (w.partial)
        responder.write(device,
                        {{"Content-Type", OctetStream},
                         {"Accept-Ranges", "bytes"},
                         {"Content-Range", w.contentRange()}},
                        w.status());
    else
        responder.write(device, {{"Content-Type", OctetStream}, {"Accept-Ranges", "bytes"}},
                        w.status());
}

/// HEAD: the status and headers a GET would answer, without its body.
void writeHeadOnly(QHttpServerResponder &responder, Status status, const QByteArray &contentType,
                   qint64 length, const QByteArray &contentRange = {}) {
    responder.writeStatusLine(status);
    responder.writeHeader("Content-Type", contentType);
    responder.writeHeader("Accept-Ranges", "bytes");
    if (!contentRange.isEmpty())
        responder.writeHeader("Content-Range", contentRange);
    responder.writeHeader("Content-Length", QByteArray::number(length));
    responder.writeBody("", 0);
}

} // namespace

void BlobRoutes::download(const QString &contentId, const QHttpServerRequest &request,
                          QHttpServerResponder &&responder, bool headOnly) {
    const auto refuse = [&](const Failure &f, const QByteArray &contentRange = {}) {
        QHttpServerResponse r = http::refuse(f);
        if (headOnly)
            return writeHeadOnly(responder, f.status, r.mimeType(), r.data().size(), contentRange);
        if (!contentRange.isEmpty())
            r.addHeader("Content-Range", contentRange);
        r.write(std::move(responder));
    };
    Caller caller;
    if (auto f = m_auth.authenticate(request, caller))
        return refuse(*f);
    if (auto f = checkReadable(contentId, caller))
        return refuse(*f);
    const QString path = blobFile(contentId);
    const qint64 size = QFileInfo(path).size();
    if (size <= 0)
        return refuse(notFound());

    bool unsatisfiable = false;
    const auto range = parseRange(http::header(request, "Range"), size, &unsatisfiable);
    if (unsatisfiable)
        return refuse({Status::RequestRangeNotSatisfiable, QStringLiteral("malformed"),
                       QStringLiteral("the range is past the end")},
                      "bytes */" + QByteArray::number(size));
    const Window window = range ? Window{range->first, range->second - range->first + 1, size, true}
                                : Window{0, size, size, false};
    if (headOnly)
        return writeHeadOnly(responder, window.status(), OctetStream, window.count,
                             window.partial ? window.contentRange() : QByteArray());
    if (window.count <= InMemoryRangeBytes)
        return readWindow(path, window).write(std::move(responder));
    streamWindow(path, window, std::move(responder));
}

std::optional<Failure> BlobRoutes::checkReadable(const QString &contentId, const Caller &caller) {
    if (!isLowerHex(contentId.toLatin1(), 64))
        return notFound();
    auto length = m_db.blobLengthFor(contentId, caller.deviceHex);
    if (!length)
        return http::internalFailure(length.error());
    // A blob only other campaigns hold is answered as if it did not exist.
    if (!*length)
        return notFound();
    return std::nullopt;
}

} // namespace fl::server
