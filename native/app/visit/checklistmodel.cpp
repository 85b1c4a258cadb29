#include "checklistmodel.h"

#include "appservices.h"
#include "labels.h"
#include "store/inspection.h"
#include "store/store.h"

namespace fl::app {

ChecklistModel::ChecklistModel(QObject *parent)
    : ServiceListModel(parent) {}

void ChecklistModel::setVisitId(const QString &visitId) {
    if (setKey(m_visitId, visitId, &ChecklistModel::visitIdChanged))
        reload();
}

void ChecklistModel::setCampaignId(const QString &campaignId) {
    if (setKey(m_campaignId, campaignId, &ChecklistModel::campaignIdChanged))
        reload();
}

int ChecklistModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const {
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case ItemIdRole:
        return r.id;
    case LevelRole:
        return r.level;
    case LevelNameRole:
        return Labels::level(Level(r.level));
    case CodeRole:
        return r.code;
    case Qt::DisplayRole:
    case TextRole:
        return r.text;
    case CategoryRole:
        return r.category;
    case MaxDeductionRole:
        return r.maxDeduction;
    case FindingCountRole:
        return r.findingCount;
    case DeductedRole:
        return r.deducted;
    case LabelRole:
        return r.code.isEmpty() ? r.text : r.code + QLatin1Char(' ') + r.text;
    case FirstOfLevelRole:
        return r.firstOfLevel;
    case LevelItemsRole:
        return r.levelItems;
    case LevelItemsWithFindingsRole:
        return r.levelItemsWithFindings;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChecklistModel::roleNames() const {
    return {
        {ItemIdRole, "itemId"},
        {LevelRole, "level"},
        {LevelNameRole, "levelName"},
        {CodeRole, "code"},
        {TextRole, "itemText"},
        {CategoryRole, "category"},
        {MaxDeductionRole, "maxDeduction"},
        {FindingCountRole, "findingCount"},
        {DeductedRole, "deducted"},
        {LabelRole, "label"},
        {FirstOfLevelRole, "firstOfLevel"},
        {LevelItemsRole, "levelItems"},
        {LevelItemsWithFindingsRole, "levelItemsWithFindings"},
    };
}

int ChecklistModel::rowOf(const QString &itemId) const {
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows.at(i).id == itemId)
            return i;
    }
    return -1;
}

void ChecklistModel::onStoreChanged(const QString &recordType, const QStringList &) {
    if (recordType == QLatin1String(recordtype::ChecklistItem) ||
        recordType == QLatin1String(recordtype::Finding) ||
        recordType == QLatin1String(recordtype::Campaign))
        reload();
}

void ChecklistModel::reload() {
    showRows(m_rows, readRows(), [](const Row &r) { return r.id; });
}

QList<ChecklistModel::Row> ChecklistModel::readRows() {
    QList<Row> rows;
    if (!storeReady())
        return rows;
    const Inspection &in = m_services->inspection();
    if (!m_visitId.isEmpty()) {
        if (auto v = in.visit(m_visitId); v && v->campaignId != m_campaignId) {
            m_campaignId = v->campaignId;
            Q_EMIT campaignIdChanged();
        }
    }
    if (m_campaignId.isEmpty())
        return rows;
    auto items = in.checklist(m_campaignId);
    if (!items)
        return rows;
    QHash<QString, scoring::ItemDeduction> deductions;
    if (!m_visitId.isEmpty()) {
        if (auto score = in.visitScore(m_visitId)) {
            for (const scoring::ItemDeduction &d : std::as_const(score->items))
                deductions.insert(d.checklistItemId, d);
        }
    }
    for (const ChecklistItem &item : std::as_const(*items)) {
        const scoring::ItemDeduction d = deductions.value(item.id);
        rows.append(Row{item.id, int(item.level), item.code, item.text, item.category,
                        item.maxDeduction, d.findingCount, d.capped});
    }
    // The level headings' figures, repeated on each row of the level (the list is by level).
    int perLevel[LevelCount] = {};
    int withFindings[LevelCount] = {};
    const auto known = [](int level) {
        return level >= 0 && level < LevelCount;
    };
    for (const Row &r : std::as_const(rows)) {
        if (known(r.level)) {
            ++perLevel[r.level];
            withFindings[r.level] += r.findingCount > 0 ? 1 : 0;
        }
    }
    for (int i = 0; i < int(rows.size()); ++i) {
        Row &r = rows[i];
        r.firstOfLevel = i == 0 || rows.at(i - 1).level != r.level;
        r.levelItems = known(r.level) ? perLevel[r.level] : 0;
        r.levelItemsWithFindings = known(r.level) ? withFindings[r.level] : 0;
    }
    return rows;
}

} // namespace fl::app
