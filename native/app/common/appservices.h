#pragma once

#include "common/result.h"
#include "vault/vault.h"

#include <QObject>
#include <QQmlEngine>
#include <QString>

#include <chrono>
#include <memory>

class QThread;
class QTimer;

namespace fl {
class BlobStore;
class Inspection;
class PhotoLibrary;
class Store;
} // namespace fl

namespace fl::app {

class BackgroundReader;
class SyncStatus;
class SyncThread;

/// The device's services (vault, store, blobs, inspection workflow), built once in main() over
/// one data folder and shared with QML as a singleton. Also owns the locking policy: auto-lock
/// after inactivity and when the app leaves the screen.
class AppServices : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool vaultExists READ vaultExists NOTIFY vaultExistsChanged)
    Q_PROPERTY(bool unlocked READ isUnlocked NOTIFY unlockedChanged)
    /// True while a passphrase is being checked (the key derivation takes about a second, on a
    /// worker thread: the UI keeps running).
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    /// Seconds until the vault accepts another passphrase (after repeated wrong ones).
    Q_PROPERTY(int retrySeconds READ retrySeconds NOTIFY retrySecondsChanged)
    /// Local changes the server has not confirmed yet.
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(int autoLockMinutes READ autoLockMinutes NOTIFY autoLockMinutesChanged)
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)
public:
    /// Opens (or prepares to create) the data folder's vault.json, fieldledger.db and blobs/.
    explicit AppServices(const QString &dataDir, QObject *parent = nullptr);
    ~AppServices() override;

    /// The instance built in main(); QML never creates its own.
    static AppServices *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    [[nodiscard]] static AppServices *instance();

    [[nodiscard]] Vault &vault() { return *m_vault; }
    [[nodiscard]] Store &store() { return *m_store; }
    [[nodiscard]] BlobStore &blobs() { return *m_blobs; }
    [[nodiscard]] Inspection &inspection() { return *m_inspection; }
    [[nodiscard]] PhotoLibrary &photos() { return *m_photos; }
    /// The sync engine on its own thread; it announces pulled records through store().
    [[nodiscard]] SyncThread &syncThread() { return *m_syncThread; }
    /// The sync engine as the UI sees it (the SyncStatus QML singleton).
    [[nodiscard]] SyncStatus &sync() { return *m_sync; }
    /// Long reads (a whole round's ledger, every photo) on a thread and connection of their own.
    [[nodiscard]] BackgroundReader &reader() { return *m_reader; }

    /// Key derivation cost for createVault(); tests and the self-test use the minimum.
    void setKdfParams(KdfParams params) { m_kdf = params; }
    [[nodiscard]] KdfParams kdfParams() const { return m_kdf; }
    void setAutoLockTimeout(std::chrono::milliseconds timeout);

    [[nodiscard]] bool vaultExists() const;
    [[nodiscard]] bool isUnlocked() const;
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] QString errorString() const { return m_errorString; }
    [[nodiscard]] int retrySeconds() const { return m_retrySeconds; }
    [[nodiscard]] int pendingCount() const { return m_pendingCount; }
    [[nodiscard]] int autoLockMinutes() const;
    [[nodiscard]] QString dataDir() const { return m_dataDir; }

    /// Creates the vault and the database (both passphrases must match, at least 8 characters).
    /// Runs shortly after the call so that the page can show that it is working.
    Q_INVOKABLE void createVault(const QString &passphrase, const QString &repeated);
    /// Unlocks; on failure errorString says why and retrySeconds counts down any wait.
    Q_INVOKABLE void unlock(const QString &passphrase);
    /// Wipes the keys now. Pages stay where they are; editors keep what was not yet saved.
    Q_INVOKABLE void lock();
    /// Re-reads the pending-change count (after a sync, which does not signal it).
    Q_INVOKABLE void refreshPending();

public Q_SLOTS:
    /// Locks when the app is hidden or suspended (sent to the background).
    void handleApplicationState(Qt::ApplicationState state);

Q_SIGNALS:
    void vaultExistsChanged();
    void unlockedChanged();
    void busyChanged();
    void errorStringChanged();
    void retrySecondsChanged();
    void pendingCountChanged();
    void autoLockMinutesChanged();
    /// Sent just before an explicit or background lock, while writes still work.
    void aboutToLock();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Result<void> openStore();
    void runDeferred(void (AppServices::*step)());
    void doCreate();
    void finishUnlock(const Vault::UnlockTicket &ticket, Result<SecretKey> &derived);
    void wipePassphrase();
    void setBusy(bool busy);
    void setError(const QString &text);
    void updateRetry();
    [[nodiscard]] QString describe(const Error &error) const;

    QString m_dataDir;
    std::unique_ptr<Vault> m_vault;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<BlobStore> m_blobs;
    std::unique_ptr<Inspection> m_inspection;
    std::unique_ptr<PhotoLibrary> m_photos;
    std::unique_ptr<BackgroundReader> m_reader;
    std::unique_ptr<SyncThread> m_syncThread; // built last, stopped first: it uses all above
    std::unique_ptr<SyncStatus> m_sync;
    KdfParams m_kdf = KdfParams::moderate();
    std::chrono::milliseconds m_autoLockTimeout{std::chrono::minutes(5)};
    QTimer *m_retryTimer = nullptr;
    QThread *m_unlockThread = nullptr; // derives the passphrase key while an unlock runs
    bool m_lockDuringUnlock = false;   // lock() came while it ran
    QByteArray m_passphrase;           // only between a request and its deferred run; wiped after
    bool m_busy = false;
    QString m_errorString;
    int m_retrySeconds = 0;
    int m_pendingCount = 0;
};

} // namespace fl::app
