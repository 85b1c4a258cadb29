#include "media/photoimporter.h"

#include "media/exifreader.h"
#include "media/metadatastripper.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QTransform>

#include <algorithm>

namespace fl {

namespace {

using media::ImageFormat;

Error corrupt() {
    return makeError(ErrorCode::Corrupt,
                     QStringLiteral("The photo is damaged or incomplete and could not be read."));
}

/// `size` scaled so its longest edge is at most `edge`; never enlarged.
QSize fitWithin(QSize size, int edge) {
    const int longest = std::max(size.width(), size.height());
    if (edge <= 0 || longest <= edge)
        return size;
    const double factor = double(edge) / double(longest);
    QSize scaled(std::max(1, qRound(size.width() * factor)),
                 std::max(1, qRound(size.height() * factor)));
    // Rounding must not cost the longest edge its exact target.
    if (size.width() >= size.height())
        scaled.setWidth(edge);
    else
        scaled.setHeight(edge);
    return scaled;
}

/// JPEG has no alpha: transparent areas of a PNG would turn black, so they go on white.
QImage withoutAlpha(const QImage &image) {
    if (!image.hasAlphaChannel())
        return image;
    QImage flat(image.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    QPainter painter(&flat);
    painter.drawImage(0, 0, image);
    painter.end();
    return flat;
}

std::optional<QByteArray> encode(const QImage &image, const char *format, int quality) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (quality >= 0) // for PNG, -1 keeps Qt's default compression level
        writer.setQuality(std::min(quality, 100));
    if (!writer.write(image))
        return std::nullopt;
    buffer.close();
    return bytes;
}

} // namespace

/// Applies an EXIF orientation to pixels, in the order Qt's own auto-transform uses
/// (mirror or flip first, then a quarter turn clockwise).
QImage orientedImage(QImage image, int orientation) {
    bool mirror = false;
    bool flip = false;
    int quarterTurns = 0;
    switch (orientation) {
    case 2:
        mirror = true;
        break;
    case 3:
        quarterTurns = 2;
        break;
    case 4:
        flip = true;
        break;
    case 5: // transpose
        flip = true;
        quarterTurns = 1;
        break;
    case 6:
        quarterTurns = 1;
        break;
    case 7: // transverse
        mirror = true;
        quarterTurns = 1;
        break;
    case 8:
        quarterTurns = 3;
        break;
    default:
        return image;
    }
    if (mirror || flip)
        image = std::move(image).mirrored(mirror, flip);
    if (quarterTurns > 0)
        image = image.transformed(QTransform().rotate(90.0 * quarterTurns));
    return image;
}

namespace {
/// A photo over the size limit is stored re-encoded at the limit; returns the scaled image.
Result<QImage> storeDownscaled(QImageReader &reader, QSize fullSize, ImageFormat format,
                               const PhotoImportOptions &options, ImportedPhoto &photo) {
    const char *qtFormat = format == ImageFormat::Jpeg ? "jpeg" : "png";
    // The JPEG plugin turns a scaled size into DCT scaling: only what is needed is decoded.
    reader.setScaledSize(fitWithin(fullSize, options.maxLongestEdge));
    const QImage scaled = reader.read();
    if (scaled.isNull())
        return corrupt();
    const int quality = format == ImageFormat::Jpeg ? std::max(options.jpegQuality, 0) : -1;
    const auto encoded = encode(scaled, qtFormat, quality);
    if (!encoded)
        return corrupt();
    // Qt writes no metadata of its own beyond JFIF and the colour profile; passing the result
    // through the strip again makes sure of that and checks the output is whole.
    Result<media::StrippedImage> clean =
        format == ImageFormat::Jpeg ? media::stripJpeg(*encoded) : media::stripPng(*encoded);
    if (!clean)
        return clean.error();
    photo.image = std::move(clean->image);
    photo.size = scaled.size();
    return scaled;
}

} // namespace

Result<ImportedPhoto> importPhoto(const QByteArray &bytes, const PhotoImportOptions &options) {
    const ImageFormat format = media::sniffFormat(bytes);
    if (format == ImageFormat::Unknown)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("This file is not a JPEG or PNG image."));
    if (options.thumbnailEdge <= 0 || options.maxLongestEdge < 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Invalid photo size limits."));

    // Structure first: it drops the metadata and catches a cut-off file before any decoding
    // (a decoder would happily fill the missing part of a truncated JPEG with grey).
    Result<media::StrippedImage> stripped =
        format == ImageFormat::Jpeg ? media::stripJpeg(bytes) : media::stripPng(bytes);
    if (!stripped)
        return stripped.error();
    const media::PhotoExif exif = media::readExif(stripped->exif);

    const char *qtFormat = format == ImageFormat::Jpeg ? "jpeg" : "png";
    // Decoding the stripped bytes, not the original, proves that what gets stored is valid.
    // They carry no EXIF any more, so orientation is applied from our own reading of it,
    // which also covers PNG eXIf that Qt's reader ignores: thumbnail and `orientation` agree.
    QBuffer source(&stripped->image);
    source.open(QIODevice::ReadOnly);
    QImageReader reader(&source, qtFormat);
    reader.setAutoTransform(false);
    const QSize fullSize = reader.size();
    if (!fullSize.isValid() || fullSize.isEmpty())
        return corrupt();

    ImportedPhoto photo;
    photo.orientation = exif.orientation;
    photo.position = exif.position;
    photo.takenAt = exif.takenAt;
    photo.mimeType =
        format == ImageFormat::Jpeg ? QStringLiteral("image/jpeg") : QStringLiteral("image/png");

    QImage thumbnailSource;
    const bool downscale = options.maxLongestEdge > 0 &&
                           std::max(fullSize.width(), fullSize.height()) > options.maxLongestEdge;
    if (downscale) {
        auto scaled = storeDownscaled(reader, fullSize, format, options, photo);
        if (!scaled)
            return scaled.error();
        thumbnailSource = scaled->scaled(fitWithin(scaled->size(), options.thumbnailEdge),
                                         Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    } else {
        reader.setScaledSize(fitWithin(fullSize, options.thumbnailEdge));
        thumbnailSource = reader.read();
        if (thumbnailSource.isNull())
            return corrupt();
        photo.image = stripped->image; // shared, not copied; `source` still points at it
        photo.size = fullSize;
    }

    const auto thumbnail =
        encode(withoutAlpha(orientedImage(std::move(thumbnailSource), exif.orientation)), "jpeg",
               std::max(options.thumbnailQuality, 0));
    if (!thumbnail)
        return corrupt();
    photo.thumbnail = *thumbnail;
    return photo;
}

} // namespace fl
