#pragma once

#include <QObject>

class QThread;

namespace fl {
class Store;
class Vault;
} // namespace fl

namespace fl::sync {
class SyncEngine;
}

namespace fl::app {

/// The sync engine on a thread of its own, with its own database connection. Built once by
/// AppServices beside the UI's Store, and the one place where the engine's commits are announced
/// to that Store (Store::changed), so models follow pulled records exactly as they follow local
/// edits, whatever shows the sync status.
class SyncThread : public QObject {
    Q_OBJECT
public:
    /// Builds the engine over the data folder's database and blob folder (not started).
    SyncThread(Vault &vault, const QString &dataDir, Store &uiStore, QObject *parent = nullptr);
    /// Cancels a running sync and waits for the thread to end.
    ~SyncThread() override;

    /// Lives on the sync thread: call it only queued.
    [[nodiscard]] sync::SyncEngine *engine() const { return m_engine; }
    [[nodiscard]] bool isStarted() const { return m_started; }
    /// Starts the thread and the engine's periodic and reconnect triggers (once).
    void start();

private:
    QThread *m_thread = nullptr;
    sync::SyncEngine *m_engine = nullptr; // deleted on its thread when that ends
    bool m_started = false;
};

} // namespace fl::app
