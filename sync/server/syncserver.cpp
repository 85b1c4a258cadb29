#include "sync/server/syncserver.h"

#include "sync/protocol/wire.h"
#include "sync/server/authenticator.h"
#include "sync/server/blobroutes.h"
#include "sync/server/guardedlisteners.h"
#include "sync/server/httpsupport.h"
#include "sync/server/syncroutes.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>

#ifdef Q_OS_UNIX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace fl::server {

SyncServer::SyncServer(QObject *parent)
    : QObject(parent) {
    m_pruneTimer.setInterval(PruneIntervalMs);
    connect(&m_pruneTimer, &QTimer::timeout, this, &SyncServer::prune);
}

SyncServer::~SyncServer() = default;

Result<void> SyncServer::open(const StorageConfig &storage) {
    m_db = std::make_unique<ServerDatabase>();
    if (auto r = m_db->open(storage); !r)
        return r;
    m_auth = std::make_unique<Authenticator>(*m_db);
    m_sync = std::make_unique<SyncRoutes>(*m_db, *m_auth);
    m_blobs = std::make_unique<BlobRoutes>(*m_db, *m_auth, storage.blobPath());
    if (auto r = m_blobs->prepare(); !r)
        return r;
    m_sync->install(m_http);
    m_blobs->install(m_http);
    m_http.setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        http::refuse({http::Status::NotFound, QStringLiteral("not_found"),
                      QStringLiteral("no such route or method")})
            .write(std::move(responder));
    });
    m_http.afterRequest([this](QHttpServerResponse &&response, const QHttpServerRequest &request) {
        // Method, path and status only: never bodies, never queries.
        qCDebug(lcServer).noquote() << http::methodName(request.method()) << request.url().path()
                                    << int(response.statusCode());
        if (response.statusCode() == http::Status::InternalServerError)
            (void)m_db->ping(); // reconnects a lost PostgreSQL connection for the next request
        return std::move(response);
    });
    prune();
    m_pruneTimer.start();
    return {};
}

Result<QUrl> SyncServer::listen(const ListenConfig &config) {
    QHostAddress address;
    if (config.address == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(config.address))
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("--listen needs an IP address, not %1").arg(config.address));
    const bool tls = !config.certFile.isEmpty();
    if (tls != !config.keyFile.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("HTTPS needs both --cert and --key"));
    if (!tls && !address.isLoopback() && !config.allowPlainHttp)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("refusing plain HTTP on %1, which is not a loopback "
                                        "address: give --cert and --key, or "
                                        "--insecure-allow-plain-http")
                             .arg(config.address));
    // Every connection goes through a RequestGuard (guardedlisteners.h), so bodies over a
    // route's cap are refused before Qt HttpServer reads them into memory.
    std::unique_ptr<QTcpServer> listener;
    if (tls) {
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(config.certFile, QSsl::Pem);
        QFile keyFile(config.keyFile);
        if (chain.isEmpty() || !keyFile.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("cannot read the certificate or the key"));
        const QByteArray pem = keyFile.readAll();
        QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the key is not an RSA or EC key in PEM"));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificateChain(chain);
        ssl.setPrivateKey(key);
        ssl.setProtocol(QSsl::TlsV1_2OrLater);
        auto sslListener = std::make_unique<GuardedSslServer>();
        sslListener->setSslConfiguration(ssl);
        listener = std::move(sslListener);
    } else {
        listener = std::make_unique<GuardedTcpServer>();
    }
    if (!listener->listen(address, config.port))
        return makeError(ErrorCode::Io, QStringLiteral("cannot listen on %1 port %2: %3")
                                            .arg(config.address)
                                            .arg(config.port)
                                            .arg(listener->errorString()));
    const quint16 port = listener->serverPort();
    m_http.bind(listener.release()); // now owned by m_http
#ifdef Q_OS_UNIX
    // Answers go out whole at once: with Nagle's algorithm the last part of a large answer (a
    // pull page) waits for the client's delayed acknowledgement, 40 ms on Linux. Accepted
    // connections inherit the option from the listening socket (Linux, the BSDs).
    for (QTcpServer *server : m_http.servers()) {
        const int on = 1;
        if (server->serverPort() == port &&
            ::setsockopt(int(server->socketDescriptor()), IPPROTO_TCP, TCP_NODELAY, &on,
                         sizeof on) != 0)
            qCInfo(lcServer) << "TCP_NODELAY could not be set; large answers may be slower";
    }
#endif
    QUrl url;
    url.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(address.toString());
    url.setPort(port);
    return url;
}

void SyncServer::stopListening() {
    m_pruneTimer.stop();
    for (QTcpServer *server : m_http.servers())
        server->close();
}

void SyncServer::close() {
    // Only after the event loop ended: no handler can run any more, so the routes and the
    // database they use may go before the HTTP server itself.
    stopListening();
    m_blobs.reset();
    m_sync.reset();
    m_auth.reset();
    m_db.reset();
}

void SyncServer::prune() {
    const qint64 now = http::nowMs();
    (void)m_db->pruneNonces(now - Authenticator::NonceMemoryMs);
    m_blobs->pruneStaleUploads(now - StaleUploadMs);
}

} // namespace fl::server
