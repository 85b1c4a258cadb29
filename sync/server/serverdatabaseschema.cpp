// ServerDatabase: the schema, as versioned migrations applied at start-up.
#include "sync/server/serverdatabase.h"

#include <QDateTime>

namespace fl::server {

namespace {

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
    // Provenance: each change set's place in its author's chain for the campaign, the author's
    // signature, and its canonical digest (the next one's chain_prev). NULL on change sets
    // stored before signing existed.
    {2, R"(
ALTER TABLE changes ADD COLUMN chain_index BIGINT;
ALTER TABLE changes ADD COLUMN chain_prev {BLOB};
ALTER TABLE changes ADD COLUMN signature {BLOB};
ALTER TABLE changes ADD COLUMN digest {BLOB};
CREATE INDEX changes_by_chain ON changes (device, campaign_id, chain_index))"},
};

} // namespace

int ServerDatabase::latestSchemaVersion() {
    return std::end(Migrations)[-1].version;
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

} // namespace fl::server
