// How the ledger reads the store: pages of a round on demand (with read-ahead on the
// background reader), or the whole round at once when a filter, search or sort needs it.
#include "ledgermodel.h"

#include "appservices.h"
#include "backgroundreader.h"
#include "store/inspection.h"
#include "store/store.h"

#include <algorithm>
#include <utility>

namespace fl::app {

namespace {
constexpr int RoundPage = 2000; // findings decrypted at a time when the whole round is read
} // namespace

bool LedgerModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && !m_changingRows && !m_allLoaded && ready() &&
           m_paged.size() < m_pagedTotal;
}

void LedgerModel::fetchMore(const QModelIndex &parent) {
    if (!canFetchMore(parent))
        return;
    QList<Row> rows;
    if (m_prefetchAt == int(m_paged.size()) && !m_prefetched.isEmpty()) {
        rows = std::exchange(m_prefetched, {});
        m_prefetchAt = -1;
    } else {
        dropPrefetch(); // not there yet: read it here
        RecordFilter filter;
        filter.campaignId = m_campaignId;
        auto page = m_services->inspection().findings(filter, int(m_paged.size()), PageSize);
        if (!page || page->isEmpty()) {
            if (!page)
                setError(page.error().message);
            setTotal(int(m_paged.size())); // the store has fewer than it counted: stop asking
            return;
        }
        rows.reserve(page->size());
        for (const Finding &f : std::as_const(*page))
            rows.append(toRow(f));
    }
    const int first = int(m_paged.size());
    m_changingRows = true;
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_paged.append(rows);
    endInsertRows();
    m_changingRows = false;
    Q_EMIT countChanged();
    prefetch();
}

void LedgerModel::prefetch() {
    if (m_prefetchAt >= 0 || m_allLoaded || !ready() || m_paged.size() >= m_pagedTotal)
        return;
    const int request = ++m_prefetches;
    m_prefetchAt = int(m_paged.size());
    m_services->reader().read<QList<Row>>(
        this,
        [campaignId = m_campaignId, offset = m_prefetchAt](Store &,
                                                           Inspection &in) -> Result<QList<Row>> {
            RecordFilter filter;
            filter.campaignId = campaignId;
            auto page = in.findings(filter, offset, PageSize);
            if (!page)
                return page.error();
            QList<Row> rows;
            rows.reserve(page->size());
            for (const Finding &f : std::as_const(*page))
                rows.append(toRow(f));
            return rows;
        },
        [this, request](Result<QList<Row>> rows) {
            if (request != m_prefetches)
                return; // dropped meanwhile
            if (!rows || rows->isEmpty()) {
                m_prefetchAt = -1; // fetchMore reads it itself, and says what went wrong
                return;
            }
            m_prefetched = std::move(*rows);
        });
}

void LedgerModel::dropPrefetch() {
    ++m_prefetches;
    m_prefetchAt = -1;
    m_prefetched.clear();
}

void LedgerModel::loadContext() {
    m_campaignName.clear();
    m_units.clear();
    m_unitNames.clear();
    m_visits.clear();
    m_itemCodes.clear();
    if (ready()) {
        const Inspection &in = m_services->inspection();
        if (auto c = in.campaign(m_campaignId))
            m_campaignName = c->name;
        if (auto units = in.units(m_campaignId)) {
            m_units = *units;
            for (const Unit &u : std::as_const(m_units))
                m_unitNames.insert(u.id, u.name);
        }
        if (auto visits = in.visits(m_campaignId)) {
            for (const Visit &v : std::as_const(*visits))
                m_visits.insert(v.id, {v.unitId, v.date});
        }
        if (auto items = in.checklist(m_campaignId)) {
            for (const ChecklistItem &item : std::as_const(*items))
                m_itemCodes.insert(item.id, item.code);
        }
    }
    Q_EMIT choicesChanged();
}

void LedgerModel::loadAll() {
    // The one read of the whole round (see the class comment); everything after works on it.
    if (m_loadRequest || !ready())
        return;
    const int request = ++m_loads;
    m_loadRequest = request;
    m_changedDuringLoad.clear();
    Q_EMIT loadingChanged();
    m_services->reader().read<Round>(
        this,
        [campaignId = m_campaignId](Store &, Inspection &in) -> Result<Round> {
            // Page by page and without the descriptions the list does not show: the round's
            // rows are all that stays in memory, not 50,000 whole findings on top of them.
            RecordFilter filter;
            filter.campaignId = campaignId;
            filter.onlyFields = {
                QLatin1String(fieldkey::VisitId), QLatin1String(fieldkey::ChecklistItemId),
                QLatin1String(fieldkey::Title),   QLatin1String(fieldkey::ResponsibleParty),
                QLatin1String(fieldkey::DueDate), QLatin1String(fieldkey::Deduction),
                QLatin1String(fieldkey::Status),  QLatin1String(fieldkey::Severity),
                QLatin1String(fieldkey::Level),
            };
            Round round;
            for (int offset = 0;; offset += RoundPage) {
                auto page = in.findings(filter, offset, RoundPage);
                if (!page)
                    return page.error();
                for (const Finding &f : std::as_const(*page)) {
                    round.indexOf.insert(f.id, int(round.rows.size()));
                    round.rows.append(toRow(f));
                }
                if (page->size() < RoundPage)
                    break;
            }
            return round;
        },
        [this, request](Result<Round> round) { finishLoadAll(request, std::move(round)); });
}

void LedgerModel::cancelLoad() {
    if (!m_loadRequest)
        return;
    m_loadRequest.reset(); // its result is dropped when it comes
    m_changedDuringLoad.clear();
    Q_EMIT loadingChanged();
}

void LedgerModel::finishLoadAll(int request, Result<Round> round) {
    if (m_loadRequest != request)
        return; // reloaded since: another round, or the vault locked
    m_loadRequest.reset();
    const QSet<QString> changed = std::exchange(m_changedDuringLoad, {});
    if (!round) {
        setError(round.error().message);
        Q_EMIT loadingChanged();
        return;
    }
    // A new filter shows another list: every row goes, which is what a reset means.
    m_changingRows = true;
    beginResetModel();
    m_all = std::move(round->rows);
    m_indexOf = std::move(round->indexOf);
    m_paged.clear();
    dropPrefetch();
    setAllLoaded(true);
    rebuildView();
    endResetModel();
    m_changingRows = false;
    Q_EMIT loadingChanged();
    Q_EMIT countChanged();
    Q_EMIT totalCountChanged();
    // The read may or may not hold what changed while it ran: read those again.
    for (const QString &id : changed)
        onFindingChanged(id);
}

void LedgerModel::rebuildView() {
    m_view.clear();
    for (int i = 0; i < int(m_all.size()); ++i) {
        if (matches(m_all.at(i)))
            m_view.append(i);
    }
    if (m_sortOrder != ByRecorded)
        std::sort(m_view.begin(), m_view.end(), [this](int a, int b) { return less(a, b); });
}

void LedgerModel::applyFilter() {
    if (!ready() || (!m_allLoaded && !filtering()))
        return;
    if (!m_allLoaded) {
        loadAll(); // the filter applies when the round is in
        return;
    }
    // A new filter shows another list: every row goes, which is what a reset means.
    m_changingRows = true;
    beginResetModel();
    rebuildView();
    endResetModel();
    m_changingRows = false;
    Q_EMIT countChanged();
    Q_EMIT totalCountChanged();
}

void LedgerModel::reload() {
    m_changingRows = true;
    beginResetModel();
    m_paged.clear();
    m_all.clear();
    m_indexOf.clear();
    m_view.clear();
    m_pagedTotal = 0;
    setAllLoaded(false);
    cancelLoad();
    dropPrefetch();
    loadContext();
    if (ready()) {
        RecordFilter filter;
        filter.campaignId = m_campaignId;
        auto total = m_services->store().count(QLatin1String(recordtype::Finding), filter);
        m_pagedTotal = total ? *total : 0;
        if (!total)
            setError(total.error().message);
        else
            setError({});
    }
    endResetModel();
    m_changingRows = false;
    if (!m_allLoaded)
        fetchMore({});
    Q_EMIT countChanged();
    Q_EMIT totalCountChanged();
    if (filtering())
        loadAll(); // the first page shows meanwhile
}

} // namespace fl::app
