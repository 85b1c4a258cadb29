#include "findinglistmodel.h"

#include "appservices.h"
#include "labels.h"
#include "store/inspection.h"
#include "store/store.h"

namespace fl::app {

FindingListModel::FindingListModel(QObject *parent)
    : ServiceListModel(parent) {}

void FindingListModel::setVisitId(const QString &visitId) {
    if (setKey(m_visitId, visitId, &FindingListModel::visitIdChanged))
        reload();
}

void FindingListModel::setCampaignId(const QString &campaignId) {
    if (setKey(m_campaignId, campaignId, &FindingListModel::campaignIdChanged))
        reload();
}

int FindingListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FindingListModel::data(const QModelIndex &index, int role) const {
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Finding &f = m_rows.at(index.row());
    switch (role) {
    case FindingIdRole:
        return f.id;
    case VisitIdRole:
        return f.visitId;
    case ChecklistItemIdRole:
        return f.checklistItemId;
    case ItemCodeRole:
        return m_itemCodes.value(f.checklistItemId);
    case LevelRole:
        return int(f.level);
    case LevelNameRole:
        return Labels::level(f.level);
    case Qt::DisplayRole:
    case TitleRole:
        return f.title;
    case DescriptionRole:
        return f.description;
    case SeverityRole:
        return int(f.severity);
    case SeverityNameRole:
        return Labels::severity(f.severity);
    case DeductionRole:
        return f.deduction;
    case StatusRole:
        return int(f.status);
    case StatusNameRole:
        return Labels::status(f.status);
    case ResponsiblePartyRole:
        return f.responsibleParty;
    case DueDateRole:
        return f.dueDate;
    case DueDateTextRole:
        return Labels::date(f.dueDate);
    case OverdueRole:
        return lifecycle::isOverdue(f, QDate::currentDate());
    default:
        return {};
    }
}

QHash<int, QByteArray> FindingListModel::roleNames() const {
    return {
        {FindingIdRole, "findingId"},
        {VisitIdRole, "visitId"},
        {ChecklistItemIdRole, "checklistItemId"},
        {ItemCodeRole, "itemCode"},
        {LevelRole, "level"},
        {LevelNameRole, "levelName"},
        {TitleRole, "title"},
        {DescriptionRole, "description"},
        {SeverityRole, "severity"},
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

bool FindingListModel::ready() const {
    return storeReady() && (!m_visitId.isEmpty() || !m_campaignId.isEmpty());
}

bool FindingListModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && !m_changingRows && ready() && m_rows.size() < m_total;
}

void FindingListModel::fetchMore(const QModelIndex &parent) {
    if (!canFetchMore(parent))
        return;
    RecordFilter filter;
    filter.parentId = m_visitId;
    filter.campaignId = m_visitId.isEmpty() ? m_campaignId : QString();
    auto page = m_services->inspection().findings(filter, int(m_rows.size()), PageSize);
    if (!page || page->isEmpty()) {
        setTotal(int(m_rows.size())); // the store has fewer than it counted: stop asking
        return;
    }
    const int first = int(m_rows.size());
    m_changingRows = true;
    beginInsertRows({}, first, first + int(page->size()) - 1);
    m_rows.append(*page);
    endInsertRows();
    m_changingRows = false;
    Q_EMIT countChanged();
}

void FindingListModel::reload() {
    if (!m_rows.isEmpty()) {
        // A new filter or a lock: every row goes, which is what a reset means.
        beginResetModel();
        m_rows.clear();
        endResetModel();
        Q_EMIT countChanged();
    }
    m_itemCodes.clear();
    if (!ready()) {
        setTotal(0);
        return;
    }
    RecordFilter filter;
    filter.parentId = m_visitId;
    filter.campaignId = m_visitId.isEmpty() ? m_campaignId : QString();
    auto total = m_services->store().count(QLatin1String(recordtype::Finding), filter);
    setTotal(total ? *total : 0);
    loadItemCodes();
    fetchMore({});
}

void FindingListModel::loadItemCodes() {
    QString campaignId = m_campaignId;
    if (!m_visitId.isEmpty()) {
        auto v = m_services->inspection().visit(m_visitId);
        campaignId = v ? v->campaignId : QString();
    }
    m_itemCodes.clear();
    if (auto items = m_services->inspection().checklist(campaignId)) {
        for (const ChecklistItem &item : std::as_const(*items))
            m_itemCodes.insert(item.id, item.code);
    }
}

void FindingListModel::onStoreChanged(const QString &recordType, const QStringList &ids) {
    if (!ready())
        return;
    if (recordType == QLatin1String(recordtype::ChecklistItem)) {
        loadItemCodes();
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {ItemCodeRole});
        return;
    }
    if (recordType != QLatin1String(recordtype::Finding))
        return;
    for (const QString &id : ids)
        onFindingChanged(id);
}

void FindingListModel::onFindingChanged(const QString &id) {
    const int row = rowOf(id);
    auto record = m_services->store().get(id);
    const bool matches = record && record->type == QLatin1String(recordtype::Finding) &&
                         covers(record->campaignId, record->parentId);
    const bool allRead = m_rows.size() == m_total;
    if (!matches || record->deleted) {
        if (row >= 0) {
            m_changingRows = true; // no nested fetchMore() while the counts disagree
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            --m_total;
            endRemoveRows();
            m_changingRows = false;
            Q_EMIT totalCountChanged();
            Q_EMIT countChanged();
        } else if (matches && !allRead) {
            setTotal(m_total - 1); // a row not read yet was deleted
        }
        return;
    }
    Finding f;
    fromFields(record->fields, f);
    f.id = record->id;
    if (f.visitId.isEmpty())
        f.visitId = record->parentId;
    if (row >= 0) {
        if (!(m_rows.at(row) == f)) {
            m_rows[row] = f;
            Q_EMIT dataChanged(index(row), index(row));
        }
        return;
    }
    const bool created = record->createdHlc == record->updatedHlc;
    if (!created && !allRead)
        return; // an edit of a row not read yet: fetchMore reads it as it is
    // Records list in creation order, so a new one belongs at the end.
    if (allRead) {
        const int at = int(m_rows.size());
        m_changingRows = true; // the row goes in here, not through a nested fetchMore()
        beginInsertRows({}, at, at);
        m_rows.append(f);
        ++m_total;
        endInsertRows();
        m_changingRows = false;
        Q_EMIT totalCountChanged();
        Q_EMIT countChanged();
    } else {
        setTotal(m_total + 1);
    }
}

bool FindingListModel::covers(const QString &campaignId, const QString &visitId) const {
    return m_visitId.isEmpty() ? campaignId == m_campaignId : visitId == m_visitId;
}

void FindingListModel::setTotal(int total) {
    if (m_total == total)
        return;
    m_total = total;
    Q_EMIT totalCountChanged();
}

int FindingListModel::rowOf(const QString &id) const {
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace fl::app
