// Unlocking and locking: opening the device key and identity with a passphrase key, holding
// them in guarded memory, and locking again on request or after inactivity.

#include "vault/vaultinternal.h"

#include <QReadWriteLock>
#include <QTimer>

#include <algorithm>

namespace fl {

using namespace vaultinternal;

Result<void> Vault::unlock(QByteArrayView passphrase) {
    auto ticket = prepareUnlock();
    if (!ticket)
        return ticket.error();
    auto kek = ticket->derive(passphrase);
    if (!kek)
        return kek.error();
    return openWithPassphraseKey(kek.value());
}

Result<Vault::UnlockTicket> Vault::prepareUnlock() {
    if (!ensureSodium())
        return sodiumUnavailable();
    // Re-read: another Vault object (or a previous run) may have counted failures since.
    if (auto loaded = loadFile(); !loaded)
        return loaded.error();
    if (auto allowed = checkRetryAllowed(); !allowed)
        return allowed.error();
    return UnlockTicket{m_state->file.salt, m_state->file.kdf};
}

Result<void> Vault::unlock(const UnlockTicket &ticket, SecretKey &passphraseKey) {
    // The file may have been re-read since the ticket was made (another unlock, a new vault):
    // a key derived for another salt or cost would only count as a wrong passphrase.
    if (!m_state->loaded || ticket.salt != m_state->file.salt ||
        ticket.kdf.opsLimit != m_state->file.kdf.opsLimit ||
        ticket.kdf.memLimit != m_state->file.kdf.memLimit) {
        passphraseKey.clear();
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("The vault file changed during the unlock; try again."));
    }
    return openWithPassphraseKey(passphraseKey);
}

Result<SecretKey> Vault::tryPassphraseKey(SecretKey &kek) {
    SecretKey deviceKey = unwrapDeviceKey(kek, m_state->file);
    kek.clear(); // the passphrase key is wiped here
    if (deviceKey.isNull()) {
        recordFailure();
        return wrongPassphraseError();
    }
    return deviceKey;
}

Result<void> Vault::openWithPassphraseKey(SecretKey &kek) {
    auto deviceKey = tryPassphraseKey(kek);
    if (!deviceKey)
        return deviceKey.error();
    auto identity = unwrapIdentity(deviceKey.value(), m_state->file);
    if (!identity)
        return identity.error();

    const bool wasLocked = !isUnlocked();
    installKeys(std::move(deviceKey).value(), std::move(identity->signingSeed),
                std::move(identity->boxSecret));
    clearFailures();
    restartAutoLock();
    if (wasLocked)
        Q_EMIT lockedChanged(false);
    return {};
}

void Vault::installKeys(SecretKey &&deviceKey, SecretKey &&signingSeed, SecretKey &&boxSecret) {
    QWriteLocker keys(&m_keysLock);
    m_state->deviceKey = std::move(deviceKey);
    m_state->signingSeed = std::move(signingSeed);
    m_state->boxSecret = std::move(boxSecret);
}

void Vault::lock() {
    const bool wasUnlocked = isUnlocked();
    {
        // Waits for a sync thread that is signing or unwrapping right now.
        QWriteLocker keys(&m_keysLock);
        m_state->deviceKey.clear();
        m_state->signingSeed.clear();
        m_state->boxSecret.clear();
    }
    m_autoLock->stop();
    if (wasUnlocked)
        Q_EMIT lockedChanged(true);
}

bool Vault::isUnlocked() const {
    QReadLocker keys(&m_keysLock);
    return !m_state->deviceKey.isNull();
}

void Vault::setAutoLockTimeout(std::chrono::milliseconds timeout) {
    m_autoLockTimeout = std::max(timeout, std::chrono::milliseconds(0));
    restartAutoLock();
}

void Vault::touch() {
    restartAutoLock();
}

void Vault::restartAutoLock() {
    if (!isUnlocked() || m_autoLockTimeout.count() == 0) {
        m_autoLock->stop();
        return;
    }
    m_autoLock->start(m_autoLockTimeout);
}

} // namespace fl
