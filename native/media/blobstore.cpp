#include "media/blobstore.h"

#include "common/savefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <utility>

namespace fl {

namespace {

constexpr qsizetype ContentIdLength = 64; // hex of a 32-byte BLAKE2b digest

/// Content ids become file names: only exact lowercase hex is accepted, so a crafted id
/// (from sync) can never name a path outside the store.
bool isValidContentId(const QByteArray &id) {
    if (id.size() != ContentIdLength)
        return false;
    for (const char c : id) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

Error invalidId() {
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("Not a valid file id."));
}

/// A failed write in words: a full disk (ENOSPC, or EFBIG from a file size limit, which Qt
/// reports as a plain WriteError) or any other failure.
Error writeFailure(const SaveFailure &failure) {
    if (failure.diskFull())
        return makeError(ErrorCode::DiskFull,
                         QStringLiteral("There is not enough storage space to save this file. "
                                        "Nothing saved earlier was lost; free some space and "
                                        "try again."));
    return makeError(ErrorCode::Io, QStringLiteral("This file could not be saved to storage. "
                                                   "Nothing saved earlier was lost; try again."));
}

/// True when `path` already holds exactly this ciphertext, so a repeated write can be skipped.
/// A damaged copy under the right name is not a match: it gets replaced.
bool holdsCiphertext(const QString &path, const QByteArray &contentId, qint64 size) {
    QFile file(path);
    if (file.size() != size || !file.open(QIODevice::ReadOnly))
        return false;
    return blobcipher::contentId(file.readAll()) == contentId;
}

} // namespace

BlobStore::BlobStore(QString rootDir)
    : m_root(std::move(rootDir)) {}

QString BlobStore::pathFor(const QByteArray &contentId) const {
    if (!isValidContentId(contentId))
        return {};
    const QString id = QString::fromLatin1(contentId);
    return m_root + QLatin1Char('/') + id.left(2) + QLatin1Char('/') + id;
}

bool BlobStore::contains(const QByteArray &contentId) const {
    const QString path = pathFor(contentId);
    return !path.isEmpty() && QFileInfo(path).isFile();
}

qint64 BlobStore::sizeOf(const QByteArray &contentId) const {
    const QString path = pathFor(contentId);
    if (path.isEmpty())
        return -1;
    const QFileInfo info(path);
    return info.isFile() ? info.size() : -1;
}

Result<blobcipher::BlobInfo> BlobStore::put(const SecretKey &key, const QByteArray &plaintext) {
    blobcipher::BlobInfo info;
    Result<QByteArray> ciphertext = blobcipher::encryptBytes(key, plaintext, &info);
    if (!ciphertext)
        return ciphertext.error();
    Result<void> written = putCiphertext(info.contentId, ciphertext.value());
    if (!written)
        return written.error();
    return info;
}

Result<void> BlobStore::putCiphertext(const QByteArray &contentId, const QByteArray &ciphertext) {
    if (!isValidContentId(contentId))
        return invalidId();
    if (blobcipher::contentId(ciphertext) != contentId)
        return makeError(ErrorCode::Integrity,
                         QStringLiteral("The received file does not match its id: it was "
                                        "damaged or cut short on the way."));

    const QString path = pathFor(contentId);
    if (holdsCiphertext(path, contentId, ciphertext.size()))
        return {};

    const QString dir = QFileInfo(path).absolutePath();
    errno = 0;
    if (!QDir().mkpath(dir))
        return writeFailure({QFileDevice::NoError, errno, {}});
    // Written whole or not at all: a crash or full disk leaves no half blob behind.
    if (auto failed = saveWhole(path, ciphertext))
        return writeFailure(*failed);
    return {};
}

Result<QByteArray> BlobStore::get(const SecretKey &key, const QByteArray &contentId) const {
    if (!isValidContentId(contentId))
        return invalidId();
    QFile file(pathFor(contentId));
    if (!file.exists())
        return makeError(ErrorCode::NotFound, QStringLiteral("This file is not on this device."));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         QStringLiteral("This file could not be read from storage."));
    const QByteArray ciphertext = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return makeError(ErrorCode::Io,
                         QStringLiteral("This file could not be read from storage."));
    // Authenticated decryption alone would accept an intact blob stored under another id.
    if (blobcipher::contentId(ciphertext) != contentId)
        return makeError(ErrorCode::Integrity,
                         QStringLiteral("This file is damaged or was replaced, so it was not "
                                        "opened."));
    return blobcipher::decryptBytes(key, ciphertext);
}

} // namespace fl
