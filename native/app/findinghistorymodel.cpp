#include "findinghistorymodel.h"

#include "appservices.h"
#include "labels.h"
#include "store/inspection.h"
#include "store/store.h"

namespace fl::app {

FindingHistoryModel::FindingHistoryModel(QObject *parent)
    : QAbstractListModel(parent) {}

void FindingHistoryModel::setServices(AppServices *services) {
    if (m_services == services)
        return;
    if (m_services)
        disconnect(m_services, nullptr, this, nullptr);
    m_services = services;
    if (m_services) {
        connect(m_services, &AppServices::unlockedChanged, this, &FindingHistoryModel::reload);
        connect(&m_services->store(), &Store::changed, this, [this](const QString &type) {
            if (type == QLatin1String(recordtype::Transition))
                reload();
        });
    }
    Q_EMIT servicesChanged();
    reload();
}

void FindingHistoryModel::setFindingId(const QString &id) {
    if (m_findingId == id)
        return;
    m_findingId = id;
    Q_EMIT findingIdChanged();
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
    if (m_services && m_services->isUnlocked() && m_services->store().isOpen() &&
        !m_findingId.isEmpty()) {
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
    const int before = int(m_rows.size());
    syncRows(m_rows, next, [](const Row &r) { return r.id; },
             {[this](int first, int last) { beginInsertRows({}, first, last); },
              [this] { endInsertRows(); },
              [this](int first, int last) { beginRemoveRows({}, first, last); },
              [this] { endRemoveRows(); },
              [this](int from, int to) { beginMoveRows({}, from, from, {}, to); },
              [this] { endMoveRows(); },
              [this](int row) {
                  Q_EMIT dataChanged(index(row), index(row));
              }});
    if (before != int(m_rows.size()))
        Q_EMIT countChanged();
}

} // namespace fl::app
