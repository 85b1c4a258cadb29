#include "findinghistorymodel.h"

#include "appservices.h"
#include "labels.h"
#include "store/inspection.h"
#include "store/store.h"

namespace fl::app {

FindingHistoryModel::FindingHistoryModel(QObject *parent)
    : ServiceListModel(parent) {}

void FindingHistoryModel::setFindingId(const QString &id) {
    if (setKey(m_findingId, id, &FindingHistoryModel::findingIdChanged))
        reload();
}

void FindingHistoryModel::onStoreChanged(const QString &recordType, const QStringList &) {
    if (recordType == QLatin1String(recordtype::Transition))
        reload();
}

int FindingHistoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FindingHistoryModel::data(const QModelIndex &index, int role) const {
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case TransitionIdRole:
        return r.id;
    case ActorRole:
        return r.actor;
    case AtRole:
        return r.at;
    case AtTextRole:
        return Labels::dateTime(r.at);
    case Qt::DisplayRole:
    case StepNameRole:
        return Labels::step(FindingStatus(r.from), FindingStatus(r.to));
    case FromStatusNameRole:
        return Labels::status(FindingStatus(r.from));
    case ToStatusNameRole:
        return Labels::status(FindingStatus(r.to));
    case ToStatusRole:
        return r.to;
    case NoteRole:
        return r.note;
    case EvidencePhotoIdsRole:
        return r.evidence;
    case EvidenceCountRole:
        return int(r.evidence.size());
    default:
        return {};
    }
}

QHash<int, QByteArray> FindingHistoryModel::roleNames() const {
    return {
        {TransitionIdRole, "transitionId"},
        {ActorRole, "actor"},
        {AtRole, "at"},
        {AtTextRole, "atText"},
        {StepNameRole, "stepName"},
        {FromStatusNameRole, "fromStatusName"},
        {ToStatusNameRole, "toStatusName"},
        {ToStatusRole, "toStatus"},
        {NoteRole, "note"},
        {EvidencePhotoIdsRole, "evidencePhotoIds"},
        {EvidenceCountRole, "evidenceCount"},
    };
}

void FindingHistoryModel::reload() {
    QList<Row> next;
    if (storeReady() && !m_findingId.isEmpty()) {
        auto steps = m_services->inspection().history(m_findingId);
        if (!steps)
            return; // keep what is shown; the next change tries again
        for (const Transition &t : std::as_const(*steps)) {
            next.append({t.id, t.actor, t.at, int(t.from), int(t.to), t.note, t.evidencePhotoIds});
        }
    }
    apply(next);
}

void FindingHistoryModel::apply(const QList<Row> &next) {
    showRows(m_rows, next, [](const Row &r) { return r.id; });
}

} // namespace fl::app
