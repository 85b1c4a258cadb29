#include "media/blobstore.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace fl;

namespace {

/// Every file under `root`, temp files included.
QStringList filesUnder(const QString &root) {
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

ino_t inodeOf(const QString &path) {
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

// Exit codes of the full-disk child process.
enum ChildResult { DiskFullAndClean = 0, PutSucceeded, WrongError, LeftFiles, NoLimit };

} // namespace

class TestBlobStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void putThenGetRoundTrips();
    void blobIsFannedOutByTheFirstTwoHexDigits();
    void putCiphertextIsIdempotent();
    void putCiphertextWithWrongHashIsRejected();
    void malformedIdsAreRejected();
    void missingBlobIsNotFound();
    void tamperedFileIsIntegrityError();
    void truncatedFileIsIntegrityError();
    void blobUnderAnotherIdIsIntegrityError();
    void damagedCopyIsReplacedByPutCiphertext();
    void fileHoldsNoPlaintext();
    void fullDiskIsDiskFullAndLeavesNoPartialFile_data();
    void fullDiskIsDiskFullAndLeavesNoPartialFile();
};

void TestBlobStore::putThenGetRoundTrips() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BlobStore store(dir.path());
    const SecretKey key = SecretKey::random();
    const QByteArray plaintext = QByteArray("photo bytes ").repeated(20000);

    Result<blobcipher::BlobInfo> info = store.put(key, plaintext);
    QVERIFY(info);
    QVERIFY(store.contains(info->contentId));
    QCOMPARE(store.sizeOf(info->contentId), info->ciphertextSize);
    QCOMPARE(info->plaintextSize, plaintext.size());

    Result<QByteArray> read = store.get(key, info->contentId);
    QVERIFY(read);
    QCOMPARE(*read, plaintext);
}

void TestBlobStore::blobIsFannedOutByTheFirstTwoHexDigits() {
    QTemporaryDir dir;
    BlobStore store(dir.path());
    const SecretKey key = SecretKey::random();
    Result<blobcipher::BlobInfo> info = store.put(key, "x");
    QVERIFY(info);
    const QString id = QString::fromLatin1(info->contentId);
    const QString expected = dir.path() + QLatin1Char('/') + id.left(2) + QLatin1Char('/') + id;
    QCOMPARE(store.pathFor(info->contentId), expected);
    QCOMPARE(filesUnder(dir.path()), QStringList{expected});
    // The file is the ciphertext itself: its hash is its name.
    QCOMPARE(blobcipher::contentId(readFile(expected)), info->contentId);
}

void TestBlobStore::putCiphertextIsIdempotent() {
    QTemporaryDir dir;
    BlobStore store(dir.path());
    const SecretKey key = SecretKey::random();
    blobcipher::BlobInfo info;
    Result<QByteArray> ciphertext = blobcipher::encryptBytes(key, "evidence", &info);
    QVERIFY(ciphertext);

    QVERIFY(store.putCiphertext(info.contentId, *ciphertext));
    const ino_t first = inodeOf(store.pathFor(info.contentId));
    QVERIFY(first != 0);
    QVERIFY(store.putCiphertext(info.contentId, *ciphertext));
    // Not even rewritten: a rename would have given the path a new inode.
    QCOMPARE(inodeOf(store.pathFor(info.contentId)), first);
    QCOMPARE(filesUnder(dir.path()).size(), 1);
    QCOMPARE(*store.get(key, info.contentId), QByteArray("evidence"));
}

void TestBlobStore::putCiphertextWithWrongHashIsRejected() {
    QTemporaryDir dir;
    BlobStore store(dir.path());
    const SecretKey key = SecretKey::random();
    blobcipher::BlobInfo info;
    QByteArray ciphertext = *blobcipher::encryptBytes(key, "evidence", &info);
    ciphertext[30] = char(ciphertext[30] ^ 0x40);
    Result<void> stored = store.putCiphertext(info.contentId, ciphertext);
    QVERIFY(!stored);
    QCOMPARE(stored.error().code, ErrorCode::Integrity);
    QVERIFY(filesUnder(dir.path()).isEmpty());
}

void TestBlobStore::malformedIdsAreRejected() {
    QTemporaryDir dir;
    BlobStore store(dir.path() + QStringLiteral("/store"));
    const SecretKey key = SecretKey::random();
    const QByteArray valid = blobcipher::contentId("anything");
    for (const QByteArray &id : {QByteArray("../../etc/passwd"), valid.toUpper(), valid.left(63),
                                 QByteArray("../") + valid.mid(3), QByteArray()}) {
        QCOMPARE(store.get(key, id).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(store.putCiphertext(id, "anything").error().code, ErrorCode::InvalidArgument);
        QVERIFY(!store.contains(id));
        QVERIFY(store.pathFor(id).isEmpty());
        QCOMPARE(store.sizeOf(id), qint64(-1));
    }
    QVERIFY(filesUnder(dir.path()).isEmpty());
}

void TestBlobStore::missingBlobIsNotFound() {
    QTemporaryDir dir;
    BlobStore store(dir.path());
    const SecretKey key = SecretKey::random();
    const QByteArray id = blobcipher::contentId("never stored");
    Result<QByteArray> read = store.get(key, id);
    QVERIFY(!read);
    QCOMPARE(read.error().code, ErrorCode::NotFound);
    QVERIFY(!store.contains(id));
    QCOMPARE(store.sizeOf(id), qint64(-1));
}

void TestBlobStore::tamperedFileIsIntegrityError() {
    QTemporaryDir dir;
    BlobStore store(dir.path());
    const SecretKey key = SecretKey::random();
    Result<blobcipher::BlobInfo> info = store.put(key, QByteArray(100000, 'p'));
    QVERIFY(info);
    const QString path = store.pathFor(info->contentId);
    QByteArray bytes = readFile(path);
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
    QVERIFY(writeFile(path, bytes));
    Result<QByteArray> read = store.get(key, info->contentId);
    QVERIFY(!read);
    QCOMPARE(read.error().code, ErrorCode::Integrity);
}

void TestBlobStore::truncatedFileIsIntegrityError() {
    QTemporaryDir dir;
    BlobStore store(dir.path());
    const SecretKey key = SecretKey::random();
    Result<blobcipher::BlobInfo> info = store.put(key, QByteArray(100000, 'p'));
    QVERIFY(info);
    const QString path = store.pathFor(info->contentId);
    QVERIFY(writeFile(path, readFile(path).left(24 + blobcipher::ChunkSize + 17)));
    QCOMPARE(store.get(key, info->contentId).error().code, ErrorCode::Integrity);
}

void TestBlobStore::blobUnderAnotherIdIsIntegrityError() {
    // An intact blob copied over another one still decrypts: only the name check catches it.
    QTemporaryDir dir;
    BlobStore store(dir.path());
    const SecretKey key = SecretKey::random();
    Result<blobcipher::BlobInfo> a = store.put(key, "first photo");
    Result<blobcipher::BlobInfo> b = store.put(key, "second photo");
    QVERIFY(a && b);
    QVERIFY(writeFile(store.pathFor(b->contentId), readFile(store.pathFor(a->contentId))));
    QCOMPARE(store.get(key, b->contentId).error().code, ErrorCode::Integrity);
    QCOMPARE(*store.get(key, a->contentId), QByteArray("first photo"));
}

void TestBlobStore::damagedCopyIsReplacedByPutCiphertext() {
    QTemporaryDir dir;
    BlobStore store(dir.path());
    const SecretKey key = SecretKey::random();
    blobcipher::BlobInfo info;
    const QByteArray ciphertext = *blobcipher::encryptBytes(key, "evidence", &info);
    QVERIFY(store.putCiphertext(info.contentId, ciphertext));
    QByteArray damaged = ciphertext;
    damaged[40] = char(damaged[40] ^ 0x01);
    QVERIFY(writeFile(store.pathFor(info.contentId), damaged));

    // Sync delivers the blob again: the same-size damaged copy must not count as "have it".
    QVERIFY(store.putCiphertext(info.contentId, ciphertext));
    QCOMPARE(*store.get(key, info.contentId), QByteArray("evidence"));
}

void TestBlobStore::fileHoldsNoPlaintext() {
    QTemporaryDir dir;
    BlobStore store(dir.path());
    const SecretKey key = SecretKey::random();
    const QByteArray marker("FLSECRET-BLOB-PLAINTEXT");
    Result<blobcipher::BlobInfo> info = store.put(key, marker.repeated(10000));
    QVERIFY(info);
    const QStringList files = filesUnder(dir.path());
    QCOMPARE(files.size(), 1); // no temp file left behind either
    const QByteArray bytes = readFile(files.first());
    QVERIFY(!bytes.contains(marker));
    QVERIFY(!bytes.contains(marker.left(8)));
}

void TestBlobStore::fullDiskIsDiskFullAndLeavesNoPartialFile_data() {
    QTest::addColumn<qint64>("size");
    // Small blobs reach the disk only in commit()'s flush, large ones in write() itself.
    QTest::newRow("buffered, fails on commit") << qint64(9000);
    QTest::newRow("direct, fails on write") << qint64(1024 * 1024);
}

void TestBlobStore::fullDiskIsDiskFullAndLeavesNoPartialFile() {
    QFETCH(qint64, size);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const SecretKey key = SecretKey::random();
    BlobStore store(dir.path());
    Result<blobcipher::BlobInfo> earlier = store.put(key, "stored before the disk filled");
    QVERIFY(earlier);

    // The file size limit stands in for a full disk; it is set in a child so the test runner
    // itself is never limited.
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        ::signal(SIGXFSZ, SIG_IGN); // get EFBIG from write() instead of being killed
        const rlimit limit{4096, 4096};
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0)
            ::_exit(NoLimit);
        Result<blobcipher::BlobInfo> info = store.put(key, QByteArray(size, 'z'));
        if (info)
            ::_exit(PutSucceeded);
        if (info.error().code != ErrorCode::DiskFull || info.error().message.isEmpty())
            ::_exit(WrongError);
        if (filesUnder(dir.path()).size() != 1)
            ::_exit(LeftFiles);
        ::_exit(DiskFullAndClean);
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), int(DiskFullAndClean));
    QCOMPARE(filesUnder(dir.path()), QStringList{store.pathFor(earlier->contentId)});
    QCOMPARE(*store.get(key, earlier->contentId), QByteArray("stored before the disk filled"));
}

QTEST_GUILESS_MAIN(TestBlobStore)
#include "tst_blobstore.moc"
