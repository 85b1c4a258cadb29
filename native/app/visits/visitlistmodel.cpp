#include "visitlistmodel.h"

#include "appservices.h"
#include "labels.h"
#include "store/inspection.h"
#include "store/store.h"

#include <QLocale>

#include <algorithm>

namespace fl::app {

VisitListModel::VisitListModel(QObject *parent)
    : ServiceListModel(parent) {}

int VisitListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant VisitListModel::data(const QModelIndex &index, int role) const {
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case UnitNameRole:
        return r.unitName;
    case VisitIdRole:
        return r.visitId;
    case CampaignIdRole:
        return r.campaignId;
    case CampaignNameRole:
        return r.campaignName;
    case CampaignPeriodRole:
        return r.campaignPeriod;
    case UnitIdRole:
        return r.unitId;
    case DateRole:
        return r.date;
    case DateTextRole:
        return Labels::date(r.date);
    case StatusRole:
        return r.status;
    case StatusNameRole:
        return Labels::visitStatus(VisitStatus(r.status));
    case TeamRole:
        return r.team;
    case FindingCountRole:
        return r.findingCount;
    case PendingCountRole:
        return r.pendingCount;
    case FirstOfCampaignRole:
        return r.firstOfCampaign;
    default:
        return {};
    }
}

QHash<int, QByteArray> VisitListModel::roleNames() const {
    return {
        {VisitIdRole, "visitId"},
        {CampaignIdRole, "campaignId"},
        {CampaignNameRole, "campaignName"},
        {CampaignPeriodRole, "campaignPeriod"},
        {UnitIdRole, "unitId"},
        {UnitNameRole, "unitName"},
        {DateRole, "date"},
        {DateTextRole, "dateText"},
        {StatusRole, "status"},
        {StatusNameRole, "statusName"},
        {TeamRole, "team"},
        {FindingCountRole, "findingCount"},
        {PendingCountRole, "pendingCount"},
        {FirstOfCampaignRole, "firstOfCampaign"},
    };
}

void VisitListModel::reload() {
    apply(readRows());
}

void VisitListModel::onStoreChanged(const QString &recordType, const QStringList &) {
    if (recordType == QLatin1String(recordtype::Campaign) ||
        recordType == QLatin1String(recordtype::Unit) ||
        recordType == QLatin1String(recordtype::Visit)) {
        reload();
        return;
    }
    // Findings, interviews, transitions, photos: only the counts can move.
    QList<Row> next = m_rows;
    fillCounts(next);
    apply(next);
}

QList<VisitListModel::Row> VisitListModel::readRows() {
    QList<Row> rows;
    if (!storeReady())
        return rows;
    const Inspection &in = m_services->inspection();
    auto campaigns = in.campaigns();
    if (!campaigns) {
        setError(campaigns.error().message);
        return m_rows;
    }
    for (const Campaign &c : std::as_const(*campaigns)) {
        auto units = in.units(c.id);
        auto visits = in.visits(c.id);
        if (!units || !visits) {
            setError(!units ? units.error().message : visits.error().message);
            return m_rows;
        }
        QHash<QString, QString> unitNames;
        for (const Unit &u : std::as_const(*units))
            unitNames.insert(u.id, u.name);
        const QString period = c.startDate.isValid() || c.endDate.isValid()
                                   ? tr("%1 – %2", "round period: start – end")
                                         .arg(Labels::date(c.startDate), Labels::date(c.endDate))
                                   : QString();
        for (const Visit &v : std::as_const(*visits)) {
            Row r;
            r.visitId = v.id;
            r.campaignId = c.id;
            r.campaignName = c.name;
            r.campaignPeriod = period;
            r.campaignStart = c.startDate;
            r.unitId = v.unitId;
            r.unitName = unitNames.value(v.unitId);
            r.date = v.date;
            r.status = int(v.status);
            r.team = QLocale().createSeparatedList(v.team);
            rows.append(std::move(r));
        }
    }
    // Newest round first; inside a round by date, then unit: the order of the day's work.
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.campaignId != b.campaignId) {
            if (a.campaignStart != b.campaignStart)
                return a.campaignStart > b.campaignStart;
            return a.campaignName < b.campaignName;
        }
        if (a.date != b.date)
            return a.date < b.date;
        return a.unitName < b.unitName;
    });
    for (int i = 0; i < int(rows.size()); ++i)
        rows[i].firstOfCampaign = i == 0 || rows.at(i - 1).campaignId != rows.at(i).campaignId;
    fillCounts(rows);
    setError({});
    return rows;
}

void VisitListModel::fillCounts(QList<Row> &rows) {
    if (!m_services || !m_services->store().isOpen())
        return;
    const Store &store = m_services->store();
    // A change belongs to a visit when it is the visit, a child of it (finding, interview) or a
    // grandchild (a finding's transition or photo). Ids and parents are plaintext.
    QSet<QString> visitIds;
    for (const Row &r : std::as_const(rows))
        visitIds.insert(r.visitId);
    auto counted = store.pendingUnder(visitIds);
    const QHash<QString, int> pending = counted ? *counted : QHash<QString, int>{};
    for (Row &r : rows) {
        RecordFilter f;
        f.parentId = r.visitId;
        auto n = store.count(QLatin1String(recordtype::Finding), f);
        r.findingCount = n ? *n : 0;
        r.pendingCount = pending.value(r.visitId);
    }
}

void VisitListModel::apply(const QList<Row> &next) {
    showRows(m_rows, next, [](const Row &r) { return r.visitId; });
}

void VisitListModel::setError(const QString &text) {
    if (m_errorString == text)
        return;
    m_errorString = text;
    Q_EMIT errorStringChanged();
}

} // namespace fl::app
