#include "syncthread.h"

#include "store/store.h"
#include "sync/client/syncengine.h"

#include <QDir>
#include <QThread>

namespace fl::app {

using sync::SyncEngine;

SyncThread::SyncThread(Vault &vault, const QString &dataDir, Store &uiStore, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this)) {
    const QDir data(dataDir);
    // The same files AppServices and the CLI use (native/cli/session.h).
    m_engine = new SyncEngine(vault, data.filePath(QStringLiteral("fieldledger.db")),
                              data.filePath(QStringLiteral("blobs")));
    m_thread->setObjectName(QStringLiteral("fl-sync"));
    m_engine->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    // The UI's Store does not see the engine's commits (another connection): announce pulled
    // records through it, so that models and the pending count follow as for local edits.
    connect(m_engine, &SyncEngine::remoteChanges, &uiStore, &Store::changed);
}

SyncThread::~SyncThread() {
    m_engine->cancel();
    if (m_thread->isRunning()) {
        // Ends the engine's request loops too; the engine is deleted on its thread as it ends.
        m_thread->quit();
        m_thread->wait();
    } else {
        delete m_engine; // its thread never ran: nothing of it is in use
    }
}

void SyncThread::start() {
    if (m_started)
        return;
    m_started = true;
    m_thread->start();
    QMetaObject::invokeMethod(m_engine, &SyncEngine::start, Qt::QueuedConnection);
}

} // namespace fl::app
