#include "store/checkpointer.h"

#include <sqlite3.h>

namespace fl {

Checkpointer::~Checkpointer() {
    stop();
}

bool Checkpointer::start(sqlite3 *writer, const QString &path) {
    stop();
    const QByteArray native = path.toUtf8();
    if (sqlite3_open_v2(native.constData(), &m_own, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        sqlite3_close_v2(m_own);
        m_own = nullptr;
        return false;
    }
    sqlite3_busy_timeout(m_own, 1000);
    m_writer = writer;
    m_stopping = false;
    m_pending = false;
    m_thread = std::thread([this] { run(); });
    // Replaces SQLite's own auto-checkpoint, which is itself a WAL hook.
    sqlite3_wal_hook(m_writer, &Checkpointer::walHook, this);
    return true;
}

void Checkpointer::stop() {
    if (m_writer) {
        sqlite3_wal_hook(m_writer, nullptr, nullptr);
        m_writer = nullptr;
    }
    if (m_thread.joinable()) {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }
    if (m_own) {
        sqlite3_close_v2(m_own);
        m_own = nullptr;
    }
}

int Checkpointer::runs() const {
    std::lock_guard lock(m_mutex);
    return m_runs;
}

int Checkpointer::walHook(void *self, sqlite3 *db, const char *name, int pages) {
    auto *c = static_cast<Checkpointer *>(self);
    if (pages >= InlinePages) {
        sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    } else if (pages >= SignalPages) {
        {
            std::lock_guard lock(c->m_mutex);
            c->m_pending = true;
        }
        c->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void Checkpointer::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_pending || m_stopping; });
        if (m_stopping)
            return;
        m_pending = false;
        lock.unlock();
        sqlite3_wal_checkpoint_v2(m_own, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
        ++m_runs;
    }
}

} // namespace fl
