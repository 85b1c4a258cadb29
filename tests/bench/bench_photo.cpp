// Times what saving one 12-megapixel photo costs: importPhoto (strip metadata, read EXIF,
// decode to a thumbnail) plus BlobStore::put of the image and the thumbnail (encrypt, write,
// fsync, rename). Prints one line per metric; the goal is p99 < 250 ms for the whole.
//
//   bench_photo [runs]     (default 20; the first 2 extra runs warm caches and are dropped)

#include "media/blobstore.h"
#include "media/exifreader.h"
#include "media/metadatastripper.h"
#include "media/photoimporter.h"

#include <libexif/exif-data.h>
#include <libexif/exif-utils.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace fl;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// Nearest-rank percentile: with n < 100 runs, p99 is the slowest run.
double percentile(std::vector<double> samples, double p) {
    std::sort(samples.begin(), samples.end());
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(samples.size())));
    return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

void report(const char *name, const std::vector<double> &samples) {
    std::printf("%s p50_ms=%.1f p99_ms=%.1f n=%zu\n", name, percentile(samples, 50),
                percentile(samples, 99), samples.size());
}

/// A smooth two-axis gradient with per-pixel noise: compresses like a photo, not like a
/// flat test card (about 4 MB at quality 92).
QImage photoLikeImage(int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator noise(12345);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const quint32 r = noise.generate();
            const int n1 = int(r & 31) - 16;
            const int n2 = int((r >> 5) & 31) - 16;
            const int n3 = int((r >> 10) & 31) - 16;
            const double fx = double(x) / width;
            const double fy = double(y) / height;
            line[x] = qRgb(qBound(0, int(30 + 190 * fx + 20 * std::sin(fy * 9)) + n1, 255),
                           qBound(0, int(50 + 160 * fy + 25 * std::sin(fx * 7)) + n2, 255),
                           qBound(0, int(200 - 150 * (fx * fy)) + n3, 255));
        }
    }
    return image;
}

ExifEntry *addEntry(ExifData *exif, ExifIfd ifd, int tag, ExifFormat format,
                    unsigned long components) {
    ExifMem *mem = exif_mem_new_default();
    ExifEntry *entry = exif_entry_new_mem(mem);
    const unsigned int size = exif_format_get_size(format) * components;
    entry->data = static_cast<unsigned char *>(exif_mem_alloc(mem, size));
    entry->size = size;
    entry->tag = static_cast<ExifTag>(tag);
    entry->format = format;
    entry->components = components;
    exif_content_add_entry(exif->ifd[ifd], entry);
    exif_mem_unref(mem);
    exif_entry_unref(entry); // the content holds it now
    return entry;
}

void setAscii(ExifData *exif, ExifIfd ifd, int tag, const char *text) {
    const auto length = std::strlen(text) + 1;
    ExifEntry *entry = addEntry(exif, ifd, tag, EXIF_FORMAT_ASCII, length);
    std::memcpy(entry->data, text, length);
}

void setDegrees(ExifData *exif, int tag, double value) {
    ExifEntry *entry = addEntry(exif, EXIF_IFD_GPS, tag, EXIF_FORMAT_RATIONAL, 3);
    const ExifByteOrder order = exif_data_get_byte_order(exif);
    const double minutes = (value - std::floor(value)) * 60;
    const ExifRational parts[3] = {
        {ExifLong(std::floor(value)), 1},
        {ExifLong(std::floor(minutes)), 1},
        {ExifLong(std::lround((minutes - std::floor(minutes)) * 6000)), 100}};
    for (int i = 0; i < 3; ++i)
        exif_set_rational(entry->data + 8 * i, order, parts[i]);
}

/// An APP1 EXIF segment such as a phone writes: camera, time, orientation, GPS.
QByteArray exifSegment() {
    ExifData *exif = exif_data_new();
    exif_data_set_byte_order(exif, EXIF_BYTE_ORDER_INTEL);
    setAscii(exif, EXIF_IFD_0, EXIF_TAG_MAKE, "BenchCam");
    setAscii(exif, EXIF_IFD_0, EXIF_TAG_MODEL, "BenchCam 12MP");
    setAscii(exif, EXIF_IFD_0, EXIF_TAG_IMAGE_DESCRIPTION, "bench photo");
    ExifEntry *orientation = addEntry(exif, EXIF_IFD_0, EXIF_TAG_ORIENTATION, EXIF_FORMAT_SHORT, 1);
    exif_set_short(orientation->data, exif_data_get_byte_order(exif), 1);
    setAscii(exif, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL, "2024:05:17 09:30:15");
    setAscii(exif, EXIF_IFD_GPS, EXIF_TAG_GPS_LATITUDE_REF, "N");
    setDegrees(exif, EXIF_TAG_GPS_LATITUDE, 31.2304);
    setAscii(exif, EXIF_IFD_GPS, EXIF_TAG_GPS_LONGITUDE_REF, "E");
    setDegrees(exif, EXIF_TAG_GPS_LONGITUDE, 121.4737);

    unsigned char *data = nullptr;
    unsigned int size = 0;
    exif_data_save_data(exif, &data, &size); // starts with "Exif\0\0"
    exif_data_unref(exif);
    QByteArray segment("\xFF\xE1", 2);
    segment.append(char((size + 2) >> 8));
    segment.append(char((size + 2) & 0xFF));
    segment.append(reinterpret_cast<const char *>(data), qsizetype(size));
    std::free(data);
    return segment;
}

QByteArray makeTwelveMegapixelJpeg() {
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(92);
    if (!writer.write(photoLikeImage(4000, 3000)))
        return {};
    return jpeg.insert(2, exifSegment()); // right after SOI, where cameras put it
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(15, std::atoi(argv[1])) : 20;
    constexpr int warmUp = 2;

    const QByteArray jpeg = makeTwelveMegapixelJpeg();
    if (jpeg.isEmpty()) {
        std::fprintf(stderr, "could not encode the test photo\n");
        return 1;
    }
    const media::PhotoExif check = media::readExif(media::stripJpeg(jpeg)->exif);
    if (!check.position) {
        std::fprintf(stderr, "the generated EXIF block has no GPS position\n");
        return 1;
    }
    std::printf("photo_input width=4000 height=3000 bytes=%lld exif=yes\n",
                static_cast<long long>(jpeg.size()));

    QTemporaryDir dir;
    BlobStore store(dir.path());
    const SecretKey key = SecretKey::random();
    const PhotoImportOptions options;

    std::vector<double> total, import, strip, thumbnail, encryptWrite;
    for (int run = 0; run < warmUp + runs; ++run) {
        // Parts, each on its own, so the breakdown does not depend on importPhoto's insides.
        auto start = Clock::now();
        Result<media::StrippedImage> stripped = media::stripJpeg(jpeg);
        const media::PhotoExif exif = media::readExif(stripped->exif);
        const double stripMs = msSince(start);

        start = Clock::now();
        QBuffer source(&stripped->image);
        source.open(QIODevice::ReadOnly);
        QImageReader reader(&source, "jpeg");
        reader.setScaledSize(QSize(320, 240));
        const QImage small = reader.read();
        QByteArray thumbBytes;
        QBuffer thumbBuffer(&thumbBytes);
        thumbBuffer.open(QIODevice::WriteOnly);
        QImageWriter thumbWriter(&thumbBuffer, "jpeg");
        thumbWriter.setQuality(options.thumbnailQuality);
        const bool thumbOk = !small.isNull() && thumbWriter.write(small);
        const double thumbnailMs = msSince(start);

        // The measured whole: what the app does when the inspector takes a photo.
        start = Clock::now();
        Result<ImportedPhoto> photo = importPhoto(jpeg, options);
        const double importMs = msSince(start);
        if (!photo || !thumbOk || exif.orientation != 1) {
            std::fprintf(stderr, "import failed\n");
            return 1;
        }
        const auto writeStart = Clock::now();
        Result<blobcipher::BlobInfo> image = store.put(key, photo->image);
        Result<blobcipher::BlobInfo> thumb = store.put(key, photo->thumbnail);
        const double writeMs = msSince(writeStart);
        if (!image || !thumb) {
            std::fprintf(stderr, "put failed: %s\n",
                         qPrintable((image ? thumb.error() : image.error()).message));
            return 1;
        }
        if (run < warmUp)
            continue;
        total.push_back(importMs + writeMs);
        import.push_back(importMs);
        strip.push_back(stripMs);
        thumbnail.push_back(thumbnailMs);
        encryptWrite.push_back(writeMs);
    }

    report("photo_import_12mp", total);
    report("photo_import_only", import);
    report("photo_strip_exif", strip);
    report("photo_thumbnail", thumbnail);
    report("photo_encrypt_write", encryptWrite);
    std::printf("photo_target p99_ms<250 %s\n", percentile(total, 99) < 250 ? "met" : "NOT met");
    return 0;
}
