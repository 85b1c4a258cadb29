#pragma once

#include "common/result.h"
#include "sync/server/bodycaps.h"
#include "sync/server/httpsupport.h"
#include "sync/server/serverdatabase.h"

#include <QString>

#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QHttpServerResponse;

namespace fl::server {

class Authenticator;
struct Caller;

/// Blob uploads on tus 1.0.0 (creation, termination, checksum) and ranged downloads.
/// Finished blobs live in <blob dir>/<content id>, unfinished ones in <blob dir>/uploads/<id>.
class BlobRoutes {
public:
    BlobRoutes(ServerDatabase &db, Authenticator &auth, QString blobDir);

    static constexpr qint64 MaxBlobBytes = 1024ll * 1024 * 1024;     ///< Tus-Max-Size
    static constexpr qsizetype MaxChunkBytes = BodyCaps::ChunkBytes; ///< one PATCH body

    /// Creates the blob folders.
    Result<void> prepare();
    void install(QHttpServer &server);
    /// Deletes unfinished uploads created before `olderThanMs`, with their files.
    void pruneStaleUploads(qint64 olderThanMs);
    /// The one answer of every blob route for what does not exist and for what belongs to
    /// others alike, so that nobody learns which blobs and uploads the server holds.
    [[nodiscard]] static http::Failure notFound();

private:
    QHttpServerResponse options();
    QHttpServerResponse create(const QHttpServerRequest &request);
    QHttpServerResponse head(const QString &id, const QHttpServerRequest &request);
    QHttpServerResponse patch(const QString &id, const QHttpServerRequest &request);
    QHttpServerResponse terminate(const QString &id, const QHttpServerRequest &request);
    /// A signed tus request for the caller's own upload `id`: nothing and `upload` filled, or
    /// the answer (version, signature, 404 for absent and for another device's, 500).
    std::optional<QHttpServerResponse>
    openOwnUpload(const QString &id, const QHttpServerRequest &request, UploadRow &upload);
    /// The upload `id` when it exists and `caller` made it; otherwise the answer (404 or 500).
    std::optional<QHttpServerResponse> findOwnUpload(const QString &id, const Caller &caller,
                                                     UploadRow &upload);
    /// PATCH steps: append the chunk to the partial file, and check and keep a finished blob.
    std::optional<QHttpServerResponse> writeChunk(const UploadRow &upload, const QByteArray &chunk);
    QHttpServerResponse finishUpload(UploadRow &upload);
    /// GET, or HEAD (`headOnly`: the same status and headers, no body).
    void download(const QString &contentId, const QHttpServerRequest &request,
                  QHttpServerResponder &&responder, bool headOnly);
    /// Nothing when `caller` may read the blob; otherwise the answer (404 or 500).
    std::optional<http::Failure> checkReadable(const QString &contentId, const Caller &caller);

    [[nodiscard]] QString blobFile(const QString &contentId) const;
    [[nodiscard]] QString partialFile(const QString &uploadId) const;
    /// Completes an upload whose blob is already on disk (finished by this or another upload).
    Result<void> adoptFinishedBlob(UploadRow &upload);
    /// adoptFinishedBlob() when the blob is on disk already and the upload's device may read it
    /// or sent it before (ServerDatabase::mayAdoptBlob); the answer on failure. Any other
    /// device sends the bytes, which are hashed when complete: what it registers, it holds.
    std::optional<QHttpServerResponse> adoptIfHeld(UploadRow &upload);

    ServerDatabase &m_db;
    Authenticator &m_auth;
    QString m_dir;
};

} // namespace fl::server
