#include "interviewlistmodel.h"

#include "appservices.h"
#include "labels.h"
#include "store/inspection.h"
#include "store/store.h"

namespace fl::app {

namespace {
constexpr int ExcerptLength = 120;
} // namespace

InterviewListModel::InterviewListModel(QObject *parent)
    : QAbstractListModel(parent) {}

void InterviewListModel::setServices(AppServices *services) {
    if (m_services == services)
        return;
    if (m_services)
        disconnect(m_services, nullptr, this, nullptr);
    m_services = services;
    if (m_services) {
        connect(m_services, &AppServices::unlockedChanged, this, &InterviewListModel::reload);
        connect(&m_services->store(), &Store::changed, this, [this](const QString &type) {
            if (type == QLatin1String(recordtype::Interview) ||
                type == QLatin1String(recordtype::Photo))
                reload();
        });
    }
    Q_EMIT servicesChanged();
    reload();
}

void InterviewListModel::setVisitId(const QString &visitId) {
    if (m_visitId == visitId)
        return;
    m_visitId = visitId;
    Q_EMIT visitIdChanged();
    reload();
}

int InterviewListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant InterviewListModel::data(const QModelIndex &index, int role) const {
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case InterviewIdRole:
        return r.id;
    case Qt::DisplayRole:
    case IntervieweeRole:
        return r.interviewee;
    case IntervieweeRoleRole:
        return r.role;
    case AtRole:
        return r.at;
    case AtTextRole:
        return Labels::dateTime(r.at);
    case PlaceRole:
        return r.place;
    case ExcerptRole:
        return r.excerpt;
    case LinkedCountRole:
        return r.linked;
    case PhotoCountRole:
        return r.photos;
    default:
        return {};
    }
}

QHash<int, QByteArray> InterviewListModel::roleNames() const {
    return {
        {InterviewIdRole, "interviewId"},
        {IntervieweeRole, "interviewee"},
        {IntervieweeRoleRole, "intervieweeRole"},
        {AtRole, "at"},
        {AtTextRole, "atText"},
        {PlaceRole, "place"},
        {ExcerptRole, "excerpt"},
        {LinkedCountRole, "linkedCount"},
        {PhotoCountRole, "photoCount"},
    };
}

void InterviewListModel::reload() {
    QList<Row> next;
    if (m_services && m_services->isUnlocked() && m_services->store().isOpen() &&
        !m_visitId.isEmpty()) {
        auto interviews = m_services->inspection().interviews(m_visitId);
        if (!interviews)
            return; // keep what is shown; the next change tries again
        for (const Interview &iv : std::as_const(*interviews)) {
            Row r;
            r.id = iv.id;
            r.interviewee = iv.interviewee;
            r.role = iv.role;
            r.at = iv.at;
            r.place = iv.place;
            const QString flat = iv.content.simplified();
            r.excerpt =
                flat.size() > ExcerptLength ? flat.left(ExcerptLength) + QChar(0x2026) : flat;
            r.linked = int(iv.linkedFindingIds.size());
            RecordFilter photos;
            photos.parentId = iv.id;
            auto n = m_services->store().count(QLatin1String(recordtype::Photo), photos);
            r.photos = n ? *n : 0;
            next.append(r);
        }
    }
    apply(next);
}

void InterviewListModel::apply(const QList<Row> &next) {
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
