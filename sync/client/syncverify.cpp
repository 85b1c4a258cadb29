// The verifier: a campaign's whole history as the server holds it, audited on this device.
#include "sync/client/syncengine.h"

#include "store/store.h"
#include "sync/client/syncclient.h"
#include "sync/client/syncengineinternal.h"
#include "sync/protocol/wire.h"

namespace fl::sync {

SyncResult<audit::Report> SyncEngine::verifyCampaign(const QString &campaignId) {
    if (auto r = notBusy(); !r)
        return r.failure();
    m_client->resetCancel();
    if (auto r = ready(true); !r)
        return r.failure();
    QList<ChangeSet> serverCopy;
    qint64 cursor = 0;
    while (true) {
        auto page = fetchPage(cursor, campaignId);
        if (!page)
            return page.failure();
        serverCopy += page->changeSets;
        cursor = page->next;
        if (!page->more)
            break;
    }
    m_signersFetched = false;
    if (auto r = learnSigners(serverCopy); !r)
        return r.failure();
    auto local = m_store->changeSets(campaignId);
    if (!local)
        return localFailure(local.error());
    return audit::run(
        serverCopy,
        [this](const QByteArray &device) {
            auto key = m_store->signerKey(device);
            return key ? *key : QByteArray();
        },
        *local);
}

} // namespace fl::sync
