#include "vault/vault.h"

#include "common/savefile.h"
#include "vault/recordcipher.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QReadWriteLock>
#include <QTimer>

#include <sodium.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace fl {

namespace {

Q_LOGGING_CATEGORY(lcVault, "fl.vault")

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

const unsigned char *bytesOf(QByteArrayView view) {
    static const unsigned char empty = 0;
    return view.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(view.data());
}

QByteArrayView keyView(const SecretKey &key) {
    return QByteArrayView(reinterpret_cast<const char *>(key.data()), KeyBytes);
}

QByteArray randomBytes(qsizetype size) {
    QByteArray out(size, Qt::Uninitialized);
    randombytes_buf(out.data(), size_t(size));
    return out;
}

/// Opens nonce || ciphertext || tag into guarded memory; false if it does not authenticate.
bool openWrapped(const SecretKey &key, QByteArrayView sealed, QByteArrayView ad,
                 SecureBuffer &out) {
    if (key.isNull() || sealed.size() != NonceBytes + out.size() + TagBytes)
        return false;
    const auto *in = reinterpret_cast<const unsigned char *>(sealed.data());
    unsigned long long length = 0;
    return crypto_aead_xchacha20poly1305_ietf_decrypt(
               out.data(), &length, nullptr, in + NonceBytes, quint64(sealed.size() - NonceBytes),
               bytesOf(ad), quint64(ad.size()), in, key.data()) == 0;
}

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

// Binds the wrapped device key to this device, so it cannot be swapped in from another vault.
QByteArray deviceKeyAd(const StoredVault &v) {
    return DeviceKeyPurpose.toByteArray() + v.deviceId;
}

// Binds the identity secrets to the plaintext public keys: editing those in the file makes the
// identity fail to open instead of silently advertising someone else's keys.
QByteArray identityAd(const StoredVault &v) {
    return IdentityPurpose.toByteArray() + v.deviceId + v.signingPublicKey + v.boxPublicKey;
}

bool validKdf(KdfParams p) {
    return p.opsLimit >= crypto_pwhash_OPSLIMIT_MIN && p.opsLimit <= crypto_pwhash_OPSLIMIT_MAX &&
           p.memLimit >= crypto_pwhash_MEMLIMIT_MIN && p.memLimit <= crypto_pwhash_MEMLIMIT_MAX &&
           p.memLimit <= MaxMemLimit;
}

Error corrupt(const QString &detail) {
    return makeError(ErrorCode::Corrupt,
                     QStringLiteral("The vault file is damaged (%1).").arg(detail));
}

Error lockedError() {
    return makeError(ErrorCode::Locked, QStringLiteral("The vault is locked. Unlock it first."));
}

QString b64(const QByteArray &bytes) {
    return QString::fromLatin1(bytes.toBase64());
}

bool readBase64(const QJsonObject &o, QLatin1StringView name, qsizetype size, QByteArray *out) {
    const QJsonValue v = o.value(name);
    if (!v.isString())
        return false;
    auto decoded = QByteArray::fromBase64Encoding(v.toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok ||
        decoded.decoded.size() != size)
        return false;
    *out = std::move(decoded.decoded);
    return true;
}

// JSON numbers are doubles: accept only non-negative integers that a double holds exactly.
bool readUnsigned(const QJsonValue &v, quint64 max, quint64 *out) {
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!(d >= 0) || d > 9007199254740992.0 || std::floor(d) != d || quint64(d) > max)
        return false;
    *out = quint64(d);
    return true;
}

QByteArray serialize(const StoredVault &v) {
    QJsonObject kdf{
        {QStringLiteral("algorithm"), KdfAlgorithm},
        {QStringLiteral("salt"), b64(v.salt)},
        {QStringLiteral("opsLimit"), qint64(v.kdf.opsLimit)},
        {QStringLiteral("memLimit"), qint64(v.kdf.memLimit)},
    };
    QJsonObject root{
        {QStringLiteral("format"), FormatName},
        {QStringLiteral("version"), FormatVersion},
        {QStringLiteral("deviceId"), b64(v.deviceId)},
        {QStringLiteral("signingPublicKey"), b64(v.signingPublicKey)},
        {QStringLiteral("boxPublicKey"), b64(v.boxPublicKey)},
        {QStringLiteral("kdf"), kdf},
        {QStringLiteral("wrappedDeviceKey"), b64(v.wrappedDeviceKey)},
        {QStringLiteral("wrappedIdentity"), b64(v.wrappedIdentity)},
        {QStringLiteral("failedAttempts"), v.failedAttempts},
        {QStringLiteral("notBefore"),
         v.notBefore.isValid() ? QJsonValue(v.notBefore.toUTC().toString(Qt::ISODateWithMs))
                               : QJsonValue(QJsonValue::Null)},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<StoredVault> parse(const QByteArray &bytes) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return corrupt(QStringLiteral("not readable as a vault"));
    const QJsonObject root = doc.object();

    if (root.value(QLatin1StringView("format")).toString() != FormatName)
        return makeError(ErrorCode::ForeignFile,
                         QStringLiteral("This file is not a FieldLedger vault."));
    quint64 version = 0;
    if (!readUnsigned(root.value(QLatin1StringView("version")), UINT32_MAX, &version))
        return corrupt(QStringLiteral("no format version"));
    if (version != FormatVersion)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("This vault uses format version %1, which this version of "
                                        "FieldLedger cannot open.")
                             .arg(version));

    StoredVault v;
    if (!readBase64(root, QLatin1StringView("deviceId"), DeviceIdBytes, &v.deviceId) ||
        !readBase64(root, QLatin1StringView("signingPublicKey"), crypto_sign_PUBLICKEYBYTES,
                    &v.signingPublicKey) ||
        !readBase64(root, QLatin1StringView("boxPublicKey"), crypto_box_PUBLICKEYBYTES,
                    &v.boxPublicKey) ||
        !readBase64(root, QLatin1StringView("wrappedDeviceKey"), WrappedKeyBytes,
                    &v.wrappedDeviceKey) ||
        !readBase64(root, QLatin1StringView("wrappedIdentity"), WrappedIdentityBytes,
                    &v.wrappedIdentity))
        return corrupt(QStringLiteral("a key field is missing or has the wrong size"));

    const QJsonObject kdf = root.value(QLatin1StringView("kdf")).toObject();
    if (kdf.value(QLatin1StringView("algorithm")).toString() != KdfAlgorithm)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("This vault uses a passphrase algorithm this version of "
                                        "FieldLedger does not know."));
    if (!readBase64(kdf, QLatin1StringView("salt"), SaltBytes, &v.salt) ||
        !readUnsigned(kdf.value(QLatin1StringView("opsLimit")), UINT64_MAX, &v.kdf.opsLimit) ||
        !readUnsigned(kdf.value(QLatin1StringView("memLimit")), UINT64_MAX, &v.kdf.memLimit) ||
        !validKdf(v.kdf))
        return corrupt(QStringLiteral("bad passphrase parameters"));

    quint64 failures = 0;
    if (!readUnsigned(root.value(QLatin1StringView("failedAttempts")), INT_MAX, &failures))
        return corrupt(QStringLiteral("bad attempt counter"));
    v.failedAttempts = int(failures);

    const QJsonValue notBefore = root.value(QLatin1StringView("notBefore"));
    if (notBefore.isString()) {
        v.notBefore = QDateTime::fromString(notBefore.toString(), Qt::ISODateWithMs);
        if (!v.notBefore.isValid())
            return corrupt(QStringLiteral("bad retry time"));
        v.notBefore = v.notBefore.toUTC();
    } else if (!notBefore.isNull() && !notBefore.isUndefined()) {
        return corrupt(QStringLiteral("bad retry time"));
    }
    return v;
}

// Written whole or not at all: a crash or full disk leaves the previous vault intact, never a
// half-written one.
Result<void> writeVaultFile(const QString &path, const StoredVault &v) {
    if (auto failed =
            saveWhole(path, serialize(v), QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return makeError(
            failed->diskFull() ? ErrorCode::DiskFull : ErrorCode::Io,
            QStringLiteral("Could not save the vault file: %1").arg(failed->errorString));
    return {};
}

QString plural(int n, const char *one, const char *many) {
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1StringView(n == 1 ? one : many));
}

qint64 ceilSeconds(std::chrono::milliseconds ms) {
    return (ms.count() + 999) / 1000;
}

} // namespace

struct Vault::State {
    bool loaded = false;
    StoredVault file;
    /// Set when a "not before" from the file was pulled back to the maximum delay (the clock was
    /// moved back); persisted at the next unlock attempt so the delay really ends.
    bool notBeforeClamped = false;
    SecretKey deviceKey;
    SecretKey signingSeed;
    SecretKey boxSecret;
};

KdfParams KdfParams::moderate() {
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

KdfParams KdfParams::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

KdfParams KdfParams::minimum() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

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

Result<void> Vault::loadFile() {
    QFile file(m_filePath);
    if (!file.exists())
        return makeError(ErrorCode::NotFound, QStringLiteral("No vault has been set up yet."));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Io,
            QStringLiteral("Could not read the vault file: %1").arg(file.errorString()));
    if (file.size() > MaxFileBytes)
        return corrupt(QStringLiteral("far too large"));
    const QByteArray bytes = file.read(MaxFileBytes + 1);
    if (bytes.size() > MaxFileBytes)
        return corrupt(QStringLiteral("far too large"));

    auto parsed = parse(bytes);
    if (!parsed)
        return parsed.error();
    StoredVault v = std::move(parsed).value();

    const QDateTime latest =
        QDateTime::currentDateTimeUtc().addSecs(detail::unlockBackoffMax.count());
    m_state->notBeforeClamped = v.notBefore.isValid() && v.notBefore > latest;
    if (m_state->notBeforeClamped)
        v.notBefore = latest;

    {
        // deviceId() and the public keys may be read from the sync thread meanwhile.
        QWriteLocker keys(&m_keysLock);
        m_state->file = std::move(v);
        m_state->loaded = true;
    }
    return {};
}

Result<void> Vault::saveFile() {
    Q_ASSERT(m_state->loaded);
    return writeVaultFile(m_filePath, m_state->file);
}

void Vault::recordFailure() {
    StoredVault &v = m_state->file;
    if (v.failedAttempts < INT_MAX)
        ++v.failedAttempts;
    const auto delay = detail::unlockBackoff(v.failedAttempts);
    v.notBefore =
        delay.count() > 0 ? QDateTime::currentDateTimeUtc().addSecs(delay.count()) : QDateTime();
    m_state->notBeforeClamped = false;
    // The in-memory count still applies to this object; only a restart would forget it.
    if (auto saved = saveFile(); !saved)
        qCWarning(lcVault) << "could not persist the failed-attempt counter:"
                           << saved.error().message;
}

Result<void> Vault::checkRetryAllowed() {
    if (m_state->notBeforeClamped) {
        m_state->notBeforeClamped = false;
        if (auto saved = saveFile(); !saved)
            qCWarning(lcVault) << "could not persist the clamped retry time:"
                               << saved.error().message;
    }
    const auto delay = retryDelay();
    if (delay.count() > 0)
        return makeError(
            ErrorCode::LockedOut,
            QStringLiteral("Too many wrong passphrases (%1). Next try allowed in %2 s.")
                .arg(m_state->file.failedAttempts)
                .arg(ceilSeconds(delay)));
    return {};
}

Error Vault::wrongPassphraseError() const {
    const int n = m_state->file.failedAttempts;
    const auto delay = retryDelay();
    const QString attempts = plural(n, "failed attempt", "failed attempts");
    if (delay.count() > 0)
        return makeError(ErrorCode::WrongPassphrase,
                         QStringLiteral("Wrong passphrase. %1; next try allowed in %2 s.")
                             .arg(attempts)
                             .arg(ceilSeconds(delay)));
    return makeError(ErrorCode::WrongPassphrase,
                     QStringLiteral("Wrong passphrase. %1; you can try again now.").arg(attempts));
}

Result<void> Vault::create(QByteArrayView passphrase, KdfParams params) {
    if (!ensureSodium())
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("The crypto library failed to start."));
    if (exists())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A vault already exists here; it was left unchanged."));
    if (passphrase.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Choose a passphrase."));
    if (!validKdf(params))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Passphrase hashing parameters are out of range."));

    StoredVault v;
    v.deviceId = randomBytes(DeviceIdBytes);
    v.salt = randomBytes(SaltBytes);
    v.kdf = params;

    SecretKey deviceKey = SecretKey::random();
    SecretKey signingSeed = SecretKey::random();
    SecretKey boxSecret = SecretKey::random();

    v.signingPublicKey = QByteArray(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized);
    {
        SecureBuffer sk(crypto_sign_SECRETKEYBYTES);
        crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(v.signingPublicKey.data()),
                                 sk.data(), signingSeed.data());
    }
    v.boxPublicKey = QByteArray(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized);
    crypto_scalarmult_base(reinterpret_cast<unsigned char *>(v.boxPublicKey.data()),
                           boxSecret.data());

    {
        auto kek = detail::derivePassphraseKey(passphrase, v.salt, params);
        if (!kek)
            return kek.error();
        v.wrappedDeviceKey = recordcipher::encrypt(kek.value(), keyView(deviceKey), deviceKeyAd(v));
    } // the passphrase key is wiped here

    {
        SecureBuffer identity(IdentityBytes);
        std::memcpy(identity.data(), signingSeed.data(), KeyBytes);
        std::memcpy(identity.data() + KeyBytes, boxSecret.data(), KeyBytes);
        v.wrappedIdentity = recordcipher::encrypt(deviceKey, identity.view(), identityAd(v));
    }

    if (auto written = writeVaultFile(m_filePath, v); !written)
        return written;

    const bool wasLocked = !isUnlocked();
    {
        // deviceId() and the public keys may be read from the sync thread meanwhile.
        QWriteLocker keys(&m_keysLock);
        m_state->file = std::move(v);
        m_state->loaded = true;
    }
    m_state->notBeforeClamped = false;
    {
        QWriteLocker keys(&m_keysLock);
        m_state->deviceKey = std::move(deviceKey);
        m_state->signingSeed = std::move(signingSeed);
        m_state->boxSecret = std::move(boxSecret);
    }
    restartAutoLock();
    if (wasLocked)
        Q_EMIT lockedChanged(false);
    return {};
}

Result<void> Vault::unlock(QByteArrayView passphrase) {
    if (!ensureSodium())
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("The crypto library failed to start."));
    // Re-read: another Vault object (or a previous run) may have counted failures since.
    if (auto loaded = loadFile(); !loaded)
        return loaded;
    if (auto allowed = checkRetryAllowed(); !allowed)
        return allowed;
    auto kek = detail::derivePassphraseKey(passphrase, m_state->file.salt, m_state->file.kdf);
    if (!kek)
        return kek.error();
    return openWithPassphraseKey(kek.value());
}

Result<Vault::UnlockTicket> Vault::prepareUnlock() {
    if (!ensureSodium())
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("The crypto library failed to start."));
    if (auto loaded = loadFile(); !loaded)
        return loaded.error();
    if (auto allowed = checkRetryAllowed(); !allowed)
        return allowed.error();
    return UnlockTicket{m_state->file.salt, m_state->file.kdf};
}

Result<SecretKey> Vault::UnlockTicket::derive(QByteArrayView passphrase) const {
    return detail::derivePassphraseKey(passphrase, salt, kdf);
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

Result<void> Vault::openWithPassphraseKey(SecretKey &kek) {
    const StoredVault &v = m_state->file;
    SecureBuffer rawDeviceKey(KeyBytes);
    const bool opened = openWrapped(kek, v.wrappedDeviceKey, deviceKeyAd(v), rawDeviceKey);
    kek.clear(); // the passphrase key is wiped here
    if (!opened) {
        recordFailure();
        return wrongPassphraseError();
    }
    SecretKey deviceKey = SecretKey::fromBytes(rawDeviceKey.data());

    SecureBuffer identity(IdentityBytes);
    if (!openWrapped(deviceKey, v.wrappedIdentity, identityAd(v), identity))
        return corrupt(QStringLiteral("the device identity does not open"));
    SecretKey signingSeed = SecretKey::fromBytes(identity.data());
    SecretKey boxSecret = SecretKey::fromBytes(identity.data() + KeyBytes);

    // The AD already binds the public keys; this also catches a vault written with a bug.
    unsigned char signingPk[crypto_sign_PUBLICKEYBYTES];
    unsigned char boxPk[crypto_box_PUBLICKEYBYTES];
    {
        SecureBuffer sk(crypto_sign_SECRETKEYBYTES);
        crypto_sign_seed_keypair(signingPk, sk.data(), signingSeed.data());
    }
    crypto_scalarmult_base(boxPk, boxSecret.data());
    if (QByteArrayView(reinterpret_cast<const char *>(signingPk), sizeof signingPk) !=
            QByteArrayView(v.signingPublicKey) ||
        QByteArrayView(reinterpret_cast<const char *>(boxPk), sizeof boxPk) !=
            QByteArrayView(v.boxPublicKey))
        return corrupt(QStringLiteral("the public keys do not match the identity"));

    const bool wasLocked = !isUnlocked();
    {
        QWriteLocker keys(&m_keysLock);
        m_state->deviceKey = std::move(deviceKey);
        m_state->signingSeed = std::move(signingSeed);
        m_state->boxSecret = std::move(boxSecret);
    }

    if (m_state->file.failedAttempts != 0 || m_state->file.notBefore.isValid()) {
        m_state->file.failedAttempts = 0;
        m_state->file.notBefore = QDateTime();
        if (auto saved = saveFile(); !saved)
            qCWarning(lcVault) << "could not reset the failed-attempt counter:"
                               << saved.error().message;
    }
    restartAutoLock();
    if (wasLocked)
        Q_EMIT lockedChanged(false);
    return {};
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

Result<void> Vault::changePassphrase(QByteArrayView oldPassphrase, QByteArrayView newPassphrase,
                                     KdfParams params) {
    if (!ensureSodium())
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("The crypto library failed to start."));
    if (newPassphrase.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Choose a new passphrase."));
    if (!validKdf(params))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Passphrase hashing parameters are out of range."));
    if (auto loaded = loadFile(); !loaded)
        return loaded;
    if (auto allowed = checkRetryAllowed(); !allowed)
        return allowed;

    SecureBuffer rawDeviceKey(KeyBytes);
    {
        const StoredVault &v = m_state->file;
        auto kek = detail::derivePassphraseKey(oldPassphrase, v.salt, v.kdf);
        if (!kek)
            return kek.error();
        if (!openWrapped(kek.value(), v.wrappedDeviceKey, deviceKeyAd(v), rawDeviceKey)) {
            kek.value().clear();
            recordFailure();
            return wrongPassphraseError();
        }
    }

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
        next.wrappedDeviceKey =
            recordcipher::encrypt(kek.value(), rawDeviceKey.view(), deviceKeyAd(next));
    }
    if (auto written = writeVaultFile(m_filePath, next); !written)
        return written;
    {
        QWriteLocker keys(&m_keysLock);
        m_state->file = std::move(next);
    }
    touch();
    return {};
}

int Vault::failedAttempts() const {
    return m_state->file.failedAttempts;
}

std::chrono::milliseconds Vault::retryDelay() const {
    const QDateTime &notBefore = m_state->file.notBefore;
    if (!notBefore.isValid())
        return std::chrono::milliseconds(0);
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(notBefore);
    const qint64 maxMs = std::chrono::milliseconds(detail::unlockBackoffMax).count();
    return std::chrono::milliseconds(std::clamp<qint64>(ms, 0, maxMs));
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
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("The crypto library failed to start."));
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

namespace fl::detail {

Result<SecretKey> derivePassphraseKey(QByteArrayView passphrase, QByteArrayView salt,
                                      KdfParams params) {
    if (!ensureSodium())
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("The crypto library failed to start."));
    if (salt.size() != SaltBytes || !validKdf(params))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Passphrase hashing parameters are out of range."));
    SecureBuffer out(KeyBytes);
    if (crypto_pwhash(out.data(), KeyBytes, reinterpret_cast<const char *>(bytesOf(passphrase)),
                      quint64(passphrase.size()),
                      reinterpret_cast<const unsigned char *>(salt.data()), params.opsLimit,
                      size_t(params.memLimit), crypto_pwhash_ALG_ARGON2ID13) != 0)
        return makeError(ErrorCode::Io, QStringLiteral("Not enough memory to check the passphrase "
                                                       "on this device."));
    return SecretKey::fromBytes(out.data());
}

std::chrono::seconds unlockBackoff(int failedAttempts) {
    if (failedAttempts < 3)
        return std::chrono::seconds(0);
    // 2^9 = 512 s already exceeds the cap; stop shifting before it could overflow.
    const int exponent = std::min(failedAttempts - 3, 9);
    return std::min(std::chrono::seconds(qint64(1) << exponent), unlockBackoffMax);
}

} // namespace fl::detail
