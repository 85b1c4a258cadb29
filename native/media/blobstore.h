#pragma once

#include "common/result.h"
#include "vault/blobcipher.h"
#include "vault/secretkey.h"

#include <QByteArray>
#include <QString>

namespace fl {

/// Encrypted blob files in a folder, each named by its content id (hash of the ciphertext),
/// fanned out as `ab/abcdef...`. Writes go to a temp file of ciphertext, then an atomic
/// rename: no plaintext and no half file is ever on disk.
class BlobStore {
public:
    explicit BlobStore(QString rootDir);

    [[nodiscard]] QString rootDir() const { return m_root; }
    /// Encrypts plaintext with the key and stores it; storing the same ciphertext twice is a no-op.
    [[nodiscard]] Result<blobcipher::BlobInfo> put(const SecretKey &key,
                                                   const QByteArray &plaintext);
    /// Stores an already-encrypted blob (from sync), checking that its hash matches `contentId`.
    [[nodiscard]] Result<void> putCiphertext(const QByteArray &contentId,
                                             const QByteArray &ciphertext);
    /// Decrypts a blob. ErrorCode::NotFound, ErrorCode::Integrity when altered or truncated.
    [[nodiscard]] Result<QByteArray> get(const SecretKey &key, const QByteArray &contentId) const;
    [[nodiscard]] bool contains(const QByteArray &contentId) const;
    [[nodiscard]] QString pathFor(const QByteArray &contentId) const;
    [[nodiscard]] qint64 sizeOf(const QByteArray &contentId) const;

private:
    QString m_root;
};

} // namespace fl
