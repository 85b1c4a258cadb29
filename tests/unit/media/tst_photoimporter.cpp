#include "media/photoimporter.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTest>

using namespace fl;

namespace {

QByteArray fixture(const char *name) {
    QFile file(QStringLiteral(FL_TEST_DATA "/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Decodes without applying EXIF orientation, so stored pixels are compared as stored.
QImage decode(const QByteArray &bytes) {
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(false);
    return reader.read();
}

/// JPEG markers in file order, up to and including the first SOS. An independent walk, so the
/// test does not trust the code it checks.
QList<int> jpegMarkersBeforeScan(const QByteArray &jpeg) {
    QList<int> markers;
    qsizetype pos = 2;
    while (pos + 4 <= jpeg.size() && uchar(jpeg[pos]) == 0xFF) {
        const int marker = uchar(jpeg[pos + 1]);
        markers << marker;
        if (marker == 0xDA)
            break;
        pos += 2 + ((uchar(jpeg[pos + 2]) << 8) | uchar(jpeg[pos + 3]));
    }
    return markers;
}

/// Offset of the first segment with `marker` before the scan data, or of SOS.
qsizetype segmentOffset(const QByteArray &jpeg, int marker) {
    qsizetype pos = 2;
    while (pos + 4 <= jpeg.size() && uchar(jpeg[pos + 1]) != marker && uchar(jpeg[pos + 1]) != 0xDA)
        pos += 2 + ((uchar(jpeg[pos + 2]) << 8) | uchar(jpeg[pos + 3]));
    return pos;
}

qsizetype startOfScan(const QByteArray &jpeg) {
    return segmentOffset(jpeg, 0xDA);
}

QList<QByteArray> pngChunkTypes(const QByteArray &png) {
    QList<QByteArray> types;
    qsizetype pos = 8;
    while (pos + 12 <= png.size()) {
        const quint32 length = (quint32(uchar(png[pos])) << 24) |
                               (quint32(uchar(png[pos + 1])) << 16) |
                               (quint32(uchar(png[pos + 2])) << 8) | quint32(uchar(png[pos + 3]));
        types << png.mid(pos + 4, 4);
        pos += 12 + length;
    }
    return types;
}

bool isReddish(QRgb pixel) {
    return qRed(pixel) > 180 && qGreen(pixel) < 90 && qBlue(pixel) < 90;
}

} // namespace

class TestPhotoImporter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jpegExifIsStrippedAndGpsLifted();
    void jpegStripIsLossless();
    void southWestGpsIsNegative();
    void pngTextChunksAreStrippedAndExifLifted();
    void photoWithoutExifHasNoPositionOrTime();
    void textFileNamedJpgIsUnsupported();
    void otherImageFormatsAreUnsupported();
    void truncatedJpegIsCorrupt_data();
    void truncatedJpegIsCorrupt();
    void truncatedPngIsCorrupt();
    void jpegThatDoesNotDecodeIsCorrupt();
    void downscaleRespectsMaxLongestEdge();
    void pngDownscaleStaysPng();
    void smallPhotoIsNotReencoded();
    void thumbnailHasRequestedLongestEdge();
    void orientationIsAppliedToThumbnailOnly();
    void thumbnailHoldsNoMetadata();
};

void TestPhotoImporter::jpegExifIsStrippedAndGpsLifted() {
    const QByteArray input = fixture("photo_gps.jpg");
    QVERIFY(input.contains("FLSECRET")); // the fixture does carry the metadata
    Result<ImportedPhoto> photo = importPhoto(input);
    QVERIFY2(photo, qPrintable(photo ? QString() : photo.error().message));

    QCOMPARE(photo->mimeType, QStringLiteral("image/jpeg"));
    QCOMPARE(photo->size, QSize(480, 360));
    QCOMPARE(photo->orientation, 1);
    QVERIFY(photo->position);
    QVERIFY(qAbs(photo->position->latitude - 31.2304) < 1e-6);
    QVERIFY(qAbs(photo->position->longitude - 121.4737) < 1e-6);
    QCOMPARE(photo->position->altitude, 12.5);
    QCOMPARE(photo->position->accuracy, 5.0);
    QVERIFY(photo->takenAt);
    QCOMPARE(*photo->takenAt,
             QDateTime(QDate(2024, 5, 17), QTime(9, 30, 15), Qt::OffsetFromUTC, 8 * 3600));
    QCOMPARE(photo->takenAt->toUTC(), QDateTime(QDate(2024, 5, 17), QTime(1, 30, 15), Qt::UTC));

    const QByteArray &image = photo->image;
    QVERIFY(!image.contains("FLSECRET"));
    QVERIFY(!image.contains(QByteArray("Exif\0\0", 6)));
    QVERIFY(!image.contains("http://ns.adobe.com/xap/"));
    QVERIFY(!image.contains("Photoshop 3.0"));
    // Only JFIF, tables, frame and scan headers remain: no APP1, APP13 or COM.
    const QList<int> markers = jpegMarkersBeforeScan(image);
    QCOMPARE(markers.first(), 0xE0);
    for (const int marker : markers)
        QVERIFY2(marker == 0xE0 || marker == 0xDB || marker == 0xC4 || marker == 0xC0 ||
                     marker == 0xDA,
                 qPrintable(QString::number(marker, 16)));
    QVERIFY(image.endsWith("\xFF\xD9"));
}

void TestPhotoImporter::jpegStripIsLossless() {
    const QByteArray input = fixture("photo_gps.jpg");
    Result<ImportedPhoto> photo = importPhoto(input);
    QVERIFY(photo);
    QVERIFY(photo->image.size() < input.size());
    // The compressed scan is copied byte for byte...
    QCOMPARE(photo->image.mid(startOfScan(photo->image)), input.mid(startOfScan(input)));
    // ...so the pixels are exactly the same.
    const QImage before = decode(input);
    const QImage after = decode(photo->image);
    QVERIFY(!before.isNull());
    QCOMPARE(after.size(), before.size());
    QVERIFY(after == before);
}

void TestPhotoImporter::southWestGpsIsNegative() {
    Result<ImportedPhoto> photo = importPhoto(fixture("photo_rotated.jpg"));
    QVERIFY(photo);
    QVERIFY(photo->position);
    QVERIFY(qAbs(photo->position->latitude - -33.4489) < 1e-6);
    QVERIFY(qAbs(photo->position->longitude - -70.6693) < 1e-6);
    QCOMPARE(photo->position->altitude, 520.0);
    QVERIFY(photo->takenAt);
    QCOMPARE(photo->takenAt->date(), QDate(2023, 11, 2));
    QCOMPARE(photo->takenAt->time(), QTime(16, 45));
}

void TestPhotoImporter::pngTextChunksAreStrippedAndExifLifted() {
    const QByteArray input = fixture("photo_text.png");
    const QList<QByteArray> inputChunks = pngChunkTypes(input);
    for (const char *type : {"tEXt", "tIME", "iTXt", "eXIf"})
        QVERIFY2(inputChunks.contains(type), type);

    Result<ImportedPhoto> photo = importPhoto(input);
    QVERIFY2(photo, qPrintable(photo ? QString() : photo.error().message));
    QCOMPARE(photo->mimeType, QStringLiteral("image/png"));
    QCOMPARE(photo->size, QSize(240, 180));
    QVERIFY(!photo->image.contains("FLSECRET"));
    const QList<QByteArray> chunks = pngChunkTypes(photo->image);
    QCOMPARE(chunks.first(), QByteArray("IHDR"));
    QCOMPARE(chunks.last(), QByteArray("IEND"));
    for (const QByteArray &type : chunks)
        QVERIFY2(type == "IHDR" || type == "pHYs" || type == "IDAT" || type == "IEND",
                 type.constData());

    QVERIFY(photo->position);
    QVERIFY(qAbs(photo->position->latitude - 39.9042) < 1e-6);
    QVERIFY(qAbs(photo->position->longitude - 116.4074) < 1e-6);
    QVERIFY(photo->takenAt);
    QCOMPARE(photo->takenAt->date(), QDate(2024, 1, 9));

    const QImage before = decode(input);
    QVERIFY(!before.isNull());
    QVERIFY(decode(photo->image) == before);
}

void TestPhotoImporter::photoWithoutExifHasNoPositionOrTime() {
    Result<ImportedPhoto> first = importPhoto(fixture("photo_rotated.jpg"));
    QVERIFY(first);
    Result<ImportedPhoto> again = importPhoto(first->image);
    QVERIFY(again);
    QVERIFY(!again->position);
    QVERIFY(!again->takenAt);
    QCOMPARE(again->orientation, 1);
    QCOMPARE(again->image, first->image); // stripping is idempotent
}

void TestPhotoImporter::textFileNamedJpgIsUnsupported() {
    const QByteArray input = fixture("not_an_image.jpg");
    QVERIFY(!input.isEmpty());
    Result<ImportedPhoto> photo = importPhoto(input);
    QVERIFY(!photo);
    QCOMPARE(photo.error().code, ErrorCode::Unsupported);
    QVERIFY(photo.error().message.contains(QStringLiteral("not a JPEG or PNG image")));
}

void TestPhotoImporter::otherImageFormatsAreUnsupported() {
    // Qt decodes GIF and BMP, but only JPEG and PNG are accepted.
    const QByteArray gif("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xFF\xFF\xFF"
                         "\x21\xF9\x04\x01\x00\x00\x00\x00\x2C\x00\x00\x00\x00\x01\x00"
                         "\x01\x00\x00\x02\x02\x44\x01\x00\x3B",
                         43);
    QVERIFY(!QImage::fromData(gif).isNull());
    QCOMPARE(importPhoto(gif).error().code, ErrorCode::Unsupported);

    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QByteArray bmp;
    QBuffer buffer(&bmp);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(image.save(&buffer, "bmp"));
    QCOMPARE(importPhoto(bmp).error().code, ErrorCode::Unsupported);

    QCOMPARE(importPhoto(QByteArray()).error().code, ErrorCode::Unsupported);
    QCOMPARE(importPhoto(QByteArray("\xFF\xD8", 2)).error().code, ErrorCode::Unsupported);
}

void TestPhotoImporter::truncatedJpegIsCorrupt_data() {
    const qsizetype size = fixture("photo_gps.jpg").size();
    QTest::addColumn<qsizetype>("keep");
    QTest::newRow("magic only") << qsizetype(3);
    QTest::newRow("inside EXIF") << qsizetype(300);
    QTest::newRow("inside scan") << size / 2;
    QTest::newRow("EOI missing") << size - 2;
    QTest::newRow("half of EOI") << size - 1;
}

void TestPhotoImporter::truncatedJpegIsCorrupt() {
    QFETCH(qsizetype, keep);
    Result<ImportedPhoto> photo = importPhoto(fixture("photo_gps.jpg").left(keep));
    QVERIFY(!photo);
    QCOMPARE(photo.error().code, ErrorCode::Corrupt);
}

void TestPhotoImporter::truncatedPngIsCorrupt() {
    const QByteArray input = fixture("photo_text.png");
    for (const qsizetype keep :
         {qsizetype(8), qsizetype(20), input.size() / 2, input.size() - 12, input.size() - 1}) {
        Result<ImportedPhoto> photo = importPhoto(input.left(keep));
        QVERIFY(!photo);
        QCOMPARE(photo.error().code, ErrorCode::Corrupt);
    }
}

void TestPhotoImporter::jpegThatDoesNotDecodeIsCorrupt() {
    // Intact structure, impossible frame: zero components in the SOF0 header.
    QByteArray input = fixture("photo_gps.jpg");
    const qsizetype sof = segmentOffset(input, 0xC0);
    QCOMPARE(uchar(input[sof + 1]), uchar(0xC0));
    input[sof + 9] = 0;
    Result<ImportedPhoto> photo = importPhoto(input);
    QVERIFY(!photo);
    QCOMPARE(photo.error().code, ErrorCode::Corrupt);
}

void TestPhotoImporter::downscaleRespectsMaxLongestEdge() {
    PhotoImportOptions options;
    options.maxLongestEdge = 200;
    Result<ImportedPhoto> photo = importPhoto(fixture("photo_gps.jpg"), options);
    QVERIFY(photo);
    QCOMPARE(photo->size, QSize(200, 150));
    QCOMPARE(photo->mimeType, QStringLiteral("image/jpeg"));
    QCOMPARE(decode(photo->image).size(), QSize(200, 150));
    QVERIFY(!photo->image.contains("FLSECRET"));
    QVERIFY(!photo->image.contains(QByteArray("Exif\0\0", 6)));
    QVERIFY(photo->position); // lifted before re-encoding
    QCOMPARE(photo->orientation, 1);

    // Portrait after orientation or not, the longest stored edge is what is limited.
    Result<ImportedPhoto> rotated = importPhoto(fixture("photo_rotated.jpg"), options);
    QVERIFY(rotated);
    QCOMPARE(rotated->size, QSize(200, 100));
    QCOMPARE(rotated->orientation, 6);
}

void TestPhotoImporter::pngDownscaleStaysPng() {
    PhotoImportOptions options;
    options.maxLongestEdge = 120;
    Result<ImportedPhoto> photo = importPhoto(fixture("photo_text.png"), options);
    QVERIFY(photo);
    QCOMPARE(photo->mimeType, QStringLiteral("image/png"));
    QVERIFY(photo->image.startsWith("\x89PNG\r\n\x1A\n"));
    QCOMPARE(photo->size, QSize(120, 90));
    QCOMPARE(decode(photo->image).size(), QSize(120, 90));
    QVERIFY(!photo->image.contains("FLSECRET"));
}

void TestPhotoImporter::smallPhotoIsNotReencoded() {
    PhotoImportOptions options;
    options.maxLongestEdge = 480; // equal, not larger: keep the original pixels
    Result<ImportedPhoto> limited = importPhoto(fixture("photo_gps.jpg"), options);
    Result<ImportedPhoto> unlimited = importPhoto(fixture("photo_gps.jpg"));
    QVERIFY(limited && unlimited);
    QCOMPARE(limited->image, unlimited->image);
}

void TestPhotoImporter::thumbnailHasRequestedLongestEdge() {
    Result<ImportedPhoto> photo = importPhoto(fixture("photo_gps.jpg"));
    QVERIFY(photo);
    QVERIFY(photo->thumbnail.startsWith("\xFF\xD8\xFF"));
    QCOMPARE(decode(photo->thumbnail).size(), QSize(320, 240));

    PhotoImportOptions options;
    options.thumbnailEdge = 100;
    photo = importPhoto(fixture("photo_gps.jpg"), options);
    QVERIFY(photo);
    QCOMPARE(decode(photo->thumbnail).size(), QSize(100, 75));

    // A PNG thumbnail is a JPEG too.
    photo = importPhoto(fixture("photo_text.png"), options);
    QVERIFY(photo);
    QVERIFY(photo->thumbnail.startsWith("\xFF\xD8\xFF"));
    QCOMPARE(decode(photo->thumbnail).size(), QSize(100, 75));
}

void TestPhotoImporter::orientationIsAppliedToThumbnailOnly() {
    // 480x240 landscape pixels, EXIF orientation 6 (turn 90° clockwise to view), a red block
    // in the stored top-left corner.
    Result<ImportedPhoto> photo = importPhoto(fixture("photo_rotated.jpg"));
    QVERIFY(photo);
    QCOMPARE(photo->orientation, 6);
    QCOMPARE(photo->size, QSize(480, 240)); // the image keeps its stored pixels
    QVERIFY(isReddish(decode(photo->image).pixel(5, 5)));

    const QImage thumbnail = decode(photo->thumbnail);
    QCOMPARE(thumbnail.size(), QSize(160, 320)); // portrait, as the viewer shows it
    // Turned clockwise, the stored top-left corner is now the top-right one.
    QVERIFY(isReddish(thumbnail.pixel(thumbnail.width() - 5, 5)));
    QVERIFY(!isReddish(thumbnail.pixel(5, 5)));
}

void TestPhotoImporter::thumbnailHoldsNoMetadata() {
    for (const char *name : {"photo_gps.jpg", "photo_rotated.jpg", "photo_text.png"}) {
        Result<ImportedPhoto> photo = importPhoto(fixture(name));
        QVERIFY(photo);
        QVERIFY(!photo->thumbnail.contains("FLSECRET"));
        QVERIFY(!photo->thumbnail.contains(QByteArray("Exif\0\0", 6)));
        for (const int marker : jpegMarkersBeforeScan(photo->thumbnail))
            QVERIFY(marker != 0xE1 && marker != 0xED && marker != 0xFE);
    }
}

QTEST_GUILESS_MAIN(TestPhotoImporter)
#include "tst_photoimporter.moc"
