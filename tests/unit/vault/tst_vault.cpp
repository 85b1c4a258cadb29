#include "vault/vault.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <sodium.h>

#include <optional>

using namespace fl;
using namespace std::chrono_literals;

namespace {

const QByteArray Passphrase("correct horse battery staple");
const QByteArray OtherPassphrase("tr0ub4dor&3");

QByteArray bytesOf(const SecretKey &key) {
    return QByteArray(reinterpret_cast<const char *>(key.data()), qsizetype(SecretKey::Size));
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QJsonObject readJson(const QString &path) {
    return QJsonDocument::fromJson(readAll(path)).object();
}

bool writeJson(const QString &path, const QJsonObject &root) {
    return writeAll(path, QJsonDocument(root).toJson());
}

QByteArray b64Field(const QJsonObject &o, const char *name) {
    return QByteArray::fromBase64(o.value(QLatin1StringView(name)).toString().toLatin1());
}

/// The secrets of a vault file, opened here with plain libsodium calls, independently of
/// Vault: pins the documented file format and gives the tests the real key bytes.
struct OpenedByHand {
    QByteArray passphraseKey;
    QByteArray deviceKey;
    QByteArray signingSeed;
    QByteArray boxSecret;
};

QByteArray openAead(const QByteArray &key, const QByteArray &sealed, const QByteArray &ad) {
    if (key.size() != 32 || sealed.size() < 40)
        return {};
    QByteArray out(sealed.size() - 40, Qt::Uninitialized);
    const auto *in = reinterpret_cast<const unsigned char *>(sealed.constData());
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(out.data()), nullptr, nullptr, in + 24,
            quint64(sealed.size() - 24), reinterpret_cast<const unsigned char *>(ad.constData()),
            quint64(ad.size()), in, reinterpret_cast<const unsigned char *>(key.constData())) != 0)
        return {};
    return out;
}

std::optional<OpenedByHand> openByHand(const QString &path, const QByteArray &passphrase) {
    const QJsonObject root = readJson(path);
    const QJsonObject kdf = root.value(QLatin1StringView("kdf")).toObject();
    if (root.value(QLatin1StringView("format")).toString() !=
            QLatin1StringView("fieldledger-vault") ||
        root.value(QLatin1StringView("version")).toInt() != 1 ||
        kdf.value(QLatin1StringView("algorithm")).toString() != QLatin1StringView("argon2id13"))
        return std::nullopt;

    const QByteArray salt = b64Field(kdf, "salt");
    OpenedByHand o;
    o.passphraseKey = QByteArray(32, Qt::Uninitialized);
    if (salt.size() != crypto_pwhash_SALTBYTES ||
        crypto_pwhash(reinterpret_cast<unsigned char *>(o.passphraseKey.data()), 32,
                      passphrase.constData(), quint64(passphrase.size()),
                      reinterpret_cast<const unsigned char *>(salt.constData()),
                      quint64(kdf.value(QLatin1StringView("opsLimit")).toInteger()),
                      size_t(kdf.value(QLatin1StringView("memLimit")).toInteger()),
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return std::nullopt;

    const QByteArray deviceId = b64Field(root, "deviceId");
    o.deviceKey = openAead(o.passphraseKey, b64Field(root, "wrappedDeviceKey"),
                           "fieldledger/vault/device-key/v1" + deviceId);
    const QByteArray identity =
        openAead(o.deviceKey, b64Field(root, "wrappedIdentity"),
                 "fieldledger/vault/identity/v1" + deviceId + b64Field(root, "signingPublicKey") +
                     b64Field(root, "boxPublicKey"));
    if (o.deviceKey.size() != 32 || identity.size() != 64)
        return std::nullopt;
    o.signingSeed = identity.left(32);
    o.boxSecret = identity.mid(32);
    return o;
}

} // namespace

class VaultTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    [[nodiscard]] QString vaultPath() const {
        return m_dir->filePath(QStringLiteral("device.vault"));
    }

    /// A fresh unlocked vault at vaultPath(), fast KDF.
    std::unique_ptr<Vault> createVault(const QByteArray &passphrase = Passphrase) {
        auto vault = std::make_unique<Vault>(vaultPath());
        const auto created = vault->create(passphrase, KdfParams::minimum());
        if (!created.ok()) {
            qWarning() << "create failed:" << created.error().message;
            return nullptr;
        }
        return vault;
    }

    /// A locked vault with `failures` wrong passphrases recorded.
    std::unique_ptr<Vault> vaultWithFailures(int failures) {
        auto vault = createVault();
        if (!vault)
            return nullptr;
        vault->lock();
        for (int i = 0; i < failures; ++i) {
            const auto r = vault->unlock(OtherPassphrase);
            if (r.ok() || r.error().code != ErrorCode::WrongPassphrase)
                return nullptr;
        }
        return vault;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(ensureSodium()); }
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void kdfPresetsUseLibsodiumConstants() {
        QCOMPARE(KdfParams::moderate().opsLimit, quint64(crypto_pwhash_OPSLIMIT_MODERATE));
        QCOMPARE(KdfParams::moderate().memLimit, quint64(crypto_pwhash_MEMLIMIT_MODERATE));
        QCOMPARE(KdfParams::interactive().opsLimit, quint64(crypto_pwhash_OPSLIMIT_INTERACTIVE));
        QCOMPARE(KdfParams::interactive().memLimit, quint64(crypto_pwhash_MEMLIMIT_INTERACTIVE));
        QCOMPARE(KdfParams::minimum().opsLimit, quint64(crypto_pwhash_OPSLIMIT_MIN));
        QCOMPARE(KdfParams::minimum().memLimit, quint64(crypto_pwhash_MEMLIMIT_MIN));
    }

    void argon2idDerivationIsPinned_data() {
        QTest::addColumn<QByteArray>("passphrase");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<quint64>("opsLimit");
        QTest::addColumn<quint64>("memLimit");
        QTest::addColumn<QByteArray>("expectedHex");
        // Our own vector: computed once with KdfParams::minimum(); fails if the algorithm, the
        // output length or the minimum parameters change.
        QTest::newRow("own vector, minimum params")
            << QByteArray("correct horse battery staple") << QByteArray("fieldledger-salt")
            << KdfParams::minimum().opsLimit << KdfParams::minimum().memLimit
            << QByteArray("5dce7ea3e60e856e344a22faf10443199627b09947aae4bc50365f26cb701cf1");
        // Reference Argon2id v1.3 CLI (argon2 ABCDEFGHIJKLMNOP -id -v 13 -k 1024 -t 5):
        // an outside check that we really run Argon2id13.
        QTest::newRow("argon2 CLI vector")
            << QByteArray("123") << QByteArray("ABCDEFGHIJKLMNOP") << quint64(5)
            << quint64(1024 * 1024)
            << QByteArray("3c5d010180ba0cf5b6b858cba23b318e42d33088983c404598599c3b029ecac6");
    }
    void argon2idDerivationIsPinned() {
        QFETCH(QByteArray, passphrase);
        QFETCH(QByteArray, salt);
        QFETCH(quint64, opsLimit);
        QFETCH(quint64, memLimit);
        QFETCH(QByteArray, expectedHex);
        const auto key = detail::derivePassphraseKey(passphrase, salt, {opsLimit, memLimit});
        QVERIFY(key.ok());
        QCOMPARE(bytesOf(key.value()).toHex(), expectedHex);
    }

    void derivePassphraseKeyRejectsBadSaltOrParams() {
        const auto shortSalt = detail::derivePassphraseKey("pw", "short", KdfParams::minimum());
        QVERIFY(!shortSalt.ok());
        QCOMPARE(shortSalt.error().code, ErrorCode::InvalidArgument);
        const auto zeroOps = detail::derivePassphraseKey("pw", "0123456789abcdef", {0, 8192});
        QVERIFY(!zeroOps.ok());
        QCOMPARE(zeroOps.error().code, ErrorCode::InvalidArgument);
    }

    void backoffIsFreeTwiceThenDoublesUpToFiveMinutes() {
        QCOMPARE(detail::unlockBackoff(0), 0s);
        QCOMPARE(detail::unlockBackoff(1), 0s);
        QCOMPARE(detail::unlockBackoff(2), 0s);
        QCOMPARE(detail::unlockBackoff(3), 1s);
        QCOMPARE(detail::unlockBackoff(4), 2s);
        QCOMPARE(detail::unlockBackoff(5), 4s);
        QCOMPARE(detail::unlockBackoff(11), 256s);
        QCOMPARE(detail::unlockBackoff(12), 300s);
        QCOMPARE(detail::unlockBackoff(100), 300s);
        QCOMPARE(detail::unlockBackoff(INT_MAX), 300s);
        QCOMPARE(detail::unlockBackoffMax, 300s);
    }

    void createLeavesVaultUnlockedWithIdentity() {
        Vault vault(vaultPath());
        QVERIFY(!vault.exists());
        QSignalSpy spy(&vault, &Vault::lockedChanged);
        QVERIFY(vault.create(Passphrase, KdfParams::minimum()).ok());
        QVERIFY(vault.exists());
        QVERIFY(vault.isUnlocked());
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toBool(), false);
        QCOMPARE(vault.deviceId().size(), 16);
        QCOMPARE(vault.signingPublicKey().size(), crypto_sign_PUBLICKEYBYTES);
        QCOMPARE(vault.boxPublicKey().size(), crypto_box_PUBLICKEYBYTES);
        QCOMPARE(vault.failedAttempts(), 0);
        QCOMPARE(vault.retryDelay(), 0ms);

        const QJsonObject root = readJson(vaultPath());
        QCOMPARE(root.value(QLatin1StringView("format")).toString(),
                 QStringLiteral("fieldledger-vault"));
        QCOMPARE(root.value(QLatin1StringView("version")).toInt(), 1);
        QCOMPARE(b64Field(root, "deviceId"), vault.deviceId());
        const QJsonObject kdf = root.value(QLatin1StringView("kdf")).toObject();
        QCOMPARE(kdf.value(QLatin1StringView("opsLimit")).toInteger(),
                 qint64(crypto_pwhash_OPSLIMIT_MIN));
        QCOMPARE(kdf.value(QLatin1StringView("memLimit")).toInteger(),
                 qint64(crypto_pwhash_MEMLIMIT_MIN));
        QCOMPARE(b64Field(kdf, "salt").size(), crypto_pwhash_SALTBYTES);
        QVERIFY(QFile::permissions(vaultPath()) & QFileDevice::ReadOwner);
        QVERIFY(!(QFile::permissions(vaultPath()) & QFileDevice::ReadOther));

        Vault second(m_dir->filePath(QStringLiteral("second.vault")));
        QVERIFY(second.create(Passphrase, KdfParams::minimum()).ok());
        QVERIFY(second.deviceId() != vault.deviceId());
        QVERIFY(second.signingPublicKey() != vault.signingPublicKey());
    }

    void createRefusesExistingFile() {
        auto first = createVault();
        QVERIFY(first);
        const QByteArray before = readAll(vaultPath());

        Vault second(vaultPath());
        const auto r = second.create(OtherPassphrase, KdfParams::minimum());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(readAll(vaultPath()), before);
        QVERIFY(!second.isUnlocked());
        QVERIFY(second.unlock(Passphrase).ok());
    }

    void createRejectsEmptyPassphraseAndBadParams() {
        Vault vault(vaultPath());
        const auto empty = vault.create("", KdfParams::minimum());
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);
        const auto weak = vault.create(Passphrase, KdfParams{0, 0});
        QVERIFY(!weak.ok());
        QCOMPARE(weak.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!vault.exists());
    }

    void lockWipesKeysAndUnlockRestoresThem() {
        auto vault = createVault();
        QVERIFY(vault);
        const SecretKey campaign = SecretKey::random();
        const auto wrapped = vault->wrapKey(campaign);
        QVERIFY(wrapped.ok());

        QSignalSpy spy(vault.get(), &Vault::lockedChanged);
        vault->lock();
        QVERIFY(!vault->isUnlocked());
        vault->lock(); // no second signal for no change
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toBool(), true);
        QCOMPARE(vault->unwrapKey(wrapped.value()).error().code, ErrorCode::Locked);

        QVERIFY(vault->unlock(Passphrase).ok());
        QVERIFY(vault->isUnlocked());
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(0).toBool(), false);
        const auto unwrapped = vault->unwrapKey(wrapped.value());
        QVERIFY(unwrapped.ok());
        QCOMPARE(bytesOf(unwrapped.value()), bytesOf(campaign));
    }

    void newVaultObjectOpensExistingFile() {
        auto first = createVault();
        QVERIFY(first);
        const SecretKey campaign = SecretKey::random();
        const QByteArray wrapped = first->wrapKey(campaign).value();

        Vault reopened(vaultPath());
        QVERIFY(reopened.exists());
        QVERIFY(!reopened.isUnlocked());
        // Public parts are readable before unlocking.
        QCOMPARE(reopened.deviceId(), first->deviceId());
        QCOMPARE(reopened.signingPublicKey(), first->signingPublicKey());
        QCOMPARE(reopened.boxPublicKey(), first->boxPublicKey());
        QVERIFY(reopened.unlock(Passphrase).ok());
        const auto unwrapped = reopened.unwrapKey(wrapped);
        QVERIFY(unwrapped.ok());
        QCOMPARE(bytesOf(unwrapped.value()), bytesOf(campaign));
    }

    void missingFileIsNotFound() {
        Vault vault(vaultPath());
        QVERIFY(!vault.exists());
        QVERIFY(vault.deviceId().isEmpty());
        const auto r = vault.unlock(Passphrase);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::NotFound);
        QVERIFY(!vault.exists());
    }

    void wrongPassphraseReportsAttemptsAndDelay() {
        auto vault = createVault();
        QVERIFY(vault);
        vault->lock();

        auto r = vault->unlock(OtherPassphrase);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::WrongPassphrase);
        QCOMPARE(r.error().message,
                 QStringLiteral("Wrong passphrase. 1 failed attempt; you can try again now."));
        QCOMPARE(vault->failedAttempts(), 1);
        QCOMPARE(vault->retryDelay(), 0ms);

        r = vault->unlock(OtherPassphrase);
        QCOMPARE(r.error().code, ErrorCode::WrongPassphrase);
        QCOMPARE(r.error().message,
                 QStringLiteral("Wrong passphrase. 2 failed attempts; you can try again now."));
        QCOMPARE(vault->retryDelay(), 0ms);

        r = vault->unlock(OtherPassphrase);
        QCOMPARE(r.error().code, ErrorCode::WrongPassphrase);
        QCOMPARE(r.error().message,
                 QStringLiteral("Wrong passphrase. 3 failed attempts; next try allowed in 1 s."));
        QCOMPARE(vault->failedAttempts(), 3);
        QVERIFY(vault->retryDelay() > 0ms);
        QVERIFY(vault->retryDelay() <= 1000ms);
        QVERIFY(!vault->isUnlocked());
    }

    void wrongPassphraseDelayGrowsAndSurvivesRestart() {
        QVERIFY(vaultWithFailures(3));
        {
            // A restart: a new object on the same file sees the count and the running delay.
            Vault restarted(vaultPath());
            QCOMPARE(restarted.failedAttempts(), 3);
            QVERIFY(restarted.retryDelay() > 0ms);
            const auto r = restarted.unlock(Passphrase);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::LockedOut);

            QTRY_VERIFY_WITH_TIMEOUT(restarted.retryDelay() == 0ms, 3000);
            const auto fourth = restarted.unlock(OtherPassphrase);
            QCOMPARE(fourth.error().code, ErrorCode::WrongPassphrase);
            QCOMPARE(
                fourth.error().message,
                QStringLiteral("Wrong passphrase. 4 failed attempts; next try allowed in 2 s."));
            QVERIFY(restarted.retryDelay() > 1000ms);
        }
        Vault again(vaultPath());
        QCOMPARE(again.failedAttempts(), 4);
        QVERIFY(again.retryDelay() > 1000ms);
        QVERIFY(again.retryDelay() <= 2000ms);
    }

    void unlockDuringDelayIsLockedOutEvenWithRightPassphrase() {
        auto vault = vaultWithFailures(3);
        QVERIFY(vault);
        const QByteArray before = readAll(vaultPath());
        const auto r = vault->unlock(Passphrase);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::LockedOut);
        QVERIFY2(r.error().message.contains(QStringLiteral("Next try allowed in 1 s")),
                 qPrintable(r.error().message));
        QVERIFY(!vault->isUnlocked());
        // Refused before any check: not counted, nothing written.
        QCOMPARE(vault->failedAttempts(), 3);
        QCOMPARE(readAll(vaultPath()), before);
        const auto change = vault->changePassphrase(Passphrase, "new one", KdfParams::minimum());
        QCOMPARE(change.error().code, ErrorCode::LockedOut);
        QCOMPARE(readAll(vaultPath()), before);
    }

    void successfulUnlockResetsFailureCount() {
        auto vault = vaultWithFailures(3);
        QVERIFY(vault);
        QTRY_VERIFY_WITH_TIMEOUT(vault->retryDelay() == 0ms, 3000);
        QVERIFY(vault->unlock(Passphrase).ok());
        QCOMPARE(vault->failedAttempts(), 0);
        QCOMPARE(vault->retryDelay(), 0ms);

        Vault restarted(vaultPath());
        QCOMPARE(restarted.failedAttempts(), 0);
        const QJsonObject root = readJson(vaultPath());
        QCOMPARE(root.value(QLatin1StringView("failedAttempts")).toInt(), 0);
        QVERIFY(root.value(QLatin1StringView("notBefore")).isNull());

        // The next wrong passphrase starts from one again.
        vault->lock();
        const auto r = vault->unlock(OtherPassphrase);
        QCOMPARE(r.error().code, ErrorCode::WrongPassphrase);
        QCOMPARE(vault->failedAttempts(), 1);
        QCOMPARE(vault->retryDelay(), 0ms);
    }

    void retryTimeFarInFutureIsClampedToMaximumDelay() {
        QVERIFY(vaultWithFailures(3));
        QJsonObject root = readJson(vaultPath());
        // As if the clock had been set back a day after the failures.
        root.insert(QStringLiteral("failedAttempts"), 12);
        root.insert(QStringLiteral("notBefore"),
                    QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODateWithMs));
        QVERIFY(writeJson(vaultPath(), root));

        Vault vault(vaultPath());
        QVERIFY(vault.retryDelay() <= 300s);
        QVERIFY(vault.retryDelay() > 290s);
        const auto r = vault.unlock(Passphrase);
        QCOMPARE(r.error().code, ErrorCode::LockedOut);
        QVERIFY2(r.error().message.contains(QStringLiteral("300 s")),
                 qPrintable(r.error().message));

        // Persisted, so the delay really ends after five minutes even across restarts.
        const QDateTime stored = QDateTime::fromString(
            readJson(vaultPath()).value(QLatin1StringView("notBefore")).toString(),
            Qt::ISODateWithMs);
        QVERIFY(stored.isValid());
        QVERIFY(stored <= QDateTime::currentDateTimeUtc().addSecs(300));
    }

    void changePassphraseKeepsDeviceKeyAndIdentity() {
        auto vault = createVault();
        QVERIFY(vault);
        const SecretKey campaign = SecretKey::random();
        const QByteArray wrapped = vault->wrapKey(campaign).value();
        const QJsonObject before = readJson(vaultPath());
        const auto openedBefore = openByHand(vaultPath(), Passphrase);
        QVERIFY(openedBefore);

        QVERIFY(vault->changePassphrase(Passphrase, OtherPassphrase, KdfParams::minimum()).ok());

        const QJsonObject after = readJson(vaultPath());
        QVERIFY(b64Field(after.value(QLatin1StringView("kdf")).toObject(), "salt") !=
                b64Field(before.value(QLatin1StringView("kdf")).toObject(), "salt"));
        QVERIFY(after.value(QLatin1StringView("wrappedDeviceKey")) !=
                before.value(QLatin1StringView("wrappedDeviceKey")));
        for (const char *unchanged : {"wrappedIdentity", "deviceId", "signingPublicKey",
                                      "boxPublicKey", "format", "version"})
            QCOMPARE(after.value(QLatin1StringView(unchanged)),
                     before.value(QLatin1StringView(unchanged)));
        const auto openedAfter = openByHand(vaultPath(), OtherPassphrase);
        QVERIFY(openedAfter);
        QCOMPARE(openedAfter->deviceKey, openedBefore->deviceKey);
        QVERIFY(!openByHand(vaultPath(), Passphrase));

        vault->lock();
        const auto old = vault->unlock(Passphrase);
        QVERIFY(!old.ok());
        QCOMPARE(old.error().code, ErrorCode::WrongPassphrase);

        Vault restarted(vaultPath());
        QVERIFY(restarted.unlock(OtherPassphrase).ok());
        QCOMPARE(restarted.failedAttempts(), 0);
        const auto unwrapped = restarted.unwrapKey(wrapped);
        QVERIFY(unwrapped.ok());
        QCOMPARE(bytesOf(unwrapped.value()), bytesOf(campaign));
        QCOMPARE(restarted.signingPublicKey(), vault->signingPublicKey());
    }

    void changePassphraseWithWrongOldOneCountsAsFailedAttempt() {
        auto vault = createVault();
        QVERIFY(vault);
        const QByteArray wrappedBefore = b64Field(readJson(vaultPath()), "wrappedDeviceKey");
        const auto r = vault->changePassphrase(OtherPassphrase, "whatever", KdfParams::minimum());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::WrongPassphrase);
        QCOMPARE(vault->failedAttempts(), 1);
        QCOMPARE(Vault(vaultPath()).failedAttempts(), 1);
        QCOMPARE(b64Field(readJson(vaultPath()), "wrappedDeviceKey"), wrappedBefore);
        QVERIFY(vault->isUnlocked()); // a failed change does not lock an unlocked vault
        vault->lock();
        QVERIFY(vault->unlock(Passphrase).ok());
    }

    void damagedFileIsCorruptAndLeftUntouched_data() {
        QTest::addColumn<QString>("damage");
        for (const char *d : {"truncated", "garbage", "empty", "array", "short wrapped key",
                              "bad base64", "missing salt", "zero ops limit", "huge mem limit",
                              "negative failure count", "bad retry time", "version as text"})
            QTest::newRow(d) << QString::fromLatin1(d);
    }
    void damagedFileIsCorruptAndLeftUntouched() {
        QFETCH(QString, damage);
        QVERIFY(createVault());
        const QByteArray valid = readAll(vaultPath());
        QJsonObject root = readJson(vaultPath());
        QJsonObject kdf = root.value(QLatin1StringView("kdf")).toObject();
        QByteArray bytes;
        if (damage == QLatin1StringView("truncated")) {
            bytes = valid.left(valid.size() / 2);
        } else if (damage == QLatin1StringView("garbage")) {
            bytes = QByteArray("\x89PNG\r\n\x1a\n\x00\x00garbage", 18);
        } else if (damage == QLatin1StringView("empty")) {
            bytes = QByteArray();
        } else if (damage == QLatin1StringView("array")) {
            bytes = "[1, 2, 3]";
        } else {
            if (damage == QLatin1StringView("short wrapped key"))
                root.insert(QStringLiteral("wrappedDeviceKey"),
                            QString::fromLatin1(QByteArray(10, 'k').toBase64()));
            else if (damage == QLatin1StringView("bad base64"))
                root.insert(QStringLiteral("deviceId"), QStringLiteral("!!not base64!!"));
            else if (damage == QLatin1StringView("missing salt"))
                kdf.remove(QStringLiteral("salt"));
            else if (damage == QLatin1StringView("zero ops limit"))
                kdf.insert(QStringLiteral("opsLimit"), 0);
            else if (damage == QLatin1StringView("huge mem limit"))
                kdf.insert(QStringLiteral("memLimit"), 1e15);
            else if (damage == QLatin1StringView("negative failure count"))
                root.insert(QStringLiteral("failedAttempts"), -1);
            else if (damage == QLatin1StringView("bad retry time"))
                root.insert(QStringLiteral("notBefore"), QStringLiteral("next tuesday"));
            else if (damage == QLatin1StringView("version as text"))
                root.insert(QStringLiteral("version"), QStringLiteral("1"));
            else
                QFAIL("unknown damage");
            root.insert(QStringLiteral("kdf"), kdf);
            bytes = QJsonDocument(root).toJson();
        }
        QVERIFY(writeAll(vaultPath(), bytes));

        Vault vault(vaultPath());
        const auto unlocked = vault.unlock(Passphrase);
        QVERIFY(!unlocked.ok());
        QCOMPARE(unlocked.error().code, ErrorCode::Corrupt);
        QVERIFY(!vault.isUnlocked());
        const auto changed = vault.changePassphrase(Passphrase, "new", KdfParams::minimum());
        QCOMPARE(changed.error().code, ErrorCode::Corrupt);
        QCOMPARE(vault.create(Passphrase, KdfParams::minimum()).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(readAll(vaultPath()), bytes);
    }

    void foreignFileIsRejectedAndLeftUntouched_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("other format")
            << QByteArray(R"({"format": "other-app-keys", "version": 1})");
        QTest::newRow("no format") << QByteArray(R"({"name": "settings", "theme": "dark"})");
    }
    void foreignFileIsRejectedAndLeftUntouched() {
        QFETCH(QByteArray, content);
        QVERIFY(writeAll(vaultPath(), content));
        Vault vault(vaultPath());
        const auto r = vault.unlock(Passphrase);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::ForeignFile);
        QCOMPARE(vault.changePassphrase(Passphrase, "x", KdfParams::minimum()).error().code,
                 ErrorCode::ForeignFile);
        QCOMPARE(readAll(vaultPath()), content);
    }

    void unknownVersionIsUnsupportedAndLeftUntouched() {
        QVERIFY(createVault());
        QJsonObject root = readJson(vaultPath());
        root.insert(QStringLiteral("version"), 2);
        QVERIFY(writeJson(vaultPath(), root));
        const QByteArray bytes = readAll(vaultPath());

        Vault vault(vaultPath());
        const auto r = vault.unlock(Passphrase);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Unsupported);
        QVERIFY(r.error().message.contains(QLatin1Char('2')));
        const auto wrong = vault.unlock(OtherPassphrase);
        QCOMPARE(wrong.error().code, ErrorCode::Unsupported);
        QCOMPARE(readAll(vaultPath()), bytes);
    }

    void editedPublicKeyInFileIsDetected() {
        QVERIFY(createVault());
        QJsonObject root = readJson(vaultPath());
        unsigned char pk[crypto_sign_PUBLICKEYBYTES];
        unsigned char sk[crypto_sign_SECRETKEYBYTES];
        crypto_sign_keypair(pk, sk);
        root.insert(
            QStringLiteral("signingPublicKey"),
            QString::fromLatin1(QByteArray(reinterpret_cast<char *>(pk), sizeof pk).toBase64()));
        QVERIFY(writeJson(vaultPath(), root));

        Vault vault(vaultPath());
        const auto r = vault.unlock(Passphrase);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
        QVERIFY(!vault.isUnlocked());
        QCOMPARE(vault.failedAttempts(), 0); // the passphrase was right: not a failed attempt
    }

    void autoLockFiresAfterInactivity() {
        auto vault = createVault();
        QVERIFY(vault);
        QSignalSpy spy(vault.get(), &Vault::lockedChanged);
        vault->setAutoLockTimeout(100ms);
        QTRY_VERIFY_WITH_TIMEOUT(!vault->isUnlocked(), 2000);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toBool(), true);
        QCOMPARE(vault->sign("m").error().code, ErrorCode::Locked);

        // Unlocking starts the timer again.
        QVERIFY(vault->unlock(Passphrase).ok());
        QVERIFY(vault->isUnlocked());
        QTRY_VERIFY_WITH_TIMEOUT(!vault->isUnlocked(), 2000);
    }

    void touchPostponesAutoLock() {
        auto vault = createVault();
        QVERIFY(vault);
        vault->setAutoLockTimeout(400ms);
        // 1.2 s of activity, three times the timeout.
        for (int i = 0; i < 12; ++i) {
            QTest::qWait(100);
            vault->touch();
            QVERIFY2(vault->isUnlocked(),
                     qPrintable(QStringLiteral("locked after %1 ms").arg(i * 100)));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!vault->isUnlocked(), 3000);
    }

    void zeroAutoLockTimeoutDisablesIt() {
        auto vault = createVault();
        QVERIFY(vault);
        vault->setAutoLockTimeout(100ms);
        vault->setAutoLockTimeout(0ms);
        QTest::qWait(300);
        QVERIFY(vault->isUnlocked());
    }

    void signatureVerifiesWithSigningPublicKey() {
        auto vault = createVault();
        QVERIFY(vault);
        const QByteArray message("POST\n/v1/push\n1700000000\nnonce\nbodyhash");
        const auto sig = vault->sign(message);
        QVERIFY(sig.ok());
        QCOMPARE(sig.value().size(), crypto_sign_BYTES);
        const QByteArray pk = vault->signingPublicKey();
        const auto verify = [&pk](const QByteArray &s, const QByteArray &m) {
            return crypto_sign_verify_detached(
                       reinterpret_cast<const unsigned char *>(s.constData()),
                       reinterpret_cast<const unsigned char *>(m.constData()), quint64(m.size()),
                       reinterpret_cast<const unsigned char *>(pk.constData())) == 0;
        };
        QVERIFY(verify(sig.value(), message));
        QVERIFY(!verify(sig.value(), message + "x"));

        // The same identity after a restart.
        Vault restarted(vaultPath());
        QVERIFY(restarted.unlock(Passphrase).ok());
        QVERIFY(verify(restarted.sign(message).value(), message));
    }

    void sealedKeyRoundTripsToThisDeviceOnly() {
        auto vault = createVault();
        QVERIFY(vault);
        Vault other(m_dir->filePath(QStringLiteral("other.vault")));
        QVERIFY(other.create(Passphrase, KdfParams::minimum()).ok());

        vault->lock(); // sealing needs only the public key
        const SecretKey campaign = SecretKey::random();
        const auto sealed = Vault::sealKeyTo(campaign, vault->boxPublicKey());
        QVERIFY(sealed.ok());
        QVERIFY(!sealed.value().contains(bytesOf(campaign)));
        QCOMPARE(vault->openSealedKey(sealed.value()).error().code, ErrorCode::Locked);

        QVERIFY(vault->unlock(Passphrase).ok());
        const auto opened = vault->openSealedKey(sealed.value());
        QVERIFY(opened.ok());
        QCOMPARE(bytesOf(opened.value()), bytesOf(campaign));

        const auto wrongDevice = other.openSealedKey(sealed.value());
        QVERIFY(!wrongDevice.ok());
        QCOMPARE(wrongDevice.error().code, ErrorCode::Integrity);

        QByteArray tampered = sealed.value();
        tampered[tampered.size() - 1] = char(tampered.back() ^ 0x80);
        QCOMPARE(vault->openSealedKey(tampered).error().code, ErrorCode::Integrity);
        QCOMPARE(vault->openSealedKey(sealed.value().chopped(1)).error().code,
                 ErrorCode::Integrity);

        QCOMPARE(Vault::sealKeyTo(campaign, QByteArray(31, 'p')).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(Vault::sealKeyTo(SecretKey(), vault->boxPublicKey()).error().code,
                 ErrorCode::InvalidArgument);
    }

    void unwrapOfTamperedKeyFailsIntegrity() {
        auto vault = createVault();
        QVERIFY(vault);
        Vault other(m_dir->filePath(QStringLiteral("other.vault")));
        QVERIFY(other.create(Passphrase, KdfParams::minimum()).ok());

        const SecretKey campaign = SecretKey::random();
        const QByteArray wrapped = vault->wrapKey(campaign).value();
        QCOMPARE(wrapped.size(), 24 + 32 + 16);
        QVERIFY(!wrapped.contains(bytesOf(campaign)));
        for (qsizetype i = 0; i < wrapped.size(); ++i) {
            QByteArray tampered = wrapped;
            tampered[i] = char(tampered[i] ^ 0x01);
            const auto r = vault->unwrapKey(tampered);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::Integrity);
        }
        QCOMPARE(vault->unwrapKey(wrapped.chopped(1)).error().code, ErrorCode::Integrity);
        QCOMPARE(vault->unwrapKey(QByteArray()).error().code, ErrorCode::Integrity);
        QCOMPARE(other.unwrapKey(wrapped).error().code, ErrorCode::Integrity);
        QCOMPARE(vault->wrapKey(SecretKey()).error().code, ErrorCode::InvalidArgument);
    }

    void operationsWhileLockedReturnLocked() {
        auto created = createVault();
        QVERIFY(created);
        const QByteArray wrapped = created->wrapKey(SecretKey::random()).value();
        const QByteArray sealed =
            Vault::sealKeyTo(SecretKey::random(), created->boxPublicKey()).value();
        created->lock();

        Vault neverUnlocked(vaultPath());
        for (Vault *vault : {created.get(), &neverUnlocked}) {
            QVERIFY(!vault->isUnlocked());
            QCOMPARE(vault->sign("m").error().code, ErrorCode::Locked);
            QCOMPARE(vault->wrapKey(SecretKey::random()).error().code, ErrorCode::Locked);
            QCOMPARE(vault->unwrapKey(wrapped).error().code, ErrorCode::Locked);
            QCOMPARE(vault->openSealedKey(sealed).error().code, ErrorCode::Locked);
            QVERIFY(!vault->sign("m").error().message.isEmpty());
            QCOMPARE(vault->deviceId().size(), 16);
            QCOMPARE(vault->signingPublicKey().size(), 32);
        }
    }

    void vaultFileHoldsNoKeyInPlaintext() {
        auto vault = createVault();
        QVERIFY(vault);
        const auto secrets = openByHand(vaultPath(), Passphrase);
        QVERIFY(secrets);

        // The hand-opened device key is the one the vault uses.
        const SecretKey campaign = SecretKey::random();
        const QByteArray wrapped = vault->wrapKey(campaign).value();
        QCOMPARE(openAead(secrets->deviceKey, wrapped, "fieldledger/wrapped-key/v1"),
                 bytesOf(campaign));
        // And the hand-opened seed is the signing identity.
        unsigned char pk[crypto_sign_PUBLICKEYBYTES];
        QByteArray expandedSecret(crypto_sign_SECRETKEYBYTES, Qt::Uninitialized);
        crypto_sign_seed_keypair(
            pk, reinterpret_cast<unsigned char *>(expandedSecret.data()),
            reinterpret_cast<const unsigned char *>(secrets->signingSeed.constData()));
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(pk), sizeof pk),
                 vault->signingPublicKey());

        const QByteArray file = readAll(vaultPath());
        const QList<QByteArray> secretValues{secrets->passphraseKey, secrets->deviceKey,
                                             secrets->signingSeed,   secrets->boxSecret,
                                             expandedSecret,         Passphrase};
        for (const QByteArray &secret : secretValues) {
            QVERIFY(!file.contains(secret));
            QVERIFY(!file.contains(secret.toHex()));
            QVERIFY(!file.contains(secret.toBase64()));
            QVERIFY(!file.contains(secret.left(16).toBase64().left(20)));
        }
    }
};

QTEST_GUILESS_MAIN(VaultTest)
#include "tst_vault.moc"
