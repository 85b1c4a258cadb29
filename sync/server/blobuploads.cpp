// BlobRoutes: uploads on tus 1.0.0 (creation, termination, checksum).
#include "sync/server/blobroutes.h"

#include "common/sodiumready.h"
#include "sync/protocol/wire.h"
#include "sync/server/authenticator.h"
#include "sync/server/httpsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <sodium.h>
#include <unistd.h>

namespace fl::server {

using http::Failure;
using http::Status;

namespace {

const QByteArray TusVersion = "1.0.0";
const QByteArray OctetStream = "application/octet-stream";

/// Every tus answer carries Tus-Resumable.
QHttpServerResponse tus(QHttpServerResponse r) {
    r.addHeader("Tus-Resumable", TusVersion);
    return r;
}

QHttpServerResponse tusRefuse(const Failure &f) {
    return tus(http::refuse(f));
}

QHttpServerResponse malformed(const QString &why) {
    return tusRefuse({Status::BadRequest, QStringLiteral("malformed"), why});
}

QHttpServerResponse tusNotFound() {
    return tusRefuse(BlobRoutes::notFound());
}

QHttpServerResponse offsetAnswer(Status status, qint64 offset) {
    QHttpServerResponse r(status);
    r.addHeader("Upload-Offset", QByteArray::number(offset));
    return tus(std::move(r));
}

/// tus requests must name the protocol version; OPTIONS is the exception.
std::optional<QHttpServerResponse> checkTusVersion(const QHttpServerRequest &request) {
    if (http::header(request, "Tus-Resumable") == TusVersion)
        return std::nullopt;
    QHttpServerResponse r =
        tusRefuse({Status::PreconditionFailed, QStringLiteral("unsupported_version"),
                   QStringLiteral("Tus-Resumable: 1.0.0 is required")});
    r.addHeader("Tus-Version", TusVersion);
    return r;
}

std::optional<qint64> headerNumber(const QHttpServerRequest &request, QByteArrayView name) {
    const QByteArray v = http::header(request, name);
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    if (v.isEmpty() || !ok || n < 0)
        return std::nullopt;
    return n;
}

/// Upload-Metadata: "key base64,key base64,...".
QHash<QByteArray, QByteArray> parseMetadata(const QByteArray &header) {
    QHash<QByteArray, QByteArray> out;
    for (const QByteArray &pair : header.split(',')) {
        const QList<QByteArray> kv = pair.trimmed().split(' ');
        if (kv.isEmpty() || kv.first().isEmpty())
            continue;
        out.insert(kv.first(), kv.size() > 1 ? QByteArray::fromBase64(kv.at(1)) : QByteArray());
    }
    return out;
}

QString randomId() {
    ensureSodium();
    QByteArray id(16, Qt::Uninitialized);
    randombytes_buf(id.data(), size_t(id.size()));
    return hex(id);
}

/// BLAKE2b-256 of a file, lowercase hex: the content id it must have.
std::optional<QString> contentIdOfFile(const QString &path) {
    ensureSodium();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = f.read(buffer.data(), buffer.size());
        if (n < 0)
            return std::nullopt;
        if (n == 0)
            break;
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(buffer.data()),
                                  quint64(n));
    }
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash_final(&state, digest, sizeof digest);
    return hex(QByteArrayView(reinterpret_cast<const char *>(digest), sizeof digest));
}

/// Upload-Checksum: "<sha1|sha256> <base64>". Returns the failure to answer, if any.
std::optional<QHttpServerResponse> checkChecksum(const QHttpServerRequest &request) {
    const QByteArray header = http::header(request, "Upload-Checksum");
    if (header.isEmpty())
        return std::nullopt;
    const QList<QByteArray> parts = header.simplified().split(' ');
    if (parts.size() != 2)
        return malformed(QStringLiteral("Upload-Checksum must be \"<algorithm> <base64>\""));
    QCryptographicHash::Algorithm algorithm;
    if (parts.at(0) == "sha1")
        algorithm = QCryptographicHash::Sha1;
    else if (parts.at(0) == "sha256")
        algorithm = QCryptographicHash::Sha256;
    else
        return malformed(QStringLiteral("checksum algorithms: sha1, sha256"));
    const QByteArray expected = QByteArray::fromBase64(parts.at(1));
    if (QCryptographicHash::hash(request.body(), algorithm) != expected)
        return tusRefuse({http::ChecksumMismatch, QStringLiteral("checksum_mismatch"),
                          QStringLiteral("the chunk does not match Upload-Checksum; it was "
                                         "discarded")});
    return std::nullopt;
}

/// A PATCH body: the tus media type, at most one chunk's size.
std::optional<QHttpServerResponse> checkChunkShape(const QHttpServerRequest &request) {
    if (!http::hasContentType(request, "application/offset+octet-stream"))
        return tusRefuse({Status::UnsupportedMediaType, QStringLiteral("wrong_content_type"),
                          QStringLiteral("chunks must be application/offset+octet-stream")});
    if (request.body().size() > BlobRoutes::MaxChunkBytes)
        return tusRefuse(
            {Status::PayloadTooLarge, QStringLiteral("body_too_large"),
             QStringLiteral("a chunk is limited to %1 bytes").arg(BlobRoutes::MaxChunkBytes)});
    return std::nullopt;
}

} // namespace

QHttpServerResponse BlobRoutes::options() {
    QHttpServerResponse r(Status::NoContent);
    r.addHeader("Tus-Version", TusVersion);
    r.addHeader("Tus-Extension", "creation,termination,checksum");
    r.addHeader("Tus-Checksum-Algorithm", "sha1,sha256");
    r.addHeader("Tus-Max-Size", QByteArray::number(MaxBlobBytes));
    return tus(std::move(r));
}

QHttpServerResponse BlobRoutes::create(const QHttpServerRequest &request) {
    if (auto r = checkTusVersion(request))
        return std::move(*r);
    Caller caller;
    if (auto f = m_auth.authenticate(request, caller))
        return tusRefuse(*f);
    const auto length = headerNumber(request, "Upload-Length");
    if (!length || *length < 1)
        return malformed(QStringLiteral("Upload-Length must be a positive number"));
    if (*length > MaxBlobBytes)
        return tusRefuse({Status::PayloadTooLarge, QStringLiteral("too_large"),
                          QStringLiteral("blobs are limited to %1 bytes").arg(MaxBlobBytes)});
    const auto meta = parseMetadata(http::header(request, "Upload-Metadata"));
    const QByteArray contentId = meta.value("content_id").toLower();
    const QByteArray rawCampaign = meta.value("campaign");
    if (!isLowerHex(contentId, 64) || rawCampaign.isEmpty())
        return malformed(QStringLiteral("Upload-Metadata needs content_id (64 hex characters) "
                                        "and campaign"));
    QString campaign = QString::fromUtf8(rawCampaign);
    if (rawCampaign.size() == 16 && wire::uuidToBytes(campaign).isEmpty())
        campaign = wire::uuidFromBytes(rawCampaign);
    campaign = normaliseCampaignId(campaign);
    auto member = m_db.isMember(campaign, caller.deviceHex);
    if (!member)
        return tus(http::internalError(member.error()));
    if (!*member)
        return tusRefuse({Status::Forbidden, QStringLiteral("not_member"),
                          QStringLiteral("this device is not a member of the campaign")});

    UploadRow upload;
    upload.id = randomId();
    upload.contentId = QString::fromLatin1(contentId);
    upload.campaignId = campaign;
    upload.createdBy = caller.deviceHex;
    upload.length = *length;
    upload.createdAt = http::nowMs();
    if (auto r = m_db.insertUpload(upload); !r)
        return tus(http::internalError(r.error()));
    if (auto r = adoptIfHeld(upload))
        return std::move(*r);
    QHttpServerResponse r = offsetAnswer(Status::Created, upload.offset);
    r.addHeader("Location", "/v1/blobs/uploads/" + upload.id.toLatin1());
    return r;
}

Result<void> BlobRoutes::adoptFinishedBlob(UploadRow &upload) {
    if (auto r = m_db.completeUpload(upload, http::nowMs()); !r)
        return r;
    QFile::remove(partialFile(upload.id));
    upload.complete = true;
    upload.offset = upload.length;
    return {};
}

std::optional<QHttpServerResponse> BlobRoutes::adoptIfHeld(UploadRow &upload) {
    // A blob the server holds already (its name is its verified hash) needs no bytes, but only
    // from a device that could read it or sent it: anyone else could name a content id seen
    // elsewhere and then download another campaign's ciphertext.
    if (upload.complete || QFileInfo(blobFile(upload.contentId)).size() != upload.length)
        return std::nullopt;
    auto allowed = m_db.mayAdoptBlob(upload.contentId, upload.createdBy);
    if (!allowed)
        return tus(http::internalError(allowed.error()));
    if (!*allowed)
        return std::nullopt;
    if (auto r = adoptFinishedBlob(upload); !r)
        return tus(http::internalError(r.error()));
    return std::nullopt;
}

std::optional<QHttpServerResponse>
BlobRoutes::openOwnUpload(const QString &id, const QHttpServerRequest &request, UploadRow &upload) {
    if (auto r = checkTusVersion(request))
        return std::move(*r);
    Caller caller;
    if (auto f = m_auth.authenticate(request, caller))
        return tusRefuse(*f);
    if (!isLowerHex(id.toLatin1(), 32))
        return tusNotFound();
    return findOwnUpload(id, caller, upload);
}

std::optional<QHttpServerResponse>
BlobRoutes::findOwnUpload(const QString &id, const Caller &caller, UploadRow &upload) {
    auto found = m_db.upload(id);
    if (!found)
        return tus(http::internalError(found.error()));
    // Another device's upload is answered as if it did not exist.
    if (!*found || (*found)->createdBy != caller.deviceHex)
        return tusNotFound();
    upload = **found;
    return std::nullopt;
}

QHttpServerResponse BlobRoutes::head(const QString &id, const QHttpServerRequest &request) {
    UploadRow u;
    if (auto refused = openOwnUpload(id, request, u))
        return std::move(*refused);
    if (auto r = adoptIfHeld(u))
        return std::move(*r);
    QHttpServerResponse r = offsetAnswer(Status::Ok, u.offset);
    r.addHeader("Upload-Length", QByteArray::number(u.length));
    r.addHeader("Cache-Control", "no-store");
    return r;
}

QHttpServerResponse BlobRoutes::patch(const QString &id, const QHttpServerRequest &request) {
    if (auto r = checkTusVersion(request))
        return std::move(*r);
    if (auto r = checkChunkShape(request))
        return std::move(*r);
    const QByteArray chunk = request.body();
    Caller caller;
    if (auto f = m_auth.authenticate(request, caller))
        return tusRefuse(*f);
    if (!isLowerHex(id.toLatin1(), 32))
        return tusNotFound();
    const auto offset = headerNumber(request, "Upload-Offset");
    if (!offset)
        return malformed(QStringLiteral("Upload-Offset is required"));
    UploadRow u;
    if (auto refused = findOwnUpload(id, caller, u))
        return std::move(*refused);
    if (auto r = adoptIfHeld(u))
        return std::move(*r);
    if (*offset != u.offset || (u.complete && !chunk.isEmpty()))
        return tusRefuse(
            {Status::Conflict, QStringLiteral("conflict"),
             QStringLiteral("Upload-Offset does not match the server's (%1)").arg(u.offset)});
    if (u.complete || chunk.isEmpty())
        return offsetAnswer(Status::NoContent, u.offset);
    if (u.offset + chunk.size() > u.length)
        return tusRefuse({Status::PayloadTooLarge, QStringLiteral("too_large"),
                          QStringLiteral("the chunk goes past Upload-Length")});
    if (auto r = checkChecksum(request))
        return std::move(*r);
    if (auto r = writeChunk(u, chunk))
        return std::move(*r);
    const qint64 newOffset = u.offset + chunk.size();
    if (newOffset < u.length) {
        auto moved = m_db.advanceUpload(u.id, u.offset, newOffset);
        if (!moved)
            return tus(http::internalError(moved.error()));
        if (!*moved)
            return tusRefuse({Status::Conflict, QStringLiteral("conflict"),
                              QStringLiteral("another request moved the upload on")});
        return offsetAnswer(Status::NoContent, newOffset);
    }
    return finishUpload(u);
}

std::optional<QHttpServerResponse> BlobRoutes::writeChunk(const UploadRow &u,
                                                          const QByteArray &chunk) {
    QFile f(partialFile(u.id));
    if (!f.open(QIODevice::ReadWrite))
        return tus(http::internalError(makeError(ErrorCode::Io, f.errorString())));
    if (f.size() < u.offset) {
        // The file lost bytes the database counted (it should not: chunks are synced
        // before the offset moves). Move the offset back; the client resumes from HEAD.
        (void)m_db.advanceUpload(u.id, u.offset, f.size());
        return tusRefuse({Status::Conflict, QStringLiteral("conflict"),
                          QStringLiteral("the upload must resume from an earlier offset")});
    }
    // Bytes past the offset are left over from a chunk that was never acknowledged.
    if (!f.resize(u.offset) || !f.seek(u.offset) || f.write(chunk) != chunk.size() || !f.flush() ||
        ::fsync(f.handle()) != 0)
        return tus(http::internalError(makeError(ErrorCode::Io, f.errorString())));
    return std::nullopt;
}

QHttpServerResponse BlobRoutes::finishUpload(UploadRow &u) {
    // Complete: the bytes must hash to the content id they were announced with.
    const QString partial = partialFile(u.id);
    const auto actual = contentIdOfFile(partial);
    if (!actual || *actual != u.contentId) {
        QFile::remove(partial);
        (void)m_db.deleteUpload(u.id);
        return tusRefuse({http::ChecksumMismatch, QStringLiteral("checksum_mismatch"),
                          QStringLiteral("the uploaded bytes do not hash to the content id; the "
                                         "upload was discarded")});
    }
    const QString target = blobFile(u.contentId);
    if (QFile::exists(target))
        QFile::remove(partial);
    else if (!QFile::rename(partial, target))
        return tus(http::internalError(
            makeError(ErrorCode::Io, QStringLiteral("cannot move the finished blob"))));
    if (auto r = adoptFinishedBlob(u); !r)
        return tus(http::internalError(r.error()));
    // Content ids stay out of the info log: they link a device's uploads to other campaigns'.
    qCInfo(lcServer).noquote() << "a blob upload completed," << u.length << "bytes";
    qCDebug(lcServer).noquote() << "blob" << u.contentId << "complete";
    return offsetAnswer(Status::NoContent, u.length);
}

QHttpServerResponse BlobRoutes::terminate(const QString &id, const QHttpServerRequest &request) {
    UploadRow u;
    if (auto refused = openOwnUpload(id, request, u))
        return std::move(*refused);
    // A finished blob stays: only the upload resource goes.
    if (auto r = m_db.deleteUpload(id); !r)
        return tus(http::internalError(r.error()));
    QFile::remove(partialFile(id));
    return tus(QHttpServerResponse(Status::NoContent));
}

} // namespace fl::server
