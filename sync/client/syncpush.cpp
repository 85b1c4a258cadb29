// Push: local change sets to the server in batches, and what it refused.
#include "sync/client/syncengine.h"

#include "store/store.h"
#include "sync/client/syncclient.h"
#include "sync/client/syncengineinternal.h"
#include "sync/client/synclog.h"
#include "sync/protocol/bodybudget.h"
#include "sync/protocol/wire.h"
#include "vault/vault.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace fl::sync {

namespace {

using SentChanges = QHash<QByteArray, const ChangeSet *>;

/// Rejection reasons that can go away without anyone touching the change set: the office may
/// still share the campaign, the server's clock catches up. Such change sets stay pending.
bool isDeferredReason(const QString &reason) {
    // chain_out_of_order: an earlier change set of the same campaign was refused; this one is
    // placed anew after what the server holds and sent again.
    return reason == QLatin1String("not_member") || reason == QLatin1String("clock_ahead") ||
           reason == QLatin1String("chain_out_of_order");
}

/// The next batch: pending change sets not skipped in this sync, at most `size` of them and
/// no more than fit in a push body (always at least one).
QList<ChangeSet> takeBatch(QList<ChangeSet> &pending, const QSet<QByteArray> &skip, int size) {
    QList<ChangeSet> batch;
    wire::BodyBudget budget(wire::MaxPushBodyBytes);
    for (ChangeSet &cs : pending) {
        if (skip.contains(cs.id))
            continue;
        if (!budget.admit(cs))
            break;
        batch.append(std::move(cs));
        if (batch.size() == size)
            break;
    }
    return batch;
}

/// The answer must name every change set sent, once, and nothing else: anything else is not
/// trusted, and nothing of it is recorded.
bool answersBatch(const wire::PushResult &result, const SentChanges &sent) {
    QSet<QByteArray> answered;
    for (const auto &[id, seq] : std::as_const(result.stored))
        answered.insert(id);
    for (const auto &[id, reason] : std::as_const(result.rejected))
        answered.insert(id);
    return answered.size() == sent.size() &&
           result.stored.size() + result.rejected.size() == sent.size() &&
           std::all_of(answered.cbegin(), answered.cend(),
                       [&](const QByteArray &id) { return sent.contains(id); });
}

/// Notes the refused change sets: all are skipped for the rest of this sync, and those not
/// deferred are set aside in `rejected`. Returns whether any was set aside.
bool noteRefusals(const wire::PushResult &result, const SentChanges &sent, QSet<QByteArray> &skip,
                  QList<RejectedChange> &rejected, SyncReport &report) {
    bool setAside = false;
    for (const auto &[id, reason] : std::as_const(result.rejected)) {
        skip.insert(id);
        if (isDeferredReason(reason)) {
            ++report.deferred;
            if (reason == QLatin1String("clock_ahead"))
                ++report.deferredClockAhead;
            continue;
        }
        const ChangeSet *cs = sent.value(id);
        rejected.append(
            {id, cs->recordType, cs->recordId, reason, QDateTime::currentMSecsSinceEpoch()});
        ++report.pushRejected;
        setAside = true;
        qCInfo(lcSync) << "the server refused change set" << id.toHex() << "of a" << cs->recordType
                       << "record:" << reason;
    }
    return setAside;
}

} // namespace

SyncResult<void> SyncEngine::push(SyncReport &report) {
    setPhase(SyncProgress::Push);
    auto rejected = m_state->rejected();
    if (!rejected)
        return localFailure(rejected.error());
    // Change sets not to send again in this sync: set aside for good, or deferred just now.
    QSet<QByteArray> skip;
    for (const RejectedChange &r : std::as_const(*rejected))
        skip.insert(r.changeId);
    auto total = m_store->pendingCount();
    if (!total)
        return localFailure(total.error());
    m_progress.toPush = std::max(0, *total - int(skip.size()));
    publishProgress();

    const QByteArray device = m_vault.deviceId();
    while (true) {
        if (auto r = checkpoint(); !r)
            return r;
        auto pending = m_store->pending(m_options.pushBatch + int(skip.size()));
        if (!pending)
            return localFailure(pending.error());
        QList<ChangeSet> batch = takeBatch(*pending, skip, m_options.pushBatch);
        if (batch.isEmpty())
            return {};
        if (auto r = m_store->sealForPush(batch); !r)
            return localFailure(r.error());

        auto body = m_client->cbor("POST", "/v1/push", wire::encodePush(device, batch));
        if (!body)
            return body.failure();
        auto result = wire::decodePushResult(*body);
        if (!result)
            return protocolFailure(result.error().message);
        SentChanges sent;
        for (const ChangeSet &cs : batch)
            sent.insert(cs.id, &cs);
        if (!answersBatch(*result, sent))
            return protocolFailure(QStringLiteral("the push answer does not match the change "
                                                  "sets sent"));

        if (auto r = m_store->markSynced(result->stored); !r)
            return localFailure(r.error());
        QList<QByteArray> refused;
        for (const auto &[id, reason] : std::as_const(result->rejected))
            refused.append(id);
        if (auto r = m_store->unseal(refused); !r)
            return localFailure(r.error());
        if (noteRefusals(*result, sent, skip, *rejected, report)) {
            if (auto r = m_state->setRejected(*rejected); !r)
                return localFailure(r.error());
        }
        m_progress.pushed += int(result->stored.size());
        publishProgress();
    }
}

Result<void> SyncEngine::retryRejected() {
    if (auto r = ready(false); !r)
        return makeError(ErrorCode::Io, r.failure().message);
    return m_state->setRejected({});
}

} // namespace fl::sync
