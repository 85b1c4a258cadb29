#include "store/store.h"

#include "change/cborwriter.h"
#include "change/changeid.h"
#include "store/merge.h"
#include "store/schema.h"
#include "vault/recordcipher.h"
#include "vault/vault.h"

#include <QCborArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QtEndian>
#include <QUuid>

#include <sodium.h>

Q_LOGGING_CATEGORY(lcStore, "fieldledger.store")

namespace fl {

namespace {

constexpr qsizetype DeviceIdSize = changeid::DeviceIdSize;
constexpr qsizetype ChangeIdSize = changeid::Size;
// The persisted clock ceiling runs this far ahead, so it is rewritten about once per lease.
constexpr quint64 ClockLeaseMs = 10'000;

QByteArray encodeFields(const QList<FieldChange> &fields) {
    QByteArray out;
    cbor::arrayHeader(out, fields.size());
    for (const FieldChange &f : fields) {
        cbor::arrayHeader(out, 3);
        cbor::text(out, f.field);
        cbor::bytes(out, f.value);
        cbor::arrayHeader(out, f.prev.size());
        for (const QByteArray &p : f.prev)
            cbor::bytes(out, p);
    }
    return out;
}

QList<FieldChange> decodeFields(const QByteArray &blob) {
    QList<FieldChange> out;
    const QCborArray arr = QCborValue::fromCbor(blob).toArray();
    out.reserve(arr.size());
    for (const QCborValue &v : arr) {
        const QCborArray f = v.toArray();
        FieldChange fc{f.at(0).toString(), f.at(1).toByteArray(), {}};
        for (const QCborValue &p : f.at(2).toArray())
            fc.prev.append(p.toByteArray());
        out.append(std::move(fc));
    }
    return out;
}

merge::Head headFromState(const QCborValue &v) {
    const QCborArray a = v.toArray();
    return merge::Head{a.at(0).toByteArray(), Hlc(a.at(1).toInteger()), a.at(2).toByteArray()};
}

QCborValue stateFromHead(const merge::Head &h) {
    return QCborArray{h.changeId, qint64(h.hlc), h.value};
}

Error lockedError() {
    return makeError(ErrorCode::Locked, QStringLiteral("The vault is locked. Unlock it with "
                                                       "your passphrase to read or write."));
}

Error stepError(const Database &db, int rc) {
    return db.lastError(rc, QStringLiteral("write to the database"));
}

} // namespace

struct Store::Stored {
    qint64 rowid = 0; // 0 = not in the table yet
    QString id;
    QString type;
    QString campaignId;
    QString parentId;
    Hlc created = 0;
    Hlc updated = 0;
    bool deleted = false;
    QCborMap state; // field -> [change id, clock, ciphertext] of the winning value
};

// ---- Writer ---------------------------------------------------------------------------------

Result<QString> Writer::create(const QString &type, const QString &campaignId,
                               const QString &parentId, const QCborMap &fields, const QString &id) {
    if (type.isEmpty() || campaignId.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A record needs a type and "
                                                                    "a campaign."));
    Store::Stored row;
    row.id = id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : id;
    row.type = type;
    row.campaignId = campaignId;
    row.parentId = parentId;
    if (!id.isEmpty()) {
        auto existing = m_store.loadRow(id);
        if (!existing)
            return existing.error();
        if (existing->has_value())
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("A record with id %1 already exists.").arg(id));
    }
    if (auto r = m_store.writeFields(*this, row, true, fields); !r)
        return r.error();
    return row.id;
}

Result<void> Writer::update(const QString &id, const QCborMap &fields) {
    auto row = m_store.loadRow(id);
    if (!row)
        return row.error();
    if (!row->has_value())
        return makeError(ErrorCode::NotFound, QStringLiteral("No record with id %1.").arg(id));
    if (fields.isEmpty())
        return {};
    return m_store.writeFields(*this, **row, false, fields);
}

Result<void> Writer::remove(const QString &id) {
    return update(id, QCborMap{{QLatin1String(storefield::Deleted), true}});
}

Result<void> Writer::createCampaignKey(const QString &campaignId) {
    if (m_store.hasCampaignKey(campaignId))
        return makeError(ErrorCode::Conflict, QStringLiteral("The campaign already has a key."));
    return m_store.addCampaignKey(campaignId, SecretKey::random());
}

// ---- Store: lifecycle and keys ---------------------------------------------------------------

Store::Store(Vault &vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault) {
    // Unwrapped campaign keys must not outlive the device key.
    connect(&m_vault, &Vault::lockedChanged, this, [this](bool locked) {
        if (locked)
            m_keys.clear();
    });
}

Store::~Store() = default;

Result<void> Store::open(const QString &path) {
    close();
    m_device = m_vault.deviceId();
    if (m_device.size() != DeviceIdSize)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The vault has no device identity; create it first."));
    if (auto r = m_db.open(path); !r)
        return r;
    // Refuse a foreign file before WAL mode rewrites its header.
    if (auto r = schema::verifyOwnership(m_db); !r) {
        m_db.close();
        return r;
    }
    if (auto r = m_db.configure(); !r) {
        m_db.close();
        return r;
    }
    if (auto r = schema::migrate(m_db); !r) {
        m_db.close();
        return r;
    }
    m_path = path;
    if (!m_checkpointer.start(m_db.handle(), path))
        qCWarning(lcStore, "could not start the background checkpointer; checkpoints run inline");

    auto ceiling = m_db.prepare("SELECT value FROM meta WHERE key = 'clock_ceiling_ms'");
    if (!ceiling)
        return ceiling.error();
    if (ceiling->step() == SQLITE_ROW)
        m_clockCeiling = quint64(ceiling->int64(0));
    m_clock.restore(hlc::make(m_clockCeiling, 0));

    auto seq = m_db.prepare("SELECT max(change_id) FROM journal WHERE change_id BETWEEN ? AND ?");
    if (!seq)
        return seq.error();
    seq->bindBlob(1, changeid::make(m_device, 0))
        .bindBlob(2, changeid::make(m_device, ~quint64(0)));
    if (seq->step() == SQLITE_ROW && !seq->isNull(0))
        m_sequence = qFromBigEndian<quint64>(seq->blob(0).constData() + DeviceIdSize);
    return {};
}

void Store::close() {
    m_db.close();
    m_keys.clear();
    m_sequence = 0;
    m_clockCeiling = 0;
}

Result<void> Store::addCampaignKey(const QString &campaignId, const SecretKey &key) {
    auto wrapped = m_vault.wrapKey(key);
    if (!wrapped)
        return wrapped.error();
    auto st = m_db.prepare("INSERT OR REPLACE INTO campaign_keys (campaign_id, wrapped) "
                           "VALUES (?, ?)");
    if (!st)
        return st.error();
    st->bind(1, campaignId).bindBlob(2, *wrapped);
    if (const int rc = st->step(); rc != SQLITE_DONE)
        return stepError(m_db, rc);
    m_keys.remove(campaignId);
    return {};
}

bool Store::hasCampaignKey(const QString &campaignId) const {
    auto st = m_db.prepare("SELECT 1 FROM campaign_keys WHERE campaign_id = ?");
    return st && st->bind(1, campaignId).step() == SQLITE_ROW;
}

Result<std::shared_ptr<const SecretKey>> Store::campaignKey(const QString &campaignId) const {
    if (!m_vault.isUnlocked())
        return lockedError();
    if (auto it = m_keys.constFind(campaignId); it != m_keys.cend())
        return *it;
    auto st = m_db.prepare("SELECT wrapped FROM campaign_keys WHERE campaign_id = ?");
    if (!st)
        return st.error();
    if (st->bind(1, campaignId).step() != SQLITE_ROW)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("This device has no key for campaign %1. Sync, or ask "
                                        "the office to grant this device access.")
                             .arg(campaignId));
    auto key = m_vault.unwrapKey(st->blob(0));
    if (!key)
        return key.error();
    auto shared = std::make_shared<const SecretKey>(std::move(*key));
    m_keys.insert(campaignId, shared);
    return shared;
}

Result<QByteArray> Store::sealCampaignKey(const QString &campaignId,
                                          QByteArrayView boxPublicKey) const {
    auto key = campaignKey(campaignId);
    if (!key)
        return key.error();
    return Vault::sealKeyTo(**key, boxPublicKey);
}

// ---- Store: writing --------------------------------------------------------------------------

Result<void> Store::write(const std::function<Result<void>(Writer &)> &body) {
    if (!m_db.isOpen())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The store is not open."));
    if (!m_vault.isUnlocked())
        return lockedError();
    m_vault.touch();
    const quint64 sequenceBefore = m_sequence;
    const quint64 ceilingBefore = m_clockCeiling;
    Writer writer(*this);
    Transaction tx(m_db);
    if (!tx.began())
        return tx.began().error();
    Result<void> r = body(writer);
    if (r)
        r = tx.commit();
    if (!r) {
        // Rolled back: the ids and the ceiling we counted on were not stored either, nor a
        // campaign key added in the body, which must not stay usable from the cache.
        m_sequence = sequenceBefore;
        m_clockCeiling = ceilingBefore;
        m_keys.clear();
        return r;
    }
    for (auto it = writer.m_touched.cbegin(); it != writer.m_touched.cend(); ++it)
        Q_EMIT changed(it.key(), it.value());
    return {};
}

Result<QString> Store::create(const QString &type, const QString &campaignId,
                              const QString &parentId, const QCborMap &fields) {
    QString id;
    auto r = write([&](Writer &w) -> Result<void> {
        auto created = w.create(type, campaignId, parentId, fields);
        if (!created)
            return created.error();
        id = *created;
        return {};
    });
    if (!r)
        return r.error();
    return id;
}

Result<void> Store::update(const QString &id, const QCborMap &fields) {
    return write([&](Writer &w) { return w.update(id, fields); });
}

Result<void> Store::remove(const QString &id) {
    return write([&](Writer &w) { return w.remove(id); });
}

Result<void> Store::persistClock(Hlc clock) {
    const quint64 ms = hlc::physicalMs(clock);
    if (ms < m_clockCeiling)
        return {};
    m_clockCeiling = ms + ClockLeaseMs;
    auto st = m_db.prepare("INSERT OR REPLACE INTO meta (key, value) "
                           "VALUES ('clock_ceiling_ms', ?)");
    if (!st)
        return st.error();
    if (const int rc = st->bind(1, qint64(m_clockCeiling)).step(); rc != SQLITE_DONE)
        return stepError(m_db, rc);
    return {};
}

ChangeSet Store::newLocalChangeSet(const Stored &row) {
    ChangeSet cs;
    cs.hlc = m_clock.next();
    cs.device = m_device;
    cs.id = changeid::make(m_device, ++m_sequence);
    cs.recordType = row.type;
    cs.recordId = row.id;
    cs.campaignId = row.campaignId;
    cs.parentId = row.parentId;
    return cs;
}

Result<void> Store::writeFields(Writer &w, Stored &row, bool isNew, const QCborMap &fields) {
    auto key = campaignKey(row.campaignId);
    if (!key)
        return key.error();
    ChangeSet cs = newLocalChangeSet(row);
    const QByteArray typeUtf8 = row.type.toUtf8();
    const QByteArray idUtf8 = row.id.toUtf8();
    cs.fields.reserve(fields.size());
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QString field = it.key().toString();
        if (field.isEmpty())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("Empty field name."));
        QByteArray plain = cbor::encode(it.value());
        FieldChange fc;
        fc.field = field;
        fc.value = recordcipher::encrypt(
            **key, plain, recordcipher::associatedData(typeUtf8, idUtf8, field.toUtf8(), cs.hlc));
        sodium_memzero(plain.data(), size_t(plain.size()));
        const QCborValue current = row.state.value(field);
        if (!current.isUndefined())
            fc.prev.append(current.toArray().at(0).toByteArray());
        cs.fields.append(std::move(fc));
    }
    std::optional<Stored> opt(std::move(row));
    if (isNew)
        opt->rowid = 0;
    if (auto r = applyChangeSet(cs, true, false, &opt); !r)
        return r;
    row = std::move(*opt);
    if (auto r = persistClock(cs.hlc); !r)
        return r;
    w.m_touched[row.type].append(row.id);
    return {};
}

Result<void> Store::applyChangeSet(const ChangeSet &cs, bool local, bool fullMerge,
                                   std::optional<Stored> *rowIn) {
    // Without fullMerge this is the shortcut for ordinary local writes: such a change is newer
    // than everything this device knows and replaces exactly the current winner of each field.

    auto ins = m_db.prepare("INSERT INTO journal (change_id, record_id, record_type, campaign_id, "
                            "parent_id, hlc, device, fields, local, server_seq) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
    if (const int rc = ins->step(); rc != SQLITE_DONE)
        return stepError(m_db, rc);

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
        QList<merge::Head> heads;
        const QCborValue current = r.state.value(f.field);
        if (!current.isUndefined())
            heads.append(headFromState(current));
        bool superseded = false;
        if (fullMerge) {
            auto losers = m_db.prepare("SELECT change_id, hlc, value FROM conflicts "
                                       "WHERE record_id = ? AND field = ?");
            if (!losers)
                return losers.error();
            losers->bind(1, r.id).bind(2, f.field);
            while (losers->step() == SQLITE_ROW)
                heads.append({losers->blob(0), Hlc(losers->int64(1)), losers->blob(2)});
            auto sup = m_db.prepare("DELETE FROM superseded WHERE change_id = ? AND field = ?");
            if (!sup)
                return sup.error();
            if (const int rc = sup->bindBlob(1, cs.id).bind(2, f.field).step(); rc != SQLITE_DONE)
                return stepError(m_db, rc);
            superseded = sqlite3_changes(m_db.handle()) > 0;
        }
        const int headsBefore = int(heads.size());
        const QList<QByteArray> notHeads =
            merge::apply(heads, merge::Head{cs.id, cs.hlc, f.value}, f.prev, superseded);
        if (fullMerge) {
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
                if (const int rc = remember->bindBlob(1, p).bind(2, f.field).step();
                    rc != SQLITE_DONE)
                    return stepError(m_db, rc);
            }
        }
        const int w = merge::winner(heads);
        if (w >= 0)
            r.state.insert(f.field, stateFromHead(heads[w]));
        else
            r.state.remove(f.field);
        if (f.field == QLatin1String(storefield::Deleted))
            deletedTouched = true;
        if (fullMerge && (headsBefore > 1 || heads.size() > 1)) {
            auto clear = m_db.prepare("DELETE FROM conflicts WHERE record_id = ? AND field = ?");
            if (!clear)
                return clear.error();
            if (const int rc = clear->bind(1, r.id).bind(2, f.field).step(); rc != SQLITE_DONE)
                return stepError(m_db, rc);
            for (int i = 0; i < heads.size(); ++i) {
                if (i == w)
                    continue;
                auto add = m_db.prepare("INSERT INTO conflicts (record_id, field, change_id, hlc, "
                                        "device, value) VALUES (?, ?, ?, ?, ?, ?)");
                if (!add)
                    return add.error();
                add->bind(1, r.id)
                    .bind(2, f.field)
                    .bindBlob(3, heads[i].changeId)
                    .bind(4, qint64(heads[i].hlc))
                    .bindBlob(5, heads[i].changeId.left(DeviceIdSize))
                    .bindBlob(6, heads[i].value);
                if (const int rc = add->step(); rc != SQLITE_DONE)
                    return stepError(m_db, rc);
            }
        }
    }
    if (deletedTouched) {
        const QCborValue winner = r.state.value(QLatin1String(storefield::Deleted));
        bool deleted = false;
        if (!winner.isUndefined()) {
            auto key = campaignKey(r.campaignId);
            if (!key)
                return key.error();
            const merge::Head h = headFromState(winner);
            auto v = decryptValue(**key, r.type, r.id, QLatin1String(storefield::Deleted), h.hlc,
                                  h.value);
            if (!v)
                return v.error();
            deleted = v->toBool();
        }
        r.deleted = deleted;
    }

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
    } else {
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
    }
    return {};
}

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
        const QCborValue current = row.state.value(field);
        if (!current.isUndefined())
            fc.prev.append(current.toArray().at(0).toByteArray());
        auto losers = m_db.prepare("SELECT change_id FROM conflicts WHERE record_id = ? AND "
                                   "field = ?");
        if (!losers)
            return losers.error();
        losers->bind(1, recordId).bind(2, field);
        while (losers->step() == SQLITE_ROW)
            fc.prev.append(losers->blob(0));
        if (fc.prev.size() < 2)
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no conflict on that field."));
        cs.fields.append(std::move(fc));

        // Apply with the full merge so the conflict rows are settled; journal it as local.
        std::optional<Stored> opt(std::move(row));
        if (auto r = applyChangeSet(cs, true, true, &opt); !r)
            return r;
        w.m_touched[cs.recordType].append(cs.recordId);
        return persistClock(cs.hlc);
    });
}

// ---- Store: reading --------------------------------------------------------------------------

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

namespace {
ChangeSet changeSetFromRow(const Statement &st, int first) {
    ChangeSet cs;
    cs.id = st.blob(first);
    cs.recordId = st.text(first + 1);
    cs.recordType = st.text(first + 2);
    cs.campaignId = st.text(first + 3);
    cs.parentId = st.text(first + 4);
    cs.hlc = Hlc(st.int64(first + 5));
    cs.device = st.blob(first + 6);
    cs.fields = decodeFields(st.blob(first + 7));
    cs.serverSeq = st.isNull(first + 8) ? 0 : st.int64(first + 8);
    return cs;
}
} // namespace

Result<QList<JournalEntry>> Store::journal(const QString &recordId, int limit) const {
    auto st = recordId.isEmpty()
                  ? m_db.prepare("SELECT seq, local, change_id, record_id, record_type, "
                                 "campaign_id, parent_id, hlc, device, fields, server_seq "
                                 "FROM journal ORDER BY seq DESC LIMIT ?1")
                  : m_db.prepare("SELECT seq, local, change_id, record_id, record_type, "
                                 "campaign_id, parent_id, hlc, device, fields, server_seq "
                                 "FROM journal WHERE record_id = ?2 ORDER BY seq DESC LIMIT ?1");
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
    auto st = m_db.prepare("SELECT change_id, record_id, record_type, campaign_id, parent_id, hlc, "
                           "device, fields, server_seq FROM journal "
                           "WHERE local = 1 AND server_seq IS NULL ORDER BY seq LIMIT ?");
    if (!st)
        return st.error();
    st->bind(1, qint64(limit));
    QList<ChangeSet> out;
    while (st->step() == SQLITE_ROW)
        out.append(changeSetFromRow(*st, 0));
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

Result<ApplyReport> Store::applyRemote(const QList<ChangeSet> &changeSets) {
    if (!m_vault.isUnlocked())
        return lockedError();
    ApplyReport report;
    QHash<QString, QStringList> touched;
    Transaction tx(m_db);
    if (!tx.began())
        return tx.began().error();
    for (const ChangeSet &cs : changeSets) {
        const auto reject = [&](ErrorCode code, const QString &why) {
            report.rejected.append({cs.id, makeError(code, why)});
        };
        if (cs.id.size() != ChangeIdSize || cs.device != cs.id.left(DeviceIdSize) ||
            cs.recordId.isEmpty() || cs.recordType.isEmpty() || cs.campaignId.isEmpty() ||
            cs.fields.isEmpty()) {
            reject(ErrorCode::InvalidArgument, QStringLiteral("malformed change set"));
            continue;
        }
        auto known = m_db.prepare("SELECT local, server_seq FROM journal WHERE change_id = ?");
        if (!known)
            return known.error();
        if (known->bindBlob(1, cs.id).step() == SQLITE_ROW) {
            const bool needsSeq = known->isNull(1) && cs.serverSeq > 0;
            known->reset();
            if (needsSeq) {
                auto st = m_db.prepare("UPDATE journal SET server_seq = ? WHERE change_id = ?");
                if (!st)
                    return st.error();
                if (const int rc = st->bind(1, cs.serverSeq).bindBlob(2, cs.id).step();
                    rc != SQLITE_DONE)
                    return stepError(m_db, rc);
            }
            ++report.duplicates;
            continue;
        }
        if (!m_clock.acceptable(cs.hlc)) {
            reject(ErrorCode::Validation,
                   QStringLiteral("its clock is too far in the future (device clock wrong?)"));
            continue;
        }
        auto key = campaignKey(cs.campaignId);
        if (!key) {
            reject(key.error().code, key.error().message);
            continue;
        }
        auto row = loadRow(cs.recordId);
        if (!row)
            return row.error();
        if (row->has_value() &&
            ((*row)->type != cs.recordType || (*row)->campaignId != cs.campaignId ||
             (*row)->parentId != cs.parentId)) {
            reject(ErrorCode::Integrity,
                   QStringLiteral("it does not match the record it names (type, campaign or "
                                  "parent differ)"));
            continue;
        }
        bool intact = true;
        for (const FieldChange &f : cs.fields) {
            if (f.field.isEmpty() ||
                !decryptValue(**key, cs.recordType, cs.recordId, f.field, cs.hlc, f.value)) {
                intact = false;
                break;
            }
        }
        if (!intact) {
            reject(ErrorCode::Integrity, QStringLiteral("a value failed its integrity check"));
            continue;
        }
        (void)m_clock.observe(cs.hlc);
        if (auto r = applyChangeSet(cs, false, true, &*row); !r)
            return r.error();
        touched[cs.recordType].append(cs.recordId);
        ++report.applied;
    }
    if (auto r = persistClock(m_clock.last()); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    for (auto it = touched.cbegin(); it != touched.cend(); ++it)
        Q_EMIT changed(it.key(), it.value());
    return report;
}

Result<QByteArray> Store::setting(const QString &key) const {
    auto st = m_db.prepare("SELECT value FROM meta WHERE key = ?");
    if (!st)
        return st.error();
    const int rc = st->bind(1, key).step();
    if (rc == SQLITE_DONE)
        return QByteArray();
    if (rc != SQLITE_ROW)
        return m_db.lastError(rc, QStringLiteral("read a setting"));
    return st->blob(0);
}

Result<void> Store::setSetting(const QString &key, const QByteArray &value) {
    auto st = value.isEmpty()
                  ? m_db.prepare("DELETE FROM meta WHERE key = ?")
                  : m_db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    if (!st)
        return st.error();
    st->bind(1, key);
    if (!value.isEmpty())
        st->bindBlob(2, value);
    if (const int rc = st->step(); rc != SQLITE_DONE)
        return stepError(m_db, rc);
    return {};
}

// ---- Store: checking -------------------------------------------------------------------------

Result<CheckReport> Store::check() const {
    CheckReport report;
    {
        auto st = m_db.prepare("PRAGMA integrity_check");
        if (!st)
            return st.error();
        QStringList lines;
        int rc;
        while ((rc = st->step()) == SQLITE_ROW)
            lines.append(st->text(0));
        if (rc != SQLITE_DONE)
            return m_db.lastError(rc, QStringLiteral("check the database"));
        report.integrity = lines.join(QLatin1Char('\n'));
    }

    // Replay the journal in arrival order with the same merge, then compare with the tables.
    struct Replayed {
        QString type, campaignId, parentId;
        Hlc created = ~Hlc(0), updated = 0;
        QHash<QString, QList<merge::Head>> heads;
    };
    QHash<QString, Replayed> model;
    QSet<QByteArray> known;
    QSet<QPair<QByteArray, QString>> superseded;
    auto st = m_db.prepare("SELECT change_id, record_id, record_type, campaign_id, parent_id, hlc, "
                           "device, fields, server_seq FROM journal ORDER BY seq");
    if (!st)
        return st.error();
    while (st->step() == SQLITE_ROW) {
        const ChangeSet cs = changeSetFromRow(*st, 0);
        ++report.changeSets;
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

    auto rows = m_db.prepare("SELECT id, type, campaign_id, parent_id, created_hlc, updated_hlc, "
                             "state FROM records");
    if (!rows)
        return rows.error();
    QSet<QString> seen;
    while (rows->step() == SQLITE_ROW) {
        ++report.records;
        const QString id = rows->text(0);
        seen.insert(id);
        const auto it = model.constFind(id);
        if (it == model.cend()) {
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
        for (auto h = it->heads.cbegin(); h != it->heads.cend(); ++h) {
            const int w = merge::winner(h.value());
            const QCborValue stored = state.value(h.key());
            if (w < 0 || stored.isUndefined() ||
                headFromState(stored).changeId != h.value()[w].changeId ||
                headFromState(stored).value != h.value()[w].value) {
                report.mismatches.append(
                    QStringLiteral("record %1 field %2 differs from the journal").arg(id, h.key()));
                continue;
            }
            QSet<QByteArray> expected;
            for (int i = 0; i < h.value().size(); ++i) {
                if (i != w)
                    expected.insert(h.value()[i].changeId);
            }
            QSet<QByteArray> actual;
            auto c = m_db.prepare("SELECT change_id FROM conflicts WHERE record_id = ? AND "
                                  "field = ?");
            if (!c)
                return c.error();
            c->bind(1, id).bind(2, h.key());
            while (c->step() == SQLITE_ROW)
                actual.insert(c->blob(0));
            if (expected != actual)
                report.mismatches.append(
                    QStringLiteral("record %1 field %2 conflicts differ").arg(id, h.key()));
        }
    }
    for (auto it = model.cbegin(); it != model.cend(); ++it) {
        if (!seen.contains(it.key()))
            report.mismatches.append(
                QStringLiteral("record %1 is in the journal but not stored").arg(it.key()));
    }
    return report;
}

} // namespace fl
