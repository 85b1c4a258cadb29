#pragma once

// Private to the vault's own .cpp files: the sizes and labels of the vault file, guarded
// scratch memory, the parsed file and the Vault's private state. Not part of the API.

#include "common/result.h"
#include "vault/secretkey.h"
#include "vault/vault.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QLatin1StringView>
#include <QString>

#include <sodium.h>

#include <cstdlib>

namespace fl::vaultinternal {

constexpr QLatin1StringView FormatName("fieldledger-vault");
constexpr int FormatVersion = 1;
constexpr QLatin1StringView KdfAlgorithm("argon2id13");

constexpr qsizetype DeviceIdBytes = 16;
constexpr qsizetype SaltBytes = crypto_pwhash_SALTBYTES;
constexpr qsizetype NonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype TagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr qsizetype KeyBytes = SecretKey::Size;
// Identity plaintext: Ed25519 seed || X25519 secret key.
constexpr qsizetype IdentityBytes = 2 * KeyBytes;
constexpr qsizetype WrappedKeyBytes = NonceBytes + KeyBytes + TagBytes;
constexpr qsizetype WrappedIdentityBytes = NonceBytes + IdentityBytes + TagBytes;
constexpr qsizetype SealedKeyBytes = crypto_box_SEALBYTES + KeyBytes;
// A vault file is well under 1 KiB; anything far larger is not ours and is not read whole.
constexpr qint64 MaxFileBytes = 64 * 1024;
// Above libsodium's own ceiling, a vault file must not make the device allocate more than this
// (a planted file could otherwise ask for terabytes).
constexpr quint64 MaxMemLimit = quint64(4) * 1024 * 1024 * 1024;

static_assert(KeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(KeyBytes == crypto_sign_SEEDBYTES);
static_assert(KeyBytes == crypto_box_SECRETKEYBYTES);
static_assert(KeyBytes == crypto_scalarmult_BYTES);

// Purpose labels in the AD: a wrapped blob opens only in the slot it was made for.
constexpr QByteArrayView DeviceKeyPurpose = "fieldledger/vault/device-key/v1";
constexpr QByteArrayView IdentityPurpose = "fieldledger/vault/identity/v1";
constexpr QByteArrayView WrappedKeyPurpose = "fieldledger/wrapped-key/v1";

/// sodium_malloc'd scratch for secrets on their way into a SecretKey; zeroed and freed on scope
/// exit.
class SecureBuffer {
public:
    explicit SecureBuffer(qsizetype size)
        : m_data(static_cast<unsigned char *>(sodium_malloc(size_t(size))))
        , m_size(size) {
        if (!m_data)
            std::abort(); // out of locked memory: no safe way on
    }
    ~SecureBuffer() { sodium_free(m_data); }
    SecureBuffer(const SecureBuffer &) = delete;
    SecureBuffer &operator=(const SecureBuffer &) = delete;

    [[nodiscard]] unsigned char *data() { return m_data; }
    [[nodiscard]] qsizetype size() const { return m_size; }
    [[nodiscard]] QByteArrayView view() const {
        return QByteArrayView(reinterpret_cast<const char *>(m_data), m_size);
    }

private:
    unsigned char *m_data;
    qsizetype m_size;
};

inline const unsigned char *bytesOf(QByteArrayView view) {
    static const unsigned char empty = 0;
    return view.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(view.data());
}

inline QByteArrayView keyView(const SecretKey &key) {
    return QByteArrayView(reinterpret_cast<const char *>(key.data()), KeyBytes);
}

inline QByteArray randomBytes(qsizetype size) {
    QByteArray out(size, Qt::Uninitialized);
    randombytes_buf(out.data(), size_t(size));
    return out;
}

/// Opens nonce || ciphertext || tag into guarded memory; false if it does not authenticate.
inline bool openWrapped(const SecretKey &key, QByteArrayView sealed, QByteArrayView ad,
                        SecureBuffer &out) {
    if (key.isNull() || sealed.size() != NonceBytes + out.size() + TagBytes)
        return false;
    const auto *in = reinterpret_cast<const unsigned char *>(sealed.data());
    unsigned long long length = 0;
    return crypto_aead_xchacha20poly1305_ietf_decrypt(
               out.data(), &length, nullptr, in + NonceBytes, quint64(sealed.size() - NonceBytes),
               bytesOf(ad), quint64(ad.size()), in, key.data()) == 0;
}

inline Error corrupt(const QString &detail) {
    return makeError(ErrorCode::Corrupt,
                     QStringLiteral("The vault file is damaged (%1).").arg(detail));
}

inline Error lockedError() {
    return makeError(ErrorCode::Locked, QStringLiteral("The vault is locked. Unlock it first."));
}

inline Error sodiumUnavailable() {
    return makeError(ErrorCode::Unsupported, QStringLiteral("The crypto library failed to start."));
}

inline Error kdfOutOfRange() {
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("Passphrase hashing parameters are out of range."));
}

/// Within libsodium's Argon2id limits and our own memory ceiling (vaultkdf.cpp).
[[nodiscard]] bool validKdf(KdfParams p);

/// The vault file's content (vaultfile.cpp reads and writes it).
struct StoredVault {
    QByteArray deviceId;
    QByteArray signingPublicKey;
    QByteArray boxPublicKey;
    QByteArray salt;
    KdfParams kdf;
    QByteArray wrappedDeviceKey;
    QByteArray wrappedIdentity;
    int failedAttempts = 0;
    QDateTime notBefore; ///< UTC; invalid when no back-off runs
};

/// Reads and parses the file: ErrorCode::NotFound, Io, Corrupt, ForeignFile or Unsupported.
[[nodiscard]] Result<StoredVault> readVaultFile(const QString &path);
/// Written whole or not at all.
[[nodiscard]] Result<void> writeVaultFile(const QString &path, const StoredVault &v);

/// The identity's secret halves, as opened from the file.
struct IdentitySecrets {
    SecretKey signingSeed;
    SecretKey boxSecret;
};

// The wrapped slots of the vault file (vaultsecrets.cpp).
/// Fills in the public keys of the identity.
void setPublicKeys(StoredVault &v, const SecretKey &signingSeed, const SecretKey &boxSecret);
/// The device key wrapped by the passphrase key, bound to v's device id.
[[nodiscard]] QByteArray wrapDeviceKey(const SecretKey &kek, const SecretKey &deviceKey,
                                       const StoredVault &v);
/// Empty SecretKey if kek does not open v's device key (a wrong passphrase).
[[nodiscard]] SecretKey unwrapDeviceKey(const SecretKey &kek, const StoredVault &v);
/// The identity secrets wrapped by the device key, bound to v's device id and public keys.
[[nodiscard]] QByteArray wrapIdentity(const SecretKey &deviceKey, const IdentitySecrets &identity,
                                      const StoredVault &v);
/// ErrorCode::Corrupt if the identity does not open or does not match the public keys.
[[nodiscard]] Result<IdentitySecrets> unwrapIdentity(const SecretKey &deviceKey,
                                                     const StoredVault &v);

} // namespace fl::vaultinternal

namespace fl {

struct Vault::State {
    bool loaded = false;
    vaultinternal::StoredVault file;
    /// Set when a "not before" from the file was pulled back to the maximum delay (the clock was
    /// moved back); persisted at the next unlock attempt so the delay really ends.
    bool notBeforeClamped = false;
    SecretKey deviceKey;
    SecretKey signingSeed;
    SecretKey boxSecret;
};

} // namespace fl
