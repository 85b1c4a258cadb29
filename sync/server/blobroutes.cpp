// BlobRoutes: the blob folders, the routes and the clean-up of abandoned uploads. The tus
// upload handlers are in blobuploads.cpp, downloads in blobdownloads.cpp.
#include "sync/server/blobroutes.h"

#include <QDir>
#include <QFile>
#include <QHttpServer>

namespace fl::server {

using Method = QHttpServerRequest::Method;

BlobRoutes::BlobRoutes(ServerDatabase &db, Authenticator &auth, QString blobDir)
    : m_db(db)
    , m_auth(auth)
    , m_dir(std::move(blobDir)) {}

http::Failure BlobRoutes::notFound() {
    return {http::Status::NotFound, QStringLiteral("not_found"),
            QStringLiteral("no such blob or upload")};
}

QString BlobRoutes::blobFile(const QString &contentId) const {
    return m_dir + QLatin1Char('/') + contentId;
}

QString BlobRoutes::partialFile(const QString &uploadId) const {
    return m_dir + QStringLiteral("/uploads/") + uploadId;
}

Result<void> BlobRoutes::prepare() {
    if (!QDir().mkpath(m_dir + QStringLiteral("/uploads")))
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot create the blob folder %1").arg(m_dir));
    return {};
}

void BlobRoutes::install(QHttpServer &server) {
    server.route("/v1/blobs", Method::Options, [this] { return options(); });
    server.route("/v1/blobs", Method::Post,
                 [this](const QHttpServerRequest &r) { return create(r); });
    server.route("/v1/blobs/uploads/<arg>", Method::Head,
                 [this](const QString &id, const QHttpServerRequest &r) { return head(id, r); });
    server.route("/v1/blobs/uploads/<arg>", Method::Patch,
                 [this](const QString &id, const QHttpServerRequest &r) { return patch(id, r); });
    server.route(
        "/v1/blobs/uploads/<arg>", Method::Delete,
        [this](const QString &id, const QHttpServerRequest &r) { return terminate(id, r); });
    server.route(
        "/v1/blobs/<arg>", Method::Get,
        [this](const QString &id, const QHttpServerRequest &r, QHttpServerResponder &&responder) {
            download(id, r, std::move(responder), false);
        });
    server.route(
        "/v1/blobs/<arg>", Method::Head,
        [this](const QString &id, const QHttpServerRequest &r, QHttpServerResponder &&responder) {
            download(id, r, std::move(responder), true);
        });
}

void BlobRoutes::pruneStaleUploads(qint64 olderThanMs) {
    auto stale = m_db.staleUploads(olderThanMs);
    if (!stale)
        return;
    for (const QString &id : std::as_const(*stale)) {
        QFile::remove(partialFile(id));
        (void)m_db.deleteUpload(id);
    }
}

} // namespace fl::server
