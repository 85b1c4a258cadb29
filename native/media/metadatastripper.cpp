#include "media/metadatastripper.h"

#include <cstring>

namespace fl::media {

namespace {

constexpr unsigned char JpegMagic[] = {0xFF, 0xD8, 0xFF};
constexpr unsigned char PngMagic[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

// JPEG markers (the byte after 0xFF).
constexpr unsigned char MarkerTem = 0x01;
constexpr unsigned char MarkerRst0 = 0xD0;
constexpr unsigned char MarkerRst7 = 0xD7;
constexpr unsigned char MarkerSoi = 0xD8;
constexpr unsigned char MarkerEoi = 0xD9;
constexpr unsigned char MarkerSos = 0xDA;
constexpr unsigned char MarkerApp0 = 0xE0;
constexpr unsigned char MarkerApp1 = 0xE1;
constexpr unsigned char MarkerApp2 = 0xE2;
constexpr unsigned char MarkerApp14 = 0xEE;
constexpr unsigned char MarkerApp15 = 0xEF;
constexpr unsigned char MarkerCom = 0xFE;

constexpr char ExifHeader[] = {'E', 'x', 'i', 'f', '\0', '\0'};

bool startsWith(QByteArrayView data, QByteArrayView prefix) {
    return data.size() >= prefix.size() &&
           std::memcmp(data.data(), prefix.data(), prefix.size()) == 0;
}

unsigned char byteAt(QByteArrayView data, qsizetype i) {
    return static_cast<unsigned char>(data[i]);
}

Error corrupt() {
    return makeError(ErrorCode::Corrupt,
                     QStringLiteral("The photo is damaged or incomplete and could not be read."));
}

/// Whether a JPEG segment survives the strip. Kept: everything that decodes pixels, the JFIF
/// header, the ICC profile and Adobe's colour-transform flag (both change how pixels look).
bool keepJpegSegment(unsigned char marker, QByteArrayView payload) {
    if (marker == MarkerCom)
        return false;
    if (marker < MarkerApp0 || marker > MarkerApp15 || marker == MarkerApp0)
        return true;
    if (marker == MarkerApp2)
        return startsWith(payload, QByteArrayView("ICC_PROFILE\0", 12));
    if (marker == MarkerApp14)
        return startsWith(payload, QByteArrayView("Adobe", 5));
    return false; // APP1 (EXIF, XMP), APP13 (IPTC, Photoshop), and all other APPn
}

/// Returns the offset of the marker that ends the entropy-coded data starting at `pos`
/// (its 0xFF byte), or -1 when the data ends first. Inside entropy data 0xFF is followed by
/// 0x00 (a stuffed byte), a restart marker or a fill byte; anything else ends the scan.
qsizetype endOfEntropyData(QByteArrayView data, qsizetype pos) {
    const qsizetype size = data.size();
    while (pos < size) {
        // memchr is what keeps a 5 MB photo's scan in the low milliseconds.
        const void *hit = std::memchr(data.data() + pos, 0xFF, std::size_t(size - pos));
        if (!hit)
            return -1;
        const qsizetype at = static_cast<const char *>(hit) - data.data();
        if (at + 1 >= size)
            return -1;
        const unsigned char next = byteAt(data, at + 1);
        if (next == 0x00 || (next >= MarkerRst0 && next <= MarkerRst7)) {
            pos = at + 2;
        } else if (next == 0xFF) {
            pos = at + 1; // fill byte: the marker starts at the last 0xFF of the run
        } else {
            return at;
        }
    }
    return -1;
}

quint32 readBigEndian32(QByteArrayView data, qsizetype at) {
    return (quint32(byteAt(data, at)) << 24) | (quint32(byteAt(data, at + 1)) << 16) |
           (quint32(byteAt(data, at + 2)) << 8) | quint32(byteAt(data, at + 3));
}

/// Ancillary PNG chunks that change how the pixels look; every other ancillary chunk goes.
bool keepPngAncillary(QByteArrayView type) {
    static constexpr const char *kept[] = {"tRNS", "gAMA", "cHRM", "sRGB",
                                           "iCCP", "sBIT", "bKGD", "pHYs"};
    for (const char *name : kept) {
        if (type == QByteArrayView(name, 4))
            return true;
    }
    return false;
}

bool isChunkTypeByte(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

} // namespace

ImageFormat sniffFormat(QByteArrayView bytes) {
    if (startsWith(bytes, QByteArrayView(reinterpret_cast<const char *>(JpegMagic), 3)))
        return ImageFormat::Jpeg;
    if (startsWith(bytes, QByteArrayView(reinterpret_cast<const char *>(PngMagic), 8)))
        return ImageFormat::Png;
    return ImageFormat::Unknown;
}

Result<StrippedImage> stripJpeg(QByteArrayView data) {
    if (sniffFormat(data) != ImageFormat::Jpeg)
        return corrupt();
    const qsizetype size = data.size();
    StrippedImage result;
    result.image.reserve(size);
    result.image.append(data.first(2)); // SOI
    qsizetype pos = 2;
    bool sawScan = false;

    for (;;) {
        if (pos >= size || byteAt(data, pos) != 0xFF)
            return corrupt(); // cut short before EOI, or garbage where a marker belongs
        while (pos < size && byteAt(data, pos) == 0xFF)
            ++pos; // fill bytes before a marker carry nothing
        if (pos >= size)
            return corrupt();
        const unsigned char marker = byteAt(data, pos++);

        if (marker == MarkerEoi) {
            if (!sawScan)
                return corrupt();
            result.image.append(char(0xFF));
            result.image.append(char(MarkerEoi));
            // Trailing data after EOI (maker trailers, appended preview images) is dropped.
            return result;
        }
        if (marker == 0x00 || marker == MarkerSoi)
            return corrupt();
        if (marker == MarkerTem || (marker >= MarkerRst0 && marker <= MarkerRst7)) {
            result.image.append(char(0xFF));
            result.image.append(char(marker));
            continue;
        }

        if (pos + 2 > size)
            return corrupt();
        const qsizetype length = (qsizetype(byteAt(data, pos)) << 8) | byteAt(data, pos + 1);
        if (length < 2 || pos + length > size)
            return corrupt();
        const QByteArrayView payload = data.sliced(pos + 2, length - 2);

        if (marker == MarkerApp1 && result.exif.isEmpty() &&
            startsWith(payload, QByteArrayView(ExifHeader, 6)))
            result.exif = payload.toByteArray();
        if (keepJpegSegment(marker, payload)) {
            result.image.append(char(0xFF));
            result.image.append(char(marker));
            result.image.append(data.sliced(pos, length));
        }
        pos += length;

        if (marker == MarkerSos) {
            sawScan = true;
            const qsizetype end = endOfEntropyData(data, pos);
            if (end < 0)
                return corrupt();
            result.image.append(data.sliced(pos, end - pos));
            pos = end;
        }
    }
}

Result<StrippedImage> stripPng(QByteArrayView data) {
    if (sniffFormat(data) != ImageFormat::Png)
        return corrupt();
    const qsizetype size = data.size();
    StrippedImage result;
    result.image.reserve(size);
    result.image.append(data.first(8));
    qsizetype pos = 8;
    bool first = true;

    for (;;) {
        if (pos + 12 > size)
            return corrupt(); // cut short before IEND
        const quint32 length = readBigEndian32(data, pos);
        if (length > 0x7FFFFFFFu || qsizetype(length) > size - pos - 12)
            return corrupt();
        const QByteArrayView type = data.sliced(pos + 4, 4);
        for (qsizetype i = 0; i < 4; ++i) {
            if (!isChunkTypeByte(byteAt(type, i)))
                return corrupt();
        }
        if (first && type != QByteArrayView("IHDR", 4))
            return corrupt();
        first = false;

        // Bit 5 of the first letter (lower case) marks an ancillary chunk; a critical one is
        // needed to decode, so it always stays.
        const bool critical = (byteAt(type, 0) & 0x20) == 0;
        const QByteArrayView body = data.sliced(pos + 8, length);
        if (type == QByteArrayView("eXIf", 4) && result.exif.isEmpty()) {
            result.exif = QByteArray(ExifHeader, 6);
            result.exif.append(body);
        }
        const qsizetype chunkSize = 12 + qsizetype(length);
        if (critical || keepPngAncillary(type))
            result.image.append(data.sliced(pos, chunkSize));
        pos += chunkSize;

        if (type == QByteArrayView("IEND", 4))
            return result; // anything after IEND is dropped
    }
}

} // namespace fl::media
