#pragma once

#include "domain/entities.h"

#include <QByteArrayView>
#include <QDateTime>

#include <optional>

namespace fl::media {

/// What a photo's EXIF block says that the record keeps. Everything else in it is dropped.
struct PhotoExif {
    int orientation = 1; ///< 1..8; 1 when absent or out of range
    std::optional<GeoPosition> position;
    std::optional<QDateTime> takenAt;
};

/// Parses an EXIF block ("Exif\0\0" + TIFF structure) with libexif. Untrusted input: a
/// malformed or missing value is treated as absent, never as an error.
[[nodiscard]] PhotoExif readExif(QByteArrayView exif);

} // namespace fl::media
