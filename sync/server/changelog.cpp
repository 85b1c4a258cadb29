#include "sync/server/changelog.h"

#include "change/canonical.h"
#include "change/provenance.h"
#include "sync/protocol/bodybudget.h"
#include "sync/server/serverdatabase.h"

#include <QCborArray>
#include <QCborValue>
#include <QHash>
#include <QSet>

namespace fl::server {

namespace {

struct RecordMeta {
    QString type;
    QString campaign;
    QString parent;
    bool operator==(const RecordMeta &) const = default;
};

/// change id -> server sequence, known or new
using Sequences = QHash<QByteArray, qint64>;

/// What a push stores, and the ids it answers as stored, in batch order.
struct PushPlan {
    QList<QByteArray> storedOrder;
    QList<QVariantList> newRecords;
    QList<QVariantList> newChanges;
};

/// The sequences of the change sets stored before (by an earlier, repeated push).
Result<Sequences> knownSequences(ServerDatabase &db, const QList<ChangeSet> &changeSets) {
    QVariantList ids;
    QSet<QByteArray> unique;
    for (const ChangeSet &cs : changeSets) {
        if (!unique.contains(cs.id)) {
            unique.insert(cs.id);
            ids.append(cs.id);
        }
    }
    Sequences seqs;
    auto known = db.forChunks(ids, [&](const QString &ph, const QVariantList &chunk) {
        auto q = db.exec(
            QStringLiteral("SELECT change_id, seq FROM changes WHERE change_id IN (%1)").arg(ph),
            chunk);
        if (!q)
            return Result<void>(q.error());
        while (q->next())
            seqs.insert(q->value(0).toByteArray(), q->value(1).toLongLong());
        return Result<void>();
    });
    if (!known)
        return known.error();
    return seqs;
}

/// The stored type, campaign and parent of the records the new change sets write.
Result<QHash<QString, RecordMeta>>
knownRecords(ServerDatabase &db, const QList<ChangeSet> &changeSets, const Sequences &seqs) {
    QVariantList recordIds;
    QSet<QString> wantedRecords;
    for (const ChangeSet &cs : changeSets) {
        if (!seqs.contains(cs.id) && !wantedRecords.contains(cs.recordId)) {
            wantedRecords.insert(cs.recordId);
            recordIds.append(cs.recordId);
        }
    }
    QHash<QString, RecordMeta> records;
    auto recs = db.forChunks(recordIds, [&](const QString &ph, const QVariantList &chunk) {
        auto q = db.exec(QStringLiteral("SELECT record_id, record_type, campaign_id, parent_id "
                                        "FROM records WHERE record_id IN (%1)")
                             .arg(ph),
                         chunk);
        if (!q)
            return Result<void>(q.error());
        while (q->next())
            records.insert(q->value(0).toString(), {q->value(1).toString(), q->value(2).toString(),
                                                    q->value(3).toString()});
        return Result<void>();
    });
    if (!recs)
        return recs.error();
    return records;
}

/// The pusher's chain heads in the campaigns of the new change sets (campaign -> head).
using ChainHeads = QHash<QString, provenance::ChainHead>;

Result<ChainHeads> knownHeads(ServerDatabase &db, const QList<ChangeSet> &changeSets,
                              const QString &device, const Sequences &seqs) {
    ChainHeads heads;
    for (const ChangeSet &cs : changeSets) {
        const QString campaign = normaliseCampaignId(cs.campaignId);
        if (seqs.contains(cs.id) || heads.contains(campaign))
            continue;
        auto q = db.exec(QStringLiteral("SELECT chain_index, digest FROM changes WHERE device = ? "
                                        "AND campaign_id = ? AND chain_index IS NOT NULL "
                                        "ORDER BY chain_index DESC LIMIT 1"),
                         {device, campaign});
        if (!q)
            return q.error();
        provenance::ChainHead head;
        if (q->next()) {
            head.index = quint64(q->value(0).toLongLong());
            head.digest = q->value(1).toByteArray();
        }
        heads.insert(campaign, head);
    }
    return heads;
}

/// Why a signed change set cannot be stored now, or an empty string (then `heads` moved on).
/// Devices check all of this themselves; the server checks it too so that what it stores is
/// one unbroken chain per device and campaign, which members can follow without gaps.
QString judgeSeal(const ChangeSet &cs, const QString &campaign, const QByteArray &signKey,
                  ChainHeads &heads) {
    if (!cs.isSigned())
        return QStringLiteral("unsigned");
    if (!provenance::signatureValid(cs, signKey))
        return QStringLiteral("bad_signature");
    provenance::ChainHead next;
    if (provenance::followChain(cs, heads.value(campaign), &next) != provenance::Verdict::Verified)
        return QStringLiteral("chain_out_of_order");
    heads.insert(campaign, next);
    return {};
}

/// Judges each change set on its own: answered in batch order, once per change id. Rejections
/// go to `rejected`; `records` learns the records the plan creates.
PushPlan planPush(const QList<ChangeSet> &changeSets, const DeviceRow &device, qint64 nowMs,
                  const QSet<QString> &campaigns, const Sequences &seqs,
                  QHash<QString, RecordMeta> &records, ChainHeads &heads,
                  QList<QPair<QByteArray, QString>> &rejected) {
    PushPlan plan;
    QSet<QByteArray> handled;
    const qint64 latestClockMs = nowMs + ChangeLog::MaxClockAheadMs;
    for (const ChangeSet &cs : changeSets) {
        if (handled.contains(cs.id))
            continue;
        handled.insert(cs.id);
        if (seqs.contains(cs.id)) {
            plan.storedOrder.append(cs.id); // a repeated push: same answer, nothing stored twice
            continue;
        }
        const QString campaign = normaliseCampaignId(cs.campaignId);
        if (!campaigns.contains(campaign)) {
            rejected.append({cs.id, QStringLiteral("not_member")});
            continue;
        }
        if (qint64(hlc::physicalMs(cs.hlc)) > latestClockMs) {
            rejected.append({cs.id, QStringLiteral("clock_ahead")});
            continue;
        }
        const ChainHeads headsBefore = heads;
        if (const QString why = judgeSeal(cs, campaign, device.signKey, heads); !why.isEmpty()) {
            rejected.append({cs.id, why});
            continue;
        }
        // Never a null QString: Qt SQL binds those as NULL.
        const QString parent = cs.parentId.isEmpty() ? QStringLiteral("") : cs.parentId;
        const RecordMeta meta{cs.recordType, campaign, parent};
        const auto it = records.constFind(cs.recordId);
        if (it == records.cend()) {
            records.insert(cs.recordId, meta);
            plan.newRecords.append({cs.recordId, meta.type, meta.campaign, meta.parent});
        } else if (!(*it == meta)) {
            rejected.append({cs.id, QStringLiteral("conflicting_record")});
            heads = headsBefore; // not stored: its place in the chain stays free
            continue;
        }
        plan.newChanges.append({cs.id, device.id, campaign, cs.recordId, cs.recordType, parent,
                                qint64(cs.hlc), ChangeLog::encodeFields(cs.fields), nowMs,
                                qint64(cs.chainIndex), cs.chainPrev, cs.signature,
                                heads.value(campaign).digest});
        plan.storedOrder.append(cs.id);
    }
    return plan;
}

/// Inserts the plan's records and change sets; `seqs` learns the new sequences.
Result<void> storePlan(ServerDatabase &db, const PushPlan &plan, Sequences &seqs) {
    if (auto r = db.insertRows(QStringLiteral("records"),
                               {QStringLiteral("record_id"), QStringLiteral("record_type"),
                                QStringLiteral("campaign_id"), QStringLiteral("parent_id")},
                               plan.newRecords);
        !r)
        return r;
    return db.insertRows(
        QStringLiteral("changes"),
        {QStringLiteral("change_id"), QStringLiteral("device"), QStringLiteral("campaign_id"),
         QStringLiteral("record_id"), QStringLiteral("record_type"), QStringLiteral("parent_id"),
         QStringLiteral("hlc"), QStringLiteral("fields"), QStringLiteral("received_at"),
         QStringLiteral("chain_index"), QStringLiteral("chain_prev"), QStringLiteral("signature"),
         QStringLiteral("digest")},
        plan.newChanges, QStringLiteral("RETURNING change_id, seq"), [&](const QSqlQuery &q) {
            seqs.insert(q.value(0).toByteArray(), q.value(1).toLongLong());
        });
}

} // namespace

QByteArray ChangeLog::encodeFields(const QList<FieldChange> &fields) {
    QCborArray out;
    for (const FieldChange &f : fields) {
        QCborArray prev;
        for (const QByteArray &p : f.prev)
            prev.append(p);
        out.append(QCborArray{f.field, f.value, prev});
    }
    return QCborValue(out).toCbor();
}

std::optional<QList<FieldChange>> ChangeLog::decodeFields(const QByteArray &cbor) {
    QCborParserError err;
    const QCborValue v = QCborValue::fromCbor(cbor, &err);
    if (err.error != QCborError::NoError || !v.isArray())
        return std::nullopt;
    QList<FieldChange> out;
    for (const QCborValue &fv : v.toArray()) {
        const QCborArray f = fv.toArray();
        if (f.size() != 3 || !f.at(0).isString() || !f.at(1).isByteArray() || !f.at(2).isArray())
            return std::nullopt;
        FieldChange fc;
        fc.field = f.at(0).toString();
        fc.value = f.at(1).toByteArray();
        for (const QCborValue &p : f.at(2).toArray())
            fc.prev.append(p.toByteArray());
        out.append(std::move(fc));
    }
    return out;
}

Result<wire::PushResult> ChangeLog::push(const QList<ChangeSet> &changeSets, const QString &device,
                                         qint64 nowMs) {
    wire::PushResult result;
    if (changeSets.isEmpty())
        return result;
    // On PostgreSQL the push lock makes sequence order equal commit order, so that a pull
    // cursor never passes a change that commits later with a lower number.
    Transaction tx(m_db);
    if (auto r = tx.begin(ServerDatabase::Lock::Push); !r)
        return r.error();

    auto seqs = knownSequences(m_db, changeSets);
    if (!seqs)
        return seqs.error();
    auto memberOf = m_db.campaignsOf(device);
    if (!memberOf)
        return memberOf.error();
    auto pusher = m_db.device(device);
    if (!pusher)
        return pusher.error();
    if (!*pusher)
        return makeError(ErrorCode::NotFound, QStringLiteral("the pushing device is unknown"));
    auto heads = knownHeads(m_db, changeSets, device, *seqs);
    if (!heads)
        return heads.error();
    const QSet<QString> campaigns(memberOf->cbegin(), memberOf->cend());
    auto records = knownRecords(m_db, changeSets, *seqs);
    if (!records)
        return records.error();

    const PushPlan plan =
        planPush(changeSets, **pusher, nowMs, campaigns, *seqs, *records, *heads, result.rejected);
    if (auto r = storePlan(m_db, plan, *seqs); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();

    for (const QByteArray &id : plan.storedOrder) {
        const qint64 seq = seqs->value(id);
        if (seq <= 0)
            return makeError(ErrorCode::Io, QStringLiteral("a stored change has no sequence"));
        result.stored.append({id, seq});
    }
    return result;
}

Result<wire::PullPage> ChangeLog::pull(const QString &device, qint64 after, int limit,
                                       const QString &campaign) {
    QString sql = QStringLiteral(
        "SELECT seq, change_id, record_type, record_id, campaign_id, parent_id, hlc, fields, "
        "chain_index, chain_prev, signature FROM changes WHERE seq > ? AND campaign_id IN "
        "(SELECT campaign_id FROM members WHERE device_id = ?) ");
    QVariantList values{after, device};
    if (!campaign.isEmpty()) {
        sql += QStringLiteral("AND campaign_id = ? ");
        values.append(campaign);
    }
    sql += QStringLiteral("ORDER BY seq LIMIT ?");
    values.append(limit + 1);
    auto q = m_db.exec(sql, values);
    if (!q)
        return q.error();
    wire::PullPage page;
    page.next = after;
    wire::BodyBudget budget(wire::MaxPullPageBytes);
    while (q->next()) {
        if (page.changeSets.size() == limit) {
            page.more = true;
            break;
        }
        auto decoded = decodeFields(q->value(7).toByteArray());
        if (!decoded)
            return makeError(
                ErrorCode::Corrupt,
                QStringLiteral("stored change %1 is damaged").arg(q->value(0).toLongLong()));
        ChangeSet cs;
        cs.serverSeq = q->value(0).toLongLong();
        cs.id = q->value(1).toByteArray();
        cs.device = cs.id.left(16);
        cs.recordType = q->value(2).toString();
        cs.recordId = q->value(3).toString();
        cs.campaignId = q->value(4).toString();
        cs.parentId = q->value(5).toString();
        cs.hlc = Hlc(q->value(6).toLongLong());
        cs.fields = std::move(*decoded);
        if (!q->value(10).isNull()) {
            cs.chainIndex = quint64(q->value(8).toLongLong());
            cs.chainPrev = q->value(9).toByteArray();
            cs.signature = q->value(10).toByteArray();
        }
        if (!budget.admit(cs)) {
            page.more = true;
            break;
        }
        page.next = cs.serverSeq;
        page.changeSets.append(std::move(cs));
    }
    return page;
}

} // namespace fl::server
