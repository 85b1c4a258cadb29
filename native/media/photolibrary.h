#pragma once

#include "common/result.h"
#include "domain/entities.h"
#include "media/photoimporter.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace fl {

class BlobStore;
class Store;

/// Photo evidence attached to records: import (strip, thumbnail), encrypt both images as
/// blobs with the record's campaign key, then write the photo record. Blobs are written
/// before the record, so a record never points at a blob that is not there.
class PhotoLibrary {
public:
    PhotoLibrary(Store &store, BlobStore &blobs)
        : m_store(store)
        , m_blobs(blobs) {}

    /// Imports a JPEG or PNG file and attaches it to the record (finding, interview, ...).
    Result<Photo> importFile(const QString &recordId, const QString &path, const QString &caption,
                             const PhotoImportOptions &options = {});
    Result<Photo> importBytes(const QString &recordId, QByteArray bytes, const QString &caption,
                              const PhotoImportOptions &options = {});

    [[nodiscard]] Result<Photo> photo(const QString &photoId) const;
    [[nodiscard]] Result<QList<Photo>> photos(const QString &recordId) const;
    /// The decrypted image / thumbnail bytes (keep them in memory only).
    [[nodiscard]] Result<QByteArray> image(const QString &photoId) const;
    [[nodiscard]] Result<QByteArray> thumbnail(const QString &photoId) const;

private:
    Result<QByteArray> blob(const QString &photoId, bool thumbnail) const;

    Store &m_store;
    BlobStore &m_blobs;
};

} // namespace fl
