#include "vault/blobcipher.h"

#include <QBuffer>
#include <QFileDevice>
#include <QIODevice>

#include <sodium.h>

#include <cerrno>
#include <memory>

namespace fl::blobcipher {

namespace {

constexpr qint64 HeaderSize = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr qint64 ChunkOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr qint64 CipherChunkSize = ChunkSize + ChunkOverhead;
constexpr std::size_t HashSize = 32; // BLAKE2b-256: the content id

/// A heap buffer that is wiped before it is freed, for plaintext and stream state.
class WipedBuffer {
public:
    explicit WipedBuffer(std::size_t size)
        : m_data(std::make_unique<unsigned char[]>(size))
        , m_size(size) {}
    ~WipedBuffer() { sodium_memzero(m_data.get(), m_size); }
    WipedBuffer(const WipedBuffer &) = delete;
    WipedBuffer &operator=(const WipedBuffer &) = delete;

    [[nodiscard]] unsigned char *data() { return m_data.get(); }
    [[nodiscard]] char *chars() { return reinterpret_cast<char *>(m_data.get()); }

private:
    std::unique_ptr<unsigned char[]> m_data;
    std::size_t m_size;
};

/// The stream state holds the chunk key: wipe it however the function returns.
struct StreamState {
    crypto_secretstream_xchacha20poly1305_state state;
    StreamState() = default;
    ~StreamState() { sodium_memzero(&state, sizeof state); }
    StreamState(const StreamState &) = delete;
    StreamState &operator=(const StreamState &) = delete;
};

/// Reads until `size` bytes arrived or the device has no more. QIODevice::read may return
/// fewer bytes than asked on sequential devices, and a short read is how we spot the last
/// chunk, so one short read must not be mistaken for the end.
qint64 readFull(QIODevice &in, char *buffer, qint64 size) {
    qint64 total = 0;
    while (total < size) {
        const qint64 got = in.read(buffer + total, size - total);
        if (got < 0)
            return total > 0 ? total : -1;
        if (got == 0) {
            if (in.isSequential() && !in.atEnd() && in.waitForReadyRead(30000))
                continue;
            break;
        }
        total += got;
    }
    return total;
}

Error integrityError() {
    return makeError(ErrorCode::Integrity,
                     QStringLiteral("The encrypted file is damaged or incomplete: it was altered, "
                                    "cut short or has extra data, so it was not opened."));
}

Error writeError(QIODevice &out) {
    // A full disk and a file size limit are the two failures the user can fix.
    const auto *file = qobject_cast<QFileDevice *>(&out);
    const bool noSpace =
        errno == ENOSPC || errno == EFBIG || (file && file->error() == QFileDevice::ResourceError);
    if (noSpace)
        return makeError(ErrorCode::DiskFull,
                         QStringLiteral("There is not enough storage space to save the file."));
    return makeError(ErrorCode::Io, QStringLiteral("The file could not be written."));
}

bool writeAll(QIODevice &out, const unsigned char *data, qint64 size) {
    return out.write(reinterpret_cast<const char *>(data), size) == size;
}

QByteArray toHex(const unsigned char *hash) {
    QByteArray hex(int(HashSize * 2), Qt::Uninitialized);
    // sodium_bin2hex writes lowercase and a terminating NUL: QByteArray reserves room for it.
    sodium_bin2hex(hex.data(), hex.size() + 1, hash, HashSize);
    return hex;
}

} // namespace

Result<BlobInfo> encrypt(const SecretKey &key, QIODevice &in, QIODevice &out) {
    if (!ensureSodium())
        return makeError(ErrorCode::Io, QStringLiteral("The encryption library did not start."));
    if (key.isNull())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("No key to encrypt with."));

    StreamState stream;
    unsigned char header[HeaderSize];
    crypto_secretstream_xchacha20poly1305_init_push(&stream.state, header, key.data());

    crypto_generichash_state hash;
    crypto_generichash_init(&hash, nullptr, 0, HashSize);
    crypto_generichash_update(&hash, header, HeaderSize);

    errno = 0;
    if (!writeAll(out, header, HeaderSize))
        return writeError(out);

    BlobInfo info;
    info.ciphertextSize = HeaderSize;

    WipedBuffer plain(ChunkSize);
    std::unique_ptr<unsigned char[]> cipher = std::make_unique<unsigned char[]>(CipherChunkSize);
    for (;;) {
        const qint64 got = readFull(in, plain.chars(), ChunkSize);
        if (got < 0)
            return makeError(ErrorCode::Io,
                             QStringLiteral("The file to encrypt could not be read."));
        // Every chunk but the last is full, so the last one is always short (possibly empty):
        // a reader never has to look ahead to know where the stream ends.
        const bool last = got < ChunkSize;
        const unsigned char tag = last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                       : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
        unsigned long long cipherLen = 0;
        crypto_secretstream_xchacha20poly1305_push(&stream.state, cipher.get(), &cipherLen,
                                                   plain.data(), quint64(got), nullptr, 0, tag);
        crypto_generichash_update(&hash, cipher.get(), cipherLen);
        errno = 0;
        if (!writeAll(out, cipher.get(), qint64(cipherLen)))
            return writeError(out);
        info.plaintextSize += got;
        info.ciphertextSize += qint64(cipherLen);
        if (last)
            break;
    }

    unsigned char digest[HashSize];
    crypto_generichash_final(&hash, digest, HashSize);
    info.contentId = toHex(digest);
    return info;
}

Result<void> decrypt(const SecretKey &key, QIODevice &in, QIODevice &out) {
    if (!ensureSodium())
        return makeError(ErrorCode::Io, QStringLiteral("The encryption library did not start."));
    if (key.isNull())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("No key to decrypt with."));

    unsigned char header[HeaderSize];
    if (readFull(in, reinterpret_cast<char *>(header), HeaderSize) != HeaderSize)
        return integrityError();

    StreamState stream;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&stream.state, header, key.data()) != 0)
        return integrityError();

    std::unique_ptr<unsigned char[]> cipher = std::make_unique<unsigned char[]>(CipherChunkSize);
    WipedBuffer plain(ChunkSize);
    for (;;) {
        const qint64 got = readFull(in, reinterpret_cast<char *>(cipher.get()), CipherChunkSize);
        if (got < 0)
            return makeError(ErrorCode::Io,
                             QStringLiteral("The encrypted file could not be read."));
        // Nothing left but no FINAL chunk seen yet: the file was cut, maybe on a chunk edge.
        if (got < ChunkOverhead)
            return integrityError();
        unsigned long long plainLen = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&stream.state, plain.data(), &plainLen, &tag,
                                                       cipher.get(), quint64(got), nullptr, 0) != 0)
            return integrityError();
        const bool last = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        // encrypt() only writes MESSAGE and FINAL; a short chunk must be the final one.
        if (!last &&
            (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE || got != CipherChunkSize))
            return integrityError();
        if (!writeAll(out, plain.data(), qint64(plainLen)))
            return makeError(ErrorCode::Io, QStringLiteral("The decrypted file could not be "
                                                           "written."));
        if (last)
            break;
    }

    char extra = 0;
    if (readFull(in, &extra, 1) != 0)
        return integrityError();
    return {};
}

Result<QByteArray> encryptBytes(const SecretKey &key, const QByteArray &plaintext, BlobInfo *info) {
    QByteArray source = QByteArray::fromRawData(plaintext.constData(), plaintext.size());
    QBuffer in(&source);
    in.open(QIODevice::ReadOnly);
    QByteArray ciphertext;
    // Exact size known up front: one allocation, no reallocations leaving copies behind.
    const qint64 chunks = plaintext.size() / ChunkSize + 1;
    ciphertext.reserve(qsizetype(HeaderSize + plaintext.size() + chunks * ChunkOverhead));
    QBuffer out(&ciphertext);
    out.open(QIODevice::WriteOnly);
    Result<BlobInfo> result = encrypt(key, in, out);
    if (!result)
        return result.error();
    if (info)
        *info = std::move(result.value());
    out.close();
    return ciphertext;
}

Result<QByteArray> decryptBytes(const SecretKey &key, const QByteArray &ciphertext) {
    QByteArray source = QByteArray::fromRawData(ciphertext.constData(), ciphertext.size());
    QBuffer in(&source);
    in.open(QIODevice::ReadOnly);
    QByteArray plaintext;
    plaintext.reserve(qMax<qsizetype>(0, ciphertext.size() - HeaderSize));
    QBuffer out(&plaintext);
    out.open(QIODevice::WriteOnly);
    Result<void> result = decrypt(key, in, out);
    out.close();
    if (!result) {
        // Chunks before the damaged one were authentic, but the caller gets none of them.
        sodium_memzero(plaintext.data(), std::size_t(plaintext.size()));
        return result.error();
    }
    return plaintext;
}

QByteArray contentId(QByteArrayView ciphertext) {
    ensureSodium();
    unsigned char digest[HashSize];
    crypto_generichash(digest, HashSize, reinterpret_cast<const unsigned char *>(ciphertext.data()),
                       quint64(ciphertext.size()), nullptr, 0);
    return toHex(digest);
}

} // namespace fl::blobcipher
