#include "store/schema.h"

#include "store/database.h"

#include <QStringLiteral>

#include <iterator>

namespace fl::schema {
namespace {

// Each entry takes the schema from version i to i + 1. Append only; never edit a shipped one.
const char *const Migrations[] = {
    // 1: records with their current field values, the journal, conflicts.
    R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE campaign_keys (
    campaign_id TEXT PRIMARY KEY,
    wrapped BLOB NOT NULL
) WITHOUT ROWID;
-- The current state of each record: state is a CBOR map field -> [change id, clock,
-- ciphertext] holding the winning value of every field.
CREATE TABLE records (
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    parent_id TEXT,
    created_hlc INTEGER NOT NULL,
    updated_hlc INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    state BLOB NOT NULL
);
CREATE INDEX records_by_campaign ON records (type, campaign_id, deleted, created_hlc);
CREATE INDEX records_by_parent ON records (parent_id, type, deleted, created_hlc);
-- The journal: every change set ever applied here, local or pulled, in arrival order.
-- It is the outbox (local rows without server_seq) and the audit trail.
CREATE TABLE journal (
    seq INTEGER PRIMARY KEY,
    change_id BLOB NOT NULL UNIQUE,
    record_id TEXT NOT NULL,
    record_type TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    parent_id TEXT,
    hlc INTEGER NOT NULL,
    device BLOB NOT NULL,
    fields BLOB NOT NULL,
    local INTEGER NOT NULL,
    server_seq INTEGER
);
CREATE INDEX journal_pending ON journal (seq) WHERE local = 1 AND server_seq IS NULL;
CREATE INDEX journal_by_record ON journal (record_id);
-- Concurrent values of a field that lost last-writer-wins: kept until a person resolves them.
CREATE TABLE conflicts (
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    change_id BLOB NOT NULL,
    hlc INTEGER NOT NULL,
    device BLOB NOT NULL,
    value BLOB NOT NULL,
    PRIMARY KEY (record_id, field, change_id)
) WITHOUT ROWID;
-- Values already replaced by a change that arrived before them (sync may reorder).
CREATE TABLE superseded (
    change_id BLOB NOT NULL,
    field TEXT NOT NULL,
    PRIMARY KEY (change_id, field)
) WITHOUT ROWID;
)sql",
    // 2: the outbox counted per record and per parent (Store::pendingUnder, the visits page's
    // badges) from small indexes alone, not from the journal's rows with their ciphertext.
    R"sql(
CREATE INDEX journal_pending_by_record ON journal (record_id, parent_id)
    WHERE local = 1 AND server_seq IS NULL;
CREATE INDEX journal_pending_by_parent ON journal (parent_id)
    WHERE local = 1 AND server_seq IS NULL AND parent_id IS NOT NULL;
)sql",
    // 3: the clock restarts from the clocks really issued (the journal) and the highest one seen
    // from others (kept exactly), no longer from a ceiling leased 10 s ahead of the last write:
    // every short-lived process moved that ceiling further ahead, until the server refused the
    // device's changes as from the future. A store of an earlier release starts from its journal.
    R"sql(
INSERT OR REPLACE INTO meta (key, value)
    SELECT 'clock_observed', coalesce(max(hlc), 0) FROM journal;
DELETE FROM meta WHERE key = 'clock_ceiling_ms';
)sql",
    // 4: provenance. Each change set carries its author's place in the author's chain for the
    // campaign and the author's signature (sealed at push for this device's own; verified
    // before the merge for everyone else's). The signers are the devices' public signing keys,
    // pinned the first time they are learnt: a key that later changes is refused.
    R"sql(
ALTER TABLE journal ADD COLUMN chain_index INTEGER;
ALTER TABLE journal ADD COLUMN chain_prev BLOB;
ALTER TABLE journal ADD COLUMN signature BLOB;
CREATE INDEX journal_chain ON journal (device, campaign_id, chain_index)
    WHERE chain_index IS NOT NULL;
CREATE TABLE signers (
    device BLOB PRIMARY KEY,
    signing_key BLOB NOT NULL
) WITHOUT ROWID;
)sql",
};

Result<int> pragmaInt(Database &db, const char *sql) {
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    const int rc = st->step();
    if (rc != SQLITE_ROW)
        return db.lastError(rc, QStringLiteral("read the database header"));
    return int(st->int64(0));
}

} // namespace

int latestVersion() {
    return int(std::size(Migrations));
}

Result<void> verifyOwnership(Database &db) {
    auto appId = pragmaInt(db, "PRAGMA application_id");
    if (!appId)
        return appId.error();
    auto version = pragmaInt(db, "PRAGMA user_version");
    if (!version)
        return version.error();
    auto tables = pragmaInt(db, "SELECT count(*) FROM sqlite_schema");
    if (!tables)
        return tables.error();

    if (*appId != ApplicationId && (*appId != 0 || *tables != 0)) {
        return makeError(ErrorCode::ForeignFile,
                         QStringLiteral("This SQLite file belongs to another application, not "
                                        "FieldLedger. It was left untouched."));
    }
    if (*version > latestVersion()) {
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("This database was written by a newer FieldLedger "
                                        "(schema %1; this build knows %2). Update the app.")
                             .arg(*version)
                             .arg(latestVersion()));
    }
    return {};
}

Result<void> migrate(Database &db) {
    if (auto r = verifyOwnership(db); !r)
        return r;
    auto version = pragmaInt(db, "PRAGMA user_version");
    if (!version)
        return version.error();
    for (int v = *version; v < latestVersion(); ++v) {
        Transaction tx(db);
        if (!tx.began())
            return tx.began().error();
        if (auto r = db.exec(Migrations[v]); !r)
            return r;
        const QByteArray bump = "PRAGMA application_id=" + QByteArray::number(ApplicationId) +
                                "; PRAGMA user_version=" + QByteArray::number(v + 1) + ";";
        if (auto r = db.exec(bump.constData()); !r)
            return r;
        if (auto r = tx.commit(); !r)
            return r;
    }
    return {};
}

} // namespace fl::schema
