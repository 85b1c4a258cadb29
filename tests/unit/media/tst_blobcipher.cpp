#include "vault/blobcipher.h"
#include "vault/secretkey.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryFile>
#include <QTest>

#include <sodium.h>

using namespace fl;
using blobcipher::ChunkSize;

namespace {

constexpr qint64 HeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr qint64 ChunkOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr qint64 FullChunk = ChunkSize + ChunkOverhead;

/// Plaintext that differs at every offset, so a misplaced chunk cannot decrypt to the same.
QByteArray pattern(qint64 size) {
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char((i * 7 + 3) & 0xFF);
    return bytes;
}

/// The key the pinned vectors were made with: bytes 0x00..0x1f.
SecretKey pinnedKey() {
    unsigned char raw[SecretKey::Size];
    for (std::size_t i = 0; i < SecretKey::Size; ++i)
        raw[i] = static_cast<unsigned char>(i);
    return SecretKey::fromBytes(raw);
}

QByteArray blake2b256Hex(const QByteArray &bytes) {
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char *>(bytes.data()),
                       quint64(bytes.size()), nullptr, 0);
    return QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex();
}

QByteArray encryptOrFail(const SecretKey &key, const QByteArray &plaintext) {
    Result<QByteArray> ciphertext = blobcipher::encryptBytes(key, plaintext);
    return ciphertext ? ciphertext.value() : QByteArray();
}

} // namespace

class TestBlobCipher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripsAtChunkEdges_data();
    void roundTripsAtChunkEdges();
    void streamsThroughFiles();
    void pinnedShortVectorDecrypts();
    void pinnedTwoChunkVectorDecrypts();
    void tamperingAnyRegionIsIntegrityError_data();
    void tamperingAnyRegionIsIntegrityError();
    void truncationIsIntegrityError_data();
    void truncationIsIntegrityError();
    void dataAfterFinalChunkIsIntegrityError();
    void reorderedChunksAreIntegrityError();
    void wrongKeyIsIntegrityError();
    void contentIdIsHashOfTheWholeFile();
    void samePlaintextGivesDifferentCiphertexts();
    void nullKeyIsRejected();
};

void TestBlobCipher::roundTripsAtChunkEdges_data() {
    QTest::addColumn<qint64>("size");
    QTest::newRow("empty") << qint64(0);
    QTest::newRow("one byte") << qint64(1);
    QTest::newRow("chunk - 1") << ChunkSize - 1;
    QTest::newRow("chunk") << ChunkSize;
    QTest::newRow("chunk + 1") << ChunkSize + 1;
    QTest::newRow("3 chunks + 5") << 3 * ChunkSize + 5;
}

void TestBlobCipher::roundTripsAtChunkEdges() {
    QFETCH(qint64, size);
    const SecretKey key = SecretKey::random();
    const QByteArray plaintext = pattern(size);

    blobcipher::BlobInfo info;
    Result<QByteArray> ciphertext = blobcipher::encryptBytes(key, plaintext, &info);
    QVERIFY(ciphertext);
    // Every chunk but the last is full, so the last is always short (empty for exact multiples).
    const qint64 chunks = size / ChunkSize + 1;
    QCOMPARE(ciphertext->size(), HeaderBytes + size + chunks * ChunkOverhead);
    QCOMPARE(info.ciphertextSize, ciphertext->size());
    QCOMPARE(info.plaintextSize, size);
    QCOMPARE(info.contentId, blobcipher::contentId(*ciphertext));

    Result<QByteArray> decrypted = blobcipher::decryptBytes(key, *ciphertext);
    QVERIFY2(decrypted, qPrintable(decrypted ? QString() : decrypted.error().message));
    QCOMPARE(*decrypted, plaintext);
}

void TestBlobCipher::streamsThroughFiles() {
    const SecretKey key = SecretKey::random();
    const QByteArray plaintext = pattern(2 * ChunkSize + 123);
    QTemporaryFile in;
    QVERIFY(in.open());
    in.write(plaintext);
    in.seek(0);
    QTemporaryFile encrypted;
    QVERIFY(encrypted.open());
    Result<blobcipher::BlobInfo> info = blobcipher::encrypt(key, in, encrypted);
    QVERIFY(info);
    encrypted.seek(0);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QVERIFY(blobcipher::decrypt(key, encrypted, out));
    QCOMPARE(out.data(), plaintext);
}

void TestBlobCipher::pinnedShortVectorDecrypts() {
    // Made once by tests/data/blobvectorgen.c (libsodium alone, not this code): if this
    // breaks, blobs already on devices and servers no longer open.
    const QByteArray ciphertext = QByteArray::fromHex(
        "d53f30c6904c6ca1dcad6b62b6a4f12e6bd9fd9e9be6c1164bf1a1c26c3e735815e2fa51804ec2692d83b94a"
        "177ba55e0ae110ea3bd6ddf71dffa77e0e451eb7339400");
    const SecretKey key = pinnedKey();
    Result<QByteArray> plaintext = blobcipher::decryptBytes(key, ciphertext);
    QVERIFY(plaintext);
    QCOMPARE(*plaintext, QByteArray("FieldLedger blob vector v1"));
    QCOMPARE(blobcipher::contentId(ciphertext),
             QByteArray("2f66d55aadabef88320c7b1188bd7086529a77fffb568e2ed711e1b14425d994"));
}

void TestBlobCipher::pinnedTwoChunkVectorDecrypts() {
    // ChunkSize + 10 bytes of pattern(): one full MESSAGE chunk, then a short FINAL one.
    QFile file(QStringLiteral(FL_TEST_DATA "/blob_vector_v1.bin"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray ciphertext = file.readAll();
    QCOMPARE(blobcipher::contentId(ciphertext),
             QByteArray("217884b2d0e095e068f1032f2f646258a83eb0721f269887c476acf329bc1121"));
    const SecretKey key = pinnedKey();
    Result<QByteArray> plaintext = blobcipher::decryptBytes(key, ciphertext);
    QVERIFY(plaintext);
    QCOMPARE(*plaintext, pattern(ChunkSize + 10));
}

void TestBlobCipher::tamperingAnyRegionIsIntegrityError_data() {
    // Plaintext of 2 full chunks + 100 bytes: header | chunk 1 | chunk 2 | final chunk.
    QTest::addColumn<qint64>("offset");
    QTest::newRow("header first byte") << qint64(0);
    QTest::newRow("header last byte") << HeaderBytes - 1;
    QTest::newRow("chunk 1 tag byte") << HeaderBytes;
    QTest::newRow("chunk 1 body") << HeaderBytes + 1000;
    QTest::newRow("chunk 1 mac") << HeaderBytes + FullChunk - 1;
    QTest::newRow("chunk 2 body") << HeaderBytes + FullChunk + 5;
    QTest::newRow("final chunk body") << HeaderBytes + 2 * FullChunk + 20;
    QTest::newRow("final chunk mac") << HeaderBytes + 2 * FullChunk + 100 + ChunkOverhead - 1;
}

void TestBlobCipher::tamperingAnyRegionIsIntegrityError() {
    QFETCH(qint64, offset);
    const SecretKey key = SecretKey::random();
    QByteArray ciphertext = encryptOrFail(key, pattern(2 * ChunkSize + 100));
    QVERIFY(offset < ciphertext.size());
    ciphertext[offset] = char(ciphertext[offset] ^ 0x01);
    Result<QByteArray> plaintext = blobcipher::decryptBytes(key, ciphertext);
    QVERIFY(!plaintext);
    QCOMPARE(plaintext.error().code, ErrorCode::Integrity);
    QVERIFY(!plaintext.error().message.isEmpty());
}

void TestBlobCipher::truncationIsIntegrityError_data() {
    QTest::addColumn<qint64>("keep");
    QTest::newRow("nothing") << qint64(0);
    QTest::newRow("short header") << HeaderBytes - 1;
    QTest::newRow("header only") << HeaderBytes;
    QTest::newRow("at chunk 1 boundary") << HeaderBytes + FullChunk;
    QTest::newRow("at chunk 2 boundary") << HeaderBytes + 2 * FullChunk;
    QTest::newRow("mid chunk 2") << HeaderBytes + FullChunk + 777;
    QTest::newRow("final chunk minus one byte")
        << HeaderBytes + 2 * FullChunk + 100 + ChunkOverhead - 1;
}

void TestBlobCipher::truncationIsIntegrityError() {
    QFETCH(qint64, keep);
    const SecretKey key = SecretKey::random();
    const QByteArray ciphertext = encryptOrFail(key, pattern(2 * ChunkSize + 100));
    QCOMPARE(ciphertext.size(), HeaderBytes + 2 * FullChunk + 100 + ChunkOverhead);
    Result<QByteArray> plaintext = blobcipher::decryptBytes(key, ciphertext.left(keep));
    QVERIFY(!plaintext);
    QCOMPARE(plaintext.error().code, ErrorCode::Integrity);
}

void TestBlobCipher::dataAfterFinalChunkIsIntegrityError() {
    const SecretKey key = SecretKey::random();
    for (const qint64 size : {qint64(0), qint64(100), ChunkSize}) {
        const QByteArray ciphertext = encryptOrFail(key, pattern(size));
        for (const QByteArray &extra : {QByteArray(1, '\0'), QByteArray(ChunkOverhead, 'x'),
                                        encryptOrFail(key, pattern(10))}) {
            Result<QByteArray> plaintext = blobcipher::decryptBytes(key, ciphertext + extra);
            QVERIFY(!plaintext);
            QCOMPARE(plaintext.error().code, ErrorCode::Integrity);
        }
    }
}

void TestBlobCipher::reorderedChunksAreIntegrityError() {
    const SecretKey key = SecretKey::random();
    const QByteArray ciphertext = encryptOrFail(key, pattern(2 * ChunkSize + 100));
    const QByteArray header = ciphertext.left(HeaderBytes);
    const QByteArray first = ciphertext.mid(HeaderBytes, FullChunk);
    const QByteArray second = ciphertext.mid(HeaderBytes + FullChunk, FullChunk);
    const QByteArray rest = ciphertext.mid(HeaderBytes + 2 * FullChunk);
    Result<QByteArray> plaintext = blobcipher::decryptBytes(key, header + second + first + rest);
    QVERIFY(!plaintext);
    QCOMPARE(plaintext.error().code, ErrorCode::Integrity);
}

void TestBlobCipher::wrongKeyIsIntegrityError() {
    const SecretKey key = SecretKey::random();
    const SecretKey other = SecretKey::random();
    Result<QByteArray> plaintext = blobcipher::decryptBytes(other, encryptOrFail(key, "photo"));
    QVERIFY(!plaintext);
    QCOMPARE(plaintext.error().code, ErrorCode::Integrity);
}

void TestBlobCipher::contentIdIsHashOfTheWholeFile() {
    const SecretKey key = SecretKey::random();
    QBuffer in;
    in.setData(pattern(ChunkSize + 999));
    in.open(QIODevice::ReadOnly);
    QTemporaryFile file;
    QVERIFY(file.open());
    Result<blobcipher::BlobInfo> info = blobcipher::encrypt(key, in, file);
    QVERIFY(info);
    file.close();
    QVERIFY(file.open());
    const QByteArray onDisk = file.readAll();
    QCOMPARE(info->ciphertextSize, onDisk.size());
    QCOMPARE(info->contentId, blake2b256Hex(onDisk));
    QCOMPARE(info->contentId.size(), 64);
    QCOMPARE(info->contentId, info->contentId.toLower());
}

void TestBlobCipher::samePlaintextGivesDifferentCiphertexts() {
    // The stream header is random: equal photos are not recognisable from their blobs.
    const SecretKey key = SecretKey::random();
    QVERIFY(encryptOrFail(key, "same") != encryptOrFail(key, "same"));
}

void TestBlobCipher::nullKeyIsRejected() {
    const SecretKey none;
    Result<QByteArray> ciphertext = blobcipher::encryptBytes(none, "x");
    QVERIFY(!ciphertext);
    QCOMPARE(ciphertext.error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestBlobCipher)
#include "tst_blobcipher.moc"
