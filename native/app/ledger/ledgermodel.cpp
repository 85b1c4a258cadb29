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
