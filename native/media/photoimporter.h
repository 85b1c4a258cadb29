#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QByteArray>
#include <QDateTime>
#include <QImage>
#include <QSize>

#include <optional>

namespace fl {

/// How photos are prepared before they are encrypted.
struct PhotoImportOptions {
    int maxLongestEdge = 0;  ///< downscale (re-encode) when larger; 0 keeps the original pixels
    int thumbnailEdge = 320; ///< longest edge of the thumbnail
    int jpegQuality = 88;    ///< for re-encoded images
    int thumbnailQuality = 80;
};

/// A photo ready to be encrypted: both images hold no metadata (no EXIF, XMP, IPTC, comments,
/// text chunks); what the metadata said that matters is lifted out into the fields here,
/// which go into the encrypted record. Everything here is plaintext: keep it in memory only.
struct ImportedPhoto {
    QByteArray image;     ///< JPEG or PNG, metadata stripped (lossless unless downscaled)
    QByteArray thumbnail; ///< JPEG, orientation already applied
    QString mimeType;     ///< "image/jpeg" or "image/png"
    QSize size;           ///< of `image`, before orientation
    int orientation = 1;  ///< EXIF orientation (1..8) the viewer applies
    std::optional<GeoPosition> position;
    std::optional<QDateTime> takenAt;
};

/// Turns untrusted bytes into an ImportedPhoto. Accepts JPEG and PNG by content, not name.
/// ErrorCode::Unsupported for any other format, ErrorCode::Corrupt when the image does not
/// decode (truncated, damaged). Pure: touches no file.
[[nodiscard]] Result<ImportedPhoto> importPhoto(const QByteArray &bytes,
                                                const PhotoImportOptions &options = {});

/// `image` turned the way an EXIF orientation (1..8) says it is viewed; other values leave it
/// as it is. The viewer applies a photo's stored orientation with this (the file has no EXIF).
[[nodiscard]] QImage orientedImage(QImage image, int orientation);

} // namespace fl
