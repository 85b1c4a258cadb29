#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace fl {

/// Moves WAL checkpoints off the write path. A checkpoint syncs the log and the database to
/// disk; done inline it stalls the commit that crosses the threshold for milliseconds (the
/// p99 of a save). Here the writer's connection only signals, and a thread with a connection
/// of its own runs PASSIVE checkpoints, which never block readers or writers. If the thread
/// falls far behind, the writer checkpoints inline so the log cannot grow without bound.
class Checkpointer {
public:
    static constexpr int SignalPages = 1000;  ///< ask for a checkpoint past this many frames
    static constexpr int InlinePages = 20000; ///< checkpoint inline past this many (~80 MB)

    Checkpointer() = default;
    ~Checkpointer();
    Checkpointer(const Checkpointer &) = delete;
    Checkpointer &operator=(const Checkpointer &) = delete;

    /// Hooks into `writer` and starts the thread on its own connection to `path`.
    bool start(sqlite3 *writer, const QString &path);
    /// Stops the thread (after a last checkpoint) and unhooks. Call before closing `writer`.
    void stop();
    /// Checkpoints run so far by the thread (for tests and benchmarks).
    [[nodiscard]] int runs() const;

private:
    static int walHook(void *self, sqlite3 *db, const char *name, int pages);
    void run();

    sqlite3 *m_writer = nullptr;
    sqlite3 *m_own = nullptr;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = false;
    bool m_stopping = false;
    int m_runs = 0;
};

} // namespace fl
