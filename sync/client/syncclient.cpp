#include "sync/client/syncclient.h"

#include "sync/client/synclog.h"
#include "sync/protocol/wire.h"

#include <QCborMap>
#include <QCborValue>
#include <QDateTime>
#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>

#include <cstring>
#include <memory>
#include <optional>

namespace fl::sync {

namespace {

/// The media type without parameters, lower case.
QByteArray mediaType(const QByteArray &contentType) {
    const qsizetype semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.left(semi)).trimmed().toLower();
}

bool isLoopback(const QString &host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool sameOrigin(const QUrl &a, const QUrl &b) {
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
               b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

/// The path and query exactly as they go on the request line: what the signature covers.
QByteArray requestTarget(const QUrl &url) {
    QByteArray t = url.path(QUrl::FullyEncoded).toUtf8();
    if (t.isEmpty())
        t = "/";
    if (url.hasQuery())
        t += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    return t;
}

/// A request body that cannot be rewound: Qt's network layer then reports a connection cut
/// while sending as an error (ContentReSendError) instead of sending the request again.
class OneShotBody : public QIODevice {
public:
    explicit OneShotBody(const QByteArray &data)
        : m_data(data) {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override {
        return m_data.size() - m_pos + QIODevice::bytesAvailable();
    }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::atEnd(); }

protected:
    qint64 readData(char *out, qint64 max) override {
        if (m_pos >= m_data.size())
            return max > 0 ? -1 : 0; // the end of a sequential device
        const qint64 n = std::min(max, qint64(m_data.size()) - m_pos);
        std::memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace

QByteArray HttpResponse::header(QByteArrayView name) const {
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

SyncClient::SyncClient(QObject *parent)
    : QObject(parent) {}

SyncClient::~SyncClient() {
    if (m_current)
        m_current->abort();
}

void SyncClient::setSigner(const QByteArray &deviceId, signing::Signer signer) {
    m_device = deviceId;
    m_signer = std::move(signer);
}

SyncResult<QUrl> SyncClient::checkServerUrl(const QString &text) {
    const QUrl url = QUrl::fromUserInput(text.trimmed());
    const QString scheme = url.scheme().toLower();
    const auto refuse = [&](const QString &why) {
        return SyncFailure{
            SyncError::BadRequest, QStringLiteral("bad_address"), 0,
            QStringLiteral("'%1' cannot be used as the server address: %2.").arg(text, why)};
    };
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")) || url.hasQuery() ||
        url.hasFragment() || !url.userInfo().isEmpty())
        return refuse(QStringLiteral("write it like https://sync.example.org"));
    // Bodies are ciphertext, but ids, clocks and the device's identity are not: only this
    // machine may be spoken to without TLS (PROTOCOL.md).
    if (scheme == QLatin1String("http") && !isLoopback(url.host()))
        return refuse(QStringLiteral("use https:// for a server on another machine"));
    QUrl base = url;
    QString path = base.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    base.setPath(path);
    return base;
}

SyncResult<QUrl> SyncClient::resolve(const HttpRequest &request) const {
    if (!m_base.isValid() || m_base.host().isEmpty())
        return makeFailure(SyncError::NotEnrolled);
    if (request.url.isValid()) {
        const QUrl url = m_base.resolved(request.url);
        // A signed request goes only to the server this device enrolled with.
        if (!sameOrigin(url, m_base))
            return makeFailure(SyncError::Protocol, {}, 0,
                               QStringLiteral("the server pointed to another address"));
        return url;
    }
    QUrl url = m_base;
    const qsizetype q = request.target.indexOf('?');
    const QByteArray path = q < 0 ? request.target : request.target.left(q);
    url.setPath(m_base.path() + QString::fromUtf8(path), QUrl::StrictMode);
    if (q >= 0)
        url.setQuery(QString::fromUtf8(request.target.mid(q + 1)), QUrl::StrictMode);
    return url;
}

void SyncClient::cancel() {
    m_cancelled.store(true);
    const quint64 generation = m_generation.load();
    // On the client's own thread (from a progress handler) the request stops right here;
    // from elsewhere the abort is queued to the client's thread.
    if (QThread::currentThread() == thread()) {
        abortCurrent(generation);
        return;
    }
    QMetaObject::invokeMethod(
        this, [this, generation] { abortCurrent(generation); }, Qt::QueuedConnection);
}

void SyncClient::resetCancel() {
    ++m_generation;
    m_cancelled.store(false);
}

void SyncClient::abortCurrent(quint64 generation) {
    if (generation == m_generation.load() && m_current)
        m_current->abort();
}

SyncResult<HttpResponse> SyncClient::execute(const HttpRequest &request) {
    auto result = executeOnce(request);
    // A network that delivered the request twice (a proxy retrying it) can make the server
    // answer the repeat first: the same request with a fresh nonce goes through, and every
    // request of the protocol may be repeated safely.
    if (!result && request.sign && result.failure().error == SyncError::Unauthorized &&
        result.failure().code == QLatin1String("replayed_nonce")) {
        qCDebug(lcSync) << request.method << "answered replayed_nonce; sending it again";
        result = executeOnce(request);
    }
    return result;
}

namespace {

/// What came back while a request ran.
struct Exchange {
    QByteArray body; ///< the answer's body, unless a sink took it
    qint64 received = 0;
    bool timedOut = false;
    std::optional<SyncFailure> aborted; ///< why we aborted it ourselves, besides time and cancel
    std::optional<HttpResponse> head;   ///< status and headers, for the sink
};

QNetworkRequest networkRequest(const HttpRequest &request, const QUrl &url) {
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    req.setRawHeader("User-Agent", "FieldLedger-sync/1");
    // Asking for identity keeps Qt from decompressing behind our back, so the byte counts
    // checked below are the ones on the wire.
    req.setRawHeader("Accept-Encoding", "identity");
    if (request.cborAnswer)
        req.setRawHeader("Accept", wire::ContentType);
    if (!request.body.isEmpty())
        req.setRawHeader("Content-Type", request.contentType);
    for (const auto &[name, value] : request.headers)
        req.setRawHeader(name, value);
    return req;
}

/// Takes what arrived: a 2xx answer with a sink goes to the sink as it comes, anything else
/// into the body, up to the request's limit.
void drain(QNetworkReply *reply, const HttpRequest &request, Exchange &x) {
    if (!reply->isOpen() || x.aborted)
        return;
    const QByteArray chunk = reply->readAll();
    if (chunk.isEmpty())
        return;
    x.received += chunk.size();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (request.sink && status >= 200 && status <= 299) {
        if (!x.head) {
            x.head.emplace();
            x.head->status = status;
            for (const auto &pair : reply->rawHeaderPairs())
                x.head->headers.append({pair.first, pair.second});
        }
        if (auto r = request.sink(*x.head, chunk); !r) {
            x.aborted = r.failure();
            reply->abort();
        }
    } else if (x.received > request.maxAnswerBytes) {
        x.aborted = makeFailure(SyncError::Protocol, {}, 0,
                                QStringLiteral("the answer is larger than allowed"));
        reply->abort();
    } else {
        x.body += chunk;
    }
}

/// Transport-level errors are below 200 (connection, proxy, TLS); the ones above come from an
/// HTTP status, which is judged by its status.
bool isTransportError(QNetworkReply::NetworkError e) {
    return e != QNetworkReply::NoError && (int(e) < 200 || e == QNetworkReply::ProtocolFailure ||
                                           e == QNetworkReply::ProtocolUnknownError ||
                                           e == QNetworkReply::ProtocolInvalidOperationError);
}

/// An accepted answer is whole: every announced byte arrived (HEAD announces the length of a
/// body it does not send), and a CBOR answer is CBOR and not empty.
SyncResult<void> checkWhole(const HttpResponse &response, const HttpRequest &request) {
    const QByteArray length = response.header("Content-Length");
    if (request.method != "HEAD" && !length.isEmpty()) {
        bool ok = false;
        const qint64 announced = length.trimmed().toLongLong(&ok);
        if (!ok || announced != response.bodyBytes)
            return makeFailure(SyncError::Protocol, {}, response.status,
                               QStringLiteral("the answer was cut off"));
    }
    if (request.cborAnswer && request.method != "HEAD" && response.status != 204) {
        if (mediaType(response.header("Content-Type")) != wire::ContentType)
            return makeFailure(SyncError::Protocol, {}, response.status,
                               QStringLiteral("the answer is not CBOR"));
        if (response.bodyBytes == 0)
            return makeFailure(SyncError::Protocol, {}, response.status,
                               QStringLiteral("the answer is empty"));
    }
    return {};
}

/// The outcome of a finished reply: a typed failure, or the response.
SyncResult<HttpResponse> judge(QNetworkReply *reply, const HttpRequest &request, const QUrl &url,
                               Exchange &x, bool cancelled) {
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();
    if (x.aborted && !cancelled && !x.timedOut)
        return *x.aborted;
    if (cancelled || x.timedOut ||
        (isTransportError(netError) && (status == 0 || request.accept.contains(status)))) {
        qCDebug(lcSync) << request.method << requestTarget(url) << "failed:" << netError << "status"
                        << status << "timed out" << x.timedOut;
        return classifyTransport(int(netError), status, x.timedOut, cancelled);
    }
    if (status == 0)
        return classifyTransport(int(netError), 0, false, false);

    HttpResponse response;
    response.status = status;
    response.bodyBytes = x.received;
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.append({pair.first, pair.second});
    if (!request.accept.contains(status)) {
        std::optional<wire::WireError> err;
        if (mediaType(response.header("Content-Type")) == wire::ContentType)
            err = wire::decodeError(x.body);
        qCDebug(lcSync) << request.method << requestTarget(url) << "answered" << status
                        << (err ? err->code : QString());
        return classifyStatus(status, err ? err->code : QString(), err ? err->message : QString());
    }
    if (auto whole = checkWhole(response, request); !whole)
        return whole.failure();
    response.body = std::move(x.body);
    return response;
}

SyncResult<void> signInto(QNetworkRequest &req, const HttpRequest &request, const QUrl &url,
                          const signing::Signer &signer, const QByteArray &device) {
    if (!signer || device.isEmpty())
        return makeFailure(SyncError::NotEnrolled);
    // The signature covers headers (signing::CoveredHeaders), Host among them: it is set here
    // rather than by Qt, so that the value signed is the value sent.
    req.setRawHeader("Host", signing::hostHeader(url));
    signing::HeaderList sent;
    const QList<QByteArray> names = req.rawHeaderList();
    for (const QByteArray &name : names)
        sent.append({name, req.rawHeader(name)});
    auto headers = signing::sign(signer, device, request.method, requestTarget(url), sent,
                                 request.body, QDateTime::currentMSecsSinceEpoch());
    if (!headers)
        return localFailure(headers.error());
    req.setRawHeader(signing::DeviceHeader, headers->device);
    req.setRawHeader(signing::TimeHeader, headers->time);
    req.setRawHeader(signing::NonceHeader, headers->nonce);
    req.setRawHeader(signing::SignatureHeader, headers->signature);
    return {};
}

QNetworkReply *send(QNetworkAccessManager &nam, QNetworkRequest &req, const HttpRequest &request) {
    QNetworkReply *reply = nullptr;
    if (request.method == "GET") {
        reply = nam.get(req);
    } else if (request.method == "HEAD") {
        reply = nam.head(req);
    } else if (!request.resendable && !request.body.isEmpty()) {
        // Streamed from a device that cannot be rewound, so it needs its length up front.
        req.setHeader(QNetworkRequest::ContentLengthHeader, request.body.size());
        req.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *body = new OneShotBody(request.body);
        reply = nam.sendCustomRequest(req, request.method, body);
        // The network thread reads it until the reply is gone, which is after this request
        // returns when it was cut or cancelled: it lives exactly as long as the reply.
        body->setParent(reply);
    } else {
        reply = nam.sendCustomRequest(req, request.method, request.body);
    }
    // A streamed body is handed on as it comes, never held whole in memory.
    if (request.sink)
        reply->setReadBufferSize(256 * 1024);
    return reply;
}

/// Runs the reply to its end in a local event loop; it is aborted after `timeout` without
/// progress. Progress is announced through the client's signals.
void waitFor(SyncClient &client, QNetworkReply *reply, const HttpRequest &request,
             std::chrono::milliseconds timeout, Exchange &x) {
    QEventLoop loop;
    QTimer idle;
    idle.setSingleShot(true);
    const auto activity = [&] {
        idle.start(timeout);
    };
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        activity();
        drain(reply, request, x);
    });
    QObject::connect(reply, &QNetworkReply::uploadProgress, &loop, [&](qint64 sent, qint64 total) {
        activity();
        Q_EMIT client.uploadProgress(sent, total);
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [&](qint64 got, qint64 total) {
        activity();
        Q_EMIT client.downloadProgress(got, total);
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&idle, &QTimer::timeout, &loop, [&] {
        x.timedOut = true;
        reply->abort();
    });
    activity();
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    idle.stop();
    drain(reply, request, x);
}

} // namespace

SyncResult<HttpResponse> SyncClient::executeOnce(const HttpRequest &request) {
    if (m_cancelled.load())
        return makeFailure(SyncError::Cancelled);
    auto url = resolve(request);
    if (!url)
        return url.failure();
    if (!m_nam) {
        m_nam = new QNetworkAccessManager(this);
        // Redirects are not followed: they would change the signed path.
        m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    QNetworkRequest req = networkRequest(request, *url);
    if (request.sign) {
        if (auto signedOk = signInto(req, request, *url, m_signer, m_device); !signedOk)
            return signedOk.failure();
    }
    QNetworkReply *reply = send(*m_nam, req, request);
    m_current = reply;
    Exchange x;
    waitFor(*this, reply, request, m_timeout, x);
    m_current = nullptr;
    reply->deleteLater();
    return judge(reply, request, *url, x, m_cancelled.load());
}

SyncResult<QByteArray> SyncClient::cbor(const QByteArray &method, const QByteArray &target,
                                        const QByteArray &body) {
    HttpRequest r;
    r.method = method;
    r.target = target;
    r.body = body;
    auto response = execute(r);
    if (!response)
        return response.failure();
    return std::move(response->body);
}

SyncResult<void> SyncClient::probe() {
    HttpRequest r;
    r.target = "/v1/health";
    r.sign = false;
    r.maxAnswerBytes = 64 * 1024;
    auto response = execute(r);
    if (!response)
        return response.failure();
    QCborParserError err;
    const QCborValue v = QCborValue::fromCbor(response->body, &err);
    if (err.error != QCborError::NoError ||
        v.toMap().value(QLatin1String("status")).toString() != QLatin1String("ok"))
        return makeFailure(SyncError::Protocol, {}, response->status,
                           QStringLiteral("this address does not answer like a FieldLedger "
                                          "server"));
    return {};
}

} // namespace fl::sync
