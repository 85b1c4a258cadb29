#include "media/photolibrary.h"

#include "media/blobstore.h"
#include "store/store.h"

#include <QFile>

#include <sodium.h>

namespace fl {

namespace {
void wipe(QByteArray &bytes) {
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

Photo toPhoto(const Record &r) {
    Photo p;
    fromFields(r.fields, p);
    p.id = r.id;
    if (p.recordId.isEmpty())
        p.recordId = r.parentId;
    return p;
}
} // namespace

Result<Photo> PhotoLibrary::importFile(const QString &recordId, const QString &path,
                                       const QString &caption, const PhotoImportOptions &options) {
    QFile file(path);
    if (!file.exists())
        return makeError(ErrorCode::NotFound, QStringLiteral("No file %1.").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         QStringLiteral("Could not read %1: %2").arg(path, file.errorString()));
    return importBytes(recordId, file.readAll(), caption, options);
}

Result<Photo> PhotoLibrary::importBytes(const QString &recordId, QByteArray bytes,
                                        const QString &caption, const PhotoImportOptions &options) {
    auto owner = m_store.get(recordId);
    if (!owner) {
        wipe(bytes);
        return owner.error();
    }
    auto key = m_store.campaignKey(owner->campaignId);
    if (!key) {
        wipe(bytes);
        return key.error();
    }
    auto imported = importPhoto(bytes, options);
    wipe(bytes);
    if (!imported)
        return imported.error();
    auto image = m_blobs.put(**key, imported->image);
    auto thumb = image ? m_blobs.put(**key, imported->thumbnail) : image;
    const qint64 imageSize = imported->image.size();
    wipe(imported->image);
    wipe(imported->thumbnail);
    if (!image)
        return image.error();
    if (!thumb)
        return thumb.error();

    Photo p;
    p.recordId = recordId;
    p.caption = caption;
    p.takenAt = imported->takenAt.value_or(QDateTime::currentDateTimeUtc());
    p.location = imported->position;
    p.mimeType = imported->mimeType;
    p.width = imported->size.width();
    p.height = imported->size.height();
    p.orientation = imported->orientation;
    p.blobId = image->contentId;
    p.thumbnailBlobId = thumb->contentId;
    p.byteSize = imageSize;
    auto id =
        m_store.create(QLatin1String(recordtype::Photo), owner->campaignId, recordId, toFields(p));
    if (!id)
        return id.error();
    p.id = *id;
    return p;
}

Result<Photo> PhotoLibrary::photo(const QString &photoId) const {
    auto r = m_store.get(photoId);
    if (!r)
        return r.error();
    if (r->type != QLatin1String(recordtype::Photo) || r->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("No photo with id %1.").arg(photoId));
    return toPhoto(*r);
}

Result<QList<Photo>> PhotoLibrary::photos(const QString &recordId) const {
    RecordFilter f;
    f.parentId = recordId;
    auto rows = m_store.list(QLatin1String(recordtype::Photo), f);
    if (!rows)
        return rows.error();
    QList<Photo> out;
    for (const Record &r : std::as_const(*rows))
        out.append(toPhoto(r));
    return out;
}

Result<QByteArray> PhotoLibrary::blob(const QString &photoId, bool thumbnail) const {
    auto rec = m_store.get(photoId);
    if (!rec)
        return rec.error();
    if (rec->type != QLatin1String(recordtype::Photo))
        return makeError(ErrorCode::NotFound, QStringLiteral("No photo with id %1.").arg(photoId));
    const Photo p = toPhoto(*rec);
    const QByteArray id = thumbnail ? p.thumbnailBlobId : p.blobId;
    if (!m_blobs.contains(id))
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("The image of this photo is not on this device yet "
                                        "(pending download or upload)."));
    auto key = m_store.campaignKey(rec->campaignId);
    if (!key)
        return key.error();
    return m_blobs.get(**key, id);
}

Result<QByteArray> PhotoLibrary::image(const QString &photoId) const {
    return blob(photoId, false);
}

Result<QByteArray> PhotoLibrary::thumbnail(const QString &photoId) const {
    return blob(photoId, true);
}

} // namespace fl
