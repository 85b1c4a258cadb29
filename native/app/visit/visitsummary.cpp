#include "visitsummary.h"

#include "appservices.h"
#include "labels.h"
#include "store/inspection.h"
#include "store/store.h"

#include <QLocale>

namespace fl::app {

VisitSummary::VisitSummary(QObject *parent)
    : QObject(parent) {}

void VisitSummary::setServices(AppServices *services) {
    if (m_services == services)
        return;
    if (m_services)
        disconnect(m_services, nullptr, this, nullptr);
    m_services = services;
    if (m_services) {
        connect(&m_services->store(), &Store::changed, this, [this](const QString &type) {
            if (type == QLatin1String(recordtype::Visit) ||
                type == QLatin1String(recordtype::Unit) ||
                type == QLatin1String(recordtype::Campaign))
                reload();
        });
        connect(m_services, &AppServices::unlockedChanged, this, &VisitSummary::reload);
    }
    Q_EMIT servicesChanged();
    reload();
}

void VisitSummary::setVisitId(const QString &visitId) {
    if (m_visitId == visitId)
        return;
    m_visitId = visitId;
    Q_EMIT visitIdChanged();
    reload();
}

void VisitSummary::reload() {
    Visit visit;
    Unit unit;
    Campaign campaign;
    bool found = false;
    if (m_services && m_services->isUnlocked() && !m_visitId.isEmpty()) {
        const Inspection &in = m_services->inspection();
        if (auto v = in.visit(m_visitId)) {
            found = true;
            visit = *v;
            if (auto u = in.unit(visit.unitId))
                unit = *u;
            if (auto c = in.campaign(visit.campaignId))
                campaign = *c;
        }
    }
    m_found = found;
    m_unitName = unit.name;
    m_campaignId = campaign.id;
    m_campaignName = campaign.name;
    m_dateText = Labels::date(visit.date);
    m_statusName = found ? Labels::visitStatus(visit.status) : QString();
    m_team = QLocale().createSeparatedList(visit.team);
    Q_EMIT summaryChanged();
}

} // namespace fl::app
