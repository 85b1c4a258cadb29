#include "appservices.h"

#include "backgroundreader.h"
#include "media/blobstore.h"
#include "media/photolibrary.h"
#include "passphrasemeter.h"
#include "store/inspection.h"
#include "store/store.h"
#include "syncstatus.h"
#include "syncthread.h"

#include <QDir>
#include <QEvent>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include <sodium.h>

#include <cmath>
#include <optional>
#include <utility>

Q_LOGGING_CATEGORY(lcApp, "fl.app")

namespace fl::app {

namespace {
AppServices *s_instance = nullptr;

// Long enough for the page to paint "Creating…" before the key derivation blocks the thread.
constexpr int DeferMs = 50;
} // namespace

// The data folder's layout is the CLI's (native/cli/session.h): both open the same folder.
AppServices::AppServices(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_vault(std::make_unique<Vault>(QDir(dataDir).filePath(QStringLiteral("vault.json"))))
    , m_store(std::make_unique<Store>(*m_vault))
    , m_blobs(std::make_unique<BlobStore>(QDir(dataDir).filePath(QStringLiteral("blobs"))))
    , m_inspection(std::make_unique<Inspection>(*m_store))
    , m_photos(std::make_unique<PhotoLibrary>(*m_store, *m_blobs))
    , m_retryTimer(new QTimer(this)) {
    Q_ASSERT(!s_instance);
    s_instance = this;
    m_vault->setAutoLockTimeout(m_autoLockTimeout);
    m_retryTimer->setInterval(1000);
    connect(m_retryTimer, &QTimer::timeout, this, &AppServices::updateRetry);
    connect(m_vault.get(), &Vault::lockedChanged, this, [this](bool locked) {
        // Open the database before anyone hears "unlocked": models reload on that signal.
        // A failure is reported by the create/unlock step, which opens it again.
        if (!locked && openStore())
            refreshPending();
        Q_EMIT unlockedChanged();
    });
    connect(m_store.get(), &Store::changed, this, &AppServices::refreshPending);
    if (auto *gui = qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        connect(gui, &QGuiApplication::applicationStateChanged, this,
                &AppServices::handleApplicationState);
    }
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
    if (vaultExists()) {
        if (auto r = openStore(); !r)
            setError(describe(r.error()));
    }
    updateRetry();
    m_reader = std::make_unique<BackgroundReader>(
        *m_vault, QDir(dataDir).filePath(QStringLiteral("fieldledger.db")));
    m_syncThread = std::make_unique<SyncThread>(*m_vault, dataDir, *m_store);
    m_sync = std::make_unique<SyncStatus>(*this);
}

AppServices::~AppServices() {
    if (m_unlockThread)
        m_unlockThread->wait(); // its result is dropped with this object
    m_sync.reset();
    m_syncThread.reset(); // ends the sync thread before the store closes and the vault locks
    m_reader.reset();
    wipePassphrase();
    m_store->close();
    m_vault->lock();
    if (s_instance == this)
        s_instance = nullptr;
}

AppServices *AppServices::create(QQmlEngine *, QJSEngine *) {
    Q_ASSERT_X(s_instance, "AppServices::create", "main() builds the services before QML");
    // The engine must not delete what main() owns.
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

AppServices *AppServices::instance() {
    return s_instance;
}

void AppServices::setAutoLockTimeout(std::chrono::milliseconds timeout) {
    m_autoLockTimeout = timeout;
    m_vault->setAutoLockTimeout(timeout);
    Q_EMIT autoLockMinutesChanged();
}

bool AppServices::vaultExists() const {
    return m_vault->exists();
}

bool AppServices::isUnlocked() const {
    return m_vault->isUnlocked();
}

int AppServices::autoLockMinutes() const {
    return int(std::chrono::duration_cast<std::chrono::minutes>(m_autoLockTimeout).count());
}

Result<void> AppServices::openStore() {
    if (m_store->isOpen())
        return {};
    return m_store->open(QDir(m_dataDir).filePath(QStringLiteral("fieldledger.db")));
}

void AppServices::createVault(const QString &passphrase, const QString &repeated) {
    if (m_busy || vaultExists())
        return;
    if (passphrase != repeated) {
        setError(tr("The two passphrases differ."));
        return;
    }
    if (const auto verdict = PassphraseMeter::assess(passphrase); !verdict.acceptable) {
        setError(verdict.hint);
        return;
    }
    m_passphrase = passphrase.toUtf8();
    runDeferred(&AppServices::doCreate);
}

void AppServices::unlock(const QString &passphrase) {
    if (m_busy || isUnlocked())
        return;
    updateRetry();
    if (m_retrySeconds > 0) {
        setError(tr("Too many wrong passphrases: wait until the countdown ends."));
        return;
    }
    auto ticket = m_vault->prepareUnlock();
    if (!ticket) {
        updateRetry();
        setError(describe(ticket.error()));
        return;
    }
    setBusy(true);
    // Argon2id (about a second on a tablet) on a thread of its own: the page keeps drawing.
    // The vault's state is touched only here and in finishUnlock(), on this thread.
    auto derived = std::make_shared<std::optional<Result<SecretKey>>>();
    m_unlockThread =
        QThread::create([ticket = *ticket, derived, bytes = passphrase.toUtf8()]() mutable {
            derived->emplace(ticket.derive(bytes));
            sodium_memzero(bytes.data(), size_t(bytes.size()));
        });
    m_unlockThread->setObjectName(QStringLiteral("fl-unlock"));
    connect(m_unlockThread, &QThread::finished, this, [this, ticket = *ticket, derived] {
        m_unlockThread->deleteLater();
        m_unlockThread = nullptr;
        finishUnlock(ticket, **derived);
    });
    m_unlockThread->start();
}

void AppServices::finishUnlock(const Vault::UnlockTicket &ticket, Result<SecretKey> &derived) {
    if (std::exchange(m_lockDuringUnlock, false)) {
        // Locked (by hand, or the app left the screen) while the key was derived: stay locked.
        if (derived)
            derived.value().clear();
        setBusy(false);
        return;
    }
    Result<void> r =
        derived ? m_vault->unlock(ticket, derived.value()) : Result<void>(derived.error());
    if (r)
        r = openStore();
    updateRetry();
    if (!r)
        setError(describe(r.error()));
    else
        setError({});
    setBusy(false);
}

void AppServices::runDeferred(void (AppServices::*step)()) {
    setBusy(true);
    QTimer::singleShot(DeferMs, this, [this, step] {
        (this->*step)();
        wipePassphrase();
        setBusy(false);
    });
}

void AppServices::doCreate() {
    if (!QDir().mkpath(m_dataDir)) {
        setError(tr("Could not create the data folder %1.").arg(m_dataDir));
        return;
    }
    Result<void> r = m_vault->create(m_passphrase, m_kdf);
    if (r)
        r = openStore();
    if (!r) {
        setError(describe(r.error()));
        return;
    }
    setError({});
    Q_EMIT vaultExistsChanged();
}

void AppServices::wipePassphrase() {
    if (!m_passphrase.isEmpty())
        sodium_memzero(m_passphrase.data(), size_t(m_passphrase.size()));
    m_passphrase.clear();
}

void AppServices::lock() {
    if (m_unlockThread)
        m_lockDuringUnlock = true; // the unlock under way ends locked
    if (!isUnlocked())
        return;
    Q_EMIT aboutToLock();
    m_vault->lock();
}

void AppServices::refreshPending() {
    int count = 0;
    if (m_store->isOpen()) {
        if (auto n = m_store->pendingCount())
            count = *n;
    }
    if (count != m_pendingCount) {
        m_pendingCount = count;
        Q_EMIT pendingCountChanged();
    }
}

void AppServices::handleApplicationState(Qt::ApplicationState state) {
    if (state == Qt::ApplicationHidden || state == Qt::ApplicationSuspended) {
        qCDebug(lcApp) << "locking: the app left the screen";
        lock();
    }
}

bool AppServices::eventFilter(QObject *watched, QEvent *event) {
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::KeyPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        if (isUnlocked())
            m_vault->touch(); // restarts the vault's inactivity timer
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void AppServices::setBusy(bool busy) {
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void AppServices::setError(const QString &text) {
    if (m_errorString == text)
        return;
    m_errorString = text;
    Q_EMIT errorStringChanged();
}

void AppServices::updateRetry() {
    const auto delay = m_vault->retryDelay();
    const int seconds = int(std::ceil(double(delay.count()) / 1000.0));
    if (seconds > 0 && !m_retryTimer->isActive())
        m_retryTimer->start();
    else if (seconds == 0)
        m_retryTimer->stop();
    if (seconds != m_retrySeconds) {
        m_retrySeconds = seconds;
        Q_EMIT retrySecondsChanged();
    }
}

QString AppServices::describe(const Error &error) const {
    switch (error.code) {
    case ErrorCode::WrongPassphrase:
        return tr("Wrong passphrase (%n failed attempt(s) in a row).", "",
                  m_vault->failedAttempts());
    case ErrorCode::LockedOut:
        return tr("Too many wrong passphrases: wait until the countdown ends.");
    case ErrorCode::Locked:
        return tr("Locked. Unlock to continue.");
    default:
        // The core's own message (file damaged, foreign file, disk full...), already written
        // for the person at the screen.
        return error.message;
    }
}

} // namespace fl::app
