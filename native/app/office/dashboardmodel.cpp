#include "dashboardmodel.h"

#include "appservices.h"
#include "backgroundreader.h"
#include "labels.h"
#include "store/inspection.h"
#include "store/store.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace fl::app {

namespace {
// Long enough to gather a sync's burst of changes, short enough to feel immediate.
constexpr int ReloadDelayMs = 400;

// What scoring, rates and overdue need of a finding; the texts are dropped as they are read.
Finding slim(const Finding &f) {
    Finding s;
    s.id = f.id;
    s.visitId = f.visitId;
    s.checklistItemId = f.checklistItemId;
    s.level = f.level;
    s.deduction = f.deduction;
    s.dueDate = f.dueDate;
    s.status = f.status;
    return s;
}
} // namespace

DashboardModel::DashboardModel(QObject *parent)
    : ServiceListModel(parent) {
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(ReloadDelayMs);
    connect(&m_reloadTimer, &QTimer::timeout, this, &DashboardModel::reload);
}

void DashboardModel::setToday(const QDate &today) {
    if (m_today == today)
        return;
    m_today = today;
    Q_EMIT todayChanged();
    reload();
}

double DashboardModel::rate() const {
    return m_findingCount > 0 ? double(m_closedCount) / m_findingCount : 0;
}

int DashboardModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DashboardModel::data(const QModelIndex &index, int role) const {
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case UnitIdRole:
        return r.unitId;
    case Qt::DisplayRole:
    case UnitNameRole:
        return r.unitName;
    case CampaignIdRole:
        return r.campaignId;
    case CampaignNameRole:
        return r.campaignName;
    case FirstOfCampaignRole:
        return r.firstOfCampaign;
    case VisitCountRole:
        return r.visitCount;
    case FindingCountRole:
        return r.findingCount;
    case ClosedCountRole:
        return r.closedCount;
    case OverdueCountRole:
        return r.overdueCount;
    case RateRole:
        return r.rate;
    case RateTextRole:
        return r.findingCount > 0 ? rateText(r.rate) : QStringLiteral("–");
    case BaseRole:
        return r.totalBase;
    case DeductedRole:
        return r.totalDeducted;
    case ScoreRole:
        return r.total;
    case ScoreTextRole:
        return QStringLiteral("%1 / %2").arg(Labels::points(r.total), Labels::points(r.totalBase));
    case LevelScoresRole: {
        QVariantList levels;
        for (int level = 0; level < LevelCount; ++level) {
            levels.append(QVariantMap{{QStringLiteral("levelName"), Labels::level(Level(level))},
                                      {QStringLiteral("base"), r.base[level]},
                                      {QStringLiteral("deducted"), r.deducted[level]},
                                      {QStringLiteral("score"), r.score[level]}});
        }
        return levels;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> DashboardModel::roleNames() const {
    return {
        {UnitIdRole, "unitId"},
        {UnitNameRole, "unitName"},
        {CampaignIdRole, "campaignId"},
        {CampaignNameRole, "campaignName"},
        {FirstOfCampaignRole, "firstOfCampaign"},
        {VisitCountRole, "visitCount"},
        {FindingCountRole, "findingCount"},
        {ClosedCountRole, "closedCount"},
        {OverdueCountRole, "overdueCount"},
        {RateRole, "rate"},
        {RateTextRole, "rateText"},
        {BaseRole, "base"},
        {DeductedRole, "deducted"},
        {ScoreRole, "score"},
        {ScoreTextRole, "scoreText"},
        {LevelScoresRole, "levelScores"},
    };
}

QString DashboardModel::rateText(double rate) {
    const QLocale locale;
    const double percent = rate * 100;
    // One decimal (98.3%), as offices write rates; none where it would be ".0" (50%, 100%).
    const double tenths = std::round(percent * 10);
    const QString number = std::fmod(tenths, 10) == 0 ? locale.toString(qint64(tenths / 10))
                                                      : locale.toString(tenths / 10, 'f', 1);
    return number + locale.percent();
}

void DashboardModel::onStoreChanged(const QString &recordType, const QStringList &) {
    if (recordType == QLatin1String(recordtype::Finding) ||
        recordType == QLatin1String(recordtype::Visit) ||
        recordType == QLatin1String(recordtype::Unit) ||
        recordType == QLatin1String(recordtype::Campaign) ||
        recordType == QLatin1String(recordtype::ChecklistItem))
        m_reloadTimer.start();
}

void DashboardModel::reload() {
    m_reloadTimer.stop();
    const quint64 generation = ++m_generation;
    if (!storeReady()) {
        // Locked: nothing decrypted stays on show.
        show(Snapshot{});
        setLoading(false);
        return;
    }
    m_loadClock.start();
    setLoading(true);
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    const int pageSize = m_pageSize;
    m_services->reader().read<Snapshot>(
        this, [today, pageSize](Store &, Inspection &in) { return read(in, today, pageSize); },
        [this, generation](Result<Snapshot> snapshot) {
            if (generation != m_generation)
                return; // a newer reading is on its way
            if (!snapshot) {
                setLoading(false);
                setError(snapshot.error().message);
                return;
            }
            show(*snapshot);
            m_lastLoadMs = m_loadClock.elapsed();
            setError({});
            setLoading(false);
            Q_EMIT loaded();
        });
}

Result<DashboardModel::Snapshot> DashboardModel::read(Inspection &in, const QDate &today,
                                                      int pageSize) {
    Snapshot out;
    auto campaigns = in.campaigns();
    if (!campaigns)
        return campaigns.error();
    // Newest round first: the one the office works on now.
    std::stable_sort(
        campaigns->begin(), campaigns->end(),
        [](const Campaign &a, const Campaign &b) { return a.startDate > b.startDate; });
    for (const Campaign &campaign : std::as_const(*campaigns)) {
        auto checklist = in.checklist(campaign.id);
        if (!checklist)
            return checklist.error();
        auto units = in.units(campaign.id);
        if (!units)
            return units.error();
        auto visits = in.visits(campaign.id);
        if (!visits)
            return visits.error();
        QHash<QString, QString> unitOfVisit;
        QHash<QString, int> visitsOfUnit;
        for (const Visit &v : std::as_const(*visits)) {
            unitOfVisit.insert(v.id, v.unitId);
            ++visitsOfUnit[v.unitId];
        }
        QHash<QString, QString> unitNames;
        for (const Unit &u : std::as_const(*units))
            unitNames.insert(u.id, u.name);

        // The round's findings, a page at a time, each slimmed to what the figures need.
        QList<Finding> all;
        QHash<QString, QList<Finding>> ofUnit;
        QHash<QString, int> overdueOfUnit;
        RecordFilter byCampaign;
        byCampaign.campaignId = campaign.id;
        for (int offset = 0;; offset += pageSize) {
            auto page = in.findings(byCampaign, offset, pageSize);
            if (!page)
                return page.error();
            for (const Finding &f : std::as_const(*page)) {
                const QString unitId = unitOfVisit.value(f.visitId); // unknown visit: unit ""
                const Finding s = slim(f);
                all.append(s);
                ofUnit[unitId].append(s);
                if (lifecycle::isOverdue(f, today)) {
                    ++overdueOfUnit[unitId];
                    out.overdue.append(Overdue{f.id, campaign.id, f.visitId, f.title,
                                               unitNames.value(unitId), campaign.name, f.dueDate,
                                               f.status});
                }
            }
            if (page->size() < pageSize)
                break;
        }

        QList<Unit> sorted = *units;
        std::stable_sort(sorted.begin(), sorted.end(), [](const Unit &a, const Unit &b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        for (int i = 0; i < int(sorted.size()); ++i) {
            const Unit &u = sorted.at(i);
            const QList<Finding> found = ofUnit.value(u.id);
            Row row;
            row.unitId = u.id;
            row.unitName = u.name;
            row.campaignId = campaign.id;
            row.campaignName = campaign.name;
            row.firstOfCampaign = i == 0;
            row.visitCount = visitsOfUnit.value(u.id);
            const scoring::RectificationRate rate = scoring::rectificationRate(found);
            row.findingCount = rate.total;
            row.closedCount = rate.closed;
            row.rate = rate.rate;
            row.overdueCount = overdueOfUnit.value(u.id);
            const scoring::Score score = scoring::score(campaign, *checklist, found);
            std::copy(std::begin(score.base), std::end(score.base), std::begin(row.base));
            std::copy(std::begin(score.deducted), std::end(score.deducted),
                      std::begin(row.deducted));
            std::copy(std::begin(score.score), std::end(score.score), std::begin(row.score));
            row.totalBase = score.totalBase;
            row.totalDeducted = score.totalDeducted;
            row.total = score.total;
            out.rows.append(row);
        }
        CampaignFigures figures;
        figures.campaign = campaign;
        figures.unitCount = int(units->size());
        figures.visitCount = int(visits->size());
        figures.rate = scoring::rectificationRate(all);
        for (auto it = overdueOfUnit.cbegin(); it != overdueOfUnit.cend(); ++it)
            figures.overdue += it.value();
        out.campaigns.append(figures);
        out.visits += int(visits->size());
    }
    // Most overdue first; the same day by title, so the list does not jump between readings.
    std::stable_sort(out.overdue.begin(), out.overdue.end(),
                     [](const Overdue &a, const Overdue &b) {
                         if (a.dueDate != b.dueDate)
                             return a.dueDate < b.dueDate;
                         return a.title < b.title;
                     });
    return out;
}

void DashboardModel::show(const Snapshot &snapshot) {
    showRows(m_rows, snapshot.rows, [](const Row &r) { return r.unitId; });

    m_unitRates.clear();
    for (const Row &r : std::as_const(m_rows)) {
        if (r.findingCount == 0)
            continue; // no rate to draw: the score list still shows the unit
        m_unitRates.append(QVariantMap{{QStringLiteral("unitId"), r.unitId},
                                       {QStringLiteral("campaignId"), r.campaignId},
                                       {QStringLiteral("label"), r.unitName},
                                       {QStringLiteral("detail"), r.campaignName},
                                       {QStringLiteral("value"), r.rate},
                                       {QStringLiteral("valueText"), rateText(r.rate)}});
    }
    m_campaignRows.clear();
    m_findingCount = 0;
    m_closedCount = 0;
    for (const CampaignFigures &c : snapshot.campaigns) {
        const QString rate = c.rate.total > 0 ? rateText(c.rate.rate) : QStringLiteral("–");
        m_campaignRows.append(QVariantMap{
            {QStringLiteral("campaignId"), c.campaign.id},
            {QStringLiteral("name"), c.campaign.name},
            {QStringLiteral("period"),
             QStringLiteral("%1 – %2").arg(Labels::date(c.campaign.startDate),
                                           Labels::date(c.campaign.endDate))},
            {QStringLiteral("unitCount"), c.unitCount},
            {QStringLiteral("visitCount"), c.visitCount},
            {QStringLiteral("total"), c.rate.total},
            {QStringLiteral("closed"), c.rate.closed},
            {QStringLiteral("rate"), c.rate.rate},
            {QStringLiteral("rateText"), rate},
            {QStringLiteral("overdue"), c.overdue},
            {QStringLiteral("label"), c.campaign.name},
            {QStringLiteral("value"), c.rate.rate},
            {QStringLiteral("valueText"), rate},
        });
        m_findingCount += c.rate.total;
        m_closedCount += c.rate.closed;
    }
    m_visitCount = snapshot.visits;
    m_overdueCount = int(snapshot.overdue.size());
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    m_overdueRows.clear();
    for (int i = 0; i < std::min(int(snapshot.overdue.size()), int(OverdueShown)); ++i) {
        const Overdue &o = snapshot.overdue.at(i);
        m_overdueRows.append(QVariantMap{
            {QStringLiteral("findingId"), o.findingId},
            {QStringLiteral("campaignId"), o.campaignId},
            {QStringLiteral("visitId"), o.visitId},
            {QStringLiteral("title"), o.title},
            {QStringLiteral("unitName"), o.unitName},
            {QStringLiteral("campaignName"), o.campaignName},
            {QStringLiteral("dueDateText"), Labels::date(o.dueDate)},
            {QStringLiteral("daysOverdue"), int(o.dueDate.daysTo(today))},
            {QStringLiteral("statusName"), Labels::status(o.status)},
        });
    }
    Q_EMIT totalsChanged();
}

void DashboardModel::setLoading(bool loading) {
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void DashboardModel::setError(const QString &text) {
    if (m_errorString == text)
        return;
    m_errorString = text;
    Q_EMIT errorStringChanged();
}

} // namespace fl::app
