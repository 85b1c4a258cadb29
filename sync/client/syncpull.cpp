// Pull: pages of change sets after the cursor, applied, and parked when they cannot be yet.
#include "sync/client/syncengine.h"

#include "change/provenance.h"
#include "store/store.h"
#include "sync/client/syncclient.h"
#include "sync/client/syncengineinternal.h"
#include "sync/client/synclog.h"
#include "sync/protocol/wire.h"

#include <QHash>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace fl::sync {

namespace {

/// A page must move forward and hold only what it claims to: a server that went back in time
/// or repeats a page forever is not followed.
bool followsCursor(const wire::PullPage &page, qint64 cursor) {
    const bool inRange =
        std::all_of(page.changeSets.cbegin(), page.changeSets.cend(), [&](const ChangeSet &cs) {
            return cs.serverSeq > cursor && cs.serverSeq <= page.next;
        });
    return page.next >= cursor && inRange &&
           !(page.more && page.next == cursor && page.changeSets.isEmpty());
}

} // namespace

SyncResult<void> SyncEngine::park(const QList<ChangeSet> &changeSets, const ApplyReport &applied,
                                  QList<ParkedChange> &parked) {
    if (applied.rejected.isEmpty())
        return {};
    QHash<QByteArray, const RejectedChangeSet *> why;
    for (const RejectedChangeSet &r : applied.rejected)
        why.insert(r.id, &r);
    QSet<QByteArray> already;
    for (const ParkedChange &p : std::as_const(parked))
        already.insert(p.changeSet.id);
    for (const ChangeSet &cs : changeSets) {
        const auto it = why.constFind(cs.id);
        if (it == why.cend() || already.contains(cs.id))
            continue;
        const RejectedChangeSet &r = **it;
        if (r.final)
            qCWarning(lcSync) << "pulled change set" << cs.id.toHex() << "refused:" << r.code;
        else
            qCInfo(lcSync) << "pulled change set" << cs.id.toHex() << "kept for later:" << r.code;
        parked.append({cs, r.error.message, r.code, r.final});
    }
    if (auto r = m_state->setParked(parked); !r)
        return localFailure(r.error());
    return {};
}

SyncResult<void> SyncEngine::retryParked(SyncReport &report) {
    auto parked = m_state->parked();
    if (!parked)
        return localFailure(parked.error());
    if (parked->isEmpty())
        return {};
    // Refused for good stays as it is, to be seen; the rest is tried again in server order, so
    // that a change set that filled a gap lets the ones after it through.
    // A refused copy is dropped once the genuine change set of that id came and applied: the
    // forgery was logged when it was refused.
    QList<ChangeSet> changeSets;
    QList<ParkedChange> still;
    for (const ParkedChange &p : std::as_const(*parked)) {
        if (!p.final) {
            changeSets.append(p.changeSet);
            continue;
        }
        auto genuine = m_store->hasChangeSet(p.changeSet.id);
        if (!genuine)
            return localFailure(genuine.error());
        if (!*genuine)
            still.append(p);
    }
    if (changeSets.isEmpty()) {
        if (still.size() == parked->size())
            return {};
        if (auto r = m_state->setParked(still); !r)
            return localFailure(r.error());
        return {};
    }
    std::sort(changeSets.begin(), changeSets.end(),
              [](const ChangeSet &a, const ChangeSet &b) { return a.serverSeq < b.serverSeq; });
    if (auto r = learnSigners(changeSets); !r)
        return r;
    auto applied = m_store->applyRemote(changeSets);
    if (!applied)
        return localFailure(applied.error());
    report.parkedApplied += applied->applied;
    if (auto r = m_state->setParked(still); !r)
        return localFailure(r.error());
    return park(changeSets, *applied, still);
}

SyncResult<void> SyncEngine::learnSigners(const QList<ChangeSet> &changeSets) {
    QSet<QByteArray> unknown;
    for (const ChangeSet &cs : changeSets) {
        if (unknown.contains(cs.device))
            continue;
        auto key = m_store->signerKey(cs.device);
        if (!key)
            return localFailure(key.error());
        if (key->isEmpty())
            unknown.insert(cs.device);
    }
    if (unknown.isEmpty() || m_signersFetched)
        return {};
    m_signersFetched = true; // once per sync: a device the server does not list stays unknown
    auto body = m_client->cbor("GET", "/v1/signers");
    if (!body)
        return body.failure();
    auto signers = wire::decodeDevices(*body);
    if (!signers)
        return protocolFailure(signers.error().message);
    for (const wire::DeviceInfo &d : std::as_const(*signers)) {
        if (auto r = m_store->pinSigner(d.device, d.signKey); !r) {
            if (r.error().code != ErrorCode::Conflict)
                return localFailure(r.error());
            // The pinned key stays; what the swapped one signed will not verify.
            qCWarning(lcSync).noquote() << r.error().message;
        }
    }
    return {};
}

SyncResult<wire::PullPage> SyncEngine::fetchPage(qint64 cursor, const QString &campaign) {
    const QByteArray only =
        campaign.isEmpty() ? QByteArray() : "&campaign=" + QUrl::toPercentEncoding(campaign);
    const QByteArray target = "/v1/pull?after=" + QByteArray::number(cursor) +
                              "&limit=" + QByteArray::number(m_options.pullLimit) + only;
    auto body = m_client->cbor("GET", target);
    if (!body)
        return body.failure();
    auto page = wire::decodePullPage(*body);
    if (!page)
        return protocolFailure(page.error().message);
    if (!followsCursor(*page, cursor))
        return protocolFailure(QStringLiteral("the pull page does not follow the cursor"));
    return *page;
}

SyncResult<void> SyncEngine::pullPages(qint64 cursor, const QString &campaign, SyncReport &report,
                                       QList<ParkedChange> &parked,
                                       const std::function<SyncResult<void>(qint64)> &merged) {
    while (true) {
        if (auto r = checkpoint(); !r)
            return r;
        auto page = fetchPage(cursor, campaign);
        if (!page)
            return page.failure();
        if (auto r = learnSigners(page->changeSets); !r)
            return r;
        auto applied = m_store->applyRemote(page->changeSets);
        if (!applied)
            return localFailure(applied.error());
        if (auto r = park(page->changeSets, *applied, parked); !r)
            return r;
        if (auto r = merged(page->next); !r)
            return r;
        cursor = page->next;
        report.pulledApplied += applied->applied;
        m_progress.pulled += applied->applied + applied->duplicates;
        publishProgress();
        if (!page->more)
            return {};
    }
}

SyncResult<void> SyncEngine::pull(SyncReport &report) {
    setPhase(SyncProgress::Pull);
    auto cursor = m_state->cursor();
    if (!cursor)
        return localFailure(cursor.error());
    auto parked = m_state->parked();
    if (!parked)
        return localFailure(parked.error());
    // Only once a page is merged does the cursor move: a crash in between pulls the page
    // again, and applying it again is a no-op.
    auto pulled = pullPages(*cursor, {}, report, *parked, [this](qint64 next) -> SyncResult<void> {
        if (auto r = m_state->setCursor(next); !r)
            return localFailure(r.error());
        return {};
    });
    if (!pulled)
        return pulled;
    // A page may have brought what a parked change set waited for (an author's earlier change
    // set the server sent late): try them again now, not a sync later.
    if (parked->isEmpty())
        return {};
    if (auto r = retryParked(report); !r)
        return r;
    return repairGaps(report);
}

SyncResult<void> SyncEngine::repairGaps(SyncReport &report) {
    // A change set still missing from an author's chain lies behind the cursor (withheld, or
    // refused as tampered and since put right on the server): read the campaign's history
    // again from its start; what is here already is skipped as a duplicate.
    auto parked = m_state->parked();
    if (!parked)
        return localFailure(parked.error());
    QSet<QString> campaigns;
    for (const ParkedChange &p : std::as_const(*parked)) {
        if (!p.final && p.code == provenance::code(provenance::Verdict::ChainGap))
            campaigns.insert(p.changeSet.campaignId);
    }
    if (campaigns.isEmpty())
        return {};
    for (const QString &campaign : std::as_const(campaigns)) {
        qCInfo(lcSync) << "reading campaign" << campaign << "again to fill a gap in a chain";
        auto r = pullPages(0, campaign, report, *parked, [](qint64) { return SyncResult<void>(); });
        if (!r)
            return r;
    }
    return retryParked(report);
}

} // namespace fl::sync
