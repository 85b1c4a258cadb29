#pragma once

#include "sync/client/syncerror.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QString>

#include <functional>

class QTimer;

namespace fl::sync {
class SyncEngine;
struct SyncReport;
} // namespace fl::sync

namespace fl::app {

class AppServices;

/// The sync engine as the UI sees it: whether the server is in reach, what is waiting to go,
/// how far a running sync got, when the last one succeeded and, in plain words, what stopped
/// the last one and what to do next. Also enrols the device.
///
/// The engine (sync/client) runs on AppServices' SyncThread with its own database connection, so
/// nothing here blocks the UI: calls go to it queued, its signals come back queued and the
/// figures shown are copies. Built by AppServices, which owns it; the engine starts (periodic
/// and reconnect triggers on) the first time the vault is unlocked.
class SyncStatus : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    /// "Online", "Offline", "Syncing…" in the UI language.
    Q_PROPERTY(QString stateText READ stateText NOTIFY stateChanged)
    Q_PROPERTY(bool syncing READ isSyncing NOTIFY stateChanged)
    Q_PROPERTY(bool enrolled READ isEnrolled NOTIFY enrolmentChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY enrolmentChanged)
    /// "inspector" or "office"; empty when not enrolled.
    Q_PROPERTY(QString role READ role NOTIFY enrolmentChanged)
    Q_PROPERTY(QString roleName READ roleName NOTIFY enrolmentChanged)
    /// Local change sets the server has not confirmed.
    Q_PROPERTY(int pendingChanges READ pendingChanges NOTIFY pendingChanged)
    /// Photo files (images and thumbnails) on this device the server does not hold yet.
    Q_PROPERTY(int pendingPhotos READ pendingPhotos NOTIFY pendingChanged)
    Q_PROPERTY(Phase phase READ phase NOTIFY progressChanged)
    /// What the running sync does now, with its count ("Sending changes: 120 of 500").
    Q_PROPERTY(QString phaseText READ phaseText NOTIFY progressChanged)
    /// The running phase's share done, 0..1; negative when it cannot be told.
    Q_PROPERTY(double phaseProgress READ phaseProgress NOTIFY progressChanged)
    Q_PROPERTY(int pushed READ pushed NOTIFY progressChanged)
    Q_PROPERTY(int toPush READ toPush NOTIFY progressChanged)
    Q_PROPERTY(int pulled READ pulled NOTIFY progressChanged)
    Q_PROPERTY(int uploaded READ uploaded NOTIFY progressChanged)
    Q_PROPERTY(int toUpload READ toUpload NOTIFY progressChanged)
    Q_PROPERTY(int downloaded READ downloaded NOTIFY progressChanged)
    Q_PROPERTY(int toDownload READ toDownload NOTIFY progressChanged)
    Q_PROPERTY(qint64 bytesUp READ bytesUp NOTIFY progressChanged)
    Q_PROPERTY(qint64 bytesDown READ bytesDown NOTIFY progressChanged)
    /// "1.2 MB sent · 340 kB received".
    Q_PROPERTY(QString bytesText READ bytesText NOTIFY progressChanged)
    /// What the last sync of this session exchanged ("2 changes sent, 1 photo file sent ·
    /// 34 kB sent · 1 kB received"); empty before the first one ends.
    Q_PROPERTY(QString lastSyncText READ lastSyncText NOTIFY progressChanged)
    /// How often sync runs by itself while the server is in reach, in minutes.
    Q_PROPERTY(int intervalMinutes READ intervalMinutes CONSTANT)
    /// When a sync last completed; invalid when never. Kept across restarts.
    Q_PROPERTY(QDateTime lastSuccess READ lastSuccess NOTIFY lastSuccessChanged)
    Q_PROPERTY(QString lastSuccessText READ lastSuccessText NOTIFY lastSuccessChanged)
    /// What stopped the last sync, in plain words; empty when it went well.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
    /// What the person can do about it.
    Q_PROPERTY(QString errorHint READ errorHint NOTIFY errorChanged)
    /// True while enrol() talks to the server.
    Q_PROPERTY(bool enrolling READ isEnrolling NOTIFY enrollingChanged)
    /// Why the last enrol() failed, with what to do; empty after a success.
    Q_PROPERTY(QString enrolError READ enrolError NOTIFY enrollingChanged)
public:
    enum class State {
        Offline, ///< the server is not in reach (or not known yet)
        Online,  ///< the last contact with the server worked
        Syncing, ///< a sync runs
    };
    Q_ENUM(State)
    enum class Phase { Idle, Keys, Push, Pull, Upload, Download };
    Q_ENUM(Phase)

    /// Builds the engine over the services' vault, database and blob folder (not started).
    explicit SyncStatus(AppServices &services, QObject *parent = nullptr);
    ~SyncStatus() override;

    /// The instance AppServices owns; QML never creates its own.
    static SyncStatus *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString stateText() const;
    [[nodiscard]] bool isSyncing() const { return m_state == State::Syncing; }
    [[nodiscard]] bool isEnrolled() const { return !m_serverUrl.isEmpty(); }
    [[nodiscard]] QString serverUrl() const { return m_serverUrl; }
    [[nodiscard]] QString role() const { return m_role; }
    [[nodiscard]] QString roleName() const;
    [[nodiscard]] int pendingChanges() const;
    [[nodiscard]] int pendingPhotos() const { return m_pendingPhotos; }
    [[nodiscard]] Phase phase() const { return m_phase; }
    [[nodiscard]] QString phaseText() const;
    [[nodiscard]] double phaseProgress() const;
    [[nodiscard]] int pushed() const { return m_counts[Pushed]; }
    [[nodiscard]] int toPush() const { return m_counts[ToPush]; }
    [[nodiscard]] int pulled() const { return m_counts[Pulled]; }
    [[nodiscard]] int uploaded() const { return m_counts[Uploaded]; }
    [[nodiscard]] int toUpload() const { return m_counts[ToUpload]; }
    [[nodiscard]] int downloaded() const { return m_counts[Downloaded]; }
    [[nodiscard]] int toDownload() const { return m_counts[ToDownload]; }
    [[nodiscard]] qint64 bytesUp() const { return m_bytesUp; }
    [[nodiscard]] qint64 bytesDown() const { return m_bytesDown; }
    [[nodiscard]] QString bytesText() const;
    [[nodiscard]] QString lastSyncText() const;
    [[nodiscard]] int intervalMinutes() const { return m_intervalMinutes; }
    [[nodiscard]] QDateTime lastSuccess() const { return m_lastSuccess; }
    [[nodiscard]] QString lastSuccessText() const;
    [[nodiscard]] QString errorString() const { return m_error.first; }
    [[nodiscard]] QString errorHint() const { return m_error.second; }
    [[nodiscard]] bool isEnrolling() const { return m_enrolling; }
    [[nodiscard]] QString enrolError() const;

    /// The engine, for tests; talk to it only through queued calls.
    [[nodiscard]] sync::SyncEngine *engine() const { return m_engine; }

    /// Syncs now (after the running sync, if any), also after a failure that stopped syncing.
    Q_INVOKABLE void syncNow();
    /// Stops the running sync at the next safe point; the next one resumes from there.
    Q_INVOKABLE void cancel();
    /// Enrols this device with the office's server and a one-time code; a sync follows.
    /// `deviceName` tells the office which tablet this is; empty: defaultDeviceName().
    Q_INVOKABLE void enrol(const QString &serverUrl, const QString &code,
                           const QString &deviceName = {});
    /// The machine's name, offered as the device name at enrolment.
    [[nodiscard]] Q_INVOKABLE static QString defaultDeviceName();

    /// Plain-words description of a sync failure: what happened, and what to do next.
    [[nodiscard]] static QPair<QString, QString> describe(const sync::SyncFailure &failure);
    /// The same for changes the server set aside because this device's clock runs ahead.
    [[nodiscard]] static QPair<QString, QString> describeClockAhead(int changeSets);

Q_SIGNALS:
    void stateChanged();
    void enrolmentChanged();
    void pendingChanged();
    void progressChanged();
    void lastSuccessChanged();
    void errorChanged();
    void enrollingChanged();
    /// After a sync ended, well or not.
    void syncFinished(bool ok);
    /// After enrol() ended; `ok` false: enrolError says why.
    void enrolFinished(bool ok);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum Count { Pushed, ToPush, Pulled, Uploaded, ToUpload, Downloaded, ToDownload, CountKinds };

    void onUnlockedChanged();
    void startEngine();
    void readEnrolment();
    void readLastSuccess();
    void updateState();
    void updateError();
    /// What to show: the last sync's failure, else what it could not deliver.
    [[nodiscard]] QPair<QString, QString> currentError() const;
    void updateProgress();
    void onSyncFinished(const sync::SyncReport &report);
    void finishEnrol(const QString &role, const sync::SyncFailure &failure);
    /// Counts the photo files not uploaded yet, soon (several store changes come at once).
    void schedulePhotoCount();
    /// Counts on the background reader; `then` runs once the figure is in (or could not be).
    void countPendingPhotos(std::function<void()> then = {});
    void setPendingPhotos(int count);

    AppServices &m_services;
    sync::SyncEngine *m_engine = nullptr; // AppServices' SyncThread owns it; call it queued
    QTimer *m_photoCount = nullptr;
    int m_photoCountRequest = 0; // the latest count asked for
    int m_intervalMinutes = 0;
    State m_state = State::Offline;
    QString m_serverUrl;
    QString m_role;
    int m_pendingPhotos = 0;
    Phase m_phase = Phase::Idle;
    int m_counts[CountKinds] = {};
    qint64 m_bytesUp = 0;
    qint64 m_bytesDown = 0;
    int m_clockAheadDeferred = 0; // of the last sync: change sets made with the clock ahead
    bool m_hasFinished = false;   // a sync ended in this session: the counts are its own
    QDateTime m_lastSuccess;
    QPair<QString, QString> m_error;
    bool m_enrolling = false;
    sync::SyncFailure m_enrolFailure; // of the last enrol(); described in the current language
};

} // namespace fl::app
