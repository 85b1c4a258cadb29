#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace fl::media {

/// The container formats photo import accepts, told apart by their first bytes.
enum class ImageFormat { Unknown, Jpeg, Png };

/// Looks at magic bytes only; the file name or claimed MIME type is never trusted.
[[nodiscard]] ImageFormat sniffFormat(QByteArrayView bytes);

/// An image with its metadata blocks removed, and the EXIF block that was in it.
struct StrippedImage {
    QByteArray image; ///< same container, same compressed pixels, no metadata
    QByteArray exif;  ///< "Exif\0\0" + TIFF structure, as libexif loads it; empty when none
};

/// Walks JPEG marker segments and copies all but metadata (APP1 EXIF/XMP, APP13, APP2 other
/// than ICC_PROFILE, APP3..APP15 other than APP14 Adobe, COM), byte-exact, without decoding.
/// Anything after EOI is dropped. ErrorCode::Corrupt when a segment is cut or EOI is missing.
[[nodiscard]] Result<StrippedImage> stripJpeg(QByteArrayView bytes);

/// Copies PNG chunks except text, time, EXIF and any ancillary chunk outside a short list
/// that affects how pixels look. Anything after IEND is dropped. ErrorCode::Corrupt when a
/// chunk is cut, the first chunk is not IHDR, or IEND is missing.
[[nodiscard]] Result<StrippedImage> stripPng(QByteArrayView bytes);

} // namespace fl::media
