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
    : ServiceListModel(parent) {}

void InterviewListModel::setVisitId(const QString &visitId) {
    if (setKey(m_visitId, visitId, &InterviewListModel::visitIdChanged))
        reload();
}

void InterviewListModel::onStoreChanged(const QString &recordType, const QStringList &) {
    if (recordType == QLatin1String(recordtype::Interview) ||
        recordType == QLatin1String(recordtype::Photo))
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
    if (storeReady() && !m_visitId.isEmpty()) {
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
    showRows(m_rows, next, [](const Row &r) { return r.id; });
}

} // namespace fl::app
