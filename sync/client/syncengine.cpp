#include "sync/client/syncengine.h"

#include "media/blobstore.h"
#include "store/store.h"
#include "sync/client/syncclient.h"
#include "sync/client/synclog.h"
#include "sync/client/tusuploader.h"
#include "vault/vault.h"

#include <QMutexLocker>
#include <QNetworkInformation>
#include <QScopeGuard>
#include <QTimer>

#include <algorithm>

namespace fl::sync {

SyncEngine::SyncEngine(Vault &vault, QString databasePath, QString blobDir, QObject *parent)
    : SyncEngine(vault, std::move(databasePath), std::move(blobDir), Options(), parent) {}

SyncEngine::SyncEngine(Vault &vault, QString databasePath, QString blobDir, Options options,
                       QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_databasePath(std::move(databasePath))
    , m_blobDir(std::move(blobDir))
    , m_options(options)
    , m_client(new SyncClient(this))
    , m_uploader(new TusUploader(*m_client, this))
    , m_backoff(options.retry)
    , m_periodic(new QTimer(this))
    , m_retry(new QTimer(this)) {
    qRegisterMetaType<SyncProgress>();
    qRegisterMetaType<SyncReport>();
    qRegisterMetaType<SyncFailure>();
    m_client->setTimeout(m_options.requestTimeout);
    m_uploader->setChunkBytes(m_options.chunkBytes);
    connect(m_uploader, &TusUploader::acknowledged, this, [this](qint64 bytes) {
        m_progress.bytesUp += bytes;
        publishProgress();
    });
    m_retry->setSingleShot(true);
    connect(m_periodic, &QTimer::timeout, this, [this] { trigger(Trigger::Periodic); });
    connect(m_retry, &QTimer::timeout, this, [this] { trigger(Trigger::Retry); });
    // Unlocking again is the person's answer to "the vault is locked": sync then.
    connect(&m_vault, &Vault::lockedChanged, this, [this](bool locked) {
        if (!locked && m_automatic && m_halted && m_snapFailure.error == SyncError::Local)
            syncNow();
    });
}

SyncEngine::~SyncEngine() {
    m_client->cancel();
    if (m_store)
        m_store->close();
}

// ---- state shared with other threads ---------------------------------------------------------

SyncEngine::State SyncEngine::state() const {
    QMutexLocker lock(&m_mutex);
    return m_snapState;
}

SyncError SyncEngine::error() const {
    QMutexLocker lock(&m_mutex);
    return m_snapFailure.error;
}

QString SyncEngine::errorString() const {
    QMutexLocker lock(&m_mutex);
    return m_snapFailure.message;
}

SyncFailure SyncEngine::failure() const {
    QMutexLocker lock(&m_mutex);
    return m_snapFailure;
}

SyncProgress SyncEngine::progress() const {
    QMutexLocker lock(&m_mutex);
    return m_snapProgress;
}

bool SyncEngine::isOnline() const {
    QMutexLocker lock(&m_mutex);
    return m_snapOnline;
}

void SyncEngine::setState(State state) {
    {
        QMutexLocker lock(&m_mutex);
        if (m_snapState == state)
            return;
        m_snapState = state;
    }
    Q_EMIT stateChanged(state);
}

void SyncEngine::setFailure(const SyncFailure &failure) {
    {
        QMutexLocker lock(&m_mutex);
        if (m_snapFailure.error == failure.error && m_snapFailure.message == failure.message)
            return;
        m_snapFailure = failure;
    }
    Q_EMIT errorChanged(failure.error, failure.message);
}

void SyncEngine::setOnline(bool online) {
    {
        QMutexLocker lock(&m_mutex);
        if (m_snapOnline == online)
            return;
        m_snapOnline = online;
    }
    Q_EMIT onlineChanged(online);
}

void SyncEngine::publishProgress() {
    {
        QMutexLocker lock(&m_mutex);
        m_snapProgress = m_progress;
    }
    Q_EMIT progressChanged(m_progress);
}

void SyncEngine::setPhase(SyncProgress::Phase phase) {
    m_progress.phase = phase;
    publishProgress();
}

// ---- triggers ----------------------------------------------------------------------------------

void SyncEngine::start() {
    m_automatic = true;
    m_periodic->start(m_options.interval);
    // The reachability backend is process-wide; load it once, wherever the engine runs.
    if (!QNetworkInformation::instance())
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    if (QNetworkInformation *info = QNetworkInformation::instance()) {
        connect(info, &QNetworkInformation::reachabilityChanged, this,
                &SyncEngine::onReachabilityChanged, Qt::UniqueConnection);
    } else {
        qCInfo(lcSync) << "no network information backend; relying on the timer and probes";
    }
    trigger(Trigger::Start);
}

void SyncEngine::stop() {
    m_automatic = false;
    m_periodic->stop();
    m_retry->stop();
    if (QNetworkInformation *info = QNetworkInformation::instance())
        disconnect(info, nullptr, this, nullptr);
    if (!m_running)
        setState(State::Idle);
}

void SyncEngine::syncNow() {
    trigger(Trigger::Manual);
}

void SyncEngine::cancel() {
    m_client->cancel();
}

void SyncEngine::setInterval(std::chrono::milliseconds interval) {
    m_options.interval = interval;
    if (m_periodic->isActive())
        m_periodic->start(interval);
}

void SyncEngine::onReachabilityChanged(QNetworkInformation::Reachability reachability) {
    if (!m_automatic)
        return;
    if (reachability == QNetworkInformation::Reachability::Disconnected) {
        setOnline(false);
        if (!m_running && !m_retry->isActive() && !m_halted)
            setState(State::Offline);
        return;
    }
    trigger(Trigger::Reconnect);
}

void SyncEngine::trigger(Trigger why) {
    // Requests run in local event loops, where timers and queued calls are delivered too: one
    // trigger at a time. A request during a sync runs right after it.
    if (m_running || m_triggering) {
        if (why == Trigger::Manual)
            m_again = true;
        return;
    }
    m_triggering = true;
    const auto done = qScopeGuard([this] {
        m_triggering = false;
        if (m_again) {
            m_again = false;
            QMetaObject::invokeMethod(
                this, [this] { trigger(Trigger::Manual); }, Qt::QueuedConnection);
        }
    });
    if (!admit(why))
        return;
    m_retry->stop();
    m_scheduling = true;
    const SyncReport report = runSync();
    m_scheduling = false;
    scheduleAfter(report);
}

bool SyncEngine::admit(Trigger why) {
    if (why == Trigger::Manual) {
        m_halted = false;
        return true;
    }
    if (m_halted || !m_automatic)
        return false;
    // The timer does not jump a scheduled retry; a reconnect does, after its probe.
    if (why == Trigger::Periodic && m_retry->isActive())
        return false;
    if (why == Trigger::Retry)
        return true;
    QNetworkInformation *info = QNetworkInformation::instance();
    if (info && info->reachability() == QNetworkInformation::Reachability::Disconnected) {
        setOnline(false);
        setState(State::Offline);
        return false;
    }
    if (auto ready = this->ready(true); !ready) {
        setFailure(ready.failure());
        setState(State::Stopped);
        m_halted = true;
        return false;
    }
    // The route-based backend says Online without a server: ask the server itself.
    m_client->resetCancel();
    if (auto probe = m_client->probe(); !probe) {
        setOnline(false);
        if (!m_retry->isActive())
            setState(State::Offline);
        return false;
    }
    setOnline(true);
    return true;
}

void SyncEngine::scheduleAfter(const SyncReport &report) {
    const SyncFailure &f = report.failure;
    if (report.ok()) {
        m_backoff.reset();
        setOnline(true);
        setState(State::Idle);
        return;
    }
    if (f.error == SyncError::Cancelled) {
        // Resumes with the next trigger; cancelling is not a failure to back off from.
        setState(State::Idle);
        return;
    }
    if (f.error == SyncError::Network || f.error == SyncError::Timeout)
        setOnline(false);
    if (f.retryable()) {
        const auto delay = m_backoff.fail();
        qCInfo(lcSync) << "sync failed:" << errorName(f.error) << "- retry in" << delay.count()
                       << "ms";
        if (m_automatic) {
            m_retry->start(delay);
            setState(State::WaitingToRetry);
        } else {
            setState(State::Idle);
        }
        return;
    }
    qCWarning(lcSync) << "sync stopped:" << errorName(f.error) << f.code;
    m_halted = true;
    setState(State::Stopped);
}

// ---- the sync itself ---------------------------------------------------------------------------

SyncResult<void> SyncEngine::ready(bool needEnrolment) {
    if (!m_store) {
        auto store = std::make_unique<Store>(m_vault);
        if (auto r = store->open(m_databasePath); !r)
            return localFailure(r.error());
        connect(store.get(), &Store::changed, this, &SyncEngine::remoteChanges);
        m_store = std::move(store);
        m_blobs = std::make_unique<BlobStore>(m_blobDir);
        m_state = std::make_unique<SyncState>(*m_store);
    }
    if (!m_vault.isUnlocked())
        return localFailure(makeError(ErrorCode::Locked, QStringLiteral("the vault is locked; "
                                                                        "unlock it to sync")));
    m_client->setSigner(m_vault.deviceId(),
                        [this](QByteArrayView message) { return m_vault.sign(message); });
    if (!needEnrolment)
        return {};
    auto url = m_state->serverUrl();
    if (!url)
        return localFailure(url.error());
    if (url->isEmpty())
        return makeFailure(SyncError::NotEnrolled);
    m_client->setServer(m_serverOverride.isValid() ? m_serverOverride : QUrl(*url));
    return {};
}

SyncResult<void> SyncEngine::checkpoint() const {
    if (m_client->isCancelled())
        return makeFailure(SyncError::Cancelled);
    return {};
}

SyncReport SyncEngine::runSync() {
    SyncReport report;
    // trigger() calls this once its probe is over (m_scheduling); anyone else waits their turn.
    if (m_running || (m_triggering && !m_scheduling)) {
        report.failure = notBusy().failure();
        return report;
    }
    m_running = true;
    m_client->resetCancel();
    m_progress = SyncProgress();
    setState(State::Syncing);
    publishProgress();

    if (auto r = doSync(report); !r)
        report.failure = r.failure();
    report.progress = m_progress;
    if (m_state) {
        if (auto rejected = m_state->rejected())
            report.rejected = *rejected;
        if (auto parked = m_state->parked())
            report.parked = *parked;
        if (auto pending = m_store->pendingCount())
            report.pending = std::max(0, *pending - int(report.rejected.size()));
    }
    m_progress.phase = SyncProgress::Idle;
    publishProgress();
    m_running = false;
    setFailure(report.failure);
    if (!m_scheduling)
        setState(State::Idle); // else scheduleAfter() says what comes next
    if (!report.ok())
        qCInfo(lcSync) << "sync ended:" << errorName(report.failure.error) << report.failure.code;
    Q_EMIT syncFinished(report);
    return report;
}

SyncResult<void> SyncEngine::doSync(SyncReport &report) {
    if (auto r = ready(true); !r)
        return r;
    setPhase(SyncProgress::Keys);
    m_signersFetched = false;
    auto keys = receiveKeys();
    if (!keys)
        return keys.failure();
    report.keysAdded = *keys;
    if (auto r = retryParked(report); !r)
        return r;
    // Records first, then the files they point to (PROTOCOL.md).
    if (auto r = push(report); !r)
        return r;
    if (auto r = pull(report); !r)
        return r;
    return transferBlobs(report);
}

SyncResult<void> SyncEngine::notBusy() const {
    if (m_running || m_triggering)
        return makeFailure(SyncError::Cancelled, QStringLiteral("busy"), 0,
                           QStringLiteral("a sync is running; try again when it has finished"));
    return {};
}

} // namespace fl::sync
