#pragma once

#include "common/result.h"
#include "vault/secretkey.h"

#include <QByteArray>

class QIODevice;

namespace fl::blobcipher {

/// Plaintext bytes per secretstream chunk. Fixed, so a resumable upload can cut on chunk edges.
constexpr qint64 ChunkSize = 64 * 1024;

/// What an encrypted blob is known by.
struct BlobInfo {
    QByteArray contentId; ///< hex BLAKE2b-256 of the whole ciphertext
    qint64 ciphertextSize = 0;
    qint64 plaintextSize = 0;
};

/// Streams `in` through crypto_secretstream_xchacha20poly1305 into `out`
/// (header, then chunks; the last one tagged FINAL), hashing the ciphertext as it goes.
[[nodiscard]] Result<BlobInfo> encrypt(const SecretKey &key, QIODevice &in, QIODevice &out);

/// Decrypts a stream written by encrypt(). ErrorCode::Integrity when a chunk was altered,
/// reordered or the FINAL chunk is missing (truncation), or data follows it.
[[nodiscard]] Result<void> decrypt(const SecretKey &key, QIODevice &in, QIODevice &out);

/// In-memory conveniences over the streaming functions.
[[nodiscard]] Result<QByteArray> encryptBytes(const SecretKey &key, const QByteArray &plaintext,
                                              BlobInfo *info = nullptr);
[[nodiscard]] Result<QByteArray> decryptBytes(const SecretKey &key, const QByteArray &ciphertext);

/// hex BLAKE2b-256 of bytes: the content id of a ciphertext.
[[nodiscard]] QByteArray contentId(QByteArrayView ciphertext);

} // namespace fl::blobcipher
