#include "ledgermodel.h"

#include "appservices.h"
#include "backgroundreader.h"
#include "labels.h"
#include "reportexport.h"
#include "store/inspection.h"
#include "store/store.h"

#include <QDir>

#include <algorithm>
#include <utility>

namespace fl::app {

namespace {
constexpr int RoundPage = 2000; // findings decrypted at a time when the whole round is read

QVariantMap choice(const QVariant &value, const QString &text) {
    return {{QStringLiteral("value"), value}, {QStringLiteral("text"), text}};
}
} // namespace

LedgerModel::LedgerModel(QObject *parent)
    : ServiceListModel(parent)
    , m_today(QDate::currentDate()) {}

void LedgerModel::setCampaignId(const QString &campaignId) {
    if (setKey(m_campaignId, campaignId, &LedgerModel::campaignIdChanged))
        reload();
}

void LedgerModel::setStatusFilter(int status) {
    if (status < -1 || status > int(FindingStatus::Closed))
        status = -1;
    if (m_statusFilter == status)
        return;
    m_statusFilter = status;
    Q_EMIT filterChanged();
    applyFilter();
}

void LedgerModel::setUnitFilter(const QString &unitId) {
    if (m_unitFilter == unitId)
        return;
    m_unitFilter = unitId;
    Q_EMIT filterChanged();
    applyFilter();
}

void LedgerModel::setOverdueOnly(bool overdueOnly) {
    if (m_overdueOnly == overdueOnly)
        return;
    m_overdueOnly = overdueOnly;
    Q_EMIT filterChanged();
    applyFilter();
}

void LedgerModel::setSearch(const QString &search) {
    if (m_search == search)
        return;
    const QStringList terms = search.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const bool sameTerms = terms == m_terms;
    m_search = search;
    m_terms = terms;
    Q_EMIT filterChanged();
    if (!sameTerms)
        applyFilter();
}

void LedgerModel::setSortOrder(SortOrder order) {
    if (m_sortOrder == order)
        return;
    m_sortOrder = order;
    Q_EMIT filterChanged();
    applyFilter();
}

void LedgerModel::setToday(const QDate &today) {
    if (m_today == today || !today.isValid())
        return;
    m_today = today;
    Q_EMIT todayChanged();
    if (m_overdueOnly && m_allLoaded)
        applyFilter();
    else if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {OverdueRole});
}

int LedgerModel::totalCount() const {
    return m_allLoaded ? int(m_view.size()) : m_pagedTotal;
}

QVariantList LedgerModel::unitChoices() const {
    QVariantList list{choice(QString(), tr("All units"))};
    for (const Unit &u : m_units)
        list.append(choice(u.id, u.name));
    return list;
}

QVariantList LedgerModel::statusChoices() {
    QVariantList list{choice(-1, tr("All statuses"))};
    for (const FindingStatus s : {FindingStatus::Open, FindingStatus::Rectifying,
                                  FindingStatus::AwaitingVerification, FindingStatus::Closed})
        list.append(choice(int(s), Labels::status(s)));
    return list;
}

QVariantList LedgerModel::sortChoices() {
    return {
        choice(ByRecorded, tr("As recorded", "ledger sort order")),
        choice(ByDueDate, tr("By due date", "ledger sort order")),
        choice(ByDeduction, tr("By deduction", "ledger sort order")),
        choice(ByStatus, tr("By status", "ledger sort order")),
    };
}

int LedgerModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid())
        return 0;
    return m_allLoaded ? int(m_view.size()) : int(m_paged.size());
}

const LedgerModel::Row &LedgerModel::rowAt(int row) const {
    return m_allLoaded ? m_all.at(m_view.at(row)) : m_paged.at(row);
}

QVariant LedgerModel::data(const QModelIndex &index, int role) const {
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = rowAt(index.row());
    switch (role) {
    case FindingIdRole:
        return r.id;
    case VisitIdRole:
        return r.visitId;
    case UnitIdRole:
        return m_visits.value(r.visitId).unitId;
    case UnitNameRole:
        return m_unitNames.value(m_visits.value(r.visitId).unitId);
    case VisitDateTextRole:
        return Labels::date(m_visits.value(r.visitId).date);
    case ItemCodeRole:
        return m_itemCodes.value(r.checklistItemId);
    case LevelNameRole:
        return Labels::level(r.level);
    case Qt::DisplayRole:
    case TitleRole:
        return r.title;
    case SeverityNameRole:
        return Labels::severity(r.severity);
    case DeductionRole:
        return r.deduction;
    case StatusRole:
        return int(r.status);
    case StatusNameRole:
        return Labels::status(r.status);
    case ResponsiblePartyRole:
        return r.responsibleParty;
    case DueDateRole:
        return r.dueDate;
    case DueDateTextRole:
        return Labels::date(r.dueDate);
    case OverdueRole:
        return overdue(r);
    default:
        return {};
    }
}

QHash<int, QByteArray> LedgerModel::roleNames() const {
    return {
        {FindingIdRole, "findingId"},
        {VisitIdRole, "visitId"},
        {UnitIdRole, "unitId"},
        {UnitNameRole, "unitName"},
        {VisitDateTextRole, "visitDateText"},
        {ItemCodeRole, "itemCode"},
        {LevelNameRole, "levelName"},
        {TitleRole, "title"},
        {SeverityNameRole, "severityName"},
        {DeductionRole, "deduction"},
        {StatusRole, "status"},
        {StatusNameRole, "statusName"},
        {ResponsiblePartyRole, "responsibleParty"},
        {DueDateRole, "dueDate"},
        {DueDateTextRole, "dueDateText"},
        {OverdueRole, "overdue"},
    };
}

bool LedgerModel::ready() const {
    return storeReady() && !m_campaignId.isEmpty();
}

bool LedgerModel::filtering() const {
    return m_statusFilter >= 0 || !m_unitFilter.isEmpty() || m_overdueOnly || !m_terms.isEmpty() ||
           m_sortOrder != ByRecorded;
}

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

LedgerModel::Row LedgerModel::toRow(const Finding &f) {
    Row r;
    r.id = f.id;
    r.visitId = f.visitId;
    r.checklistItemId = f.checklistItemId;
    r.title = f.title;
    r.responsibleParty = f.responsibleParty;
    r.dueDate = f.dueDate;
    r.deduction = f.deduction;
    r.status = f.status;
    r.severity = f.severity;
    r.level = f.level;
    return r;
}

bool LedgerModel::overdue(const Row &row) const {
    Finding f;
    f.dueDate = row.dueDate;
    f.status = row.status;
    return lifecycle::isOverdue(f, m_today);
}

bool LedgerModel::matches(const Row &row) const {
    if (row.removed)
        return false;
    if (m_statusFilter >= 0 && int(row.status) != m_statusFilter)
        return false;
    if (!m_unitFilter.isEmpty() && m_visits.value(row.visitId).unitId != m_unitFilter)
        return false;
    if (m_overdueOnly && !overdue(row))
        return false;
    for (const QString &term : m_terms) {
        if (!row.title.contains(term, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool LedgerModel::less(int a, int b) const {
    const Row &ra = m_all.at(a);
    const Row &rb = m_all.at(b);
    switch (m_sortOrder) {
    case ByDueDate:
        if (ra.dueDate.isValid() != rb.dueDate.isValid())
            return ra.dueDate.isValid();
        if (ra.dueDate != rb.dueDate)
            return ra.dueDate < rb.dueDate;
        break;
    case ByDeduction:
        if (ra.deduction != rb.deduction)
            return ra.deduction > rb.deduction;
        break;
    case ByStatus:
        if (ra.status != rb.status)
            return int(ra.status) < int(rb.status);
        break;
    case ByRecorded:
        break;
    }
    return a < b;
}

LedgerRow LedgerModel::toLedgerRow(const Row &row) const {
    LedgerRow out;
    Finding &f = out.finding;
    f.id = row.id;
    f.visitId = row.visitId;
    f.checklistItemId = row.checklistItemId;
    f.title = row.title;
    f.responsibleParty = row.responsibleParty;
    f.dueDate = row.dueDate;
    f.deduction = row.deduction;
    f.status = row.status;
    f.severity = row.severity;
    f.level = row.level;
    const VisitInfo visit = m_visits.value(row.visitId);
    out.unitId = visit.unitId;
    out.unitName = m_unitNames.value(visit.unitId);
    out.visitDate = visit.date;
    out.itemCode = m_itemCodes.value(row.checklistItemId);
    out.overdue = overdue(row);
    return out;
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

int LedgerModel::rowOf(const QString &findingId) const {
    if (m_allLoaded) {
        const int i = m_indexOf.value(findingId, -1);
        return i < 0 ? -1 : int(m_view.indexOf(i));
    }
    for (int i = 0; i < int(m_paged.size()); ++i) {
        if (m_paged.at(i).id == findingId)
            return i;
    }
    return -1;
}

void LedgerModel::onStoreChanged(const QString &recordType, const QStringList &ids) {
    if (!ready())
        return;
    if (recordType == QLatin1String(recordtype::Campaign) ||
        recordType == QLatin1String(recordtype::Unit) ||
        recordType == QLatin1String(recordtype::Visit) ||
        recordType == QLatin1String(recordtype::ChecklistItem)) {
        loadContext();
        if (recordType == QLatin1String(recordtype::Visit) && !m_unitFilter.isEmpty() &&
            m_allLoaded) {
            applyFilter(); // a visit now at another unit can leave or join the filter
        } else if (rowCount() > 0) {
            Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                               {UnitIdRole, UnitNameRole, VisitDateTextRole, ItemCodeRole});
        }
        return;
    }
    if (recordType != QLatin1String(recordtype::Finding))
        return;
    if (m_loadRequest) {
        for (const QString &id : ids)
            m_changedDuringLoad.insert(id);
    }
    for (const QString &id : ids)
        onFindingChanged(id);
}

void LedgerModel::onFindingChanged(const QString &id) {
    dropPrefetch(); // the page read ahead may hold the finding as it was
    auto record = m_services->store().get(id);
    std::optional<Row> next;
    bool created = false;
    const bool ours = record && record->type == QLatin1String(recordtype::Finding) &&
                      record->campaignId == m_campaignId;
    if (ours && !record->deleted) {
        Finding f;
        fromFields(record->fields, f);
        f.id = record->id;
        if (f.visitId.isEmpty())
            f.visitId = record->parentId;
        next = toRow(f);
        created = record->createdHlc == record->updatedHlc;
    }
    if (m_allLoaded)
        updateAll(id, next);
    else
        updatePaged(id, next, created, ours);
}

void LedgerModel::updatePaged(const QString &id, const std::optional<Row> &next, bool created,
                              bool ours) {
    const int row = rowOf(id);
    const bool allRead = m_paged.size() == m_pagedTotal;
    if (!next) {
        if (row >= 0) {
            m_changingRows = true; // no nested fetchMore() while the counts disagree
            beginRemoveRows({}, row, row);
            m_paged.removeAt(row);
            --m_pagedTotal;
            endRemoveRows();
            m_changingRows = false;
            Q_EMIT totalCountChanged();
            Q_EMIT countChanged();
        } else if (ours && !allRead) {
            setTotal(m_pagedTotal - 1); // a row not read yet was deleted
        }
        return;
    }
    if (row >= 0) {
        m_paged[row] = *next;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    if (!created && !allRead)
        return; // an edit of a row not read yet: fetchMore reads it as it is
    if (allRead) {
        // Records list in creation order, so a new one belongs at the end.
        const int at = int(m_paged.size());
        m_changingRows = true;
        beginInsertRows({}, at, at);
        m_paged.append(*next);
        ++m_pagedTotal;
        endInsertRows();
        m_changingRows = false;
        Q_EMIT totalCountChanged();
        Q_EMIT countChanged();
    } else {
        setTotal(m_pagedTotal + 1);
    }
}

void LedgerModel::updateAll(const QString &id, const std::optional<Row> &next) {
    int at = m_indexOf.value(id, -1);
    const int shown = at < 0 ? -1 : int(m_view.indexOf(at));
    if (!next) {
        if (at < 0)
            return;
        if (shown >= 0) {
            beginRemoveRows({}, shown, shown);
            m_view.removeAt(shown);
            endRemoveRows();
            Q_EMIT totalCountChanged();
            Q_EMIT countChanged();
        }
        m_all[at] = Row{};
        m_all[at].removed = true;
        m_indexOf.remove(id);
        return;
    }
    if (at < 0) {
        at = int(m_all.size());
        m_all.append(*next);
        m_indexOf.insert(id, at);
    } else {
        m_all[at] = *next;
    }
    const bool match = matches(m_all.at(at));
    if (!match) {
        if (shown >= 0) {
            beginRemoveRows({}, shown, shown);
            m_view.removeAt(shown);
            endRemoveRows();
            Q_EMIT totalCountChanged();
            Q_EMIT countChanged();
        }
        return;
    }
    // Where the row belongs among the other shown rows, which stay sorted.
    const auto before = [this, at](int other) {
        return less(other, at);
    };
    int target = 0;
    if (shown < 0) {
        target =
            int(std::partition_point(m_view.cbegin(), m_view.cend(), before) - m_view.cbegin());
        beginInsertRows({}, target, target);
        m_view.insert(target, at);
        endInsertRows();
        Q_EMIT totalCountChanged();
        Q_EMIT countChanged();
        return;
    }
    const auto head = m_view.cbegin() + shown;
    target = int(std::partition_point(m_view.cbegin(), head, before) - m_view.cbegin());
    if (target == shown)
        target = shown + int(std::partition_point(head + 1, m_view.cend(), before) - (head + 1));
    if (target != shown) {
        beginMoveRows({}, shown, shown, {}, target > shown ? target + 1 : target);
        m_view.move(shown, target);
        endMoveRows();
    }
    Q_EMIT dataChanged(index(target), index(target));
}

bool LedgerModel::exportCsv(const QUrl &fileUrl) {
    const QString path = fileUrl.isLocalFile()        ? fileUrl.toLocalFile()
                         : fileUrl.scheme().isEmpty() ? fileUrl.toString()
                                                      : QString();
    if (path.isEmpty()) {
        setError(tr("Choose a file on this device to export to."));
        return false;
    }
    if (!ready()) {
        setError(tr("Unlock to export the ledger."));
        return false;
    }
    QList<LedgerRow> rows;
    if (m_allLoaded) {
        rows.reserve(m_view.size());
        for (const int i : std::as_const(m_view))
            rows.append(toLedgerRow(m_all.at(i)));
    } else {
        // Unfiltered and partly read: the whole round, as the ledger lists it.
        auto all = m_services->inspection().ledger(m_campaignId, m_today);
        if (!all) {
            setError(all.error().message);
            return false;
        }
        rows = *all;
    }
    const QByteArray csv = ledgerToCsv(rows);
    if (auto written = ReportExport::writeFileSafely(path, csv); !written) {
        setError(written.error().message);
        return false;
    }
    setError({});
    Q_EMIT exported(int(rows.size()), path);
    return true;
}

QString LedgerModel::suggestedFileName() const {
    const QString name = ReportExport::safeFileName(m_campaignName);
    return tr("ledger", "file name of a ledger export: 台账") + QLatin1Char('-') +
           (name.isEmpty() ? QString() : name + QLatin1Char('-')) + m_today.toString(Qt::ISODate) +
           QStringLiteral(".csv");
}

QUrl LedgerModel::suggestedExportUrl() const {
    return QUrl::fromLocalFile(QDir(exportFolder().toLocalFile()).filePath(suggestedFileName()));
}

QUrl LedgerModel::exportFolder() {
    return ReportExport::exportFolder();
}

void LedgerModel::setTotal(int total) {
    if (m_pagedTotal == total)
        return;
    m_pagedTotal = total;
    Q_EMIT totalCountChanged();
}

void LedgerModel::setAllLoaded(bool loaded) {
    if (m_allLoaded == loaded)
        return;
    m_allLoaded = loaded;
    Q_EMIT allLoadedChanged();
}

void LedgerModel::setError(const QString &text) {
    if (m_errorString == text)
        return;
    m_errorString = text;
    Q_EMIT errorStringChanged();
}

} // namespace fl::app
