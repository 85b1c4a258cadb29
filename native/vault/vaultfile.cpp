// The vault file format: vault.json, its version check, strict parsing and whole-file writes.

#include "common/savefile.h"
#include "vault/vaultinternal.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QReadWriteLock>

#include <climits>
#include <cmath>

namespace fl::vaultinternal {

namespace {

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

/// The format name and version: ForeignFile, Corrupt or Unsupported when they are not ours.
Result<void> checkFormat(const QJsonObject &root) {
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
    return {};
}

bool readKeyFields(const QJsonObject &root, StoredVault &v) {
    return readBase64(root, QLatin1StringView("deviceId"), DeviceIdBytes, &v.deviceId) &&
           readBase64(root, QLatin1StringView("signingPublicKey"), crypto_sign_PUBLICKEYBYTES,
                      &v.signingPublicKey) &&
           readBase64(root, QLatin1StringView("boxPublicKey"), crypto_box_PUBLICKEYBYTES,
                      &v.boxPublicKey) &&
           readBase64(root, QLatin1StringView("wrappedDeviceKey"), WrappedKeyBytes,
                      &v.wrappedDeviceKey) &&
           readBase64(root, QLatin1StringView("wrappedIdentity"), WrappedIdentityBytes,
                      &v.wrappedIdentity);
}

Result<void> readKdf(const QJsonObject &root, StoredVault &v) {
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
    return {};
}

/// The failed-attempt counter and the "not before" time of the back-off.
Result<void> readBackoff(const QJsonObject &root, StoredVault &v) {
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
    return {};
}

Result<StoredVault> parse(const QByteArray &bytes) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return corrupt(QStringLiteral("not readable as a vault"));
    const QJsonObject root = doc.object();
    if (auto format = checkFormat(root); !format)
        return format.error();

    StoredVault v;
    if (!readKeyFields(root, v))
        return corrupt(QStringLiteral("a key field is missing or has the wrong size"));
    if (auto kdf = readKdf(root, v); !kdf)
        return kdf.error();
    if (auto backoff = readBackoff(root, v); !backoff)
        return backoff.error();
    return v;
}

} // namespace

Result<StoredVault> readVaultFile(const QString &path) {
    QFile file(path);
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
    return parse(bytes);
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

} // namespace fl::vaultinternal

namespace fl {

using namespace vaultinternal;

Result<void> Vault::loadFile() {
    auto read = readVaultFile(m_filePath);
    if (!read)
        return read.error();
    StoredVault v = std::move(read).value();

    const QDateTime latest =
        QDateTime::currentDateTimeUtc().addSecs(detail::unlockBackoffMax.count());
    m_state->notBeforeClamped = v.notBefore.isValid() && v.notBefore > latest;
    if (m_state->notBeforeClamped)
        v.notBefore = latest;
    adoptFile(std::move(v));
    return {};
}

Result<void> Vault::saveFile() {
    Q_ASSERT(m_state->loaded);
    return writeVaultFile(m_filePath, m_state->file);
}

void Vault::adoptFile(StoredVault &&file) {
    // deviceId() and the public keys may be read from the sync thread meanwhile.
    QWriteLocker keys(&m_keysLock);
    m_state->file = std::move(file);
    m_state->loaded = true;
}

} // namespace fl
