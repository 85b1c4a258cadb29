#include "sync/server/serverdatabase.h"

#include "sync/protocol/wire.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlRecord>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <sodium.h>

Q_LOGGING_CATEGORY(lcServer, "fieldledger.server")

namespace fl::server {

namespace {

// Advisory lock keys (PostgreSQL): "FLPUSH" and "FLSCHM" as integers.
constexpr qint64 PushLockKey = 0x464c50555348;
constexpr qint64 SchemaLockKey = 0x464c5343484d;

/// Placeholders per statement. Qt SQL's prepare() costs grow with the square of the placeholder
/// count (50 ms at 4,000), so statements stay small; on QPSQL each is still one round trip for
/// dozens of rows.
constexpr int MaxParameters = 500;

/// Schema by versioned migrations. {BLOB} and {SERIAL} are the only per-dialect words.
struct Migration {
    int version;
    const char *sql; ///< statements separated by ";\n"
};

const Migration Migrations[] = {
    {1, R"(
CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    sign_pk {BLOB} NOT NULL,
    box_pk {BLOB} NOT NULL,
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0,
    enrolled_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE TABLE enrol_codes (
    code_hash TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_by TEXT,
    used_at BIGINT
);
CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    created_by TEXT,
    created_at BIGINT NOT NULL
);
CREATE TABLE members (
    campaign_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    PRIMARY KEY (campaign_id, device_id)
);
CREATE INDEX members_by_device ON members (device_id);
CREATE TABLE envelopes (
    campaign_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    sealed {BLOB} NOT NULL,
    PRIMARY KEY (campaign_id, device_id)
);
CREATE INDEX envelopes_by_device ON envelopes (device_id);
CREATE TABLE records (
    record_id TEXT PRIMARY KEY,
    record_type TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    parent_id TEXT NOT NULL
);
CREATE TABLE changes (
    seq {SERIAL},
    change_id {BLOB} NOT NULL UNIQUE,
    device TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    record_type TEXT NOT NULL,
    parent_id TEXT NOT NULL,
    hlc BIGINT NOT NULL,
    fields {BLOB} NOT NULL,
    received_at BIGINT NOT NULL
);
CREATE INDEX changes_by_campaign ON changes (campaign_id, seq);
CREATE TABLE nonces (
    device TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (device, nonce)
);
CREATE INDEX nonces_by_time ON nonces (seen_at);
CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    content_id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    length BIGINT NOT NULL,
    upload_offset BIGINT NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE blobs (
    content_id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    length BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (content_id, campaign_id)
))"},
};

QString codeHash(const QString &code) {
    // Codes are typed by people: case, spaces and dashes do not matter.
    QString normal;
    for (const QChar c : code) {
        if (c.isLetterOrNumber())
            normal.append(c.toUpper());
    }
    return QString::fromLatin1(
        QCryptographicHash::hash(normal.toUtf8(), QCryptographicHash::Sha256).toHex());
}

DeviceRow deviceFrom(const QSqlQuery &q) {
    DeviceRow d;
    d.id = q.value(0).toString();
    d.signKey = q.value(1).toByteArray();
    d.boxKey = q.value(2).toByteArray();
    d.role = q.value(3).toString();
    d.name = q.value(4).toString();
    d.revoked = q.value(5).toInt() != 0;
    d.enrolledAt = q.value(6).toLongLong();
    return d;
}

const char DeviceColumns[] = "id, sign_pk, box_pk, role, name, revoked, enrolled_at";

QString placeholders(qsizetype n) {
    QString s;
    s.reserve(n * 2);
    for (qsizetype i = 0; i < n; ++i)
        s += i ? QStringLiteral(",?") : QStringLiteral("?");
    return s;
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

// ---- connection and migrations ---------------------------------------------------------------

ServerDatabase::ServerDatabase()
    : m_connectionName(QStringLiteral("fl-server-%1").arg(quintptr(this), 0, 16)) {}

ServerDatabase::~ServerDatabase() {
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

int ServerDatabase::latestSchemaVersion() {
    return std::end(Migrations)[-1].version;
}

Result<void> ServerDatabase::open(const StorageConfig &config) {
    if (config.databaseUrl.isEmpty()) {
        if (config.dataDir.isEmpty())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("no data folder given"));
        if (!QDir().mkpath(config.dataDir))
            return makeError(
                ErrorCode::Io,
                QStringLiteral("cannot create the data folder %1").arg(config.dataDir));
        m_dialect = Dialect::Sqlite;
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        m_db.setDatabaseName(QDir(config.dataDir).absoluteFilePath(QStringLiteral("server.db")));
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        const QUrl url(config.databaseUrl);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("postgresql") &&
             url.scheme() != QLatin1String("postgres")) ||
            url.path().size() < 2)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("--database must look like "
                                            "postgresql://user@host:port/dbname"));
        m_dialect = Dialect::Postgres;
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        m_db.setHostName(url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host());
        m_db.setPort(url.port(5432));
        m_db.setDatabaseName(url.path().mid(1));
        if (!url.userName().isEmpty())
            m_db.setUserName(url.userName());
        if (!url.password().isEmpty())
            m_db.setPassword(url.password());
        QStringList options;
        const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
        for (const auto &[k, v] : items)
            options.append(k + QLatin1Char('=') + v);
        m_db.setConnectOptions(options.join(QLatin1Char(';')));
    }
    if (!m_db.isValid())
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("the Qt SQL driver for this database is not installed"));
    if (!m_db.open())
        return makeError(
            ErrorCode::Io,
            QStringLiteral("cannot open the database: %1").arg(m_db.lastError().text()));
    if (m_dialect == Dialect::Sqlite) {
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL"}) {
            auto r = exec(QString::fromLatin1(pragma));
            if (!r)
                return r.error();
        }
    } else {
        auto r = exec(QStringLiteral("SET client_min_messages TO warning"));
        if (!r)
            return r.error();
    }
    return migrate();
}

QString ServerDatabase::dialectSql(QString sql) const {
    const bool pg = m_dialect == Dialect::Postgres;
    sql.replace(QLatin1String("{BLOB}"), pg ? QLatin1String("BYTEA") : QLatin1String("BLOB"));
    sql.replace(QLatin1String("{SERIAL}"), pg ? QLatin1String("BIGSERIAL PRIMARY KEY")
                                              : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    return sql;
}

Result<void> ServerDatabase::migrate() {
    // Several server processes may start at once on one PostgreSQL database: the schema lock
    // makes one of them migrate and the others see the result.
    Transaction tx(*this);
    if (auto r = tx.begin(Lock::Schema); !r)
        return r;
    if (auto r = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                     "version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"));
        !r)
        return r.error();
    auto current = exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (!current)
        return current.error();
    m_schemaVersion = current->next() ? current->value(0).toInt() : 0;
    current->finish();
    if (m_schemaVersion > latestSchemaVersion())
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("the database has schema version %1; this server knows "
                                        "up to %2")
                             .arg(m_schemaVersion)
                             .arg(latestSchemaVersion()));
    for (const Migration &m : Migrations) {
        if (m.version <= m_schemaVersion)
            continue;
        const QStringList statements =
            dialectSql(QString::fromLatin1(m.sql)).split(QStringLiteral(";\n"), Qt::SkipEmptyParts);
        for (const QString &statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (auto r = exec(statement); !r)
                return r.error();
        }
        if (auto r = exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) "
                                         "VALUES (?, ?)"),
                          {m.version, QDateTime::currentMSecsSinceEpoch()});
            !r)
            return r.error();
        qCInfo(lcServer) << "database migrated to schema version" << m.version;
        m_schemaVersion = m.version;
    }
    return tx.commit();
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

Result<std::optional<DeviceRow>> ServerDatabase::device(const QString &id) {
    auto q = exec(
        QStringLiteral("SELECT %1 FROM devices WHERE id = ?").arg(QLatin1String(DeviceColumns)),
        {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<DeviceRow>();
    return std::optional<DeviceRow>(deviceFrom(*q));
}

Result<QList<DeviceRow>> ServerDatabase::devices() {
    auto q = exec(QStringLiteral("SELECT %1 FROM devices ORDER BY enrolled_at, id")
                      .arg(QLatin1String(DeviceColumns)));
    if (!q)
        return q.error();
    QList<DeviceRow> out;
    while (q->next())
        out.append(deviceFrom(*q));
    return out;
}

Result<bool> ServerDatabase::revoke(const QString &id, qint64 nowMs) {
    auto q = exec(QStringLiteral("UPDATE devices SET revoked = 1, revoked_at = ? WHERE id = ?"),
                  {nowMs, id});
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

Result<QString> ServerDatabase::createEnrolCode(const QString &role, qint64 expiresAtMs,
                                                qint64 nowMs) {
    // 16 characters from 30 unambiguous ones: about 78 bits, typed as XXXX-XXXX-XXXX-XXXX.
    static const char Alphabet[] = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    if (sodium_init() < 0)
        return makeError(ErrorCode::Io, QStringLiteral("libsodium failed to initialise"));
    QString code;
    for (int i = 0; i < 16; ++i) {
        if (i && i % 4 == 0)
            code += QLatin1Char('-');
        code += QLatin1Char(Alphabet[randombytes_uniform(sizeof Alphabet - 1)]);
    }
    auto q = exec(QStringLiteral("INSERT INTO enrol_codes (code_hash, role, created_at, "
                                 "expires_at) VALUES (?, ?, ?, ?)"),
                  {codeHash(code), role, nowMs, expiresAtMs});
    if (!q)
        return q.error();
    return code;
}

Result<EnrolStatus> ServerDatabase::enrol(DeviceRow &device, const QString &code, qint64 nowMs) {
    Transaction tx(*this);
    if (auto r = tx.begin(); !r)
        return r.error();
    const QString hash = codeHash(code);
    auto c = exec(QStringLiteral("SELECT role, expires_at, used_by FROM enrol_codes "
                                 "WHERE code_hash = ?"),
                  {hash});
    if (!c)
        return c.error();
    if (!c->next())
        return EnrolStatus::BadCode;
    const QString role = c->value(0).toString();
    const qint64 expiresAt = c->value(1).toLongLong();
    const QString usedBy = c->value(2).toString();
    c->finish();
    if (!usedBy.isEmpty()) {
        // A repeated enrolment (the answer was lost) answers the same.
        if (usedBy != device.id)
            return EnrolStatus::BadCode;
        auto existing = this->device(device.id);
        if (!existing)
            return existing.error();
        if (!*existing || (*existing)->signKey != device.signKey ||
            (*existing)->boxKey != device.boxKey)
            return EnrolStatus::BadCode;
        device.role = (*existing)->role;
        return EnrolStatus::Enrolled;
    }
    if (expiresAt < nowMs)
        return EnrolStatus::BadCode;
    // Claim the code first: a concurrent claim waits on the row and then finds it used.
    auto claim = exec(QStringLiteral("UPDATE enrol_codes SET used_by = ?, used_at = ? "
                                     "WHERE code_hash = ? AND used_by IS NULL"),
                      {device.id, nowMs, hash});
    if (!claim)
        return claim.error();
    if (claim->numRowsAffected() != 1)
        return EnrolStatus::BadCode;
    auto existing = this->device(device.id);
    if (!existing)
        return existing.error();
    if (*existing)
        return EnrolStatus::DeviceTaken;
    device.role = role;
    device.enrolledAt = nowMs;
    auto ins = exec(QStringLiteral("INSERT INTO devices (%1) VALUES (?, ?, ?, ?, ?, 0, ?)")
                        .arg(QLatin1String(DeviceColumns)),
                    {device.id, device.signKey, device.boxKey, device.role, device.name, nowMs});
    if (!ins)
        return ins.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return EnrolStatus::Enrolled;
}

Result<bool> ServerDatabase::useNonce(const QString &device, const QString &nonce, qint64 nowMs) {
    auto q = exec(QStringLiteral("INSERT INTO nonces (device, nonce, seen_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT DO NOTHING"),
                  {device, nonce, nowMs});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Result<void> ServerDatabase::pruneNonces(qint64 olderThanMs) {
    auto q = exec(QStringLiteral("DELETE FROM nonces WHERE seen_at < ?"), {olderThanMs});
    if (!q)
        return q.error();
    return {};
}

// ---- campaigns -------------------------------------------------------------------------------

Result<QStringList> ServerDatabase::campaignsOf(const QString &device) {
    auto q = exec(QStringLiteral("SELECT campaign_id FROM members WHERE device_id = ?"), {device});
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out.append(q->value(0).toString());
    return out;
}

Result<bool> ServerDatabase::isMember(const QString &campaign, const QString &device) {
    auto q = exec(QStringLiteral("SELECT 1 FROM members WHERE campaign_id = ? AND device_id = ?"),
                  {campaign, device});
    if (!q)
        return q.error();
    return q->next();
}

Result<GrantStatus> ServerDatabase::grant(const QString &campaign, const QString &office,
                                          const QStringList &members,
                                          const QList<Envelope> &envelopes, qint64 nowMs,
                                          QString *why) {
    Transaction tx(*this);
    if (auto r = tx.begin(); !r)
        return r.error();
    auto existing = exec(QStringLiteral("SELECT 1 FROM campaigns WHERE id = ?"), {campaign});
    if (!existing)
        return existing.error();
    if (existing->next()) {
        existing->finish();
        // Only a member may change a campaign: another office cannot take it over.
        auto member = isMember(campaign, office);
        if (!member)
            return member.error();
        if (!*member)
            return GrantStatus::NotMember;
    } else {
        existing->finish();
        auto ins = exec(QStringLiteral("INSERT INTO campaigns (id, created_by, created_at) "
                                       "VALUES (?, ?, ?)"),
                        {campaign, office, nowMs});
        if (!ins)
            return ins.error();
    }
    // Members: the listed devices, every device an envelope is sealed to, and the office.
    QStringList all{office};
    for (const QString &m : members) {
        if (!all.contains(m))
            all.append(m);
    }
    for (const Envelope &e : envelopes) {
        if (e.campaignId != campaign) {
            *why = QStringLiteral("an envelope names another campaign");
            return GrantStatus::Malformed;
        }
        if (!all.contains(e.device))
            all.append(e.device);
    }
    QVariantList ids;
    for (const QString &m : all)
        ids.append(m);
    QSet<QString> known;
    auto lookup = forChunks(ids, [&](const QString &ph, const QVariantList &chunk) -> Result<void> {
        auto q = exec(QStringLiteral("SELECT id FROM devices WHERE id IN (%1)").arg(ph), chunk);
        if (!q)
            return q.error();
        while (q->next())
            known.insert(q->value(0).toString());
        return {};
    });
    if (!lookup)
        return lookup.error();
    for (const QString &m : all) {
        if (!known.contains(m)) {
            *why = QStringLiteral("device %1 is not enrolled").arg(m);
            return GrantStatus::UnknownDevice;
        }
    }
    QList<QVariantList> memberRows;
    for (const QString &m : all)
        memberRows.append({campaign, m});
    if (auto r = insertRows(QStringLiteral("members"),
                            {QStringLiteral("campaign_id"), QStringLiteral("device_id")},
                            memberRows, QStringLiteral("ON CONFLICT DO NOTHING"));
        !r)
        return r.error();
    QList<QVariantList> envelopeRows;
    for (const Envelope &e : envelopes)
        envelopeRows.append({campaign, e.device, e.sealed});
    // A new envelope for the same member replaces the old one (a re-sent or re-keyed grant).
    if (auto r = insertRows(
            QStringLiteral("envelopes"),
            {QStringLiteral("campaign_id"), QStringLiteral("device_id"), QStringLiteral("sealed")},
            envelopeRows,
            QStringLiteral("ON CONFLICT (campaign_id, device_id) DO UPDATE SET "
                           "sealed = excluded.sealed"));
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return GrantStatus::Granted;
}

Result<QList<ServerDatabase::Envelope>> ServerDatabase::envelopesFor(const QString &device) {
    auto q = exec(QStringLiteral("SELECT campaign_id, device_id, sealed FROM envelopes "
                                 "WHERE device_id = ? ORDER BY campaign_id"),
                  {device});
    if (!q)
        return q.error();
    QList<Envelope> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toByteArray()});
    return out;
}

Result<bool> ServerDatabase::addMember(const QString &campaign, const QString &device,
                                       qint64 nowMs) {
    auto d = this->device(device);
    if (!d)
        return d.error();
    if (!*d)
        return false;
    Transaction tx(*this);
    if (auto r = tx.begin(); !r)
        return r.error();
    if (auto q = exec(QStringLiteral("INSERT INTO campaigns (id, created_by, created_at) "
                                     "VALUES (?, NULL, ?) ON CONFLICT DO NOTHING"),
                      {campaign, nowMs});
        !q)
        return q.error();
    if (auto q = exec(QStringLiteral("INSERT INTO members (campaign_id, device_id) VALUES (?, ?) "
                                     "ON CONFLICT DO NOTHING"),
                      {campaign, device});
        !q)
        return q.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return true;
}

// ---- blobs -------------------------------------------------------------------------------------

Result<void> ServerDatabase::insertUpload(const UploadRow &u) {
    auto q = exec(QStringLiteral("INSERT INTO uploads (id, content_id, campaign_id, length, "
                                 "upload_offset, complete, created_by, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                  {u.id, u.contentId, u.campaignId, u.length, u.offset, u.complete ? 1 : 0,
                   u.createdBy, u.createdAt});
    if (!q)
        return q.error();
    return {};
}

Result<std::optional<UploadRow>> ServerDatabase::upload(const QString &id) {
    auto q = exec(QStringLiteral("SELECT id, content_id, campaign_id, created_by, length, "
                                 "upload_offset, complete, created_at FROM uploads WHERE id = ?"),
                  {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<UploadRow>();
    UploadRow u;
    u.id = q->value(0).toString();
    u.contentId = q->value(1).toString();
    u.campaignId = q->value(2).toString();
    u.createdBy = q->value(3).toString();
    u.length = q->value(4).toLongLong();
    u.offset = q->value(5).toLongLong();
    u.complete = q->value(6).toInt() != 0;
    u.createdAt = q->value(7).toLongLong();
    return std::optional<UploadRow>(u);
}

Result<bool> ServerDatabase::advanceUpload(const QString &id, qint64 from, qint64 to) {
    auto q = exec(QStringLiteral("UPDATE uploads SET upload_offset = ? "
                                 "WHERE id = ? AND upload_offset = ? AND complete = 0"),
                  {to, id, from});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Result<void> ServerDatabase::completeUpload(const UploadRow &u, qint64 nowMs) {
    Transaction tx(*this);
    if (auto r = tx.begin(); !r)
        return r;
    if (auto q = exec(QStringLiteral("UPDATE uploads SET upload_offset = length, complete = 1 "
                                     "WHERE id = ?"),
                      {u.id});
        !q)
        return q.error();
    if (auto q = exec(QStringLiteral("INSERT INTO blobs (content_id, campaign_id, length, "
                                     "created_by, created_at) VALUES (?, ?, ?, ?, ?) "
                                     "ON CONFLICT DO NOTHING"),
                      {u.contentId, u.campaignId, u.length, u.createdBy, nowMs});
        !q)
        return q.error();
    return tx.commit();
}

Result<void> ServerDatabase::deleteUpload(const QString &id) {
    auto q = exec(QStringLiteral("DELETE FROM uploads WHERE id = ?"), {id});
    if (!q)
        return q.error();
    return {};
}

Result<QStringList> ServerDatabase::staleUploads(qint64 olderThanMs) {
    auto q = exec(QStringLiteral("SELECT id FROM uploads WHERE complete = 0 AND created_at < ?"),
                  {olderThanMs});
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out.append(q->value(0).toString());
    return out;
}

Result<std::optional<qint64>> ServerDatabase::blobLengthFor(const QString &contentId,
                                                            const QString &device) {
    auto q = exec(QStringLiteral("SELECT b.length FROM blobs b JOIN members m "
                                 "ON m.campaign_id = b.campaign_id "
                                 "WHERE b.content_id = ? AND m.device_id = ?"),
                  {contentId, device});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<qint64>();
    return std::optional<qint64>(q->value(0).toLongLong());
}

Result<bool> ServerDatabase::blobExists(const QString &contentId) {
    auto q = exec(QStringLiteral("SELECT 1 FROM blobs WHERE content_id = ?"), {contentId});
    if (!q)
        return q.error();
    return q->next();
}

// ---- stats
// ---------------------------------------------------------------------------------------

Result<Stats> ServerDatabase::stats() {
    auto q = exec(
        QStringLiteral("SELECT (SELECT COUNT(*) FROM devices),"
                       " (SELECT COUNT(*) FROM devices WHERE revoked <> 0),"
                       " (SELECT COUNT(*) FROM campaigns),"
                       " (SELECT COUNT(*) FROM changes),"
                       " (SELECT CAST(COALESCE(SUM(LENGTH(fields)), 0) AS BIGINT) FROM changes),"
                       " (SELECT COUNT(DISTINCT content_id) FROM blobs),"
                       " (SELECT CAST(COALESCE(SUM(l), 0) AS BIGINT) FROM"
                       "   (SELECT MAX(length) AS l FROM blobs GROUP BY content_id) AS b)"));
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::Io, QStringLiteral("no statistics"));
    Stats s;
    s.devices = q->value(0).toLongLong();
    s.revokedDevices = q->value(1).toLongLong();
    s.campaigns = q->value(2).toLongLong();
    s.changes = q->value(3).toLongLong();
    s.changeBytes = q->value(4).toLongLong();
    s.blobs = q->value(5).toLongLong();
    s.blobBytes = q->value(6).toLongLong();
    return s;
}

} // namespace fl::server
