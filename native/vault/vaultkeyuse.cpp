// Use of the identity and device key while unlocked: signing, wrapping other keys, opening keys
// sealed to this device. Thread-safe: each holds the key lock for reading, so lock() waits.

#include "vault/recordcipher.h"
#include "vault/vaultinternal.h"

#include <QReadWriteLock>

namespace fl {

using namespace vaultinternal;

QByteArray Vault::deviceId() const {
    QReadLocker keys(&m_keysLock);
    return m_state->file.deviceId;
}

QByteArray Vault::signingPublicKey() const {
    QReadLocker keys(&m_keysLock);
    return m_state->file.signingPublicKey;
}

QByteArray Vault::boxPublicKey() const {
    QReadLocker keys(&m_keysLock);
    return m_state->file.boxPublicKey;
}

Result<QByteArray> Vault::sign(QByteArrayView message) const {
    QReadLocker keys(&m_keysLock);
    if (m_state->deviceKey.isNull())
        return lockedError();
    // The 64-byte expanded key exists only for the length of this call.
    SecureBuffer sk(crypto_sign_SECRETKEYBYTES);
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_seed_keypair(pk, sk.data(), m_state->signingSeed.data());
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         bytesOf(message), quint64(message.size()), sk.data());
    return signature;
}

Result<QByteArray> Vault::wrapKey(const SecretKey &key) const {
    QReadLocker keys(&m_keysLock);
    if (m_state->deviceKey.isNull())
        return lockedError();
    if (key.isNull())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("No key to wrap."));
    return recordcipher::encrypt(m_state->deviceKey, keyView(key), WrappedKeyPurpose);
}

Result<SecretKey> Vault::unwrapKey(QByteArrayView wrapped) const {
    QReadLocker keys(&m_keysLock);
    if (m_state->deviceKey.isNull())
        return lockedError();
    SecureBuffer raw(KeyBytes);
    if (!openWrapped(m_state->deviceKey, wrapped, WrappedKeyPurpose, raw))
        return makeError(ErrorCode::Integrity,
                         QStringLiteral("A stored key could not be opened: it was changed or "
                                        "belongs to another device."));
    return SecretKey::fromBytes(raw.data());
}

Result<SecretKey> Vault::openSealedKey(QByteArrayView sealed) const {
    QReadLocker keys(&m_keysLock);
    if (m_state->deviceKey.isNull())
        return lockedError();
    const Error integrity =
        makeError(ErrorCode::Integrity, QStringLiteral("The delivered key could not be opened: it "
                                                       "was changed or sealed to another device."));
    if (sealed.size() != SealedKeyBytes)
        return integrity;
    unsigned char pk[crypto_box_PUBLICKEYBYTES];
    crypto_scalarmult_base(pk, m_state->boxSecret.data());
    SecureBuffer raw(KeyBytes);
    if (crypto_box_seal_open(raw.data(), reinterpret_cast<const unsigned char *>(sealed.data()),
                             quint64(sealed.size()), pk, m_state->boxSecret.data()) != 0)
        return integrity;
    return SecretKey::fromBytes(raw.data());
}

Result<QByteArray> Vault::sealKeyTo(const SecretKey &key, QByteArrayView boxPublicKey) {
    if (!ensureSodium())
        return sodiumUnavailable();
    if (key.isNull())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("No key to seal."));
    if (boxPublicKey.size() != crypto_box_PUBLICKEYBYTES)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The device's public key has the wrong size."));
    QByteArray sealed(SealedKeyBytes, Qt::Uninitialized);
    if (crypto_box_seal(reinterpret_cast<unsigned char *>(sealed.data()), key.data(), KeyBytes,
                        reinterpret_cast<const unsigned char *>(boxPublicKey.data())) != 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The device's public key is not usable."));
    return sealed;
}

} // namespace fl
