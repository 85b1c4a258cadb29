// Enrolment and the campaign keys sealed to this device.
#include "sync/client/syncengine.h"

#include "store/store.h"
#include "sync/client/syncclient.h"
#include "sync/client/syncengineinternal.h"
#include "sync/client/synclog.h"
#include "sync/protocol/wire.h"
#include "vault/vault.h"

namespace fl::sync {

SyncResult<int> SyncEngine::receiveKeys() {
    auto body = m_client->cbor("GET", "/v1/keys");
    if (!body)
        return body.failure();
    auto envelopes = wire::decodeEnvelopes(*body);
    if (!envelopes)
        return protocolFailure(envelopes.error().message);
    const QByteArray me = m_vault.deviceId();
    int added = 0;
    for (const wire::KeyEnvelope &e : std::as_const(*envelopes)) {
        if (e.device != me || m_store->hasCampaignKey(e.campaignId))
            continue;
        auto key = m_vault.openSealedKey(e.sealed);
        if (!key) {
            // Sealed to an earlier identity of this device, or damaged: not usable, not fatal.
            qCWarning(lcSync) << "a key envelope for campaign" << e.campaignId
                              << "does not open:" << key.error().message;
            continue;
        }
        if (auto r = m_store->addCampaignKey(e.campaignId, *key); !r)
            return localFailure(r.error());
        ++added;
    }
    return added;
}

SyncResult<int> SyncEngine::fetchKeys() {
    if (auto r = notBusy(); !r)
        return r.failure();
    m_client->resetCancel();
    if (auto r = ready(true); !r)
        return r.failure();
    return receiveKeys();
}

SyncResult<QString> SyncEngine::enrol(const QString &serverUrl, const QString &code,
                                      const QString &name) {
    if (auto r = notBusy(); !r)
        return r.failure();
    m_client->resetCancel();
    auto url = SyncClient::checkServerUrl(serverUrl);
    if (!url)
        return url.failure();
    if (auto r = ready(false); !r)
        return r.failure();
    m_client->setServer(*url);
    wire::EnrolRequest request{code.trimmed(), m_vault.deviceId(), m_vault.signingPublicKey(),
                               m_vault.boxPublicKey(), name};
    auto body = m_client->cbor("POST", "/v1/enrol", wire::encode(request));
    if (!body)
        return body.failure();
    auto answer = wire::decodeEnrolResponse(*body);
    if (!answer)
        return protocolFailure(answer.error().message);
    if (answer->device != m_vault.deviceId() ||
        (answer->role != QLatin1String("inspector") && answer->role != QLatin1String("office")))
        return protocolFailure(QStringLiteral("the enrolment answer names another device or an "
                                              "unknown role"));
    if (auto r = m_state->setEnrolment(url->toString(), answer->role); !r)
        return localFailure(r.error());
    // The keys come with the next sync if this fails: enrolment itself succeeded.
    if (auto keys = receiveKeys(); !keys)
        qCInfo(lcSync) << "keys not fetched after enrolment:" << keys.failure().message;
    // "Not enrolled" stopped automatic syncing; now it can start.
    if (m_halted && m_automatic) {
        m_halted = false;
        QMetaObject::invokeMethod(
            this, [this] { trigger(Trigger::Reconnect); }, Qt::QueuedConnection);
    }
    return answer->role;
}

Result<QString> SyncEngine::role() {
    if (auto r = ready(false); !r)
        return makeError(ErrorCode::Io, r.failure().message);
    return m_state->role();
}

} // namespace fl::sync
