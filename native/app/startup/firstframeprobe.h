#pragma once

#include "startup.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <atomic>

class QQmlApplicationEngine;
class QQuickWindow;

namespace fl::app {

class AppServices;

/// --exit-after-first-frame, for tests/bench/bench_app: at the first frame (the unlock page)
/// unlocks with the passphrase of --passphrase-stdin, prints one line of startup times (ms
/// since main() began) at the first frame shown after the unlock (the visits page), and exits.
/// Without a vault or a passphrase it exits at the first frame. Does nothing unless the option
/// is given.
class FirstFrameProbe : public QObject {
    Q_OBJECT
public:
    FirstFrameProbe(QQmlApplicationEngine &engine, AppServices &services,
                    const StartupOptions &options, const QElapsedTimer &sinceMain,
                    QObject *parent = nullptr);

private:
    void start(QObject *root);
    void frameSwapped(); // on the render thread
    void requestUnlock();
    void finish();

    AppServices &m_services;
    QByteArray m_passphrase;
    QElapsedTimer m_sinceMain;
    QPointer<QQuickWindow> m_window;
    std::atomic<qint64> m_firstFrameNs{-1};
    std::atomic<qint64> m_unlockedNs{-1}; // -1: not yet; 0: no unlock to wait for
    std::atomic<qint64> m_shownNs{-1};
    std::atomic<qint64> m_unlockRequestedNs{-1};
    // While the key is derived: frames shown and the longest wait for one (the unlock page's
    // busy indicator keeps turning only if the derivation leaves the UI thread alone).
    std::atomic<qint64> m_lastUnlockSwapNs{-1};
    std::atomic<bool> m_unlockPending{false};
    std::atomic<int> m_unlockFrames{0};
    std::atomic<qint64> m_unlockMaxGapNs{0};
};

} // namespace fl::app
