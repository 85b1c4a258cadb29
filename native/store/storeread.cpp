#include "store/storeinternal.h"

#include "vault/recordcipher.h"

#include <sodium.h>

namespace fl {

using namespace storeinternal;

Result<std::optional<Store::Stored>> Store::loadRow(const QString &id) const {
    auto st = m_db.prepare("SELECT rowid, type, campaign_id, parent_id, created_hlc, updated_hlc, "
                           "deleted, state FROM records WHERE id = ?");
    if (!st)
        return st.error();
    const int rc = st->bind(1, id).step();
    if (rc == SQLITE_DONE)
        return std::optional<Stored>();
    if (rc != SQLITE_ROW)
        return m_db.lastError(rc, QStringLiteral("read a record"));
    Stored s;
    s.rowid = st->int64(0);
    s.id = id;
    s.type = st->text(1);
    s.campaignId = st->text(2);
    s.parentId = st->text(3);
    s.created = Hlc(st->int64(4));
    s.updated = Hlc(st->int64(5));
    s.deleted = st->int64(6) != 0;
    s.state = QCborValue::fromCbor(st->blob(7)).toMap();
    return std::optional<Stored>(std::move(s));
}

Result<QCborValue> Store::decryptValue(const SecretKey &key, const QString &type, const QString &id,
                                       const QString &field, Hlc clock, QByteArrayView ct) const {
    auto plain = recordcipher::decrypt(
        key, ct, recordcipher::associatedData(type.toUtf8(), id.toUtf8(), field.toUtf8(), clock));
    if (!plain) {
        return makeError(ErrorCode::Integrity,
                         QStringLiteral("The value of field '%1' of %2 %3 failed its integrity "
                                        "check: it was altered or moved. Sync to restore it.")
                             .arg(field, type, id));
    }
    QCborValue v = QCborValue::fromCbor(*plain);
    sodium_memzero(plain->data(), size_t(plain->size()));
    return v;
}

Result<Record> Store::decryptRow(const Stored &row, const QStringList &onlyFields) const {
    auto key = campaignKey(row.campaignId);
    if (!key)
        return key.error();
    Record rec;
    rec.id = row.id;
    rec.type = row.type;
    rec.campaignId = row.campaignId;
    rec.parentId = row.parentId;
    rec.createdHlc = row.created;
    rec.updatedHlc = row.updated;
    rec.deleted = row.deleted;
    for (auto it = row.state.constBegin(); it != row.state.constEnd(); ++it) {
        const QString field = it.key().toString();
        if (!onlyFields.isEmpty() && !onlyFields.contains(field))
            continue;
        const merge::Head h = headFromState(it.value());
        auto v = decryptValue(**key, row.type, row.id, field, h.hlc, h.value);
        if (!v)
            return v.error();
        if (field != QLatin1String(storefield::Deleted))
            rec.fields.insert(field, *v);
        rec.origins.insert(field, FieldOrigin{h.changeId, h.hlc});
    }
    return rec;
}

Result<void> Store::read(const std::function<Result<void>()> &body) const {
    if (auto r = m_db.exec("BEGIN"); !r)
        return r;
    Result<void> result = body();
    // Nothing was written: ending the transaction cannot lose anything.
    (void)m_db.exec(result ? "COMMIT" : "ROLLBACK");
    return result;
}

Result<Record> Store::get(const QString &id) const {
    auto row = loadRow(id);
    if (!row)
        return row.error();
    if (!row->has_value())
        return makeError(ErrorCode::NotFound, QStringLiteral("No record with id %1.").arg(id));
    return decryptRow(**row);
}

namespace {
// One statement per filter shape, each served by an index in creation order.
constexpr const char *ListSql[2][3] = {
    {
        "SELECT rowid, id, type, campaign_id, parent_id, created_hlc, updated_hlc, deleted, state "
        "FROM records WHERE type = ?1 AND deleted = 0 "
        "ORDER BY created_hlc, rowid LIMIT ?3 OFFSET ?4",
        "SELECT rowid, id, type, campaign_id, parent_id, created_hlc, updated_hlc, deleted, state "
        "FROM records WHERE type = ?1 AND campaign_id = ?2 AND deleted = 0 "
        "ORDER BY created_hlc, rowid LIMIT ?3 OFFSET ?4",
        "SELECT rowid, id, type, campaign_id, parent_id, created_hlc, updated_hlc, deleted, state "
        "FROM records WHERE parent_id = ?2 AND type = ?1 AND deleted = 0 "
        "ORDER BY created_hlc, rowid LIMIT ?3 OFFSET ?4",
    },
    {
        "SELECT rowid, id, type, campaign_id, parent_id, created_hlc, updated_hlc, deleted, state "
        "FROM records WHERE type = ?1 ORDER BY created_hlc, rowid LIMIT ?3 OFFSET ?4",
        "SELECT rowid, id, type, campaign_id, parent_id, created_hlc, updated_hlc, deleted, state "
        "FROM records WHERE type = ?1 AND campaign_id = ?2 "
        "ORDER BY created_hlc, rowid LIMIT ?3 OFFSET ?4",
        "SELECT rowid, id, type, campaign_id, parent_id, created_hlc, updated_hlc, deleted, state "
        "FROM records WHERE parent_id = ?2 AND type = ?1 "
        "ORDER BY created_hlc, rowid LIMIT ?3 OFFSET ?4",
    },
};
constexpr const char *CountSql[2][3] = {
    {
        "SELECT count(*) FROM records WHERE type = ?1 AND deleted = 0",
        "SELECT count(*) FROM records WHERE type = ?1 AND campaign_id = ?2 AND deleted = 0",
        "SELECT count(*) FROM records WHERE parent_id = ?2 AND type = ?1 AND deleted = 0",
    },
    {
        "SELECT count(*) FROM records WHERE type = ?1",
        "SELECT count(*) FROM records WHERE type = ?1 AND campaign_id = ?2",
        "SELECT count(*) FROM records WHERE parent_id = ?2 AND type = ?1",
    },
};

int shapeOf(const RecordFilter &f) {
    return !f.parentId.isEmpty() ? 2 : !f.campaignId.isEmpty();
}
} // namespace

Result<QList<Record>> Store::list(const QString &type, const RecordFilter &filter, int offset,
                                  int limit) const {
    const int shape = shapeOf(filter);
    auto st = m_db.prepare(ListSql[filter.includeDeleted][shape]);
    if (!st)
        return st.error();
    st->bind(1, type)
        .bind(2, shape == 2 ? filter.parentId : filter.campaignId)
        .bind(3, qint64(limit))
        .bind(4, qint64(offset));
    QList<Record> out;
    int rc;
    while ((rc = st->step()) == SQLITE_ROW) {
        Stored s;
        s.rowid = st->int64(0);
        s.id = st->text(1);
        s.type = st->text(2);
        s.campaignId = st->text(3);
        s.parentId = st->text(4);
        s.created = Hlc(st->int64(5));
        s.updated = Hlc(st->int64(6));
        s.deleted = st->int64(7) != 0;
        if (shape == 2 && !filter.campaignId.isEmpty() && s.campaignId != filter.campaignId)
            continue;
        s.state = QCborValue::fromCbor(st->blob(8)).toMap();
        auto rec = decryptRow(s, filter.onlyFields);
        if (!rec)
            return rec.error();
        out.append(std::move(*rec));
    }
    if (rc != SQLITE_DONE)
        return m_db.lastError(rc, QStringLiteral("list records"));
    return out;
}

Result<int> Store::count(const QString &type, const RecordFilter &filter) const {
    const int shape = shapeOf(filter);
    auto st = m_db.prepare(CountSql[filter.includeDeleted][shape]);
    if (!st)
        return st.error();
    st->bind(1, type).bind(2, shape == 2 ? filter.parentId : filter.campaignId);
    const int rc = st->step();
    if (rc != SQLITE_ROW)
        return m_db.lastError(rc, QStringLiteral("count records"));
    return int(st->int64(0));
}

} // namespace fl
