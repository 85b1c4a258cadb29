// The Vault object and the making of a new vault: a random device key and identity, wrapped
// under the passphrase and written once.

#include "vault/vault.h"

#include "vault/vaultinternal.h"

#include <QFileInfo>
#include <QTimer>

namespace fl {

using namespace vaultinternal;

namespace {

Result<void> checkCreateArguments(bool fileExists, QByteArrayView passphrase, KdfParams params) {
    if (!ensureSodium())
        return sodiumUnavailable();
    if (fileExists)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A vault already exists here; it was left unchanged."));
    if (passphrase.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Choose a passphrase."));
    if (!validKdf(params))
        return kdfOutOfRange();
    return {};
}

} // namespace

Vault::Vault(QString filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(std::move(filePath))
    , m_state(std::make_unique<State>())
    , m_autoLock(new QTimer(this)) {
    m_autoLock->setSingleShot(true);
    connect(m_autoLock, &QTimer::timeout, this, &Vault::lock);
    // Public keys, device id and the back-off are readable before unlocking; a missing or bad
    // file is reported by unlock().
    (void)loadFile();
}

// The State destructor wipes any key still held; no signal is sent from a dying object.
Vault::~Vault() = default;

bool Vault::exists() const {
    return QFileInfo::exists(m_filePath);
}

Result<void> Vault::create(QByteArrayView passphrase, KdfParams params) {
    if (auto valid = checkCreateArguments(exists(), passphrase, params); !valid)
        return valid;

    StoredVault v;
    v.deviceId = randomBytes(DeviceIdBytes);
    v.salt = randomBytes(SaltBytes);
    v.kdf = params;
    SecretKey deviceKey = SecretKey::random();
    IdentitySecrets identity{SecretKey::random(), SecretKey::random()};
    setPublicKeys(v, identity.signingSeed, identity.boxSecret);
    {
        auto kek = detail::derivePassphraseKey(passphrase, v.salt, params);
        if (!kek)
            return kek.error();
        v.wrappedDeviceKey = wrapDeviceKey(kek.value(), deviceKey, v);
    } // the passphrase key is wiped here
    v.wrappedIdentity = wrapIdentity(deviceKey, identity, v);
    if (auto written = writeVaultFile(m_filePath, v); !written)
        return written;

    const bool wasLocked = !isUnlocked();
    adoptFile(std::move(v));
    m_state->notBeforeClamped = false;
    installKeys(std::move(deviceKey), std::move(identity.signingSeed),
                std::move(identity.boxSecret));
    restartAutoLock();
    if (wasLocked)
        Q_EMIT lockedChanged(false);
    return {};
}

} // namespace fl
