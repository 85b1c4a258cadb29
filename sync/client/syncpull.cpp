// Pull: pages of change sets after the cursor, applied, and parked when they cannot be yet.
#include "sync/client/syncengine.h"

#include "store/store.h"
#include "sync/client/syncclient.h"
#include "sync/client/syncengineinternal.h"
#include "sync/client/synclog.h"
#include "sync/protocol/wire.h"

#include <QHash>
#include <QSet>

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
    QHash<QByteArray, QString> why;
    for (const auto &[id, error] : applied.rejected)
        why.insert(id, error.message);
    QSet<QByteArray> already;
    for (const ParkedChange &p : std::as_const(parked))
        already.insert(p.changeSet.id);
    for (const ChangeSet &cs : changeSets) {
        const auto it = why.constFind(cs.id);
        if (it == why.cend() || already.contains(cs.id))
            continue;
        qCInfo(lcSync) << "pulled change set" << cs.id.toHex() << "kept for later:" << *it;
        parked.append({cs, *it});
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
    QList<ChangeSet> changeSets;
    for (const ParkedChange &p : std::as_const(*parked))
        changeSets.append(p.changeSet);
    auto applied = m_store->applyRemote(changeSets);
    if (!applied)
        return localFailure(applied.error());
    report.parkedApplied = applied->applied;
    if (applied->rejected.isEmpty()) {
        if (auto r = m_state->setParked({}); !r)
            return localFailure(r.error());
        return {};
    }
    QList<ParkedChange> still;
    return park(changeSets, *applied, still);
}

SyncResult<void> SyncEngine::pull(SyncReport &report) {
    setPhase(SyncProgress::Pull);
    auto cursor = m_state->cursor();
    if (!cursor)
        return localFailure(cursor.error());
    auto parked = m_state->parked();
    if (!parked)
        return localFailure(parked.error());
    while (true) {
        if (auto r = checkpoint(); !r)
            return r;
        const QByteArray target = "/v1/pull?after=" + QByteArray::number(*cursor) +
                                  "&limit=" + QByteArray::number(m_options.pullLimit);
        auto body = m_client->cbor("GET", target);
        if (!body)
            return body.failure();
        auto page = wire::decodePullPage(*body);
        if (!page)
            return protocolFailure(page.error().message);
        if (!followsCursor(*page, *cursor))
            return protocolFailure(QStringLiteral("the pull page does not follow the cursor"));

        auto applied = m_store->applyRemote(page->changeSets);
        if (!applied)
            return localFailure(applied.error());
        if (auto r = park(page->changeSets, *applied, *parked); !r)
            return r;
        // Only now, with the page merged, does the cursor move: a crash in between pulls the
        // page again, and applying it again is a no-op.
        if (auto r = m_state->setCursor(page->next); !r)
            return localFailure(r.error());
        *cursor = page->next;
        report.pulledApplied += applied->applied;
        m_progress.pulled += applied->applied + applied->duplicates;
        publishProgress();
        if (!page->more)
            return {};
    }
}

} // namespace fl::sync
