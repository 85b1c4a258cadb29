#include "syncstatus.h"

#include "appservices.h"
#include "backgroundreader.h"
#include "domain/entities.h"
#include "media/blobstore.h"
#include "store/store.h"
#include "sync/client/syncengine.h"
#include "sync/client/syncstate.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QLocale>
#include <QLoggingCategory>
#include <QSet>
#include <QSysInfo>
#include <QThread>
#include <QTimer>

Q_LOGGING_CATEGORY(lcAppSync, "fl.app.sync")

namespace fl::app {

using sync::SyncEngine;
using sync::SyncError;
using sync::SyncFailure;

namespace {
// Plaintext bookkeeping beside the engine's (DESIGN.md invariant 2: a time, nothing more).
constexpr char LastSuccessKey[] = "app.sync.last_success_ms";
constexpr int PhotoPage = 500;
constexpr int PhotoCountDelayMs = 200;
// After an unlock the pages' own first reads come first; the count follows shortly after.
constexpr int PhotoCountAfterUnlockMs = 600;
} // namespace

SyncStatus::SyncStatus(AppServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_thread(new QThread(this))
    , m_photoCount(new QTimer(this)) {
    const QDir data(services.dataDir());
    // The same files AppServices and the CLI use (native/cli/session.h).
    m_engine = new SyncEngine(services.vault(), data.filePath(QStringLiteral("fieldledger.db")),
                              data.filePath(QStringLiteral("blobs")));
    m_intervalMinutes =
        int(std::chrono::duration_cast<std::chrono::minutes>(m_engine->options().interval).count());
    m_thread->setObjectName(QStringLiteral("fl-sync"));
    m_engine->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);

    // Engine signals arrive queued; the handlers read the engine's snapshot getters.
    connect(m_engine, &SyncEngine::stateChanged, this, &SyncStatus::updateState);
    connect(m_engine, &SyncEngine::onlineChanged, this, &SyncStatus::updateState);
    connect(m_engine, &SyncEngine::errorChanged, this, &SyncStatus::updateError);
    connect(m_engine, &SyncEngine::progressChanged, this, &SyncStatus::updateProgress);
    connect(m_engine, &SyncEngine::syncFinished, this, &SyncStatus::onSyncFinished);
    // The UI's Store does not see the engine's commits: announce pulled records through it, so
    // that models and the pending count follow as for local edits.
    connect(m_engine, &SyncEngine::remoteChanges, &services.store(), &Store::changed);

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
    m_engine->cancel();
    if (m_thread->isRunning()) {
        // Ends the engine's request loops too; the engine is deleted on its thread as it ends.
        m_thread->quit();
        m_thread->wait();
    } else {
        delete m_engine; // its thread never ran: nothing of it is in use
    }
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
    if (m_started || !m_services.isUnlocked() || !m_services.store().isOpen())
        return;
    m_started = true;
    m_thread->start();
    // Periodic and reconnect triggers on; a first sync if the server is in reach.
    QMetaObject::invokeMethod(m_engine, &SyncEngine::start, Qt::QueuedConnection);
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

void SyncStatus::updateError() {
    const auto next = describe(m_engine->failure());
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

namespace {
// The engine's own rule (SyncEngine::transferBlobs): a file held here and not marked done.
// Runs on the background reader: decrypts only the two content ids of every photo record.
Result<int> countInSnapshot(Store &store, const BlobStore &blobs) {
    const sync::SyncState state(store);
    RecordFilter filter;
    filter.onlyFields = {QLatin1String(fieldkey::BlobId), QLatin1String(fieldkey::ThumbnailBlobId)};
    QSet<QByteArray> seen;
    int count = 0;
    for (int offset = 0;; offset += PhotoPage) {
        auto page = store.list(QLatin1String(recordtype::Photo), filter, offset, PhotoPage);
        if (!page)
            return page.error();
        for (const Record &r : std::as_const(*page)) {
            Photo p;
            fromFields(r.fields, p);
            for (const QByteArray &id : {p.thumbnailBlobId, p.blobId}) {
                if (id.isEmpty() || seen.contains(id) || !blobs.contains(id))
                    continue;
                seen.insert(id);
                const auto blobState = state.blobState(id);
                if (!blobState)
                    return blobState.error();
                if (*blobState != "done")
                    ++count;
            }
        }
        if (page->size() < PhotoPage)
            break;
    }
    return count;
}

Result<int> countPendingPhotoFiles(Store &store, const BlobStore &blobs) {
    int count = 0;
    auto r = store.read([&]() -> Result<void> {
        auto n = countInSnapshot(store, blobs);
        if (!n)
            return n.error();
        count = *n;
        return {};
    });
    if (!r)
        return r.error();
    return count;
}
} // namespace

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
        m_error = describe(m_engine->failure());
        Q_EMIT stateChanged();
        Q_EMIT enrolmentChanged();
        Q_EMIT progressChanged();
        Q_EMIT lastSuccessChanged();
        Q_EMIT errorChanged();
        Q_EMIT enrollingChanged();
    }
    return QObject::eventFilter(watched, event);
}

// ---- plain words ------------------------------------------------------------------------------

QPair<QString, QString> SyncStatus::describe(const SyncFailure &f) {
    const QString code = f.code;
    switch (f.error) {
    case SyncError::None:
        return {};
    case SyncError::Network:
        return {tr("The server cannot be reached."),
                tr("Nothing is lost: changes stay on this tablet and are sent when the server "
                   "is in reach. If this lasts, check the network (Wi-Fi or mobile data).")};
    case SyncError::Timeout:
        return {tr("The server stopped answering."),
                tr("Nothing is lost; sync tries again by itself.")};
    case SyncError::ServerError:
        return {tr("The server is failing or busy (HTTP %1).").arg(f.httpStatus),
                tr("Nothing is lost; sync tries again later. Tell the inspection office if "
                   "this lasts.")};
    case SyncError::Unauthorized:
        if (code == QLatin1String("stale_timestamp"))
            return {tr("This tablet's clock is more than 5 minutes off the server's."),
                    tr("Correct the date and time in the system settings, then tap Sync now.")};
        if (code == QLatin1String("revoked_device"))
            return {tr("The inspection office has revoked this tablet: it can no longer sync."),
                    tr("Contact the office. Unsynced changes stay on this tablet.")};
        if (code == QLatin1String("unknown_device"))
            return {tr("The server does not know this tablet."),
                    tr("Enrol it again in Settings with a new code from the inspection office.")};
        if (code == QLatin1String("replayed_nonce"))
            return {tr("The server refused a repeated request."),
                    tr("Nothing is lost; sync tries again by itself.")};
        return {tr("The server did not accept this tablet's signature."),
                tr("Check the server address in Settings, or enrol the tablet again.")};
    case SyncError::Forbidden:
        if (code == QLatin1String("not_member"))
            return {tr("This tablet is not a member of that round."),
                    tr("Ask the inspection office to share the round with this tablet.")};
        if (code == QLatin1String("bad_code"))
            return {tr("The enrolment code is wrong, already used or expired."),
                    tr("Ask the inspection office for a new code.")};
        if (code == QLatin1String("no_code"))
            return {tr("Enter the one-time code from the inspection office."), QString()};
        return {tr("Only an inspection office device may do this."), QString()};
    case SyncError::BadRequest:
        if (code == QLatin1String("bad_address"))
            return {tr("That is not a server address the app can use."),
                    tr("Write it like https://sync.example.org (plain http:// only for this "
                       "machine).")};
        if (code == QLatin1String("unsupported_version"))
            return {tr("The server speaks another version of the sync protocol."),
                    tr("Update the app, or ask the inspection office to update the server. "
                       "Nothing is lost.")};
        return {tr("The server refused the request (HTTP %1).").arg(f.httpStatus),
                tr("The app and the server may not match: update the app. Nothing is lost.")};
    case SyncError::Protocol:
        return {tr("The server's answer was cut off or not understood; nothing from it was used."),
                tr("Sync tries again by itself. If this keeps happening, check the server "
                   "address in Settings.")};
    case SyncError::Cancelled:
        if (code == QLatin1String("busy"))
            return {tr("A sync is running."), tr("Try again when it has finished.")};
        return {tr("Sync was cancelled."), tr("Tap Sync now to continue where it stopped.")};
    case SyncError::NotEnrolled:
        return {tr("This tablet is not enrolled with the inspection office's server yet."),
                tr("Enrol it in Settings with the server address and a one-time code from the "
                   "office. Until then everything is kept on this tablet.")};
    case SyncError::Tls:
        return {tr("The server's identity could not be verified, so nothing was sent."),
                tr("Check the server address and this tablet's date and time, or ask the "
                   "inspection office.")};
    case SyncError::Local:
        if (f.localCode == ErrorCode::Locked)
            return {tr("The vault is locked."), tr("Unlock it; sync then resumes by itself.")};
        if (f.localCode == ErrorCode::DiskFull)
            return {tr("This tablet's storage is full."),
                    tr("Free some space; sync then continues where it stopped.")};
        return {tr("Sync stopped because this tablet could not read or write its own data."),
                tr("Restart the app. If this happens again, contact the inspection office.")};
    }
    return {f.message, QString()};
}

} // namespace fl::app
