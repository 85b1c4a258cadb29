// The office's requests: devices, enrolment codes, and sharing a campaign's key.
#include "sync/client/syncengine.h"

#include "store/store.h"
#include "sync/client/syncclient.h"
#include "sync/client/syncengineinternal.h"
#include "sync/protocol/wire.h"

#include <algorithm>

namespace fl::sync {

namespace {

/// The devices a campaign goes to: those asked for, which must all be enrolled and not revoked,
/// or, when none is asked for, every device that is not revoked.
SyncResult<QList<wire::DeviceInfo>> chooseDevices(const QList<wire::DeviceInfo> &known,
                                                  const QList<QByteArray> &devices) {
    QList<wire::DeviceInfo> chosen;
    if (devices.isEmpty()) {
        for (const wire::DeviceInfo &d : known) {
            if (!d.revoked)
                chosen.append(d);
        }
        return chosen;
    }
    for (const QByteArray &id : devices) {
        const auto it = std::find_if(known.cbegin(), known.cend(),
                                     [&](const wire::DeviceInfo &d) { return d.device == id; });
        if (it == known.cend() || it->revoked)
            return makeFailure(SyncError::BadRequest, {}, 0,
                               QStringLiteral("device %1 is not enrolled or was revoked")
                                   .arg(QString::fromLatin1(id.toHex())));
        chosen.append(*it);
    }
    return chosen;
}

} // namespace

SyncResult<void> SyncEngine::readyAsOffice() {
    if (auto r = notBusy(); !r)
        return r;
    m_client->resetCancel();
    if (auto r = ready(true); !r)
        return r;
    auto role = m_state->role();
    if (!role)
        return localFailure(role.error());
    if (*role != QLatin1String("office"))
        return makeFailure(SyncError::Forbidden, QStringLiteral("forbidden"));
    return {};
}

SyncResult<QList<wire::DeviceInfo>> SyncEngine::fetchDevices() {
    auto body = m_client->cbor("GET", "/v1/devices");
    if (!body)
        return body.failure();
    auto known = wire::decodeDevices(*body);
    if (!known)
        return protocolFailure(known.error().message);
    return *known;
}

SyncResult<QList<wire::DeviceInfo>> SyncEngine::devices() {
    if (auto r = readyAsOffice(); !r)
        return r.failure();
    return fetchDevices();
}

SyncResult<wire::EnrolCodeResponse> SyncEngine::issueEnrolCode(const QString &role, int hours) {
    if (auto r = readyAsOffice(); !r)
        return r.failure();
    auto body = m_client->cbor("POST", "/v1/enrol-codes",
                               wire::encode(wire::EnrolCodeRequest{role, hours}));
    if (!body)
        return body.failure();
    auto answer = wire::decodeEnrolCodeResponse(*body);
    if (!answer)
        return protocolFailure(answer.error().message);
    if (answer->role != role)
        return protocolFailure(QStringLiteral("the server issued a code for another role"));
    return *answer;
}

SyncResult<QList<QByteArray>> SyncEngine::shareCampaign(const QString &campaignId,
                                                        const QList<QByteArray> &devices) {
    if (auto r = readyAsOffice(); !r)
        return r.failure();
    if (auto key = m_store->campaignKey(campaignId); !key)
        return localFailure(key.error());

    auto known = fetchDevices();
    if (!known)
        return known.failure();
    auto chosen = chooseDevices(*known, devices);
    if (!chosen)
        return chosen.failure();

    wire::CampaignGrant grant;
    grant.campaignId = campaignId;
    QList<QByteArray> out;
    for (const wire::DeviceInfo &d : std::as_const(*chosen)) {
        auto sealed = m_store->sealCampaignKey(campaignId, d.boxKey);
        if (!sealed)
            return localFailure(sealed.error());
        grant.members.append(d.device);
        grant.envelopes.append({campaignId, d.device, *sealed});
        out.append(d.device);
    }
    HttpRequest put;
    put.method = "PUT";
    put.target = "/v1/campaigns";
    put.body = wire::encode(grant);
    put.accept = {200, 204};
    if (auto r = m_client->execute(put); !r)
        return r.failure();
    return out;
}

} // namespace fl::sync
