#pragma once

#include "common/result.h"
#include "vault/secretkey.h"

#include <QByteArray>
#include <QObject>
#include <QReadWriteLock>
#include <QString>

#include <chrono>
#include <memory>

class QTimer;

namespace fl {

namespace vaultinternal {
struct StoredVault;
}

/// Argon2id cost, stored beside the salt so it can be raised later without breaking old vaults.
struct KdfParams {
    quint64 opsLimit = 0;
    quint64 memLimit = 0;
    /// libsodium MODERATE (3 passes, 256 MiB): the default for a device vault.
    static KdfParams moderate();
    /// libsodium INTERACTIVE (2 passes, 64 MiB): for small devices.
    static KdfParams interactive();
    /// The smallest libsodium allows; for tests and benchmarks only, never for real data.
    static KdfParams minimum();
};

/// The device's key vault, one file (plaintext metadata, wrapped keys):
/// a random device key wrapped by an Argon2id passphrase key, and the device identity
/// (Ed25519 signing + X25519 box key pairs) wrapped by the device key.
/// While unlocked, the device key lives in guarded memory; lock() wipes it. Key use is
/// thread-safe (a sync thread may sign while the UI thread locks); the rest is not.
/// Wrong passphrases are counted in the file, so the growing delay survives restarts.
class Vault : public QObject {
    Q_OBJECT
public:
    explicit Vault(QString filePath, QObject *parent = nullptr);
    ~Vault() override;

    [[nodiscard]] QString filePath() const { return m_filePath; }
    [[nodiscard]] bool exists() const;

    /// Creates a new vault file (fails if one exists) and leaves it unlocked.
    Result<void> create(QByteArrayView passphrase, KdfParams params = KdfParams::moderate());
    /// ErrorCode::WrongPassphrase (message says when to retry), ErrorCode::LockedOut while the
    /// back-off runs, ErrorCode::Corrupt / Unsupported for a damaged or foreign file.
    Result<void> unlock(QByteArrayView passphrase);

    /// unlock() in two halves around the Argon2id derivation (about a second on a tablet), so
    /// that a caller can derive on a worker thread while the UI keeps drawing: prepareUnlock()
    /// and unlock(ticket, key) on the vault's thread, derive() on any thread.
    struct UnlockTicket {
        QByteArray salt;
        KdfParams kdf;
        /// The passphrase key for this vault file; thread-safe (touches no vault state).
        [[nodiscard]] Result<SecretKey> derive(QByteArrayView passphrase) const;
    };
    /// Re-reads the file and checks the back-off: ErrorCode::LockedOut, Corrupt, Unsupported.
    Result<UnlockTicket> prepareUnlock();
    /// Finishes with a key from ticket.derive() (wiped here); the same errors as unlock().
    Result<void> unlock(const UnlockTicket &ticket, SecretKey &passphraseKey);
    /// Wipes the device key and every key derived from it.
    void lock();
    [[nodiscard]] bool isUnlocked() const;

    /// Re-wraps only the device key under a new passphrase (data is not re-encrypted).
    Result<void> changePassphrase(QByteArrayView oldPassphrase, QByteArrayView newPassphrase,
                                  KdfParams params = KdfParams::moderate());

    /// Consecutive wrong passphrases so far (persisted).
    [[nodiscard]] int failedAttempts() const;
    /// How long until the next unlock attempt is allowed (0 when allowed now).
    [[nodiscard]] std::chrono::milliseconds retryDelay() const;

    /// Locks after this much inactivity; 0 disables. touch() marks activity.
    void setAutoLockTimeout(std::chrono::milliseconds timeout);
    void touch();

    /// Random 16-byte id of this device, made at create(); readable while locked.
    [[nodiscard]] QByteArray deviceId() const;
    /// Public halves of the identity, readable while locked.
    [[nodiscard]] QByteArray signingPublicKey() const;
    [[nodiscard]] QByteArray boxPublicKey() const;

    /// Ed25519 detached signature; ErrorCode::Locked when locked.
    [[nodiscard]] Result<QByteArray> sign(QByteArrayView message) const;

    /// Wraps another key (a campaign key) with the device key: nonce || ciphertext.
    [[nodiscard]] Result<QByteArray> wrapKey(const SecretKey &key) const;
    [[nodiscard]] Result<SecretKey> unwrapKey(QByteArrayView wrapped) const;

    /// Opens a key sealed to this device's X25519 key (crypto_box_seal).
    [[nodiscard]] Result<SecretKey> openSealedKey(QByteArrayView sealed) const;
    /// Seals a key to another device's X25519 public key (office side of key delivery).
    [[nodiscard]] static Result<QByteArray> sealKeyTo(const SecretKey &key,
                                                      QByteArrayView boxPublicKey);

Q_SIGNALS:
    void lockedChanged(bool locked);

private:
    struct State;
    Result<void> loadFile();
    Result<void> saveFile();
    /// Replaces the in-memory copy of the file, under the key lock (readers may be on the sync
    /// thread).
    void adoptFile(vaultinternal::StoredVault &&file);
    /// Holds the opened keys, under the key lock; the vault is unlocked from here on.
    void installKeys(SecretKey &&deviceKey, SecretKey &&signingSeed, SecretKey &&boxSecret);
    void recordFailure();
    /// Zeroes the persisted back-off after a right passphrase.
    void clearFailures();
    /// ErrorCode::LockedOut while the back-off runs; persists a clamped "not before" first.
    Result<void> checkRetryAllowed();
    [[nodiscard]] Error wrongPassphraseError() const;
    void restartAutoLock();
    /// Opens the device key with a passphrase key (wiped here); a failure counts as a wrong
    /// passphrase.
    Result<SecretKey> tryPassphraseKey(SecretKey &kek);
    /// The rest of unlock() once the passphrase key is derived; wipes it.
    Result<void> openWithPassphraseKey(SecretKey &kek);

    QString m_filePath;
    std::unique_ptr<State> m_state;
    // Key use (sign, wrap, unwrap, open) may come from a sync thread; lock() and unlock() from
    // the UI thread. Readers share, a lock or unlock waits for them: no key is wiped mid-use.
    mutable QReadWriteLock m_keysLock;
    QTimer *m_autoLock = nullptr;
    std::chrono::milliseconds m_autoLockTimeout{std::chrono::minutes(5)};
};

} // namespace fl

namespace fl::detail {

/// The vault's passphrase key: Argon2id v1.3 (crypto_pwhash, ALG_ARGON2ID13), 32 bytes.
/// Exposed so a pinned test vector catches any change of algorithm or parameters.
[[nodiscard]] Result<SecretKey> derivePassphraseKey(QByteArrayView passphrase, QByteArrayView salt,
                                                    KdfParams params);

/// Wait imposed after `failedAttempts` consecutive wrong passphrases: none for the first two,
/// then 1 s, 2 s, 4 s ... capped at unlockBackoffMax.
[[nodiscard]] std::chrono::seconds unlockBackoff(int failedAttempts);
constexpr std::chrono::seconds unlockBackoffMax{300};

} // namespace fl::detail
