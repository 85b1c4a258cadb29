// Concurrent values of one field: the merge (merge.h) keeps the losers of last-writer-wins in the
// conflicts table; here they are stored, listed and settled by a person's choice.

#include "store/storeinternal.h"

#include "vault/recordcipher.h"

#include <sodium.h>

namespace fl {

using namespace storeinternal;

// ---- keeping them, during a full merge -------------------------------------------------------

Result<void> Store::loadConflictHeads(const QString &recordId, const QString &field,
                                      QList<merge::Head> &heads) {
    auto losers = m_db.prepare("SELECT change_id, hlc, value FROM conflicts "
                               "WHERE record_id = ? AND field = ?");
    if (!losers)
        return losers.error();
    losers->bind(1, recordId).bind(2, field);
    while (losers->step() == SQLITE_ROW)
        heads.append({losers->blob(0), Hlc(losers->int64(1)), losers->blob(2)});
    return {};
}

Result<void> Store::keepConflicts(const QString &recordId, const QString &field,
                                  const QList<merge::Head> &heads, int winner) {
    auto clear = m_db.prepare("DELETE FROM conflicts WHERE record_id = ? AND field = ?");
    if (!clear)
        return clear.error();
    if (const int rc = clear->bind(1, recordId).bind(2, field).step(); rc != SQLITE_DONE)
        return stepError(m_db, rc);
    for (int i = 0; i < heads.size(); ++i) {
        if (i == winner)
            continue;
        auto add = m_db.prepare("INSERT INTO conflicts (record_id, field, change_id, hlc, "
                                "device, value) VALUES (?, ?, ?, ?, ?, ?)");
        if (!add)
            return add.error();
        add->bind(1, recordId)
            .bind(2, field)
            .bindBlob(3, heads[i].changeId)
            .bind(4, qint64(heads[i].hlc))
            .bindBlob(5, heads[i].changeId.left(DeviceIdSize))
            .bindBlob(6, heads[i].value);
        if (const int rc = add->step(); rc != SQLITE_DONE)
            return stepError(m_db, rc);
    }
    return {};
}

// ---- listing ---------------------------------------------------------------------------------

Result<QList<Conflict>> Store::conflicts() const {
    auto st = m_db.prepare("SELECT c.record_id, c.field, c.change_id, c.hlc, c.value "
                           "FROM conflicts c ORDER BY c.record_id, c.field, c.hlc");
    if (!st)
        return st.error();
    QList<Conflict> out;
    while (st->step() == SQLITE_ROW) {
        auto row = loadRow(st->text(0));
        if (!row)
            return row.error();
        if (!row->has_value())
            continue;
        const Stored &s = **row;
        auto key = campaignKey(s.campaignId);
        if (!key)
            return key.error();
        Conflict c;
        c.recordId = s.id;
        c.recordType = s.type;
        c.field = st->text(1);
        c.otherOrigin = FieldOrigin{st->blob(2), Hlc(st->int64(3))};
        auto other = decryptValue(**key, s.type, s.id, c.field, c.otherOrigin.hlc, st->blob(4));
        if (!other)
            return other.error();
        c.other = *other;
        const merge::Head h = headFromState(s.state.value(c.field));
        c.currentOrigin = FieldOrigin{h.changeId, h.hlc};
        auto current = decryptValue(**key, s.type, s.id, c.field, h.hlc, h.value);
        if (!current)
            return current.error();
        c.current = *current;
        out.append(std::move(c));
    }
    return out;
}

// ---- settling --------------------------------------------------------------------------------

Result<void> Store::resolveConflict(const QString &recordId, const QString &field,
                                    const QCborValue &chosen) {
    return write([&](Writer &w) -> Result<void> {
        auto loaded = loadRow(recordId);
        if (!loaded)
            return loaded.error();
        if (!loaded->has_value())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("No record with id %1.").arg(recordId));
        Stored row = std::move(**loaded);
        auto key = campaignKey(row.campaignId);
        if (!key)
            return key.error();
        ChangeSet cs = newLocalChangeSet(row);
        FieldChange fc;
        fc.field = field;
        QByteArray plain = cbor::encode(chosen);
        fc.value =
            recordcipher::encrypt(**key, plain,
                                  recordcipher::associatedData(row.type.toUtf8(), row.id.toUtf8(),
                                                               field.toUtf8(), cs.hlc));
        sodium_memzero(plain.data(), size_t(plain.size()));
        // The resolution replaces every concurrent value: its prev names all heads.
        auto heads = fieldHeads(row, field);
        if (!heads)
            return heads.error();
        fc.prev = std::move(*heads);
        if (fc.prev.size() < 2)
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no conflict on that field."));
        cs.fields.append(std::move(fc));

        // Apply with the full merge so the conflict rows are settled; journal it as local.
        std::optional<Stored> opt(std::move(row));
        if (auto r = applyChangeSet(cs, true, true, &opt); !r)
            return r;
        w.m_touched[cs.recordType].append(cs.recordId);
        return Result<void>{};
    });
}

Result<QList<QByteArray>> Store::fieldHeads(const Stored &row, const QString &field) {
    QList<QByteArray> ids;
    const QCborValue current = row.state.value(field);
    if (!current.isUndefined())
        ids.append(current.toArray().at(0).toByteArray());
    auto losers = m_db.prepare("SELECT change_id FROM conflicts WHERE record_id = ? AND "
                               "field = ?");
    if (!losers)
        return losers.error();
    losers->bind(1, row.id).bind(2, field);
    while (losers->step() == SQLITE_ROW)
        ids.append(losers->blob(0));
    return ids;
}

} // namespace fl
