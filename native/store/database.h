#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <sqlite3.h>

#include <utility>

namespace fl {

/// One prepared statement, reset on destruction so a cached statement is always reusable.
class Statement {
public:
    explicit Statement(sqlite3_stmt *stmt)
        : m_stmt(stmt) {}
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept
        : m_stmt(std::exchange(other.m_stmt, nullptr)) {}

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, const QString &value);
    Statement &bindText(int index, QByteArrayView utf8);
    Statement &bindBlob(int index, QByteArrayView value);
    Statement &bindNull(int index);

    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    /// Ends a read early, releasing its hold on the database before a write.
    void reset() { sqlite3_reset(m_stmt); }

    [[nodiscard]] qint64 int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
    [[nodiscard]] QString text(int col) const;
    [[nodiscard]] QByteArray blob(int col) const;
    [[nodiscard]] bool isNull(int col) const {
        return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

/// An SQLite connection with a statement cache. Not thread-safe: one per thread.
class Database {
public:
    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating if absent) without writing anything to the file yet.
    Result<void> open(const QString &path);
    /// Applies the connection settings: WAL, synchronous, foreign keys, in-memory temp storage
    /// (no temp files on disk). WAL rewrites the file header: check the file is ours first.
    Result<void> configure();
    void close();
    [[nodiscard]] bool isOpen() const { return m_db != nullptr; }
    [[nodiscard]] sqlite3 *handle() const { return m_db; }

    /// Runs one or more statements with no results.
    Result<void> exec(const char *sql);
    /// A cached prepared statement for a string literal (the pointer is the cache key).
    Result<Statement> prepare(const char *sql);

    /// Translates the connection's last error into an Error a user can act on.
    [[nodiscard]] Error lastError(int rc, const QString &what) const;

private:
    sqlite3 *m_db = nullptr;
    QHash<const char *, sqlite3_stmt *> m_cache;
};

/// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    [[nodiscard]] const Result<void> &began() const { return m_began; }
    Result<void> commit();

private:
    Database &m_db;
    Result<void> m_began;
    bool m_done = false;
};

} // namespace fl
