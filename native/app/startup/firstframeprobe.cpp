#include "firstframeprobe.h"

#include "appservices.h"

#include <QCoreApplication>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

namespace fl::app {

namespace {
// The process's resident memory in kB (Linux), else -1.
long residentKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}
} // namespace

FirstFrameProbe::FirstFrameProbe(QQmlApplicationEngine &engine, AppServices &services,
                                 const StartupOptions &options, const QElapsedTimer &sinceMain,
                                 QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_passphrase(options.passphrase)
    , m_sinceMain(sinceMain) {
    if (!options.exitAfterFirstFrame)
        return;
    connect(&engine, &QQmlApplicationEngine::objectCreated, this,
            [this](QObject *root) { start(root); });
    // Connected before the QML is: runs before the pages' models reload, so that the unlock
    // time is the key derivation and the opening of the store, not the pages' first reads.
    connect(&m_services, &AppServices::unlockedChanged, this, [this] {
        if (!m_services.isUnlocked() || m_unlockRequestedNs < 0)
            return;
        m_unlockedNs = m_sinceMain.nsecsElapsed();
        if (m_window)
            m_window->update();
    });
}

void FirstFrameProbe::start(QObject *root) {
    m_window = qobject_cast<QQuickWindow *>(root);
    if (!m_window) {
        std::fprintf(stderr, "first frame: the root object is not a window\n");
        QCoreApplication::exit(1);
        return;
    }
    // On the render thread, whichever render loop runs: the time the frame was swapped.
    connect(m_window, &QQuickWindow::frameSwapped, this, &FirstFrameProbe::frameSwapped,
            Qt::DirectConnection);
    if (!m_services.vaultExists() || m_passphrase.isEmpty() || m_services.isUnlocked()) {
        m_unlockedNs = 0;
        return;
    }
    connect(&m_services, &AppServices::errorStringChanged, this, [this] {
        if (!m_services.errorString().isEmpty()) {
            std::fprintf(stderr, "first frame: %s\n", qPrintable(m_services.errorString()));
            QCoreApplication::exit(1);
        }
    });
    m_unlockPending = true; // at the first frame: a person types only once the page shows
}

void FirstFrameProbe::requestUnlock() {
    m_unlockRequestedNs = m_sinceMain.nsecsElapsed();
    m_services.unlock(QString::fromUtf8(m_passphrase));
    m_passphrase.clear();
}

void FirstFrameProbe::frameSwapped() {
    const qint64 now = m_sinceMain.nsecsElapsed();
    qint64 unset = -1;
    if (m_firstFrameNs.compare_exchange_strong(unset, now) && m_unlockPending)
        QMetaObject::invokeMethod(this, &FirstFrameProbe::requestUnlock, Qt::QueuedConnection);
    const qint64 unlocked = m_unlockedNs;
    if (m_unlockRequestedNs >= 0 && unlocked < 0) {
        if (const qint64 last = m_lastUnlockSwapNs; last >= 0)
            m_unlockMaxGapNs = std::max<qint64>(m_unlockMaxGapNs, now - last);
        m_lastUnlockSwapNs = now;
        ++m_unlockFrames;
    }
    if (unlocked < 0 || now < unlocked)
        return;
    unset = -1;
    if (m_shownNs.compare_exchange_strong(unset, now))
        QMetaObject::invokeMethod(this, &FirstFrameProbe::finish, Qt::QueuedConnection);
}

void FirstFrameProbe::finish() {
    const auto ms = [](qint64 ns) {
        return double(ns) / 1e6;
    };
    const qint64 unlocked = m_unlockedNs;
    const double unlockMs = unlocked > 0 ? ms(unlocked - m_unlockRequestedNs) : 0.0;
    if (const qint64 last = m_lastUnlockSwapNs; last >= 0 && unlocked > last)
        m_unlockMaxGapNs = std::max<qint64>(m_unlockMaxGapNs, unlocked - last); // the last wait
    std::printf("first-frame first_ms=%.1f unlock_ms=%.1f shown_ms=%.1f shown_excl_unlock_ms=%.1f "
                "rss_kb=%ld unlock_frames=%d unlock_max_gap_ms=%.1f\n",
                ms(m_firstFrameNs), unlockMs, ms(m_shownNs), ms(m_shownNs) - unlockMs, residentKb(),
                int(m_unlockFrames), ms(m_unlockMaxGapNs));
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

} // namespace fl::app
