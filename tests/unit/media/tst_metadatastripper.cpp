#include "media/metadatastripper.h"

#include <QTest>

using namespace fl;
using namespace fl::media;

namespace {

/// A JPEG marker segment: FF, marker, 16-bit length (counting itself), payload.
QByteArray segment(int marker, const QByteArray &payload) {
    QByteArray bytes;
    bytes.append(char(0xFF));
    bytes.append(char(marker));
    const int length = int(payload.size()) + 2;
    bytes.append(char(length >> 8));
    bytes.append(char(length & 0xFF));
    return bytes + payload;
}

/// A PNG chunk; the CRC is left zero because the stripper copies chunks without decoding.
QByteArray chunk(const char *type, const QByteArray &body) {
    QByteArray bytes;
    const quint32 length = quint32(body.size());
    bytes.append(char(length >> 24));
    bytes.append(char((length >> 16) & 0xFF));
    bytes.append(char((length >> 8) & 0xFF));
    bytes.append(char(length & 0xFF));
    bytes.append(type, 4);
    bytes.append(body);
    bytes.append(4, '\0');
    return bytes;
}

/// A literal with its embedded NULs (a const char * would stop at the first one).
template<qsizetype N> QByteArray bytes(const char (&literal)[N]) {
    return QByteArray(literal, N - 1);
}

const QByteArray Soi("\xFF\xD8", 2);
const QByteArray Eoi("\xFF\xD9", 2);
const QByteArray PngSignature("\x89PNG\r\n\x1A\n", 8);

const QByteArray App0 = segment(0xE0, QByteArray("JFIF\0\1\1\0\0\1\0\1\0\0", 14));
const QByteArray Exif = segment(0xE1, QByteArray("Exif\0\0MM\0*secret-exif", 21));
const QByteArray Xmp = segment(0xE1, bytes("http://ns.adobe.com/xap/1.0/\0secret-xmp"));
const QByteArray Icc = segment(0xE2, QByteArray("ICC_PROFILE\0\1\1profile", 21));
const QByteArray Mpf = segment(0xE2, QByteArray("MPF\0secret-mpf", 14));
const QByteArray App3 = segment(0xE3, "secret-app3");
const QByteArray Iptc = segment(0xED, bytes("Photoshop 3.0\0secret-iptc"));
const QByteArray Adobe = segment(0xEE, QByteArray("Adobe\0\144\0\0\0\0\1", 12));
const QByteArray App14Other = segment(0xEE, "secret-app14");
const QByteArray App15 = segment(0xEF, "secret-app15");
const QByteArray Comment = segment(0xFE, "secret-comment");
const QByteArray Dqt = segment(0xDB, QByteArray(65, '\x10'));
const QByteArray Sof = segment(0xC0, QByteArray("\x08\0\x10\0\x10\x01\x01\x11\0", 9));
const QByteArray Dht = segment(0xC4, QByteArray(20, '\x01'));
const QByteArray Sos = segment(0xDA, QByteArray("\x01\x01\0\0\x3F\0", 6));
// Entropy data with a stuffed 0xFF00, a restart marker and a fill byte before the next marker.
const QByteArray Entropy("\x12\x34\xFF\x00\x56\xFF\xD0\x78\x9A\xFF", 10);

} // namespace

class TestMetadataStripper : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void formatIsSniffedFromMagicBytes();
    void jpegKeepsIccAndAdobeAndDropsOtherApplicationSegments();
    void jpegExifBlockIsHandedBack();
    void jpegSegmentsBetweenProgressiveScansAreWalked();
    void jpegDataAfterEoiIsDropped();
    void jpegStructureErrorsAreCorrupt_data();
    void jpegStructureErrorsAreCorrupt();
    void pngKeepsCriticalAndListedChunksOnly();
    void pngStructureErrorsAreCorrupt_data();
    void pngStructureErrorsAreCorrupt();
};

void TestMetadataStripper::formatIsSniffedFromMagicBytes() {
    QCOMPARE(sniffFormat(QByteArray("\xFF\xD8\xFF\xE0", 4)), ImageFormat::Jpeg);
    QCOMPARE(sniffFormat(PngSignature + "...."), ImageFormat::Png);
    QCOMPARE(sniffFormat("GIF89a"), ImageFormat::Unknown);
    QCOMPARE(sniffFormat(QByteArray("\xFF\xD8", 2)), ImageFormat::Unknown);
    QCOMPARE(sniffFormat(PngSignature.left(7)), ImageFormat::Unknown);
    QCOMPARE(sniffFormat(QByteArray()), ImageFormat::Unknown);
}

void TestMetadataStripper::jpegKeepsIccAndAdobeAndDropsOtherApplicationSegments() {
    const QByteArray input = Soi + App0 + Exif + Xmp + Icc + Mpf + App3 + Iptc + Adobe +
                             App14Other + App15 + Comment + Dqt + Sof + Dht + Sos + Entropy + Eoi;
    Result<StrippedImage> stripped = stripJpeg(input);
    QVERIFY(stripped);
    QCOMPARE(stripped->image, Soi + App0 + Icc + Adobe + Dqt + Sof + Dht + Sos + Entropy + Eoi);
    QVERIFY(!stripped->image.contains("secret"));
}

void TestMetadataStripper::jpegExifBlockIsHandedBack() {
    Result<StrippedImage> stripped = stripJpeg(Soi + Xmp + Exif + Dqt + Sos + Entropy + Eoi);
    QVERIFY(stripped);
    QCOMPARE(stripped->exif, Exif.mid(4)); // the payload, from "Exif\0\0" on
    Result<StrippedImage> none = stripJpeg(Soi + Xmp + Dqt + Sos + Entropy + Eoi);
    QVERIFY(none);
    QVERIFY(none->exif.isEmpty());
}

void TestMetadataStripper::jpegSegmentsBetweenProgressiveScansAreWalked() {
    const QByteArray input =
        Soi + Dqt + Sof + Dht + Sos + Entropy + Dht + Comment + App15 + Sos + Entropy + Eoi;
    Result<StrippedImage> stripped = stripJpeg(input);
    QVERIFY(stripped);
    QCOMPARE(stripped->image, Soi + Dqt + Sof + Dht + Sos + Entropy + Dht + Sos + Entropy + Eoi);
}

void TestMetadataStripper::jpegDataAfterEoiIsDropped() {
    // Phones append preview images (with their own EXIF) after EOI.
    const QByteArray image = Soi + Dqt + Sos + Entropy + Eoi;
    Result<StrippedImage> stripped = stripJpeg(image + Soi + Exif + Eoi + "secret-trailer");
    QVERIFY(stripped);
    QCOMPARE(stripped->image, image);
}

void TestMetadataStripper::jpegStructureErrorsAreCorrupt_data() {
    QTest::addColumn<QByteArray>("input");
    const QByteArray whole = Soi + App0 + Dqt + Sos + Entropy + Eoi;
    QTest::newRow("no EOI") << whole.chopped(2);
    QTest::newRow("cut in entropy data") << (Soi + Dqt + Sos + Entropy.left(4));
    QTest::newRow("cut in a segment") << (Soi + App0.left(8));
    QTest::newRow("length past the end") << (Soi + QByteArray("\xFF\xE0\x00\x10x", 5));
    QTest::newRow("length below 2") << (Soi + QByteArray("\xFF\xE0\x00\x01", 4) + Eoi);
    QTest::newRow("garbage between segments") << (Soi + App0 + "junk" + Dqt + Sos + Entropy + Eoi);
    QTest::newRow("no scan") << (Soi + App0 + Dqt + Eoi);
    QTest::newRow("second SOI") << (Soi + Soi + Dqt + Sos + Entropy + Eoi);
    QTest::newRow("not a JPEG") << QByteArray("plain text");
}

void TestMetadataStripper::jpegStructureErrorsAreCorrupt() {
    QFETCH(QByteArray, input);
    Result<StrippedImage> stripped = stripJpeg(input);
    QVERIFY(!stripped);
    QCOMPARE(stripped.error().code, ErrorCode::Corrupt);
}

void TestMetadataStripper::pngKeepsCriticalAndListedChunksOnly() {
    const QByteArray ihdr = chunk("IHDR", QByteArray(13, '\1'));
    const QByteArray plte = chunk("PLTE", QByteArray(6, '\2'));
    const QByteArray idat = chunk("IDAT", "pixels");
    const QByteArray iend = chunk("IEND", {});
    QByteArray kept = PngSignature + ihdr;
    QByteArray input = PngSignature + ihdr;
    for (const char *type : {"gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs", "tRNS"}) {
        kept += chunk(type, "look");
        input += chunk(type, "look");
    }
    for (const char *type : {"tEXt", "zTXt", "iTXt", "eXIf", "tIME", "prVt", "acTL", "fcTL"})
        input += chunk(type, "secret");
    input += plte + idat + chunk("fdAT", "secret") + idat + iend + "secret-trailer";
    kept += plte + idat + idat + iend;

    Result<StrippedImage> stripped = stripPng(input);
    QVERIFY(stripped);
    QCOMPARE(stripped->image, kept);
    QCOMPARE(stripped->exif, QByteArray("Exif\0\0secret", 12));
}

void TestMetadataStripper::pngStructureErrorsAreCorrupt_data() {
    QTest::addColumn<QByteArray>("input");
    const QByteArray ihdr = chunk("IHDR", QByteArray(13, '\1'));
    const QByteArray idat = chunk("IDAT", "pixels");
    QTest::newRow("no IEND") << (PngSignature + ihdr + idat);
    QTest::newRow("cut in a chunk") << (PngSignature + ihdr + idat.left(9));
    QTest::newRow("IDAT before IHDR") << (PngSignature + idat + ihdr + chunk("IEND", {}));
    QTest::newRow("bad chunk type")
        << (PngSignature + ihdr + chunk("ID@T", "x") + chunk("IEND", {}));
    QTest::newRow("huge length") << (PngSignature + ihdr + QByteArray("\xFF\xFF\xFF\xF0IDAT", 8));
    QTest::newRow("signature only") << PngSignature;
}

void TestMetadataStripper::pngStructureErrorsAreCorrupt() {
    QFETCH(QByteArray, input);
    Result<StrippedImage> stripped = stripPng(input);
    QVERIFY(!stripped);
    QCOMPARE(stripped.error().code, ErrorCode::Corrupt);
}

QTEST_GUILESS_MAIN(TestMetadataStripper)
#include "tst_metadatastripper.moc"
