// Keeping the ledger current: one changed finding updates, inserts or removes its row
// (incrementally, never a reset), whichever way the ledger was read.
#include "ledgermodel.h"

#include "appservices.h"
#include "store/inspection.h"
#include "store/store.h"

#include <algorithm>

namespace fl::app {

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

} // namespace fl::app
