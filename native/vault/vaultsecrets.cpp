// The wrapped slots of the vault file: the device key under the passphrase key, the identity
// under the device key, each bound to its place by its associated data.

#include "vault/recordcipher.h"
#include "vault/vaultinternal.h"

#include <cstring>

namespace fl::vaultinternal {

namespace {

// Binds the wrapped device key to this device, so it cannot be swapped in from another vault.
QByteArray deviceKeyAd(const StoredVault &v) {
    return DeviceKeyPurpose.toByteArray() + v.deviceId;
}

// Binds the identity secrets to the plaintext public keys: editing those in the file makes the
// identity fail to open instead of silently advertising someone else's keys.
QByteArray identityAd(const StoredVault &v) {
    return IdentityPurpose.toByteArray() + v.deviceId + v.signingPublicKey + v.boxPublicKey;
}

QByteArray signingPublicKeyOf(const SecretKey &signingSeed) {
    QByteArray pk(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized);
    SecureBuffer sk(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(pk.data()), sk.data(),
                             signingSeed.data());
    return pk;
}

QByteArray boxPublicKeyOf(const SecretKey &boxSecret) {
    QByteArray pk(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized);
    crypto_scalarmult_base(reinterpret_cast<unsigned char *>(pk.data()), boxSecret.data());
    return pk;
}

} // namespace

void setPublicKeys(StoredVault &v, const SecretKey &signingSeed, const SecretKey &boxSecret) {
    v.signingPublicKey = signingPublicKeyOf(signingSeed);
    v.boxPublicKey = boxPublicKeyOf(boxSecret);
}

QByteArray wrapDeviceKey(const SecretKey &kek, const SecretKey &deviceKey, const StoredVault &v) {
    return recordcipher::encrypt(kek, keyView(deviceKey), deviceKeyAd(v));
}

SecretKey unwrapDeviceKey(const SecretKey &kek, const StoredVault &v) {
    SecureBuffer raw(KeyBytes);
    if (!openWrapped(kek, v.wrappedDeviceKey, deviceKeyAd(v), raw))
        return {};
    return SecretKey::fromBytes(raw.data());
}

QByteArray wrapIdentity(const SecretKey &deviceKey, const IdentitySecrets &identity,
                        const StoredVault &v) {
    SecureBuffer plain(IdentityBytes);
    std::memcpy(plain.data(), identity.signingSeed.data(), KeyBytes);
    std::memcpy(plain.data() + KeyBytes, identity.boxSecret.data(), KeyBytes);
    return recordcipher::encrypt(deviceKey, plain.view(), identityAd(v));
}

Result<IdentitySecrets> unwrapIdentity(const SecretKey &deviceKey, const StoredVault &v) {
    SecureBuffer plain(IdentityBytes);
    if (!openWrapped(deviceKey, v.wrappedIdentity, identityAd(v), plain))
        return corrupt(QStringLiteral("the device identity does not open"));
    IdentitySecrets identity{SecretKey::fromBytes(plain.data()),
                             SecretKey::fromBytes(plain.data() + KeyBytes)};

    // The AD already binds the public keys; this also catches a vault written with a bug.
    if (signingPublicKeyOf(identity.signingSeed) != v.signingPublicKey ||
        boxPublicKeyOf(identity.boxSecret) != v.boxPublicKey)
        return corrupt(QStringLiteral("the public keys do not match the identity"));
    return identity;
}

} // namespace fl::vaultinternal
