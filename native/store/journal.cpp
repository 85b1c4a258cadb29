#include "store/storeinternal.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fl {

using namespace storeinternal;

// ---- Store: the audit trail ------------------------------------------------------------------

Result<QList<JournalEntry>> Store::journal(const QString &recordId, int limit) const {
    auto st = recordId.isEmpty()
                  ? m_db.prepare("SELECT seq, local, " FL_JOURNAL_CHANGE_COLUMNS
                                 " FROM journal ORDER BY seq DESC LIMIT ?1")
                  : m_db.prepare("SELECT seq, local, " FL_JOURNAL_CHANGE_COLUMNS
                                 " FROM journal WHERE record_id = ?2 ORDER BY seq DESC LIMIT ?1");
    if (!st)
        return st.error();
    st->bind(1, qint64(limit));
    if (!recordId.isEmpty())
        st->bind(2, recordId);
    QList<JournalEntry> out;
    while (st->step() == SQLITE_ROW) {
        JournalEntry e;
        e.seq = st->int64(0);
        e.local = st->int64(1) != 0;
        e.change = changeSetFromRow(*st, 2);
        auto key = campaignKey(e.change.campaignId);
        if (!key)
            return key.error();
        for (const FieldChange &f : std::as_const(e.change.fields)) {
            auto v = decryptValue(**key, e.change.recordType, e.change.recordId, f.field,
                                  e.change.hlc, f.value);
            if (!v)
                return v.error();
            e.values.insert(f.field, *v);
        }
        out.append(std::move(e));
    }
    return out;
}

// ---- Store: sync bookkeeping -----------------------------------------------------------------

Result<QList<ChangeSet>> Store::pending(int limit) const {
    auto st = m_db.prepare("SELECT " FL_JOURNAL_CHANGE_COLUMNS " FROM journal "
                           "WHERE local = 1 AND server_seq IS NULL ORDER BY seq LIMIT ?");
    if (!st)
        return st.error();
    st->bind(1, qint64(limit));
    QList<ChangeSet> out;
    while (st->step() == SQLITE_ROW)
        out.append(changeSetFromRow(*st, 0));
    return out;
}

Result<bool> Store::hasChangeSet(const QByteArray &changeId) const {
    auto st = m_db.prepare("SELECT 1 FROM journal WHERE change_id = ?");
    if (!st)
        return st.error();
    const int rc = st->bindBlob(1, changeId).step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return m_db.lastError(rc, QStringLiteral("look up a change set"));
    return rc == SQLITE_ROW;
}

Result<QList<ChangeSet>> Store::changeSets(const QString &campaignId) const {
    auto st = m_db.prepare("SELECT " FL_JOURNAL_CHANGE_COLUMNS
                           " FROM journal WHERE campaign_id = ? ORDER BY seq");
    if (!st)
        return st.error();
    st->bind(1, campaignId);
    QList<ChangeSet> out;
    int rc = SQLITE_ROW;
    while ((rc = st->step()) == SQLITE_ROW)
        out.append(changeSetFromRow(*st, 0));
    if (rc != SQLITE_DONE)
        return m_db.lastError(rc, QStringLiteral("read the journal of a campaign"));
    return out;
}

Result<int> Store::pendingCount() const {
    auto st = m_db.prepare("SELECT count(*) FROM journal WHERE local = 1 AND server_seq IS NULL");
    if (!st)
        return st.error();
    if (const int rc = st->step(); rc != SQLITE_ROW)
        return m_db.lastError(rc, QStringLiteral("count pending changes"));
    return int(st->int64(0));
}

Result<QHash<QString, int>> Store::pendingUnder(const QSet<QString> &ids) const {
    if (ids.isEmpty())
        return QHash<QString, int>{};
    // Each change counted once per ancestor generation: by its record, its parent and its
    // parent's parent (the records table holds the parents' own parents). The ids go in as one
    // JSON array; the outbox is read from its partial indexes only (schema 2), and the
    // grandparents are looked up once per pending parent, not once per change.
    auto st = m_db.prepare(
        "SELECT record_id, count(*) FROM journal WHERE local = 1 AND server_seq IS NULL "
        "AND record_id IN (SELECT value FROM json_each(?1)) GROUP BY record_id "
        "UNION ALL SELECT parent_id, count(*) FROM journal "
        "WHERE local = 1 AND server_seq IS NULL AND parent_id IS NOT NULL "
        "AND parent_id IN (SELECT value FROM json_each(?1)) GROUP BY parent_id "
        "UNION ALL SELECT r.parent_id, sum(p.n) FROM ("
        "SELECT parent_id, count(*) AS n FROM journal "
        "WHERE local = 1 AND server_seq IS NULL AND parent_id IS NOT NULL GROUP BY parent_id"
        ") p JOIN records r ON r.id = p.parent_id "
        "WHERE r.parent_id IN (SELECT value FROM json_each(?1)) GROUP BY r.parent_id");
    if (!st)
        return st.error();
    QJsonArray list;
    for (const QString &id : ids)
        list.append(id);
    st->bindText(1, QJsonDocument(list).toJson(QJsonDocument::Compact));
    QHash<QString, int> out;
    int rc = SQLITE_ROW;
    while ((rc = st->step()) == SQLITE_ROW)
        out[st->text(0)] += int(st->int64(1));
    if (rc != SQLITE_DONE)
        return m_db.lastError(rc, QStringLiteral("count pending changes by record"));
    return out;
}

Result<void> Store::markSynced(const QList<QPair<QByteArray, qint64>> &confirmed) {
    Transaction tx(m_db);
    if (!tx.began())
        return tx.began().error();
    for (const auto &[id, seq] : confirmed) {
        auto st = m_db.prepare("UPDATE journal SET server_seq = ? WHERE change_id = ?");
        if (!st)
            return st.error();
        if (const int rc = st->bind(1, seq).bindBlob(2, id).step(); rc != SQLITE_DONE)
            return stepError(m_db, rc);
    }
    return tx.commit();
}

} // namespace fl
