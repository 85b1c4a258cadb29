#include "syncstatus.h"

#include "appservices.h"
#include "backgroundreader.h"
#include "domain/entities.h"
#include "media/blobstore.h"
#include "pendingphotos.h"
#include "store/store.h"
#include "sync/client/syncengine.h"
#include "sync/client/syncstate.h"
#include "syncthread.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QLoggingCategory>
#include <QSet>
#include <QSysInfo>
#include <QTimer>

Q_LOGGING_CATEGORY(lcAppSync, "fl.app.sync")

namespace fl::app {

using sync::SyncEngine;
using sync::SyncError;
using sync::SyncFailure;

namespace {
// Plaintext bookkeeping beside the engine's (DESIGN.md invariant 2: a time, nothing more).
constexpr char LastSuccessKey[] = "app.sync.last_success_ms";
constexpr int PhotoCountDelayMs = 200;
// After an unlock the pages' own first reads come first; the count follows shortly after.
constexpr int PhotoCountAfterUnlockMs = 600;
} // namespace

SyncStatus::SyncStatus(AppServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_engine(services.syncThread().engine())
    , m_photoCount(new QTimer(this)) {
    m_intervalMinutes =
        int(std::chrono::duration_cast<std::chrono::minutes>(m_engine->options().interval).count());
    // Engine signals arrive queued; the handlers read the engine's snapshot getters.
    connect(m_engine, &SyncEngine::stateChanged, this, &SyncStatus::updateState);
    connect(m_engine, &SyncEngine::onlineChanged, this, &SyncStatus::updateState);
    connect(m_engine, &SyncEngine::errorChanged, this, &SyncStatus::updateError);
    connect(m_engine, &SyncEngine::progressChanged, this, &SyncStatus::updateProgress);
    connect(m_engine, &SyncEngine::syncFinished, this, &SyncStatus::onSyncFinished);

    connect(&services, &AppServices::pendingCountChanged, this, &SyncStatus::pendingChanged);
    connect(&services, &AppServices::unlockedChanged, this, &SyncStatus::onUnlockedChanged);
    connect(&services.store(), &Store::changed, this, [this](const QString &type) {
        if (type == QLatin1String(recordtype::Photo))
            schedulePhotoCount();
    });
    m_photoCount->setSingleShot(true);
    m_photoCount->setInterval(PhotoCountDelayMs);
    connect(m_photoCount, &QTimer::timeout, this, [this] { countPendingPhotos(); });
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this); // language changes
    // Plaintext bookkeeping, readable while the vault is still locked.
    readEnrolment();
    readLastSuccess();
    onUnlockedChanged();
}

SyncStatus::~SyncStatus() {
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

SyncStatus *SyncStatus::create(QQmlEngine *, QJSEngine *) {
    AppServices *services = AppServices::instance();
    Q_ASSERT_X(services, "SyncStatus::create", "main() builds the services before QML");
    // The engine must not delete what AppServices owns.
    QJSEngine::setObjectOwnership(&services->sync(), QJSEngine::CppOwnership);
    return &services->sync();
}

// ---- what the UI reads -----------------------------------------------------------------------

QString SyncStatus::stateText() const {
    switch (m_state) {
    case State::Offline:
        return tr("Offline", "sync state: the server is not in reach (离线)");
    case State::Online:
        return tr("Online", "sync state: the server answered");
    case State::Syncing:
        return tr("Syncing…", "sync state: a sync runs");
    }
    return {};
}

QString SyncStatus::roleName() const {
    if (m_role == QLatin1String("office"))
        return tr("inspection office", "device role: an office console (督查室)");
    if (m_role == QLatin1String("inspector"))
        return tr("inspector's tablet", "device role: a field tablet");
    return m_role;
}

int SyncStatus::pendingChanges() const {
    return m_services.pendingCount();
}

QString SyncStatus::phaseText() const {
    switch (m_phase) {
    case Phase::Idle:
        return {};
    case Phase::Keys:
        return tr("Receiving round keys");
    case Phase::Push:
        return tr("Sending changes: %1 of %2").arg(pushed()).arg(toPush());
    case Phase::Pull:
        return tr("Receiving changes: %n received", "", pulled());
    case Phase::Upload:
        return tr("Sending photos: %1 of %2").arg(uploaded()).arg(toUpload());
    case Phase::Download:
        return tr("Receiving photos: %1 of %2").arg(downloaded()).arg(toDownload());
    }
    return {};
}

double SyncStatus::phaseProgress() const {
    const auto share = [](int done, int total) {
        return total > 0 ? std::clamp(double(done) / total, 0.0, 1.0) : -1.0;
    };
    switch (m_phase) {
    case Phase::Push:
        return share(pushed(), toPush());
    case Phase::Upload:
        return share(uploaded(), toUpload());
    case Phase::Download:
        return share(downloaded(), toDownload());
    case Phase::Idle:
    case Phase::Keys:
    case Phase::Pull: // the server does not say how much is left
        return -1;
    }
    return -1;
}

QString SyncStatus::bytesText() const {
    const QLocale locale;
    return tr("%1 sent · %2 received", "bytes of the running or last sync")
        .arg(locale.formattedDataSize(m_bytesUp, 1, QLocale::DataSizeSIFormat),
             locale.formattedDataSize(m_bytesDown, 1, QLocale::DataSizeSIFormat));
}

QString SyncStatus::lastSyncText() const {
    if (!m_hasFinished || m_phase != Phase::Idle)
        return {};
    QStringList parts;
    if (pushed() > 0)
        parts.append(tr("%n change(s) sent", "", pushed()));
    if (pulled() > 0)
        parts.append(tr("%n change(s) received", "", pulled()));
    if (uploaded() > 0)
        parts.append(tr("%n photo file(s) sent", "", uploaded()));
    if (downloaded() > 0)
        parts.append(tr("%n photo file(s) received", "", downloaded()));
    const QString exchanged =
        parts.isEmpty() ? tr("Nothing to exchange") : parts.join(tr(", ", "list separator"));
    return tr("%1 · %2", "what the last sync exchanged · bytes").arg(exchanged, bytesText());
}

QString SyncStatus::lastSuccessText() const {
    if (!m_lastSuccess.isValid())
        return tr("Never synced");
    const QDateTime local = m_lastSuccess.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return tr("Today %1").arg(locale.toString(local.time(), QLocale::ShortFormat));
    return locale.toString(local, QLocale::ShortFormat);
}

QString SyncStatus::enrolError() const {
    const auto [what, next] = describe(m_enrolFailure);
    return next.isEmpty() ? what : tr("%1 %2", "an error, then what to do").arg(what, next);
}

QString SyncStatus::defaultDeviceName() {
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? QStringLiteral("FieldLedger") : host;
}

// ---- actions ---------------------------------------------------------------------------------

void SyncStatus::syncNow() {
    startEngine();
    QMetaObject::invokeMethod(m_engine, &SyncEngine::syncNow, Qt::QueuedConnection);
}

void SyncStatus::cancel() {
    m_engine->cancel(); // thread-safe
}

void SyncStatus::enrol(const QString &serverUrl, const QString &code, const QString &deviceName) {
    if (m_enrolling)
        return;
    if (!m_services.isUnlocked() || code.trimmed().isEmpty()) {
        m_enrolFailure = !m_services.isUnlocked()
                             ? sync::localFailure(makeError(ErrorCode::Locked, QString()))
                             : SyncFailure{SyncError::Forbidden, QStringLiteral("no_code"), 0, {}};
        Q_EMIT enrollingChanged();
        Q_EMIT enrolFinished(false);
        return;
    }
    startEngine();
    m_enrolling = true;
    m_enrolFailure = SyncFailure();
    Q_EMIT enrollingChanged();
    const QString name = deviceName.trimmed().isEmpty() ? defaultDeviceName() : deviceName;
    // enrol() is synchronous and runs requests in local event loops: on the engine's thread.
    // The answer comes back queued to this object (dropped if it is gone by then).
    QMetaObject::invokeMethod(
        m_engine,
        [this, engine = m_engine, serverUrl, code, name] {
            const auto result = engine->enrol(serverUrl, code, name);
            const QString role = result ? *result : QString();
            const SyncFailure failure = result ? SyncFailure() : result.failure();
            QMetaObject::invokeMethod(
                this, [this, role, failure] { finishEnrol(role, failure); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SyncStatus::finishEnrol(const QString &role, const SyncFailure &failure) {
    m_enrolling = false;
    m_enrolFailure = failure;
    const bool ok = failure.error == SyncError::None;
    if (ok)
        qCInfo(lcAppSync) << "enrolled as" << role;
    readEnrolment();
    Q_EMIT enrollingChanged();
    if (ok)
        syncNow(); // the round keys and the visits assigned to this device
    Q_EMIT enrolFinished(ok);
}

// ---- following the engine and the store --------------------------------------------------------

void SyncStatus::onUnlockedChanged() {
    if (!m_services.isUnlocked() || !m_services.store().isOpen())
        return;
    readEnrolment();
    readLastSuccess();
    m_photoCount->start(PhotoCountAfterUnlockMs);
    startEngine();
}

void SyncStatus::startEngine() {
    if (!m_services.isUnlocked() || !m_services.store().isOpen())
        return;
    // Periodic and reconnect triggers on; a first sync if the server is in reach.
    m_services.syncThread().start();
}

void SyncStatus::readEnrolment() {
    if (!m_services.store().isOpen())
        return;
    const sync::SyncState state(m_services.store());
    const auto url = state.serverUrl();
    const auto role = state.role();
    const QString nextUrl = url ? *url : QString();
    const QString nextRole = role ? *role : QString();
    if (nextUrl == m_serverUrl && nextRole == m_role)
        return;
    m_serverUrl = nextUrl;
    m_role = nextRole;
    Q_EMIT enrolmentChanged();
}

void SyncStatus::readLastSuccess() {
    if (!m_services.store().isOpen())
        return;
    const auto value = m_services.store().setting(QLatin1String(LastSuccessKey));
    bool ok = false;
    const qint64 ms = value ? value->toLongLong(&ok) : 0;
    const QDateTime at = ok && ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
    if (at == m_lastSuccess)
        return;
    m_lastSuccess = at;
    Q_EMIT lastSuccessChanged();
}

void SyncStatus::updateState() {
    State next = State::Offline;
    if (m_engine->state() == SyncEngine::State::Syncing)
        next = State::Syncing;
    else if (m_engine->isOnline())
        next = State::Online;
    if (next == m_state)
        return;
    m_state = next;
    Q_EMIT stateChanged();
}

QPair<QString, QString> SyncStatus::currentError() const {
    const sync::SyncFailure failure = m_engine->failure();
    if (failure.error == SyncError::None && m_clockAheadDeferred > 0)
        return describeClockAhead(m_clockAheadDeferred);
    return describe(failure);
}

void SyncStatus::updateError() {
    const auto next = currentError();
    if (next == m_error)
        return;
    m_error = next;
    Q_EMIT errorChanged();
}

void SyncStatus::updateProgress() {
    const sync::SyncProgress p = m_engine->progress();
    const int next[CountKinds] = {p.pushed,   p.toPush,     p.pulled,    p.uploaded,
                                  p.toUpload, p.downloaded, p.toDownload};
    const Phase phase = Phase(int(p.phase)); // the same order as SyncProgress::Phase
    if (phase == m_phase && std::equal(next, next + CountKinds, m_counts) &&
        p.bytesUp == m_bytesUp && p.bytesDown == m_bytesDown)
        return;
    m_phase = phase;
    std::copy(next, next + CountKinds, m_counts);
    m_bytesUp = p.bytesUp;
    m_bytesDown = p.bytesDown;
    Q_EMIT progressChanged();
}

void SyncStatus::onSyncFinished(const sync::SyncReport &report) {
    m_hasFinished = true;
    m_clockAheadDeferred = report.deferredClockAhead;
    updateProgress();
    Q_EMIT progressChanged(); // lastSyncText, even when the counts did not move
    updateState();
    updateError();
    if (report.ok() && m_services.store().isOpen()) {
        m_lastSuccess = QDateTime::currentDateTimeUtc();
        // A bookkeeping write that fails costs only the time shown after a restart.
        if (auto r = m_services.store().setSetting(
                QLatin1String(LastSuccessKey),
                QByteArray::number(m_lastSuccess.toMSecsSinceEpoch()));
            !r)
            qCWarning(lcAppSync) << "could not keep the time of the last sync:"
                                 << r.error().message;
        Q_EMIT lastSuccessChanged();
    }
    m_services.refreshPending(); // the engine's markSynced is not seen by the UI's store
    // Announced once the photo count has caught up, so that both counts shown are the
    // sync's outcome.
    countPendingPhotos([this, ok = report.ok()] { Q_EMIT syncFinished(ok); });
}

void SyncStatus::schedulePhotoCount() {
    m_photoCount->start(PhotoCountDelayMs);
}

void SyncStatus::countPendingPhotos(std::function<void()> then) {
    m_photoCount->stop();
    if (!m_services.isUnlocked() || !m_services.store().isOpen()) {
        if (then)
            then();
        return;
    }
    // Decrypting 5,000 photo records takes a few hundred milliseconds: not on the UI thread.
    const int request = ++m_photoCountRequest;
    m_services.reader().read<int>(
        this,
        [root = m_services.blobs().rootDir()](Store &store, Inspection &) {
            return countPendingPhotoFiles(store, BlobStore(root));
        },
        [this, request, then = std::move(then)](Result<int> count) {
            // A later request counts again: only the latest one's figure is shown. A failure
            // keeps the last figure; the next change or sync counts again.
            if (request == m_photoCountRequest && count)
                setPendingPhotos(*count);
            else if (!count)
                qCDebug(lcAppSync)
                    << "could not count the photos to send:" << count.error().message;
            if (then)
                then();
        });
}

void SyncStatus::setPendingPhotos(int count) {
    if (count == m_pendingPhotos)
        return;
    m_pendingPhotos = count;
    Q_EMIT pendingChanged();
}

bool SyncStatus::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance()) {
        // The texts made here follow the new language.
        m_error = currentError();
        Q_EMIT stateChanged();
        Q_EMIT enrolmentChanged();
        Q_EMIT progressChanged();
        Q_EMIT lastSuccessChanged();
        Q_EMIT errorChanged();
        Q_EMIT enrollingChanged();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace fl::app
