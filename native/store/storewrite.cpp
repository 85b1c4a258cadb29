#include "store/storeinternal.h"

#include "vault/recordcipher.h"
#include "vault/vault.h"

#include <QUuid>

#include <sodium.h>

namespace fl {

using namespace storeinternal;

namespace {} // namespace

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

// ---- Store: writing --------------------------------------------------------------------------

Result<void> Store::write(const std::function<Result<void>(Writer &)> &body) {
    if (!m_db.isOpen())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The store is not open."));
    if (!m_vault.isUnlocked())
        return lockedError();
    m_vault.touch();
    const quint64 sequenceBefore = m_sequence;
    Writer writer(*this);
    Transaction tx(m_db);
    if (!tx.began())
        return tx.began().error();
    Result<void> r = body(writer);
    if (r)
        r = tx.commit();
    if (!r) {
        // Rolled back: the ids we counted on were not stored either, nor a campaign key added
        // in the body, which must not stay usable from the cache. (Clocks issued meanwhile
        // stay used: the clock only has to grow.)
        m_sequence = sequenceBefore;
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

Result<void> Store::persistObservedClock() {
    if (m_clock.last() <= m_observedPersisted)
        return {};
    auto st = m_db.prepare("INSERT OR REPLACE INTO meta (key, value) "
                           "VALUES ('clock_observed', ?)");
    if (!st)
        return st.error();
    if (const int rc = st->bind(1, qint64(m_clock.last())).step(); rc != SQLITE_DONE)
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
    w.m_touched[row.type].append(row.id);
    return {};
}

} // namespace fl
