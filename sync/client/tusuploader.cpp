#include "sync/client/tusuploader.h"

#include "sync/client/syncclient.h"

#include <QCryptographicHash>

#include <optional>

namespace fl::sync {

namespace {

constexpr char TusVersion[] = "1.0.0";
constexpr int MaxAnomalies = 3;
constexpr int MaxCuts = 3;

SyncFailure protocolFailure(const QString &detail) {
    return makeFailure(SyncError::Protocol, {}, 0, detail);
}

/// A tus header that must be a non-negative integer.
std::optional<qint64> offsetHeader(const HttpResponse &r, const char *name) {
    bool ok = false;
    const qint64 v = r.header(name).trimmed().toLongLong(&ok);
    if (!ok || v < 0)
        return std::nullopt;
    return v;
}

} // namespace

TusUploader::TusUploader(SyncClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

SyncResult<void> TusUploader::upload(const QByteArray &data, const QByteArray &metadata,
                                     QUrl &location, const CreatedHandler &created) {
    const qint64 size = data.size();
    qint64 offset = -1; // unknown: ask the server
    int anomalies = 0;
    int cuts = 0;
    while (true) {
        if (m_client.isCancelled())
            return makeFailure(SyncError::Cancelled);
        if (anomalies > MaxAnomalies)
            return makeFailure(SyncError::Protocol, QLatin1String(IntegrityCode), 0,
                               QStringLiteral("the server keeps refusing the parts of a file"));
        if (!location.isValid()) {
            auto held = create(size, metadata, location, created);
            if (!held)
                return held.failure();
            offset = *held;
        }
        if (offset < 0) {
            auto at = askOffset(location, size);
            if (!at)
                return at.failure();
            if (!*at) {
                location = QUrl(); // expired or discarded: start over
                ++anomalies;
                continue;
            }
            offset = **at;
        }
        if (offset >= size)
            return {};
        auto outcome = sendChunk(data, location, offset);
        if (!outcome) {
            // Cut off on the way: the server may have kept part of the chunk, so it says where
            // to go on (a server out of reach fails that question, and the upload with it).
            if (outcome.failure().error != SyncError::Network || cuts >= MaxCuts)
                return outcome.failure();
            ++cuts;
            offset = -1;
        } else if (*outcome == ChunkOutcome::Refused) {
            ++anomalies;
            offset = -1;
        }
    }
}

SyncResult<qint64> TusUploader::create(qint64 size, const QByteArray &metadata, QUrl &location,
                                       const CreatedHandler &created) {
    // A server that already holds the whole file may answer with its full offset
    // (FieldLedger's does, for a blob it has).
    HttpRequest create;
    create.method = "POST";
    if (m_endpoint.isRelative())
        create.target = m_endpoint.toEncoded();
    else
        create.url = m_endpoint;
    create.headers = {{"Tus-Resumable", TusVersion}, {"Upload-Length", QByteArray::number(size)}};
    if (!metadata.isEmpty())
        create.headers.append({"Upload-Metadata", metadata});
    create.accept = {201};
    create.cborAnswer = false;
    auto answer = m_client.execute(create);
    if (!answer)
        return answer.failure();
    const QByteArray where = answer->header("Location");
    if (where.isEmpty())
        return protocolFailure(QStringLiteral("the upload was created without an address"));
    location = QUrl(QString::fromUtf8(where));
    const qint64 offset = offsetHeader(*answer, "Upload-Offset").value_or(0);
    if (offset < size && created) {
        if (auto r = created(location); !r)
            return r.failure();
    }
    return offset;
}

SyncResult<std::optional<qint64>> TusUploader::askOffset(const QUrl &location, qint64 size) {
    HttpRequest head;
    head.method = "HEAD";
    head.url = location;
    head.headers = {{"Tus-Resumable", TusVersion}};
    head.accept = {200, 204, 404, 410};
    head.cborAnswer = false;
    auto where = m_client.execute(head);
    if (!where)
        return where.failure();
    const auto at = offsetHeader(*where, "Upload-Offset");
    const auto length = offsetHeader(*where, "Upload-Length");
    if (where->status == 404 || where->status == 410 || (length && *length != size))
        return std::optional<qint64>();
    if (!at || *at > size)
        return protocolFailure(QStringLiteral("the upload offset is missing"));
    return std::optional<qint64>(*at);
}

SyncResult<TusUploader::ChunkOutcome> TusUploader::sendChunk(const QByteArray &data,
                                                             const QUrl &location, qint64 &offset) {
    const qint64 length = std::min(m_chunkBytes, data.size() - offset);
    HttpRequest patch;
    patch.method = "PATCH";
    patch.url = location;
    patch.body = data.mid(offset, length);
    patch.contentType = "application/offset+octet-stream";
    patch.headers = {
        {"Tus-Resumable", TusVersion},
        {"Upload-Offset", QByteArray::number(offset)},
        {"Upload-Checksum",
         "sha256 " + QCryptographicHash::hash(patch.body, QCryptographicHash::Sha256).toBase64()}};
    patch.accept = {204, 409, 460};
    patch.cborAnswer = false;
    patch.resendable = false;
    auto sent = m_client.execute(patch);
    m_bytesSent += length; // a chunk cut off on its way counts whole
    if (!sent)
        return sent.failure();
    if (sent->status != 204) {
        // 409 (offset mismatch) or 460 (the chunk, or at the end the whole file, did not match
        // its checksum and was discarded): ask the server where it stands, then go on from there.
        return ChunkOutcome::Refused;
    }
    const auto next = offsetHeader(*sent, "Upload-Offset");
    if (!next || *next <= offset || *next > offset + length)
        return protocolFailure(QStringLiteral("the upload offset did not advance"));
    Q_EMIT acknowledged(*next - offset);
    offset = *next;
    return ChunkOutcome::Advanced;
}

} // namespace fl::sync
