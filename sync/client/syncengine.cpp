#include "sync/client/syncengine.h"

#include "domain/entities.h"
#include "media/blobstore.h"
#include "store/store.h"
#include "sync/client/syncclient.h"
#include "sync/client/tusuploader.h"
#include "sync/protocol/wire.h"
#include "vault/blobcipher.h"
#include "vault/vault.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QNetworkInformation>
#include <QScopeGuard>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace fl::sync {

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace {

constexpr int PhotoPage = 500;

/// Rejection reasons that can go away without anyone touching the change set: the office may
/// still share the campaign, the server's clock catches up. Such change sets stay pending.
bool isDeferredReason(const QString &reason) {
    return reason == QLatin1String("not_member") || reason == QLatin1String("clock_ahead");
}

/// Content ids come from synced records: only exact lowercase hex may name a URL or a file.
bool isContentId(const QByteArray &id) {
    if (id.size() != 64)
        return false;
    return std::all_of(id.cbegin(), id.cend(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

SyncFailure protocolFailure(const QString &detail) {
    return makeFailure(SyncError::Protocol, {}, 0, detail);
}

/// One file that arrived damaged, is damaged here, or that the server keeps discarding: it is
/// skipped (and retried at the next sync) so that it does not hold back the other files.
constexpr const char *IntegrityCode = TusUploader::IntegrityCode;
SyncFailure integrityFailure(const QString &detail) {
    return makeFailure(SyncError::Protocol, QLatin1String(IntegrityCode), 0, detail);
}

QByteArray tusMetadata(const QByteArray &contentId, const QString &campaignId) {
    return "content_id " + contentId.toBase64() + ",campaign " + campaignId.toUtf8().toBase64();
}

struct BlobJob {
    QByteArray contentId;
    QString campaignId;
    qint64 size = 0;
    bool thumbnail = false;
};

} // namespace

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
    if (why == Trigger::Manual) {
        m_halted = false;
    } else {
        if (m_halted || !m_automatic)
            return;
        // The timer does not jump a scheduled retry; a reconnect does, after its probe.
        if (why == Trigger::Periodic && m_retry->isActive())
            return;
        if (why == Trigger::Periodic || why == Trigger::Reconnect || why == Trigger::Start) {
            QNetworkInformation *info = QNetworkInformation::instance();
            if (info && info->reachability() == QNetworkInformation::Reachability::Disconnected) {
                setOnline(false);
                setState(State::Offline);
                return;
            }
            if (auto ready = this->ready(true); !ready) {
                setFailure(ready.failure());
                setState(State::Stopped);
                m_halted = true;
                return;
            }
            // The route-based backend says Online without a server: ask the server itself.
            m_client->resetCancel();
            if (auto probe = m_client->probe(); !probe) {
                setOnline(false);
                if (!m_retry->isActive())
                    setState(State::Offline);
                return;
            }
            setOnline(true);
        }
    }
    m_retry->stop();
    m_scheduling = true;
    const SyncReport report = runSync();
    m_scheduling = false;
    scheduleAfter(report);
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

// ---- keys and enrolment ------------------------------------------------------------------------

SyncResult<int> SyncEngine::receiveKeys() {
    auto body = m_client->cbor("GET", "/v1/keys");
    if (!body)
        return body.failure();
    auto envelopes = wire::decodeEnvelopes(*body);
    if (!envelopes)
        return protocolFailure(envelopes.error().message);
    const QByteArray me = m_vault.deviceId();
    int added = 0;
    for (const wire::KeyEnvelope &e : std::as_const(*envelopes)) {
        if (e.device != me || m_store->hasCampaignKey(e.campaignId))
            continue;
        auto key = m_vault.openSealedKey(e.sealed);
        if (!key) {
            // Sealed to an earlier identity of this device, or damaged: not usable, not fatal.
            qCWarning(lcSync) << "a key envelope for campaign" << e.campaignId
                              << "does not open:" << key.error().message;
            continue;
        }
        if (auto r = m_store->addCampaignKey(e.campaignId, *key); !r)
            return localFailure(r.error());
        ++added;
    }
    return added;
}

SyncResult<void> SyncEngine::notBusy() const {
    if (m_running || m_triggering)
        return makeFailure(SyncError::Cancelled, QStringLiteral("busy"), 0,
                           QStringLiteral("a sync is running; try again when it has finished"));
    return {};
}

SyncResult<int> SyncEngine::fetchKeys() {
    if (auto r = notBusy(); !r)
        return r.failure();
    m_client->resetCancel();
    if (auto r = ready(true); !r)
        return r.failure();
    return receiveKeys();
}

SyncResult<QString> SyncEngine::enrol(const QString &serverUrl, const QString &code,
                                      const QString &name) {
    if (auto r = notBusy(); !r)
        return r.failure();
    m_client->resetCancel();
    auto url = SyncClient::checkServerUrl(serverUrl);
    if (!url)
        return url.failure();
    if (auto r = ready(false); !r)
        return r.failure();
    m_client->setServer(*url);
    wire::EnrolRequest request{code.trimmed(), m_vault.deviceId(), m_vault.signingPublicKey(),
                               m_vault.boxPublicKey(), name};
    auto body = m_client->cbor("POST", "/v1/enrol", wire::encode(request));
    if (!body)
        return body.failure();
    auto answer = wire::decodeEnrolResponse(*body);
    if (!answer)
        return protocolFailure(answer.error().message);
    if (answer->device != m_vault.deviceId() ||
        (answer->role != QLatin1String("inspector") && answer->role != QLatin1String("office")))
        return protocolFailure(QStringLiteral("the enrolment answer names another device or an "
                                              "unknown role"));
    if (auto r = m_state->setEnrolment(url->toString(), answer->role); !r)
        return localFailure(r.error());
    // The keys come with the next sync if this fails: enrolment itself succeeded.
    if (auto keys = receiveKeys(); !keys)
        qCInfo(lcSync) << "keys not fetched after enrolment:" << keys.failure().message;
    // "Not enrolled" stopped automatic syncing; now it can start.
    if (m_halted && m_automatic) {
        m_halted = false;
        QMetaObject::invokeMethod(
            this, [this] { trigger(Trigger::Reconnect); }, Qt::QueuedConnection);
    }
    return answer->role;
}

Result<QString> SyncEngine::role() {
    if (auto r = ready(false); !r)
        return makeError(ErrorCode::Io, r.failure().message);
    return m_state->role();
}

SyncResult<void> SyncEngine::readyAsOffice() {
    if (auto r = notBusy(); !r)
        return r;
    m_client->resetCancel();
    if (auto r = ready(true); !r)
        return r;
    auto role = m_state->role();
    if (!role)
        return localFailure(role.error());
    if (*role != QLatin1String("office"))
        return makeFailure(SyncError::Forbidden, QStringLiteral("forbidden"));
    return {};
}

SyncResult<QList<wire::DeviceInfo>> SyncEngine::fetchDevices() {
    auto body = m_client->cbor("GET", "/v1/devices");
    if (!body)
        return body.failure();
    auto known = wire::decodeDevices(*body);
    if (!known)
        return protocolFailure(known.error().message);
    return *known;
}

SyncResult<QList<wire::DeviceInfo>> SyncEngine::devices() {
    if (auto r = readyAsOffice(); !r)
        return r.failure();
    return fetchDevices();
}

SyncResult<wire::EnrolCodeResponse> SyncEngine::issueEnrolCode(const QString &role, int hours) {
    if (auto r = readyAsOffice(); !r)
        return r.failure();
    auto body = m_client->cbor("POST", "/v1/enrol-codes",
                               wire::encode(wire::EnrolCodeRequest{role, hours}));
    if (!body)
        return body.failure();
    auto answer = wire::decodeEnrolCodeResponse(*body);
    if (!answer)
        return protocolFailure(answer.error().message);
    if (answer->role != role)
        return protocolFailure(QStringLiteral("the server issued a code for another role"));
    return *answer;
}

SyncResult<QList<QByteArray>> SyncEngine::shareCampaign(const QString &campaignId,
                                                        const QList<QByteArray> &devices) {
    if (auto r = readyAsOffice(); !r)
        return r.failure();
    if (auto key = m_store->campaignKey(campaignId); !key)
        return localFailure(key.error());

    auto known = fetchDevices();
    if (!known)
        return known.failure();

    QList<wire::DeviceInfo> chosen;
    if (devices.isEmpty()) {
        for (const wire::DeviceInfo &d : std::as_const(*known)) {
            if (!d.revoked)
                chosen.append(d);
        }
    } else {
        for (const QByteArray &id : devices) {
            const auto it = std::find_if(known->cbegin(), known->cend(),
                                         [&](const wire::DeviceInfo &d) { return d.device == id; });
            if (it == known->cend() || it->revoked)
                return makeFailure(SyncError::BadRequest, {}, 0,
                                   QStringLiteral("device %1 is not enrolled or was revoked")
                                       .arg(QString::fromLatin1(id.toHex())));
            chosen.append(*it);
        }
    }

    wire::CampaignGrant grant;
    grant.campaignId = campaignId;
    QList<QByteArray> out;
    for (const wire::DeviceInfo &d : std::as_const(chosen)) {
        auto sealed = m_store->sealCampaignKey(campaignId, d.boxKey);
        if (!sealed)
            return localFailure(sealed.error());
        grant.members.append(d.device);
        grant.envelopes.append({campaignId, d.device, *sealed});
        out.append(d.device);
    }
    HttpRequest put;
    put.method = "PUT";
    put.target = "/v1/campaigns";
    put.body = wire::encode(grant);
    put.accept = {200, 204};
    if (auto r = m_client->execute(put); !r)
        return r.failure();
    return out;
}

Result<void> SyncEngine::retryRejected() {
    if (auto r = ready(false); !r)
        return makeError(ErrorCode::Io, r.failure().message);
    return m_state->setRejected({});
}

// ---- push --------------------------------------------------------------------------------------

SyncResult<void> SyncEngine::push(SyncReport &report) {
    setPhase(SyncProgress::Push);
    auto rejected = m_state->rejected();
    if (!rejected)
        return localFailure(rejected.error());
    // Change sets not to send again in this sync: set aside for good, or deferred just now.
    QSet<QByteArray> skip;
    for (const RejectedChange &r : std::as_const(*rejected))
        skip.insert(r.changeId);
    auto total = m_store->pendingCount();
    if (!total)
        return localFailure(total.error());
    m_progress.toPush = std::max(0, *total - int(skip.size()));
    publishProgress();

    const QByteArray device = m_vault.deviceId();
    while (true) {
        if (auto r = checkpoint(); !r)
            return r;
        auto pending = m_store->pending(m_options.pushBatch + int(skip.size()));
        if (!pending)
            return localFailure(pending.error());
        QList<ChangeSet> batch;
        for (ChangeSet &cs : *pending) {
            if (skip.contains(cs.id))
                continue;
            batch.append(std::move(cs));
            if (batch.size() == m_options.pushBatch)
                break;
        }
        if (batch.isEmpty())
            return {};

        auto body = m_client->cbor("POST", "/v1/push", wire::encodePush(device, batch));
        if (!body)
            return body.failure();
        auto result = wire::decodePushResult(*body);
        if (!result)
            return protocolFailure(result.error().message);
        // The answer must name every change set sent, once, and nothing else: anything else
        // is not trusted, and nothing of it is recorded.
        QHash<QByteArray, const ChangeSet *> sent;
        for (const ChangeSet &cs : std::as_const(batch))
            sent.insert(cs.id, &cs);
        QSet<QByteArray> answered;
        for (const auto &[id, seq] : std::as_const(result->stored))
            answered.insert(id);
        for (const auto &[id, reason] : std::as_const(result->rejected))
            answered.insert(id);
        if (answered.size() != sent.size() ||
            result->stored.size() + result->rejected.size() != sent.size() ||
            !std::all_of(answered.cbegin(), answered.cend(),
                         [&](const QByteArray &id) { return sent.contains(id); }))
            return protocolFailure(QStringLiteral("the push answer does not match the change "
                                                  "sets sent"));

        if (auto r = m_store->markSynced(result->stored); !r)
            return localFailure(r.error());
        bool setAside = false;
        for (const auto &[id, reason] : std::as_const(result->rejected)) {
            skip.insert(id);
            if (isDeferredReason(reason)) {
                ++report.deferred;
                continue;
            }
            const ChangeSet *cs = sent.value(id);
            rejected->append(
                {id, cs->recordType, cs->recordId, reason, QDateTime::currentMSecsSinceEpoch()});
            ++report.pushRejected;
            setAside = true;
            qCInfo(lcSync) << "the server refused change set" << id.toHex() << "of a"
                           << cs->recordType << "record:" << reason;
        }
        if (setAside) {
            if (auto r = m_state->setRejected(*rejected); !r)
                return localFailure(r.error());
        }
        m_progress.pushed += int(result->stored.size());
        publishProgress();
    }
}

// ---- pull --------------------------------------------------------------------------------------

SyncResult<void> SyncEngine::park(const QList<ChangeSet> &changeSets, const ApplyReport &applied,
                                  QList<ParkedChange> &parked) {
    if (applied.rejected.isEmpty())
        return {};
    QHash<QByteArray, QString> why;
    for (const auto &[id, error] : applied.rejected)
        why.insert(id, error.message);
    QSet<QByteArray> already;
    for (const ParkedChange &p : std::as_const(parked))
        already.insert(p.changeSet.id);
    for (const ChangeSet &cs : changeSets) {
        const auto it = why.constFind(cs.id);
        if (it == why.cend() || already.contains(cs.id))
            continue;
        qCInfo(lcSync) << "pulled change set" << cs.id.toHex() << "kept for later:" << *it;
        parked.append({cs, *it});
    }
    if (auto r = m_state->setParked(parked); !r)
        return localFailure(r.error());
    return {};
}

SyncResult<void> SyncEngine::retryParked(SyncReport &report) {
    auto parked = m_state->parked();
    if (!parked)
        return localFailure(parked.error());
    if (parked->isEmpty())
        return {};
    QList<ChangeSet> changeSets;
    for (const ParkedChange &p : std::as_const(*parked))
        changeSets.append(p.changeSet);
    auto applied = m_store->applyRemote(changeSets);
    if (!applied)
        return localFailure(applied.error());
    report.parkedApplied = applied->applied;
    if (applied->rejected.isEmpty()) {
        if (auto r = m_state->setParked({}); !r)
            return localFailure(r.error());
        return {};
    }
    QList<ParkedChange> still;
    return park(changeSets, *applied, still);
}

SyncResult<void> SyncEngine::pull(SyncReport &report) {
    setPhase(SyncProgress::Pull);
    auto cursor = m_state->cursor();
    if (!cursor)
        return localFailure(cursor.error());
    auto parked = m_state->parked();
    if (!parked)
        return localFailure(parked.error());
    while (true) {
        if (auto r = checkpoint(); !r)
            return r;
        const QByteArray target = "/v1/pull?after=" + QByteArray::number(*cursor) +
                                  "&limit=" + QByteArray::number(m_options.pullLimit);
        auto body = m_client->cbor("GET", target);
        if (!body)
            return body.failure();
        auto page = wire::decodePullPage(*body);
        if (!page)
            return protocolFailure(page.error().message);
        // A page must move forward and hold only what it claims to: a server that went back
        // in time or repeats a page forever is not followed.
        const bool inRange = std::all_of(
            page->changeSets.cbegin(), page->changeSets.cend(), [&](const ChangeSet &cs) {
                return cs.serverSeq > *cursor && cs.serverSeq <= page->next;
            });
        if (page->next < *cursor || !inRange ||
            (page->more && page->next == *cursor && page->changeSets.isEmpty()))
            return protocolFailure(QStringLiteral("the pull page does not follow the cursor"));

        auto applied = m_store->applyRemote(page->changeSets);
        if (!applied)
            return localFailure(applied.error());
        if (auto r = park(page->changeSets, *applied, *parked); !r)
            return r;
        // Only now, with the page merged, does the cursor move: a crash in between pulls the
        // page again, and applying it again is a no-op.
        if (auto r = m_state->setCursor(page->next); !r)
            return localFailure(r.error());
        *cursor = page->next;
        report.pulledApplied += applied->applied;
        m_progress.pulled += applied->applied + applied->duplicates;
        publishProgress();
        if (!page->more)
            return {};
    }
}

// ---- blobs -------------------------------------------------------------------------------------

SyncResult<void> SyncEngine::transferBlobs(SyncReport &report) {
    // Photos whose record is not on the server yet wait: a file goes up after its record.
    QSet<QString> unsynced;
    {
        auto pending = m_store->pending(std::numeric_limits<int>::max());
        if (!pending)
            return localFailure(pending.error());
        for (const ChangeSet &cs : std::as_const(*pending))
            unsynced.insert(cs.recordId);
    }
    QList<BlobJob> uploads;
    QList<BlobJob> downloads;
    QSet<QByteArray> seen;
    for (int offset = 0;; offset += PhotoPage) {
        auto page = m_store->list(QLatin1String(recordtype::Photo), {}, offset, PhotoPage);
        if (!page)
            return localFailure(page.error());
        for (const Record &r : std::as_const(*page)) {
            Photo p;
            fromFields(r.fields, p);
            for (const auto &[id, thumb] :
                 {std::pair{p.thumbnailBlobId, true}, std::pair{p.blobId, false}}) {
                if (!isContentId(id) || seen.contains(id))
                    continue;
                seen.insert(id);
                if (!m_blobs->contains(id)) {
                    downloads.append({id, r.campaignId, thumb ? 0 : p.byteSize, thumb});
                    continue;
                }
                if (unsynced.contains(r.id))
                    continue;
                auto state = m_state->blobState(id);
                if (!state)
                    return localFailure(state.error());
                if (*state != "done")
                    uploads.append({id, r.campaignId, m_blobs->sizeOf(id), thumb});
            }
        }
        if (page->size() < PhotoPage)
            break;
    }

    // Smallest first: thumbnails and small photos become visible elsewhere soonest.
    std::stable_sort(uploads.begin(), uploads.end(),
                     [](const BlobJob &a, const BlobJob &b) { return a.size < b.size; });
    setPhase(SyncProgress::Upload);
    m_progress.toUpload = int(uploads.size());
    publishProgress();
    for (const BlobJob &job : std::as_const(uploads)) {
        if (auto r = checkpoint(); !r)
            return r;
        auto done = uploadBlob(job.contentId, job.campaignId, job.size);
        if (!done) {
            const SyncFailure &f = done.failure();
            // One file the server will not take must not hold back the others.
            if (f.error != SyncError::BadRequest && f.error != SyncError::Forbidden &&
                f.code != QLatin1String(IntegrityCode))
                return f;
            qCInfo(lcSync) << "a file was not uploaded:" << f.httpStatus << f.code;
            ++report.blobFailures;
            continue;
        }
        ++m_progress.uploaded;
        publishProgress();
    }

    std::stable_sort(downloads.begin(), downloads.end(), [](const BlobJob &a, const BlobJob &b) {
        return a.thumbnail != b.thumbnail ? a.thumbnail : a.size < b.size;
    });
    setPhase(SyncProgress::Download);
    m_progress.toDownload = int(downloads.size());
    publishProgress();
    for (const BlobJob &job : std::as_const(downloads)) {
        if (auto r = checkpoint(); !r)
            return r;
        auto got = downloadBlob(job.contentId);
        if (!got) {
            const SyncFailure &f = got.failure();
            if (f.error != SyncError::BadRequest && f.error != SyncError::Forbidden &&
                f.code != QLatin1String(IntegrityCode))
                return f;
            ++report.blobFailures;
            continue;
        }
        if (*got) {
            ++m_progress.downloaded;
            publishProgress();
        } else {
            ++report.missingBlobs;
        }
    }
    return {};
}

SyncResult<bool> SyncEngine::uploadBlob(const QByteArray &contentId, const QString &campaignId,
                                        qint64 size) {
    QFile file(m_blobs->pathFor(contentId));
    if (size <= 0 || !file.open(QIODevice::ReadOnly))
        return localFailure(makeError(ErrorCode::Io, QStringLiteral("a photo file could not be "
                                                                    "read for upload")));
    // Photo files are a few MB: read once, checked against their id before anything is sent.
    const QByteArray bytes = file.readAll();
    if (bytes.size() != size || blobcipher::contentId(bytes) != contentId)
        return integrityFailure(QStringLiteral("a photo file on this device is damaged; it was "
                                               "not uploaded"));
    auto state = m_state->blobState(contentId);
    if (!state)
        return localFailure(state.error());
    QUrl location;
    if (state->startsWith("up "))
        location = QUrl(QString::fromUtf8(state->mid(3)));
    // The upload's address is kept before its first byte goes, so a restart resumes it.
    auto sent = m_uploader->upload(
        bytes, tusMetadata(contentId, campaignId), location,
        [&](const QUrl &where) -> SyncResult<void> {
            if (auto r = m_state->setBlobState(contentId, "up " + where.toEncoded()); !r)
                return localFailure(r.error());
            return {};
        });
    if (!sent)
        return sent.failure();
    if (auto r = m_state->setBlobState(contentId, "done"); !r)
        return localFailure(r.error());
    return true;
}

SyncResult<bool> SyncEngine::downloadBlob(const QByteArray &contentId) {
    // A partial download is ciphertext only; it waits in its own folder to be resumed.
    const QString partialDir = m_blobDir + QStringLiteral("/partial");
    if (!QDir().mkpath(partialDir))
        return localFailure(makeError(ErrorCode::Io, QStringLiteral("the download folder could "
                                                                    "not be created")));
    const QString partialPath = partialDir + QLatin1Char('/') + QString::fromLatin1(contentId);
    for (int attempt = 0; attempt < 2; ++attempt) {
        QFile partial(partialPath);
        const qint64 have = partial.exists() ? partial.size() : 0;
        HttpRequest get;
        get.target = "/v1/blobs/" + contentId;
        get.accept = {200, 206, 404, 416};
        get.cborAnswer = false;
        get.maxAnswerBytes = 1024 * 1024;
        if (have > 0)
            get.headers.append({"Range", "bytes=" + QByteArray::number(have) + '-'});
        bool opened = false;
        get.sink = [&](const HttpResponse &head, QByteArrayView chunk) -> SyncResult<void> {
            if (!opened) {
                QIODevice::OpenMode mode = QIODevice::WriteOnly;
                if (head.status == 206) {
                    // Only the continuation of what is here may be appended.
                    if (!head.header("Content-Range")
                             .startsWith("bytes " + QByteArray::number(have) + '-'))
                        return protocolFailure(QStringLiteral("the server sent another part "
                                                              "of the file"));
                    mode |= QIODevice::Append;
                } else {
                    mode |= QIODevice::Truncate;
                }
                if (!partial.open(mode))
                    return localFailure(makeError(ErrorCode::Io, partial.errorString()));
                opened = true;
            }
            if (partial.write(chunk.data(), chunk.size()) != chunk.size() || !partial.flush())
                return localFailure(
                    makeError(ErrorCode::DiskFull, QStringLiteral("a downloaded file could not be "
                                                                  "saved")));
            m_progress.bytesDown += chunk.size();
            publishProgress();
            return {};
        };
        auto got = m_client->execute(get);
        partial.close();
        if (!got)
            return got.failure();
        if (got->status == 404)
            return false; // not uploaded by its device yet
        if (got->status == 416) {
            QFile::remove(partialPath); // what is here is not a prefix: fetch it whole
            continue;
        }
        if (got->status == 206) {
            // "bytes a-b/total": complete only when b + 1 == total.
            const QByteArray range = got->header("Content-Range");
            const qsizetype slash = range.indexOf('/');
            const qint64 total = slash < 0 ? -1 : range.mid(slash + 1).toLongLong();
            if (total <= 0 || QFileInfo(partialPath).size() != total)
                return protocolFailure(QStringLiteral("a file arrived incomplete"));
        }
        QFile whole(partialPath);
        if (!whole.open(QIODevice::ReadOnly))
            return localFailure(makeError(ErrorCode::Io, whole.errorString()));
        const QByteArray ciphertext = whole.readAll();
        whole.close();
        QFile::remove(partialPath);
        // putCiphertext checks the content id: a damaged file is never stored.
        if (auto r = m_blobs->putCiphertext(contentId, ciphertext); !r) {
            if (r.error().code == ErrorCode::Integrity)
                return integrityFailure(r.error().message);
            return localFailure(r.error());
        }
        if (auto r = m_state->setBlobState(contentId, "done"); !r)
            return localFailure(r.error());
        return true;
    }
    return protocolFailure(QStringLiteral("a file could not be downloaded"));
}

} // namespace fl::sync
