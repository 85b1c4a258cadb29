// Photo files: uploads (tus, resumable) and downloads (ranged, resumable) of encrypted blobs.
#include "sync/client/syncengine.h"

#include "domain/entities.h"
#include "media/blobstore.h"
#include "store/store.h"
#include "sync/client/syncclient.h"
#include "sync/client/syncengineinternal.h"
#include "sync/client/synclog.h"
#include "sync/client/tusuploader.h"
#include "vault/blobcipher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <limits>

namespace fl::sync {

namespace {

constexpr int PhotoPage = 500;

/// Content ids come from synced records: only exact lowercase hex may name a URL or a file.
bool isContentId(const QByteArray &id) {
    if (id.size() != 64)
        return false;
    return std::all_of(id.cbegin(), id.cend(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

/// One file that arrived damaged, is damaged here, or that the server keeps discarding: it is
/// skipped (and retried at the next sync) so that it does not hold back the other files.
constexpr const char *IntegrityCode = TusUploader::IntegrityCode;
SyncFailure integrityFailure(const QString &detail) {
    return makeFailure(SyncError::Protocol, QLatin1String(IntegrityCode), 0, detail);
}

/// One file the server will not take must not hold back the others.
bool isPerFileFailure(const SyncFailure &f) {
    return f.error == SyncError::BadRequest || f.error == SyncError::Forbidden ||
           f.code == QLatin1String(IntegrityCode);
}

QByteArray tusMetadata(const QByteArray &contentId, const QString &campaignId) {
    return "content_id " + contentId.toBase64() + ",campaign " + campaignId.toUtf8().toBase64();
}

/// GET of a blob, from byte `have` on when part of it is here.
HttpRequest blobRequest(const QByteArray &contentId, qint64 have) {
    HttpRequest get;
    get.target = "/v1/blobs/" + contentId;
    get.accept = {200, 206, 404, 416};
    get.cborAnswer = false;
    get.maxAnswerBytes = 1024 * 1024;
    if (have > 0)
        get.headers.append({"Range", "bytes=" + QByteArray::number(have) + '-'});
    return get;
}

/// Opens the partial file for the answer's body: appended to for a 206, written anew otherwise.
SyncResult<void> openPartial(QFile &partial, const HttpResponse &head, qint64 have) {
    QIODevice::OpenMode mode = QIODevice::WriteOnly;
    if (head.status == 206) {
        // Only the continuation of what is here may be appended.
        if (!head.header("Content-Range").startsWith("bytes " + QByteArray::number(have) + '-'))
            return protocolFailure(QStringLiteral("the server sent another part of the file"));
        mode |= QIODevice::Append;
    } else {
        mode |= QIODevice::Truncate;
    }
    if (!partial.open(mode))
        return localFailure(makeError(ErrorCode::Io, partial.errorString()));
    return {};
}

/// Whether a 206 answer completed the file: "bytes a-b/total" with the file now `total` long.
bool completesFile(const QByteArray &contentRange, const QString &path) {
    const qsizetype slash = contentRange.indexOf('/');
    const qint64 total = slash < 0 ? -1 : contentRange.mid(slash + 1).toLongLong();
    return total > 0 && QFileInfo(path).size() == total;
}

} // namespace

struct SyncEngine::BlobJob {
    QByteArray contentId;
    QString campaignId;
    qint64 size = 0;
    bool thumbnail = false;
};

SyncResult<void> SyncEngine::transferBlobs(SyncReport &report) {
    QList<BlobJob> uploads;
    QList<BlobJob> downloads;
    if (auto r = listBlobJobs(uploads, downloads); !r)
        return r;
    // Smallest first: thumbnails and small photos become visible elsewhere soonest.
    std::stable_sort(uploads.begin(), uploads.end(),
                     [](const BlobJob &a, const BlobJob &b) { return a.size < b.size; });
    if (auto r = uploadBlobs(uploads, report); !r)
        return r;
    std::stable_sort(downloads.begin(), downloads.end(), [](const BlobJob &a, const BlobJob &b) {
        return a.thumbnail != b.thumbnail ? a.thumbnail : a.size < b.size;
    });
    return downloadBlobs(downloads, report);
}

SyncResult<void> SyncEngine::listBlobJobs(QList<BlobJob> &uploads, QList<BlobJob> &downloads) {
    // Photos whose record is not on the server yet wait: a file goes up after its record.
    QSet<QString> unsynced;
    {
        auto pending = m_store->pending(std::numeric_limits<int>::max());
        if (!pending)
            return localFailure(pending.error());
        for (const ChangeSet &cs : std::as_const(*pending))
            unsynced.insert(cs.recordId);
    }
    QSet<QByteArray> seen;
    for (int offset = 0;; offset += PhotoPage) {
        auto page = m_store->list(QLatin1String(recordtype::Photo), {}, offset, PhotoPage);
        if (!page)
            return localFailure(page.error());
        for (const Record &r : std::as_const(*page)) {
            Photo p;
            fromFields(r.fields, p);
            for (const auto &[id, thumb] :
                 {std::pair{p.thumbnailBlobId, true}, std::pair{p.blobId, false}}) {
                if (!isContentId(id) || seen.contains(id))
                    continue;
                seen.insert(id);
                if (!m_blobs->contains(id)) {
                    downloads.append({id, r.campaignId, thumb ? 0 : p.byteSize, thumb});
                    continue;
                }
                if (unsynced.contains(r.id))
                    continue;
                auto state = m_state->blobState(id);
                if (!state)
                    return localFailure(state.error());
                if (*state != "done")
                    uploads.append({id, r.campaignId, m_blobs->sizeOf(id), thumb});
            }
        }
        if (page->size() < PhotoPage)
            return {};
    }
}

SyncResult<void> SyncEngine::uploadBlobs(const QList<BlobJob> &uploads, SyncReport &report) {
    setPhase(SyncProgress::Upload);
    m_progress.toUpload = int(uploads.size());
    publishProgress();
    for (const BlobJob &job : uploads) {
        if (auto r = checkpoint(); !r)
            return r;
        auto done = uploadBlob(job.contentId, job.campaignId, job.size);
        if (!done) {
            const SyncFailure &f = done.failure();
            if (!isPerFileFailure(f))
                return f;
            qCInfo(lcSync) << "a file was not uploaded:" << f.httpStatus << f.code;
            ++report.blobFailures;
            continue;
        }
        ++m_progress.uploaded;
        publishProgress();
    }
    return {};
}

SyncResult<void> SyncEngine::downloadBlobs(const QList<BlobJob> &downloads, SyncReport &report) {
    setPhase(SyncProgress::Download);
    m_progress.toDownload = int(downloads.size());
    publishProgress();
    for (const BlobJob &job : downloads) {
        if (auto r = checkpoint(); !r)
            return r;
        auto got = downloadBlob(job.contentId);
        if (!got) {
            const SyncFailure &f = got.failure();
            if (!isPerFileFailure(f))
                return f;
            ++report.blobFailures;
            continue;
        }
        if (*got) {
            ++m_progress.downloaded;
            publishProgress();
        } else {
            ++report.missingBlobs;
        }
    }
    return {};
}

SyncResult<bool> SyncEngine::uploadBlob(const QByteArray &contentId, const QString &campaignId,
                                        qint64 size) {
    QFile file(m_blobs->pathFor(contentId));
    if (size <= 0 || !file.open(QIODevice::ReadOnly))
        return localFailure(makeError(ErrorCode::Io, QStringLiteral("a photo file could not be "
                                                                    "read for upload")));
    // Photo files are a few MB: read once, checked against their id before anything is sent.
    const QByteArray bytes = file.readAll();
    if (bytes.size() != size || blobcipher::contentId(bytes) != contentId)
        return integrityFailure(QStringLiteral("a photo file on this device is damaged; it was "
                                               "not uploaded"));
    auto state = m_state->blobState(contentId);
    if (!state)
        return localFailure(state.error());
    QUrl location;
    if (state->startsWith("up "))
        location = QUrl(QString::fromUtf8(state->mid(3)));
    // The upload's address is kept before its first byte goes, so a restart resumes it.
    auto sent = m_uploader->upload(
        bytes, tusMetadata(contentId, campaignId), location,
        [&](const QUrl &where) -> SyncResult<void> {
            if (auto r = m_state->setBlobState(contentId, "up " + where.toEncoded()); !r)
                return localFailure(r.error());
            return {};
        });
    if (!sent)
        return sent.failure();
    if (auto r = m_state->setBlobState(contentId, "done"); !r)
        return localFailure(r.error());
    return true;
}

SyncResult<bool> SyncEngine::downloadBlob(const QByteArray &contentId) {
    // A partial download is ciphertext only; it waits in its own folder to be resumed.
    const QString partialDir = m_blobDir + QStringLiteral("/partial");
    if (!QDir().mkpath(partialDir))
        return localFailure(makeError(ErrorCode::Io, QStringLiteral("the download folder could "
                                                                    "not be created")));
    const QString partialPath = partialDir + QLatin1Char('/') + QString::fromLatin1(contentId);
    for (int attempt = 0; attempt < 2; ++attempt) {
        QFile partial(partialPath);
        const qint64 have = partial.exists() ? partial.size() : 0;
        HttpRequest get = blobRequest(contentId, have);
        bool opened = false;
        get.sink = [&](const HttpResponse &head, QByteArrayView chunk) -> SyncResult<void> {
            if (!opened) {
                if (auto r = openPartial(partial, head, have); !r)
                    return r;
                opened = true;
            }
            if (partial.write(chunk.data(), chunk.size()) != chunk.size() || !partial.flush())
                return localFailure(
                    makeError(ErrorCode::DiskFull, QStringLiteral("a downloaded file could not be "
                                                                  "saved")));
            m_progress.bytesDown += chunk.size();
            publishProgress();
            return {};
        };
        auto got = m_client->execute(get);
        partial.close();
        if (!got)
            return got.failure();
        if (got->status == 404)
            return false; // not uploaded by its device yet
        if (got->status == 416) {
            QFile::remove(partialPath); // what is here is not a prefix: fetch it whole
            continue;
        }
        if (got->status == 206 && !completesFile(got->header("Content-Range"), partialPath))
            return protocolFailure(QStringLiteral("a file arrived incomplete"));
        return keepDownloaded(contentId, partialPath);
    }
    return protocolFailure(QStringLiteral("a file could not be downloaded"));
}

SyncResult<bool> SyncEngine::keepDownloaded(const QByteArray &contentId,
                                            const QString &partialPath) {
    QFile whole(partialPath);
    if (!whole.open(QIODevice::ReadOnly))
        return localFailure(makeError(ErrorCode::Io, whole.errorString()));
    const QByteArray ciphertext = whole.readAll();
    whole.close();
    QFile::remove(partialPath);
    // putCiphertext checks the content id: a damaged file is never stored.
    if (auto r = m_blobs->putCiphertext(contentId, ciphertext); !r) {
        if (r.error().code == ErrorCode::Integrity)
            return integrityFailure(r.error().message);
        return localFailure(r.error());
    }
    if (auto r = m_state->setBlobState(contentId, "done"); !r)
        return localFailure(r.error());
    return true;
}

} // namespace fl::sync
