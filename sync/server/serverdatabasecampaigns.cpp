// ServerDatabase: campaigns, their members and the key envelopes sealed to them.
#include "sync/server/serverdatabase.h"

#include <QSet>

namespace fl::server {

namespace {

/// Creates the campaign for `office`, or checks that `office` is a member of the existing one.
Result<bool> claimCampaign(ServerDatabase &db, const QString &campaign, const QString &office,
                           qint64 nowMs) {
    auto existing = db.exec(QStringLiteral("SELECT 1 FROM campaigns WHERE id = ?"), {campaign});
    if (!existing)
        return existing.error();
    if (existing->next()) {
        existing->finish();
        // Only a member may change a campaign: another office cannot take it over.
        return db.isMember(campaign, office);
    }
    existing->finish();
    auto ins = db.exec(QStringLiteral("INSERT INTO campaigns (id, created_by, created_at) "
                                      "VALUES (?, ?, ?)"),
                       {campaign, office, nowMs});
    if (!ins)
        return ins.error();
    return true;
}

/// Members: the listed devices, every device an envelope is sealed to, and the office.
/// Nothing when an envelope names another campaign.
std::optional<QStringList> grantMembers(const QString &campaign, const QString &office,
                                        const QStringList &members,
                                        const QList<ServerDatabase::Envelope> &envelopes,
                                        QString *why) {
    QStringList all{office};
    for (const QString &m : members) {
        if (!all.contains(m))
            all.append(m);
    }
    for (const ServerDatabase::Envelope &e : envelopes) {
        if (e.campaignId != campaign) {
            *why = QStringLiteral("an envelope names another campaign");
            return std::nullopt;
        }
        if (!all.contains(e.device))
            all.append(e.device);
    }
    return all;
}

/// False, with `why` naming the first, when a device in `ids` is not enrolled.
Result<bool> allEnrolled(ServerDatabase &db, const QStringList &ids, QString *why) {
    QVariantList values;
    for (const QString &m : ids)
        values.append(m);
    QSet<QString> known;
    auto lookup =
        db.forChunks(values, [&](const QString &ph, const QVariantList &chunk) -> Result<void> {
            auto q =
                db.exec(QStringLiteral("SELECT id FROM devices WHERE id IN (%1)").arg(ph), chunk);
            if (!q)
                return q.error();
            while (q->next())
                known.insert(q->value(0).toString());
            return {};
        });
    if (!lookup)
        return lookup.error();
    for (const QString &m : ids) {
        if (!known.contains(m)) {
            *why = QStringLiteral("device %1 is not enrolled").arg(m);
            return false;
        }
    }
    return true;
}

Result<void> storeGrant(ServerDatabase &db, const QString &campaign, const QStringList &members,
                        const QList<ServerDatabase::Envelope> &envelopes) {
    QList<QVariantList> memberRows;
    for (const QString &m : members)
        memberRows.append({campaign, m});
    if (auto r = db.insertRows(QStringLiteral("members"),
                               {QStringLiteral("campaign_id"), QStringLiteral("device_id")},
                               memberRows, QStringLiteral("ON CONFLICT DO NOTHING"));
        !r)
        return r;
    QList<QVariantList> envelopeRows;
    for (const ServerDatabase::Envelope &e : envelopes)
        envelopeRows.append({campaign, e.device, e.sealed});
    // A new envelope for the same member replaces the old one (a re-sent or re-keyed grant).
    return db.insertRows(
        QStringLiteral("envelopes"),
        {QStringLiteral("campaign_id"), QStringLiteral("device_id"), QStringLiteral("sealed")},
        envelopeRows,
        QStringLiteral("ON CONFLICT (campaign_id, device_id) DO UPDATE SET "
                       "sealed = excluded.sealed"));
}

} // namespace

Result<QStringList> ServerDatabase::campaignsOf(const QString &device) {
    auto q = exec(QStringLiteral("SELECT campaign_id FROM members WHERE device_id = ?"), {device});
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out.append(q->value(0).toString());
    return out;
}

Result<bool> ServerDatabase::isMember(const QString &campaign, const QString &device) {
    auto q = exec(QStringLiteral("SELECT 1 FROM members WHERE campaign_id = ? AND device_id = ?"),
                  {campaign, device});
    if (!q)
        return q.error();
    return q->next();
}

Result<GrantStatus> ServerDatabase::grant(const QString &campaign, const QString &office,
                                          const QStringList &members,
                                          const QList<Envelope> &envelopes, qint64 nowMs,
                                          QString *why) {
    Transaction tx(*this);
    if (auto r = tx.begin(); !r)
        return r.error();
    auto claimed = claimCampaign(*this, campaign, office, nowMs);
    if (!claimed)
        return claimed.error();
    if (!*claimed)
        return GrantStatus::NotMember;
    const auto all = grantMembers(campaign, office, members, envelopes, why);
    if (!all)
        return GrantStatus::Malformed;
    auto enrolled = allEnrolled(*this, *all, why);
    if (!enrolled)
        return enrolled.error();
    if (!*enrolled)
        return GrantStatus::UnknownDevice;
    if (auto r = storeGrant(*this, campaign, *all, envelopes); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return GrantStatus::Granted;
}

Result<QList<ServerDatabase::Envelope>> ServerDatabase::envelopesFor(const QString &device) {
    auto q = exec(QStringLiteral("SELECT campaign_id, device_id, sealed FROM envelopes "
                                 "WHERE device_id = ? ORDER BY campaign_id"),
                  {device});
    if (!q)
        return q.error();
    QList<Envelope> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toByteArray()});
    return out;
}

Result<bool> ServerDatabase::addMember(const QString &campaign, const QString &device,
                                       qint64 nowMs) {
    auto d = this->device(device);
    if (!d)
        return d.error();
    if (!*d)
        return false;
    Transaction tx(*this);
    if (auto r = tx.begin(); !r)
        return r.error();
    if (auto q = exec(QStringLiteral("INSERT INTO campaigns (id, created_by, created_at) "
                                     "VALUES (?, NULL, ?) ON CONFLICT DO NOTHING"),
                      {campaign, nowMs});
        !q)
        return q.error();
    if (auto q = exec(QStringLiteral("INSERT INTO members (campaign_id, device_id) VALUES (?, ?) "
                                     "ON CONFLICT DO NOTHING"),
                      {campaign, device});
        !q)
        return q.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return true;
}

} // namespace fl::server
