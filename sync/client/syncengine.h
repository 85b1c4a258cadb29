#pragma once

#include "change/chainaudit.h"
#include "sync/client/backoff.h"
#include "sync/client/syncerror.h"
#include "sync/client/syncstate.h"
#include "sync/protocol/wire.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QNetworkInformation>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QTimer;

namespace fl {
class BlobStore;
class Store;
class Vault;
struct ApplyReport;
} // namespace fl

namespace fl::sync {

class SyncClient;
class TusUploader;

/// Where a sync is and how far it got; counts are for the running (or last) sync.
struct SyncProgress {
    Q_GADGET
    Q_PROPERTY(Phase phase MEMBER phase)
    Q_PROPERTY(int pushed MEMBER pushed)
    Q_PROPERTY(int toPush MEMBER toPush)
    Q_PROPERTY(int pulled MEMBER pulled)
    Q_PROPERTY(int uploaded MEMBER uploaded)
    Q_PROPERTY(int toUpload MEMBER toUpload)
    Q_PROPERTY(int downloaded MEMBER downloaded)
    Q_PROPERTY(int toDownload MEMBER toDownload)
    Q_PROPERTY(qint64 bytesUp MEMBER bytesUp)
    Q_PROPERTY(qint64 bytesDown MEMBER bytesDown)
public:
    enum Phase { Idle, Keys, Push, Pull, Upload, Download };
    Q_ENUM(Phase)
    Phase phase = Idle;
    int pushed = 0;     ///< change sets the server stored
    int toPush = 0;     ///< change sets waiting when the push began
    int pulled = 0;     ///< change sets pulled and applied (or already here)
    int uploaded = 0;   ///< blobs now on the server
    int toUpload = 0;   ///< blobs to upload this sync
    int downloaded = 0; ///< blobs fetched into the blob store
    int toDownload = 0; ///< blobs missing here when the download began
    qint64 bytesUp = 0;
    qint64 bytesDown = 0;
};

/// What one sync did, and what stopped it.
struct SyncReport {
    SyncProgress progress; ///< the final counts
    int keysAdded = 0;     ///< campaign keys received
    int pushRejected = 0;  ///< change sets the server refused for good in this sync
    int deferred = 0;      ///< refused for now (not_member, clock_ahead): still pending
    /// Of those, made with a clock over an hour ahead of the server's time (clock_ahead): the
    /// server takes them once its time catches up; the device's clock needs setting right.
    int deferredClockAhead = 0;
    int pulledApplied = 0; ///< pulled change sets that changed something here
    int parkedApplied = 0; ///< earlier parked change sets applied now
    int missingBlobs = 0;  ///< photos whose file is not on the server yet (its owner uploads it)
    int blobFailures = 0;  ///< files the server refused or that arrived damaged (retried later)
    int pending = 0;       ///< local change sets still to push (set-aside ones not counted)
    QList<RejectedChange> rejected; ///< every change set set aside on this device
    QList<ParkedChange> parked;     ///< every pulled change set waiting to be applied
    SyncFailure failure;            ///< error None when the sync completed
    [[nodiscard]] bool ok() const { return failure.error == SyncError::None; }
};

/// The client sync engine: push, pull, blob upload and download, keys and enrolment, over
/// SyncClient, with automatic triggers and back-off.
///
/// Threading rule: the engine lives on its own QThread (moveToThread() before start()); it
/// never runs on the UI thread. On first use it opens its own Store connection to the same
/// database file, its own BlobStore and network manager, all in its thread. Call its slots
/// from other threads through queued connections or QMetaObject::invokeMethod; cancel() and
/// the property getters (a mutex-guarded snapshot) may be called directly from any thread.
/// The synchronous methods (runSync, enrol, fetchKeys, shareCampaign, devices, issueEnrolCode)
/// run network requests in local event loops and must only be called on the engine's thread,
/// or in a command-line program where blocking is fine; while a sync runs they answer a "busy"
/// failure. The Vault is shared and used read-only (sign, unwrap and open keys); its key use is
/// thread-safe, so a lock() during a sync ends that sync with a "locked" error rather than a crash.
/// The owner must not destroy the Vault while a sync runs (cancel() and wait for syncFinished
/// first). Records changed by pulls are announced by remoteChanges(), since the UI's own Store does
/// not see the engine's commits.
///
/// Triggers: syncNow(); a timer every interval() while online; and reconnection, reported by
/// QNetworkInformation (Reachability backend, when one loads) and confirmed by probing
/// GET /v1/health, because the route-based glib backend says Online without any server.
/// Retryable failures are retried with exponential back-off and jitter (2 s doubling to
/// 5 min), reset by a success; other failures stop automatic syncing until syncNow().
class SyncEngine : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(fl::sync::SyncError error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
    Q_PROPERTY(fl::sync::SyncProgress progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(bool online READ isOnline NOTIFY onlineChanged)
public:
    enum class State {
        Idle,           ///< waiting for a trigger
        Syncing,        ///< a sync runs
        WaitingToRetry, ///< a retryable failure; the next attempt is scheduled
        Offline,        ///< the server is not in reach; a reconnect or the timer tries again
        Stopped,        ///< a failure that needs the person (see error); syncNow() resumes
    };
    Q_ENUM(State)

    struct Options {
        int pushBatch = 500;
        int pullLimit = 1000;
        qint64 chunkBytes = 1024 * 1024; ///< tus PATCH size
        std::chrono::milliseconds interval{std::chrono::minutes(5)};
        std::chrono::milliseconds requestTimeout{std::chrono::seconds(30)};
        RetryPolicy retry;
    };

    SyncEngine(Vault &vault, QString databasePath, QString blobDir, QObject *parent = nullptr);
    SyncEngine(Vault &vault, QString databasePath, QString blobDir, Options options,
               QObject *parent = nullptr);
    ~SyncEngine() override;

    [[nodiscard]] State state() const;
    [[nodiscard]] SyncError error() const;
    [[nodiscard]] QString errorString() const;
    [[nodiscard]] SyncFailure failure() const;
    [[nodiscard]] SyncProgress progress() const;
    [[nodiscard]] bool isOnline() const;
    [[nodiscard]] const Options &options() const { return m_options; }

    // ---- synchronous, on the engine's thread ---------------------------------------------
    /// One full sync: keys, push, pull, blob uploads, blob downloads. Stops at the first
    /// failure; everything done before it is kept and the next sync resumes after it.
    SyncReport runSync();
    /// Enrols this device with a one-time code; stores the server address and the role and
    /// fetches the campaign keys sealed to it. Returns the role ("inspector" or "office").
    SyncResult<QString> enrol(const QString &serverUrl, const QString &code, const QString &name);
    /// Fetches the campaign keys sealed to this device; returns how many were new.
    SyncResult<int> fetchKeys();
    /// Office: seals the campaign key to the given devices (16-byte ids), or to every device
    /// that is not revoked, and registers them as members. Returns the devices it went to.
    SyncResult<QList<QByteArray>> shareCampaign(const QString &campaignId,
                                                const QList<QByteArray> &devices = {});
    /// Office: the devices enrolled with the server (revoked ones included, marked).
    SyncResult<QList<wire::DeviceInfo>> devices();
    /// Office: a one-time enrolment code for a new device of `role` ("inspector" or "office"),
    /// valid `hours`. The code is shown to the person once and kept nowhere on this device.
    SyncResult<wire::EnrolCodeResponse> issueEnrolCode(const QString &role, int hours = 24);
    /// Reads every change set the server holds for a campaign and audits it: signatures,
    /// each author's chain, and the server's copy against the one this device holds
    /// (change/chainaudit.h). Needs membership of the campaign.
    SyncResult<audit::Report> verifyCampaign(const QString &campaignId);
    /// Puts the set-aside change sets back in the outbox for the next push.
    Result<void> retryRejected();
    /// The role stored at enrolment ("" when not enrolled).
    [[nodiscard]] Result<QString> role();
    /// Talks to this address instead of the enrolled one (another instance of the same office's
    /// server, a proxy), without changing what is stored; an empty URL goes back to it.
    void setServerOverride(const QUrl &url) { m_serverOverride = url; }

public Q_SLOTS:
    /// Starts automatic syncing (timer, reconnects) and syncs once if the server is in reach.
    void start();
    /// Stops automatic syncing (a running sync finishes or is cancelled separately).
    void stop();
    /// Syncs now (after the running one, if any), also after a non-retryable failure.
    void syncNow();
    /// Stops the running sync at the next safe point. Thread-safe.
    void cancel();
    void setInterval(std::chrono::milliseconds interval);

Q_SIGNALS:
    void stateChanged(fl::sync::SyncEngine::State state);
    void errorChanged(fl::sync::SyncError error, const QString &message);
    void progressChanged(const fl::sync::SyncProgress &progress);
    void onlineChanged(bool online);
    void syncFinished(const fl::sync::SyncReport &report);
    /// Records a pull changed (forwarded from the engine's Store::changed).
    void remoteChanges(const QString &recordType, const QStringList &ids);

private Q_SLOTS:
    void onReachabilityChanged(QNetworkInformation::Reachability reachability);

private:
    enum class Trigger { Manual, Start, Periodic, Reconnect, Retry };
    struct BlobJob; // one photo file to move, in syncblobs.cpp

    // The run and its scheduling (syncengine.cpp).
    SyncResult<void> ready(bool needEnrolment);
    SyncResult<void> checkpoint() const;
    SyncResult<void> notBusy() const;
    SyncResult<void> doSync(SyncReport &report);
    void trigger(Trigger why);
    /// Whether a trigger may sync now; automatic ones first make sure the server is in reach.
    bool admit(Trigger why);
    void scheduleAfter(const SyncReport &report);
    void setState(State state);
    void setFailure(const SyncFailure &failure);
    void setOnline(bool online);
    void setPhase(SyncProgress::Phase phase);
    void publishProgress();

    // Keys (syncenrolment.cpp) and office requests (officesharing.cpp).
    SyncResult<int> receiveKeys();
    /// ready(true), not busy, and this device enrolled as an office device.
    SyncResult<void> readyAsOffice();
    SyncResult<QList<wire::DeviceInfo>> fetchDevices();

    // Push (syncpush.cpp) and pull (syncpull.cpp).
    SyncResult<void> push(SyncReport &report);
    SyncResult<void> retryParked(SyncReport &report);
    /// Pins the signing keys of the authors of `changeSets` not known here yet (GET /v1/signers,
    /// at most once per sync).
    SyncResult<void> learnSigners(const QList<ChangeSet> &changeSets);
    SyncResult<void> pull(SyncReport &report);
    /// One pull page after `cursor` (of one campaign when `campaign` is set), checked to follow
    /// the cursor.
    SyncResult<wire::PullPage> fetchPage(qint64 cursor, const QString &campaign);
    /// Pulls and merges pages after `cursor` (of one campaign when `campaign` is set), parking
    /// what cannot apply; `merged` is told each page's next cursor once the page is merged.
    SyncResult<void> pullPages(qint64 cursor, const QString &campaign, SyncReport &report,
                               QList<ParkedChange> &parked,
                               const std::function<SyncResult<void>(qint64)> &merged);
    /// Reads again the campaigns in which a pulled change set waits for an earlier one.
    SyncResult<void> repairGaps(SyncReport &report);
    SyncResult<void> park(const QList<ChangeSet> &changeSets, const ApplyReport &applied,
                          QList<ParkedChange> &parked);

    // Photo files (syncblobs.cpp).
    SyncResult<void> transferBlobs(SyncReport &report);
    SyncResult<void> listBlobJobs(QList<BlobJob> &uploads, QList<BlobJob> &downloads);
    SyncResult<void> uploadBlobs(const QList<BlobJob> &uploads, SyncReport &report);
    SyncResult<void> downloadBlobs(const QList<BlobJob> &downloads, SyncReport &report);
    SyncResult<bool> uploadBlob(const QByteArray &contentId, const QString &campaignId,
                                qint64 size);
    SyncResult<bool> downloadBlob(const QByteArray &contentId);
    SyncResult<bool> keepDownloaded(const QByteArray &contentId, const QString &partialPath);

    Vault &m_vault;
    QString m_databasePath;
    QString m_blobDir;
    QUrl m_serverOverride;
    Options m_options;
    SyncClient *m_client = nullptr;
    TusUploader *m_uploader = nullptr; // blob uploads, over m_client
    std::unique_ptr<Store> m_store;
    std::unique_ptr<BlobStore> m_blobs;
    std::unique_ptr<SyncState> m_state;
    Backoff m_backoff;
    QTimer *m_periodic = nullptr;
    QTimer *m_retry = nullptr;
    bool m_running = false;
    bool m_again = false;
    bool m_automatic = false;
    bool m_halted = false;
    bool m_signersFetched = false; // GET /v1/signers asked in this sync
    bool m_scheduling = false;     // runSync() called by trigger(), which sets the state after it
    bool m_triggering = false;     // trigger() is probing or syncing
    SyncProgress m_progress;       // of the running sync, engine thread only

    // What other threads read through the getters.
    mutable QMutex m_mutex;
    State m_snapState = State::Idle;
    SyncFailure m_snapFailure;
    SyncProgress m_snapProgress;
    bool m_snapOnline = false;
};

} // namespace fl::sync

Q_DECLARE_METATYPE(fl::sync::SyncReport)
