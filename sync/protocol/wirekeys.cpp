// Sharing campaign keys: the device list an office seals to, key envelopes, campaign grants.
#include "sync/protocol/wire.h"

#include "sync/protocol/wireinternal.h"

namespace fl::wire {

using namespace detail;

QByteArray encode(const QList<DeviceInfo> &devices) {
    QCborArray a;
    for (const DeviceInfo &d : devices) {
        QCborMap m;
        m.insert(key("device"), d.device);
        m.insert(key("name"), d.name);
        m.insert(key("role"), d.role);
        m.insert(key("box_pk"), d.boxKey);
        m.insert(key("sign_pk"), d.signKey);
        m.insert(key("revoked"), d.revoked);
        a.append(m);
    }
    QCborMap m;
    m.insert(key("devices"), a);
    return closeBody(m);
}

Result<QList<DeviceInfo>> decodeDevices(const QByteArray &body) {
    auto m = openBody(body, Limits{});
    if (!m)
        return m.error();
    QList<DeviceInfo> out;
    for (const QCborValue &v : m->value(key("devices")).toArray()) {
        const QCborMap d = v.toMap();
        DeviceInfo info{
            d.value(key("device")).toByteArray(), d.value(key("name")).toString(),
            d.value(key("role")).toString(),      d.value(key("box_pk")).toByteArray(),
            d.value(key("revoked")).toBool(),     d.value(key("sign_pk")).toByteArray()};
        if (info.device.size() != DeviceIdSize || info.boxKey.size() != 32 ||
            info.signKey.size() != 32)
            return malformed(QStringLiteral("a device entry is malformed"));
        out.append(info);
    }
    return out;
}

namespace {
QCborArray envelopesArray(const QList<KeyEnvelope> &envelopes) {
    QCborArray a;
    for (const KeyEnvelope &e : envelopes)
        a.append(QCborArray{idValue(e.campaignId), e.device, e.sealed});
    return a;
}

Result<QList<KeyEnvelope>> envelopesFrom(const QCborValue &v) {
    if (!v.isArray())
        return malformed(QStringLiteral("envelopes must be an array"));
    QList<KeyEnvelope> out;
    for (const QCborValue &e : v.toArray()) {
        const QCborArray a = e.toArray();
        const auto campaign = idFrom(a.at(0), Limits{}, false);
        // crypto_box_seal adds 48 bytes to the 32-byte key.
        if (a.size() != 3 || !campaign || a.at(1).toByteArray().size() != DeviceIdSize ||
            a.at(2).toByteArray().size() != 80)
            return malformed(QStringLiteral("an envelope must be [campaign, device, sealed key]"));
        out.append({*campaign, a.at(1).toByteArray(), a.at(2).toByteArray()});
    }
    return out;
}
} // namespace

QByteArray encode(const QList<KeyEnvelope> &envelopes) {
    QCborMap m;
    m.insert(key("envelopes"), envelopesArray(envelopes));
    return closeBody(m);
}

Result<QList<KeyEnvelope>> decodeEnvelopes(const QByteArray &body) {
    auto m = openBody(body, Limits{});
    if (!m)
        return m.error();
    return envelopesFrom(m->value(key("envelopes")));
}

QByteArray encode(const CampaignGrant &g) {
    QCborArray members;
    for (const QByteArray &d : g.members)
        members.append(d);
    QCborMap m;
    m.insert(key("campaign"), idValue(g.campaignId));
    m.insert(key("members"), members);
    m.insert(key("envelopes"), envelopesArray(g.envelopes));
    return closeBody(m);
}

Result<CampaignGrant> decodeCampaignGrant(const QByteArray &body) {
    auto m = openBody(body, Limits{});
    if (!m)
        return m.error();
    CampaignGrant g;
    const auto campaign = idFrom(m->value(key("campaign")), Limits{}, false);
    if (!campaign)
        return malformed(QStringLiteral("a grant needs a campaign id"));
    g.campaignId = *campaign;
    for (const QCborValue &d : m->value(key("members")).toArray()) {
        if (d.toByteArray().size() != DeviceIdSize)
            return malformed(QStringLiteral("a member must be a 16-byte device id"));
        g.members.append(d.toByteArray());
    }
    auto env = envelopesFrom(m->value(key("envelopes")));
    if (!env)
        return env.error();
    g.envelopes = *env;
    return g;
}

} // namespace fl::wire
