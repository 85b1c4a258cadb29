// Changing the passphrase: the device key is re-wrapped, nothing else in the vault changes.

#include "vault/vaultinternal.h"

namespace fl {

using namespace vaultinternal;

Result<void> Vault::changePassphrase(QByteArrayView oldPassphrase, QByteArrayView newPassphrase,
                                     KdfParams params) {
    if (!ensureSodium())
        return sodiumUnavailable();
    if (newPassphrase.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Choose a new passphrase."));
    if (!validKdf(params))
        return kdfOutOfRange();
    auto ticket = prepareUnlock();
    if (!ticket)
        return ticket.error();
    auto oldKek = ticket->derive(oldPassphrase);
    if (!oldKek)
        return oldKek.error();
    auto deviceKey = tryPassphraseKey(oldKek.value());
    if (!deviceKey)
        return deviceKey.error();

    // Only the device key's wrapping changes; the identity, device id and everything encrypted
    // under the device key stay as they are.
    StoredVault next = m_state->file;
    next.failedAttempts = 0;
    next.notBefore = QDateTime();
    next.salt = randomBytes(SaltBytes);
    next.kdf = params;
    {
        auto kek = detail::derivePassphraseKey(newPassphrase, next.salt, params);
        if (!kek)
            return kek.error();
        next.wrappedDeviceKey = wrapDeviceKey(kek.value(), deviceKey.value(), next);
    }
    if (auto written = writeVaultFile(m_filePath, next); !written)
        return written;
    adoptFile(std::move(next));
    touch();
    return {};
}

} // namespace fl
