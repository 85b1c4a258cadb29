#include "store/storeinternal.h"
#include "vault/vault.h"

#include <algorithm>

namespace fl {

using namespace storeinternal;

namespace {

bool wellFormed(const ChangeSet &cs) {
    return cs.id.size() == ChangeIdSize && cs.device == cs.id.left(DeviceIdSize) &&
           !cs.recordId.isEmpty() && !cs.recordType.isEmpty() && !cs.campaignId.isEmpty() &&
           !cs.fields.isEmpty();
}

} // namespace

// ---- Store: applying one change set ----------------------------------------------------------

Result<void> Store::applyChangeSet(const ChangeSet &cs, bool local, bool fullMerge,
                                   std::optional<Stored> *rowIn) {
    // Without fullMerge this is the shortcut for ordinary local writes: such a change is newer
    // than everything this device knows and replaces exactly the current winner of each field.

    if (auto j = journalChangeSet(cs, local); !j)
        return j;

    std::optional<Stored> loaded;
    std::optional<Stored> &row = rowIn ? *rowIn : loaded;
    if (!rowIn) {
        auto r = loadRow(cs.recordId);
        if (!r)
            return r.error();
        loaded = std::move(*r);
    }
    if (!row) {
        row.emplace();
        row->id = cs.recordId;
        row->type = cs.recordType;
        row->campaignId = cs.campaignId;
        row->parentId = cs.parentId;
        row->created = row->updated = cs.hlc;
    }
    Stored &r = *row;
    if (r.rowid == 0) // not in the table yet: this change set is the record's first
        r.created = r.updated = cs.hlc;
    r.created = std::min(r.created, cs.hlc);
    r.updated = std::max(r.updated, cs.hlc);

    bool deletedTouched = false;
    for (const FieldChange &f : cs.fields) {
        if (auto m = mergeField(r, cs, f, fullMerge); !m)
            return m;
        if (f.field == QLatin1String(storefield::Deleted))
            deletedTouched = true;
    }
    if (deletedTouched) {
        if (auto d = refreshDeleted(r); !d)
            return d;
    }
    return saveRow(r);
}

Result<void> Store::journalChangeSet(const ChangeSet &cs, bool local) {
    auto ins =
        m_db.prepare("INSERT INTO journal (change_id, record_id, record_type, campaign_id, "
                     "parent_id, hlc, device, fields, local, server_seq, chain_index, "
                     "chain_prev, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!ins)
        return ins.error();
    ins->bindBlob(1, cs.id)
        .bind(2, cs.recordId)
        .bind(3, cs.recordType)
        .bind(4, cs.campaignId)
        .bind(5, cs.parentId.isEmpty() ? QString() : cs.parentId)
        .bind(6, qint64(cs.hlc))
        .bindBlob(7, cs.device)
        .bindBlob(8, encodeFields(cs.fields))
        .bind(9, local ? 1 : 0);
    if (cs.serverSeq > 0)
        ins->bind(10, cs.serverSeq);
    else
        ins->bindNull(10);
    if (cs.isSigned())
        ins->bind(11, qint64(cs.chainIndex)).bindBlob(12, cs.chainPrev).bindBlob(13, cs.signature);
    else
        ins->bindNull(11).bindNull(12).bindNull(13);
    if (const int rc = ins->step(); rc != SQLITE_DONE)
        return stepError(m_db, rc);
    return {};
}

Result<void> Store::mergeField(Stored &r, const ChangeSet &cs, const FieldChange &f,
                               bool fullMerge) {
    QList<merge::Head> heads;
    const QCborValue current = r.state.value(f.field);
    if (!current.isUndefined())
        heads.append(headFromState(current));
    bool superseded = false;
    if (fullMerge) {
        if (auto l = loadConflictHeads(r.id, f.field, heads); !l)
            return l;
        auto sup = takeSuperseded(cs.id, f.field);
        if (!sup)
            return sup.error();
        superseded = *sup;
    }
    const int headsBefore = int(heads.size());
    const QList<QByteArray> notHeads =
        merge::apply(heads, merge::Head{cs.id, cs.hlc, f.value}, f.prev, superseded);
    if (fullMerge) {
        if (auto rem = rememberSuperseded(notHeads, f.field); !rem)
            return rem;
    }
    const int w = merge::winner(heads);
    if (w >= 0)
        r.state.insert(f.field, stateFromHead(heads[w]));
    else
        r.state.remove(f.field);
    if (fullMerge && (headsBefore > 1 || heads.size() > 1))
        return keepConflicts(r.id, f.field, heads, w);
    return {};
}

Result<bool> Store::takeSuperseded(const QByteArray &changeId, const QString &field) {
    auto sup = m_db.prepare("DELETE FROM superseded WHERE change_id = ? AND field = ?");
    if (!sup)
        return sup.error();
    if (const int rc = sup->bindBlob(1, changeId).bind(2, field).step(); rc != SQLITE_DONE)
        return stepError(m_db, rc);
    return sqlite3_changes(m_db.handle()) > 0;
}

Result<void> Store::rememberSuperseded(const QList<QByteArray> &notHeads, const QString &field) {
    for (const QByteArray &p : notHeads) {
        auto known = m_db.prepare("SELECT 1 FROM journal WHERE change_id = ?");
        if (!known)
            return known.error();
        if (known->bindBlob(1, p).step() == SQLITE_ROW)
            continue;
        auto remember = m_db.prepare("INSERT OR IGNORE INTO superseded (change_id, field) "
                                     "VALUES (?, ?)");
        if (!remember)
            return remember.error();
        if (const int rc = remember->bindBlob(1, p).bind(2, field).step(); rc != SQLITE_DONE)
            return stepError(m_db, rc);
    }
    return {};
}

// The deleted flag is a plaintext column (lists filter on it): it follows the encrypted
// winner of the deleted field.
Result<void> Store::refreshDeleted(Stored &r) const {
    const QCborValue winner = r.state.value(QLatin1String(storefield::Deleted));
    bool deleted = false;
    if (!winner.isUndefined()) {
        auto key = campaignKey(r.campaignId);
        if (!key)
            return key.error();
        const merge::Head h = headFromState(winner);
        auto v =
            decryptValue(**key, r.type, r.id, QLatin1String(storefield::Deleted), h.hlc, h.value);
        if (!v)
            return v.error();
        deleted = v->toBool();
    }
    r.deleted = deleted;
    return {};
}

Result<void> Store::saveRow(Stored &r) {
    const QByteArray state = cbor::encode(r.state);
    if (r.rowid == 0) {
        auto st = m_db.prepare("INSERT INTO records (id, type, campaign_id, parent_id, "
                               "created_hlc, updated_hlc, deleted, state) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        if (!st)
            return st.error();
        st->bind(1, r.id)
            .bind(2, r.type)
            .bind(3, r.campaignId)
            .bind(4, r.parentId.isEmpty() ? QString() : r.parentId)
            .bind(5, qint64(r.created))
            .bind(6, qint64(r.updated))
            .bind(7, r.deleted ? 1 : 0)
            .bindBlob(8, state);
        if (const int rc = st->step(); rc != SQLITE_DONE)
            return stepError(m_db, rc);
        r.rowid = sqlite3_last_insert_rowid(m_db.handle());
        return {};
    }
    auto st = m_db.prepare("UPDATE records SET created_hlc = ?, updated_hlc = ?, deleted = ?, "
                           "state = ? WHERE rowid = ?");
    if (!st)
        return st.error();
    st->bind(1, qint64(r.created))
        .bind(2, qint64(r.updated))
        .bind(3, r.deleted ? 1 : 0)
        .bindBlob(4, state)
        .bind(5, r.rowid);
    if (const int rc = st->step(); rc != SQLITE_DONE)
        return stepError(m_db, rc);
    return {};
}

// ---- Store: applying change sets from elsewhere ----------------------------------------------

Result<ApplyReport> Store::applyRemote(const QList<ChangeSet> &changeSets) {
    if (!m_vault.isUnlocked())
        return lockedError();
    ApplyReport report;
    QHash<QString, QStringList> touched;
    ChainCursor chains;
    Transaction tx(m_db);
    if (!tx.began())
        return tx.began().error();
    for (const ChangeSet &cs : changeSets) {
        if (!wellFormed(cs)) {
            report.rejected.append(
                {cs.id, QStringLiteral("malformed"),
                 makeError(ErrorCode::InvalidArgument, QStringLiteral("malformed change set")),
                 true});
            continue;
        }
        auto duplicate = takeDuplicate(cs);
        if (!duplicate)
            return duplicate.error();
        if (*duplicate) {
            ++report.duplicates;
            continue;
        }
        auto forged = vetProvenance(cs, chains);
        if (!forged)
            return forged.error();
        if (*forged) {
            report.rejected.append(std::move(**forged));
            continue;
        }
        std::optional<Stored> row;
        auto rejection = vetRemote(cs, row);
        if (!rejection)
            return rejection.error();
        if (*rejection) {
            report.rejected.append(std::move(**rejection));
            continue;
        }
        (void)m_clock.observe(cs.hlc);
        if (auto r = applyChangeSet(cs, false, true, &row); !r)
            return r.error();
        chains.heads.insert(chains.pendingKey, chains.pendingHead);
        touched[cs.recordType].append(cs.recordId);
        ++report.applied;
    }
    if (auto r = persistObservedClock(); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    m_observedPersisted = std::max(m_observedPersisted, m_clock.last());
    for (auto it = touched.cbegin(); it != touched.cend(); ++it)
        Q_EMIT changed(it.key(), it.value());
    return report;
}

Result<bool> Store::takeDuplicate(const ChangeSet &cs) {
    auto known = m_db.prepare("SELECT local, server_seq FROM journal WHERE change_id = ?");
    if (!known)
        return known.error();
    if (known->bindBlob(1, cs.id).step() != SQLITE_ROW)
        return false;
    const bool needsSeq = known->isNull(1) && cs.serverSeq > 0;
    known->reset();
    if (needsSeq) {
        auto st = m_db.prepare("UPDATE journal SET server_seq = ? WHERE change_id = ?");
        if (!st)
            return st.error();
        if (const int rc = st->bind(1, cs.serverSeq).bindBlob(2, cs.id).step(); rc != SQLITE_DONE)
            return stepError(m_db, rc);
    }
    return true;
}

Result<std::optional<RejectedChangeSet>> Store::vetRemote(const ChangeSet &cs,
                                                          std::optional<Stored> &row) const {
    const auto refuse = [&](const char *code, ErrorCode error, const QString &message, bool final) {
        return std::optional(
            RejectedChangeSet{cs.id, QString::fromLatin1(code), makeError(error, message), final});
    };
    if (!m_clock.acceptable(cs.hlc))
        return refuse("clock_ahead", ErrorCode::Validation,
                      QStringLiteral("its clock is too far in the future (device clock wrong?)"),
                      false);
    auto key = campaignKey(cs.campaignId);
    if (!key)
        return refuse("no_key", key.error().code, key.error().message, false);
    auto loaded = loadRow(cs.recordId);
    if (!loaded)
        return loaded.error();
    row = std::move(*loaded);
    if (row && (row->type != cs.recordType || row->campaignId != cs.campaignId ||
                row->parentId != cs.parentId))
        return refuse("conflicting_record", ErrorCode::Integrity,
                      QStringLiteral("it does not match the record it names (type, campaign or "
                                     "parent differ)"),
                      true);
    for (const FieldChange &f : cs.fields) {
        if (f.field.isEmpty() ||
            !decryptValue(**key, cs.recordType, cs.recordId, f.field, cs.hlc, f.value))
            return refuse("integrity", ErrorCode::Integrity,
                          QStringLiteral("a value failed its integrity check"), true);
    }
    return std::optional<RejectedChangeSet>();
}

} // namespace fl
