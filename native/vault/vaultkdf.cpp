// Passphrase key derivation: the Argon2id cost presets, their limits and the derivation itself.

#include "vault/vaultinternal.h"

namespace fl {

KdfParams KdfParams::moderate() {
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

KdfParams KdfParams::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

KdfParams KdfParams::minimum() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<SecretKey> Vault::UnlockTicket::derive(QByteArrayView passphrase) const {
    return detail::derivePassphraseKey(passphrase, salt, kdf);
}

} // namespace fl

namespace fl::vaultinternal {

bool validKdf(KdfParams p) {
    return p.opsLimit >= crypto_pwhash_OPSLIMIT_MIN && p.opsLimit <= crypto_pwhash_OPSLIMIT_MAX &&
           p.memLimit >= crypto_pwhash_MEMLIMIT_MIN && p.memLimit <= crypto_pwhash_MEMLIMIT_MAX &&
           p.memLimit <= MaxMemLimit;
}

} // namespace fl::vaultinternal

namespace fl::detail {

using namespace vaultinternal;

Result<SecretKey> derivePassphraseKey(QByteArrayView passphrase, QByteArrayView salt,
                                      KdfParams params) {
    if (!ensureSodium())
        return sodiumUnavailable();
    if (salt.size() != SaltBytes || !validKdf(params))
        return kdfOutOfRange();
    SecureBuffer out(KeyBytes);
    if (crypto_pwhash(out.data(), KeyBytes, reinterpret_cast<const char *>(bytesOf(passphrase)),
                      quint64(passphrase.size()),
                      reinterpret_cast<const unsigned char *>(salt.data()), params.opsLimit,
                      size_t(params.memLimit), crypto_pwhash_ALG_ARGON2ID13) != 0)
        return makeError(ErrorCode::Io, QStringLiteral("Not enough memory to check the passphrase "
                                                       "on this device."));
    return SecretKey::fromBytes(out.data());
}

} // namespace fl::detail
