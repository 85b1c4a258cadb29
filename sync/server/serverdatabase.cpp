// ServerDatabase: the connection (SQLite or PostgreSQL), running statements, transactions.
// The schema, devices, campaigns, blobs and statistics are in serverdatabase*.cpp by concern.
#include "sync/server/serverdatabase.h"

#include "sync/protocol/wire.h"

#include <QDir>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcServer, "fl.server")

namespace fl::server {

namespace {

// Advisory lock keys (PostgreSQL): "FLPUSH" and "FLSCHM" as integers.
constexpr qint64 PushLockKey = 0x464c50555348;
constexpr qint64 SchemaLockKey = 0x464c5343484d;

/// Placeholders per statement. Qt SQL's prepare() costs grow with the square of the placeholder
/// count (50 ms at 4,000), so statements stay small; on QPSQL each is still one round trip for
/// dozens of rows.
constexpr int MaxParameters = 500;

QString placeholders(qsizetype n) {
    QString s;
    s.reserve(n * 2);
    for (qsizetype i = 0; i < n; ++i)
        s += i ? QStringLiteral(",?") : QStringLiteral("?");
    return s;
}

/// QSQLITE on <dataDir>/server.db; the folder is created if missing.
Result<QSqlDatabase> addSqlite(const QString &dataDir, const QString &connectionName) {
    if (dataDir.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no data folder given"));
    if (!QDir().mkpath(dataDir))
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot create the data folder %1").arg(dataDir));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(QDir(dataDir).absoluteFilePath(QStringLiteral("server.db")));
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    return db;
}

/// QPSQL from postgresql://user[:password]@host[:port]/dbname[?opt=val]; the query items
/// become libpq connect options.
Result<QSqlDatabase> addPostgres(const QString &databaseUrl, const QString &connectionName) {
    const QUrl url(databaseUrl);
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("postgresql") &&
         url.scheme() != QLatin1String("postgres")) ||
        url.path().size() < 2)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("--database must look like "
                                        "postgresql://user@host:port/dbname"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host());
    db.setPort(url.port(5432));
    db.setDatabaseName(url.path().mid(1));
    if (!url.userName().isEmpty())
        db.setUserName(url.userName());
    if (!url.password().isEmpty())
        db.setPassword(url.password());
    QStringList options;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[k, v] : items)
        options.append(k + QLatin1Char('=') + v);
    db.setConnectOptions(options.join(QLatin1Char(';')));
    return db;
}

/// Statements run once on a new connection.
QStringList sessionSettings(ServerDatabase::Dialect dialect) {
    if (dialect == ServerDatabase::Dialect::Sqlite)
        return {QStringLiteral("PRAGMA journal_mode=WAL"),
                QStringLiteral("PRAGMA synchronous=FULL")};
    return {QStringLiteral("SET client_min_messages TO warning")};
}

} // namespace

QString StorageConfig::blobPath() const {
    if (!blobDir.isEmpty())
        return QDir(blobDir).absolutePath();
    return QDir(dataDir).absoluteFilePath(QStringLiteral("blobs"));
}

QString hex(QByteArrayView bytes) {
    return QString::fromLatin1(bytes.toByteArray().toHex());
}

bool isLowerHex(QByteArrayView s, qsizetype size) {
    if (s.size() != size)
        return false;
    for (const char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

QString normaliseCampaignId(const QString &id) {
    const QByteArray b = wire::uuidToBytes(id);
    return b.isEmpty() ? id : wire::uuidFromBytes(b);
}

// ---- connection ------------------------------------------------------------------------------

ServerDatabase::ServerDatabase()
    : m_connectionName(QStringLiteral("fl-server-%1").arg(quintptr(this), 0, 16)) {}

ServerDatabase::~ServerDatabase() {
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<void> ServerDatabase::open(const StorageConfig &config) {
    const bool sqlite = config.databaseUrl.isEmpty();
    {
        auto db = sqlite ? addSqlite(config.dataDir, m_connectionName)
                         : addPostgres(config.databaseUrl, m_connectionName);
        if (!db)
            return db.error();
        m_db = *db;
    }
    m_dialect = sqlite ? Dialect::Sqlite : Dialect::Postgres;
    if (!m_db.isValid())
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("the Qt SQL driver for this database is not installed"));
    if (!m_db.open())
        return makeError(
            ErrorCode::Io,
            QStringLiteral("cannot open the database: %1").arg(m_db.lastError().text()));
    for (const QString &statement : sessionSettings(m_dialect)) {
        if (auto r = exec(statement); !r)
            return r.error();
    }
    return migrate();
}
Error ServerDatabase::failure(const QSqlQuery &q, const QString &what) {
    const QString text = q.lastError().text();
    qCWarning(lcServer).noquote() << "database error:" << text << "in" << what.left(60);
    return makeError(ErrorCode::Io, QStringLiteral("database error: %1").arg(text));
}

Result<QSqlQuery> ServerDatabase::exec(const QString &sql, const QVariantList &values) {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (values.isEmpty()) {
        // Unprepared: PostgreSQL cannot PREPARE BEGIN, DDL or SET.
        if (!q.exec(sql))
            return failure(q, sql);
        return q;
    }
    if (!q.prepare(sql))
        return failure(q, sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return failure(q, sql);
    return q;
}

Result<void> ServerDatabase::insertRows(const QString &table, const QStringList &columns,
                                        const QList<QVariantList> &rows, const QString &tail,
                                        const std::function<void(const QSqlQuery &)> &onRow) {
    if (rows.isEmpty())
        return {};
    const qsizetype perStatement = qMax<qsizetype>(1, MaxParameters / columns.size());
    const QString tuple = QLatin1Char('(') + placeholders(columns.size()) + QLatin1Char(')');
    const QString head = QStringLiteral("INSERT INTO %1 (%2) VALUES ")
                             .arg(table, columns.join(QStringLiteral(", ")));
    for (qsizetype start = 0; start < rows.size(); start += perStatement) {
        const qsizetype n = qMin(perStatement, rows.size() - start);
        QString sql = head;
        QVariantList values;
        values.reserve(n * columns.size());
        for (qsizetype i = 0; i < n; ++i) {
            if (i)
                sql += QLatin1Char(',');
            sql += tuple;
            values += rows.at(start + i);
        }
        if (!tail.isEmpty())
            sql += QLatin1Char(' ') + tail;
        auto q = exec(sql, values);
        if (!q)
            return q.error();
        if (onRow) {
            while (q->next())
                onRow(*q);
        }
    }
    return {};
}

Result<void> ServerDatabase::forChunks(
    const QVariantList &values,
    const std::function<Result<void>(const QString &, const QVariantList &)> &run) {
    for (qsizetype start = 0; start < values.size(); start += MaxParameters) {
        const QVariantList chunk = values.mid(start, MaxParameters);
        if (auto r = run(placeholders(chunk.size()), chunk); !r)
            return r;
    }
    return {};
}

Result<void> ServerDatabase::begin(Lock lock) {
    if (m_inTransaction)
        return makeError(ErrorCode::Conflict, QStringLiteral("nested transaction"));
    auto r = exec(m_dialect == Dialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                               : QStringLiteral("BEGIN"));
    if (!r)
        return r.error();
    m_inTransaction = true;
    if (m_dialect == Dialect::Postgres && lock != Lock::None) {
        const qint64 key = lock == Lock::Push ? PushLockKey : SchemaLockKey;
        auto l = exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(key));
        if (!l) {
            rollback();
            return l.error();
        }
    }
    return {};
}

Result<void> ServerDatabase::commit() {
    m_inTransaction = false;
    auto r = exec(QStringLiteral("COMMIT"));
    if (!r) {
        rollback();
        return r.error();
    }
    return {};
}

void ServerDatabase::rollback() {
    m_inTransaction = false;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

bool ServerDatabase::ping() {
    if (m_db.isOpen()) {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("SELECT 1")))
            return true;
    }
    // A PostgreSQL server restart drops the connection; Qt SQL does not reconnect on its own.
    qCWarning(lcServer) << "database connection lost; reconnecting";
    m_db.close();
    m_inTransaction = false;
    if (!m_db.open())
        return false;
    if (m_dialect == Dialect::Postgres)
        (void)exec(QStringLiteral("SET client_min_messages TO warning"));
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT 1"));
}

// ---- devices and enrolment -----------------------------------------------------------------

} // namespace fl::server
