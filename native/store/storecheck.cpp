#include "store/storeinternal.h"

#include <QHash>
#include <QSet>

namespace fl {

using namespace storeinternal;

namespace {

/// A record as the journal alone says it should be.
struct Replayed {
    QString type, campaignId, parentId;
    Hlc created = ~Hlc(0), updated = 0;
    QHash<QString, QList<merge::Head>> heads;
};

Result<QString> integrityOf(Database &db) {
    auto st = db.prepare("PRAGMA integrity_check");
    if (!st)
        return st.error();
    QStringList lines;
    int rc;
    while ((rc = st->step()) == SQLITE_ROW)
        lines.append(st->text(0));
    if (rc != SQLITE_DONE)
        return db.lastError(rc, QStringLiteral("check the database"));
    return lines.join(QLatin1Char('\n'));
}

/// Replays the journal in arrival order with the same merge as the writes.
Result<QHash<QString, Replayed>> replayJournal(Database &db, int &changeSets) {
    QHash<QString, Replayed> model;
    QSet<QByteArray> known;
    QSet<QPair<QByteArray, QString>> superseded;
    auto st = db.prepare("SELECT " FL_JOURNAL_CHANGE_COLUMNS " FROM journal ORDER BY seq");
    if (!st)
        return st.error();
    while (st->step() == SQLITE_ROW) {
        const ChangeSet cs = changeSetFromRow(*st, 0);
        ++changeSets;
        known.insert(cs.id);
        Replayed &rec = model[cs.recordId];
        rec.type = cs.recordType;
        rec.campaignId = cs.campaignId;
        rec.parentId = cs.parentId;
        rec.created = std::min(rec.created, cs.hlc);
        rec.updated = std::max(rec.updated, cs.hlc);
        for (const FieldChange &f : cs.fields) {
            QList<merge::Head> &heads = rec.heads[f.field];
            const bool sup = superseded.remove({cs.id, f.field});
            for (const QByteArray &p :
                 merge::apply(heads, merge::Head{cs.id, cs.hlc, f.value}, f.prev, sup)) {
                if (!known.contains(p))
                    superseded.insert({p, f.field});
            }
        }
    }
    return model;
}

/// Compares a stored record's fields and kept conflicts with the replayed heads.
Result<void> compareFields(Database &db, const QString &id, const QCborMap &state,
                           const Replayed &rec, QStringList &mismatches) {
    for (auto h = rec.heads.cbegin(); h != rec.heads.cend(); ++h) {
        const int w = merge::winner(h.value());
        const QCborValue stored = state.value(h.key());
        if (w < 0 || stored.isUndefined() ||
            headFromState(stored).changeId != h.value()[w].changeId ||
            headFromState(stored).value != h.value()[w].value) {
            mismatches.append(
                QStringLiteral("record %1 field %2 differs from the journal").arg(id, h.key()));
            continue;
        }
        QSet<QByteArray> expected;
        for (int i = 0; i < h.value().size(); ++i) {
            if (i != w)
                expected.insert(h.value()[i].changeId);
        }
        QSet<QByteArray> actual;
        auto c = db.prepare("SELECT change_id FROM conflicts WHERE record_id = ? AND field = ?");
        if (!c)
            return c.error();
        c->bind(1, id).bind(2, h.key());
        while (c->step() == SQLITE_ROW)
            actual.insert(c->blob(0));
        if (expected != actual)
            mismatches.append(
                QStringLiteral("record %1 field %2 conflicts differ").arg(id, h.key()));
    }
    return {};
}

} // namespace

// ---- Store: checking -------------------------------------------------------------------------

Result<CheckReport> Store::check() const {
    CheckReport report;
    auto integrity = integrityOf(m_db);
    if (!integrity)
        return integrity.error();
    report.integrity = *integrity;

    // Replay the journal in arrival order with the same merge, then compare with the tables.
    auto model = replayJournal(m_db, report.changeSets);
    if (!model)
        return model.error();
    auto rows = m_db.prepare("SELECT id, type, campaign_id, parent_id, created_hlc, updated_hlc, "
                             "state FROM records");
    if (!rows)
        return rows.error();
    QSet<QString> seen;
    while (rows->step() == SQLITE_ROW) {
        ++report.records;
        const QString id = rows->text(0);
        seen.insert(id);
        const auto it = model->constFind(id);
        if (it == model->cend()) {
            report.mismatches.append(QStringLiteral("record %1 has no journal entries").arg(id));
            continue;
        }
        if (rows->text(1) != it->type || rows->text(2) != it->campaignId ||
            rows->text(3) != it->parentId || Hlc(rows->int64(4)) != it->created ||
            Hlc(rows->int64(5)) != it->updated)
            report.mismatches.append(QStringLiteral("record %1 metadata differs").arg(id));
        const QCborMap state = QCborValue::fromCbor(rows->blob(6)).toMap();
        if (state.size() != it->heads.size())
            report.mismatches.append(QStringLiteral("record %1 field count differs").arg(id));
        if (auto r = compareFields(m_db, id, state, *it, report.mismatches); !r)
            return r.error();
    }
    for (auto it = model->cbegin(); it != model->cend(); ++it) {
        if (!seen.contains(it.key()))
            report.mismatches.append(
                QStringLiteral("record %1 is in the journal but not stored").arg(it.key()));
    }
    return report;
}

} // namespace fl
