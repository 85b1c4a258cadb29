#include "store/database.h"

#include <QCoreApplication>

#include <cerrno>

namespace fl {

Statement::~Statement() {
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

Statement &Statement::bind(int index, qint64 value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &value) {
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindText(int index, QByteArrayView utf8) {
    sqlite3_bind_text(m_stmt, index, utf8.data(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindBlob(int index, QByteArrayView value) {
    // A zero-length blob must stay a blob, not NULL: pass a non-null pointer.
    static const char empty = 0;
    sqlite3_bind_blob(m_stmt, index, value.isEmpty() ? &empty : value.data(), int(value.size()),
                      SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

int Statement::step() {
    return sqlite3_step(m_stmt);
}

QString Statement::text(int col) const {
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, col));
}

QByteArray Statement::blob(int col) const {
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, col));
    return QByteArray(p, sqlite3_column_bytes(m_stmt, col));
}

Database::~Database() {
    close();
}

Result<void> Database::open(const QString &path) {
    close();
    const QByteArray native = path.toUtf8();
    const int rc =
        sqlite3_open_v2(native.constData(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        Error e = lastError(rc, QStringLiteral("open the database"));
        close();
        return e;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
    return {};
}

Result<void> Database::configure() {
    if (auto r = exec("PRAGMA journal_mode=WAL;"); !r)
        return r;
    // NORMAL in WAL mode: a commit survives any crash of the app; only a power cut
    // can undo the last commits, and never corrupts the file.
    return exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;");
}

void Database::close() {
    for (sqlite3_stmt *s : std::as_const(m_cache))
        sqlite3_finalize(s);
    m_cache.clear();
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Result<void> Database::exec(const char *sql) {
    char *msg = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &msg);
    sqlite3_free(msg);
    if (rc != SQLITE_OK)
        return lastError(rc, QStringLiteral("run a database command"));
    return {};
}

Result<Statement> Database::prepare(const char *sql) {
    if (auto it = m_cache.constFind(sql); it != m_cache.cend())
        return Statement(*it);
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return lastError(rc, QStringLiteral("prepare a database query"));
    m_cache.insert(sql, stmt);
    return Statement(stmt);
}

Error Database::lastError(int rc, const QString &what) const {
    const int primary = rc & 0xff;
    const QString detail = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
    // ENOSPC arrives as SQLITE_FULL; a file size limit (EFBIG) or a failing card as a write
    // error, whose errno SQLite does not keep reliably. The advice is the same for all three.
    const int sysErr = m_db ? sqlite3_system_errno(m_db) : 0;
    if (primary == SQLITE_FULL || rc == SQLITE_IOERR_WRITE || sysErr == ENOSPC || sysErr == EFBIG) {
        return makeError(ErrorCode::DiskFull,
                         QStringLiteral("The device storage is full (or failing), so this change "
                                        "was not saved. Everything saved before is intact. Free "
                                        "some space and try again."));
    }
    switch (primary) {
    case SQLITE_NOTADB:
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("The database file is not a FieldLedger database (or it "
                                        "is damaged). It was left untouched."));
    case SQLITE_CORRUPT:
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("The database file is damaged (%1). It was left "
                                        "untouched; restore it from a backup or sync.")
                             .arg(detail));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(ErrorCode::Io, QStringLiteral("The database is in use by another "
                                                       "program; close it and try again."));
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        return makeError(ErrorCode::Io, QStringLiteral("Could not %1: %2. Check that the data "
                                                       "folder exists and is writable.")
                                            .arg(what, detail));
    default:
        return makeError(ErrorCode::Io, QStringLiteral("Could not %1: %2.").arg(what, detail));
    }
}

Transaction::Transaction(Database &db)
    : m_db(db)
    , m_began(db.exec("BEGIN IMMEDIATE")) {}

Transaction::~Transaction() {
    if (m_began.ok() && !m_done)
        (void)m_db.exec("ROLLBACK");
}

Result<void> Transaction::commit() {
    auto r = m_db.exec("COMMIT");
    if (r.ok())
        m_done = true;
    return r;
}

} // namespace fl
