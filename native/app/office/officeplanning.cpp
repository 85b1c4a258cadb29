#include "officeplanning.h"

#include "appservices.h"
#include "labels.h"
#include "store/inspection.h"
#include "store/store.h"
#include "sync/client/syncengine.h"
#include "syncstatus.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <optional>

namespace fl::app {

using sync::SyncEngine;
using sync::SyncError;
using sync::SyncFailure;

namespace {

/// An empty text is no date (allowed where the domain allows it); a text that is no date is
/// nullopt.
std::optional<QDate> parseDate(const QString &text) {
    QString t = text.trimmed();
    if (t.isEmpty())
        return QDate();
    t.replace(QLatin1Char('/'), QLatin1Char('-')).replace(QLatin1Char('.'), QLatin1Char('-'));
    const QDate d = QDate::fromString(t, QStringLiteral("yyyy-M-d"));
    if (!d.isValid())
        return std::nullopt;
    return d;
}

QString dateFormatHint() {
    return OfficePlanning::tr("Write dates as year-month-day, for example 2026-11-20.");
}

bool isPlanningRecord(const QString &type) {
    return type == QLatin1String(recordtype::Campaign) ||
           type == QLatin1String(recordtype::ChecklistItem) ||
           type == QLatin1String(recordtype::Unit) || type == QLatin1String(recordtype::Visit);
}

} // namespace

OfficePlanning::OfficePlanning(QObject *parent)
    : QObject(parent) {}

void OfficePlanning::setServices(AppServices *services) {
    if (services == m_services)
        return;
    if (m_services) {
        disconnect(m_services, nullptr, this, nullptr);
        disconnect(&m_services->store(), nullptr, this, nullptr);
        disconnect(&m_services->sync(), nullptr, this, nullptr);
    }
    m_services = services;
    if (m_services) {
        connect(&m_services->store(), &Store::changed, this, [this](const QString &type) {
            if (isPlanningRecord(type))
                reload();
        });
        connect(m_services, &AppServices::unlockedChanged, this, &OfficePlanning::reload);
        SyncStatus &status = m_services->sync();
        connect(&status, &SyncStatus::stateChanged, this, &OfficePlanning::serverStateChanged);
        connect(&status, &SyncStatus::enrolmentChanged, this, &OfficePlanning::serverStateChanged);
    }
    reload();
    Q_EMIT servicesChanged();
    Q_EMIT serverStateChanged();
}

void OfficePlanning::setCampaignId(const QString &id) {
    if (id == m_campaignId)
        return;
    m_campaignId = id;
    Q_EMIT campaignIdChanged();
    reload();
    Q_EMIT devicesChanged(); // inTeam follows the round
}

QStringList OfficePlanning::levelNames() const {
    QStringList names;
    for (int i = 0; i < LevelCount; ++i)
        names.append(Labels::level(Level(i)));
    return names;
}

// ---- what the page shows ------------------------------------------------------------------------

void OfficePlanning::reload() {
    const bool open = m_services && m_services->isUnlocked() && m_services->store().isOpen();
    m_campaigns.clear();
    m_checklist.clear();
    m_units.clear();
    m_visits.clear();
    if (open) {
        const Inspection &in = m_services->inspection();
        reloadCampaigns(in);
        if (!m_campaignId.isEmpty()) {
            reloadChecklist(in);
            reloadUnitsAndVisits(in);
        }
    }
    Q_EMIT recordsChanged();
}

void OfficePlanning::reloadCampaigns(const Inspection &in) {
    auto campaigns = in.campaigns();
    bool selectedExists = false;
    for (const Campaign &c : campaigns ? *campaigns : QList<Campaign>{}) {
        QString period;
        if (c.startDate.isValid() || c.endDate.isValid())
            period = tr("%1 – %2", "a round's period: start – end")
                         .arg(Labels::date(c.startDate), Labels::date(c.endDate));
        m_campaigns.append(QVariantMap{{QStringLiteral("campaignId"), c.id},
                                       {QStringLiteral("name"), c.name},
                                       {QStringLiteral("period"), period},
                                       {QStringLiteral("title"), c.name},
                                       {QStringLiteral("detail"), period}});
        selectedExists = selectedExists || c.id == m_campaignId;
    }
    if (selectedExists)
        return;
    // The round last created (campaigns() keeps creation order) until one is chosen.
    const QString fallback =
        m_campaigns.isEmpty()
            ? QString()
            : m_campaigns.last().toMap().value(QStringLiteral("campaignId")).toString();
    if (fallback != m_campaignId) {
        m_campaignId = fallback;
        Q_EMIT campaignIdChanged();
    }
}

void OfficePlanning::reloadChecklist(const Inspection &in) {
    auto items = in.checklist(m_campaignId);
    for (const ChecklistItem &i : items ? *items : QList<ChecklistItem>{})
        m_checklist.append(
            QVariantMap{{QStringLiteral("itemId"), i.id},
                        {QStringLiteral("level"), int(i.level)},
                        {QStringLiteral("levelName"), Labels::level(i.level)},
                        {QStringLiteral("code"), i.code},
                        {QStringLiteral("text"), i.text},
                        {QStringLiteral("maxDeduction"), Labels::points(i.maxDeduction)},
                        {QStringLiteral("title"),
                         tr("%1  %2", "checklist item: code, text").arg(i.code, i.text)},
                        {QStringLiteral("detail"),
                         tr("%1 · at most %2 points", "checklist level · maximum deduction")
                             .arg(Labels::level(i.level), Labels::points(i.maxDeduction))}});
}

void OfficePlanning::reloadUnitsAndVisits(const Inspection &in) {
    auto units = in.units(m_campaignId);
    QHash<QString, QString> unitNames;
    for (const Unit &u : units ? *units : QList<Unit>{}) {
        unitNames.insert(u.id, u.name);
        m_units.append(QVariantMap{{QStringLiteral("unitId"), u.id},
                                   {QStringLiteral("name"), u.name},
                                   {QStringLiteral("contact"), u.contact},
                                   {QStringLiteral("title"), u.name},
                                   {QStringLiteral("detail"), u.contact}});
    }
    auto visits = in.visits(m_campaignId);
    QList<Visit> sorted = visits ? *visits : QList<Visit>{};
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Visit &a, const Visit &b) { return a.date < b.date; });
    for (const Visit &v : std::as_const(sorted)) {
        const QString team = QLocale().createSeparatedList(v.team);
        m_visits.append(QVariantMap{
            {QStringLiteral("visitId"), v.id},
            {QStringLiteral("unitName"), unitNames.value(v.unitId)},
            {QStringLiteral("date"), Labels::date(v.date)},
            {QStringLiteral("team"), team},
            {QStringLiteral("title"), tr("%1 · %2", "visit: unit · date")
                                          .arg(unitNames.value(v.unitId), Labels::date(v.date))},
            {QStringLiteral("detail"),
             team.isEmpty() ? QString() : tr("Team: %1", "a visit's team").arg(team)}});
    }
}

QString OfficePlanning::serverNotice() const {
    if (!m_services)
        return {};
    const SyncStatus &status = m_services->sync();
    if (!status.isEnrolled())
        return tr("This console is not enrolled with the inspection office's server, so it "
                  "cannot list devices, share rounds or issue codes. Enrol it in Settings with "
                  "an office code; what you plan here is kept and synced after that.");
    if (status.role() != QLatin1String("office"))
        return tr("This device is enrolled as an inspector's tablet: only an inspection office "
                  "device can list devices, share rounds and issue codes.");
    if (status.state() == SyncStatus::State::Offline)
        return tr("Offline: the server is not in reach. What you plan is kept on this device. "
                  "Connect to the office network, then share the round and issue codes.");
    return {};
}

bool OfficePlanning::isOfficeDevice() const {
    return m_services && m_services->sync().isEnrolled() &&
           m_services->sync().role() == QLatin1String("office");
}

QStringList OfficePlanning::teamNamesOfRound() const {
    QStringList names;
    if (!m_services || m_campaignId.isEmpty() || !m_services->isUnlocked())
        return names;
    auto visits = m_services->inspection().visits(m_campaignId);
    for (const Visit &v : visits ? *visits : QList<Visit>{})
        names += v.team;
    return names;
}

QString OfficePlanning::deviceLabel(const DeviceEntry &d) const {
    // A device enrolled without a name is told apart by the start of its id.
    return d.name.isEmpty() ? tr("Device %1").arg(d.id.left(8)) : d.name;
}

QVariantList OfficePlanning::devices() const {
    const QStringList team = teamNamesOfRound();
    QVariantList out;
    for (const DeviceEntry &d : m_devices) {
        const QString label = deviceLabel(d);
        out.append(QVariantMap{{QStringLiteral("deviceId"), d.id},
                               {QStringLiteral("name"), d.name},
                               {QStringLiteral("label"), label},
                               {QStringLiteral("role"), d.role},
                               {QStringLiteral("roleName"), d.role == QLatin1String("office")
                                                                ? tr("office", "device role")
                                                                : tr("inspector", "device role")},
                               {QStringLiteral("inTeam"), team.contains(label)}});
    }
    return out;
}

QStringList OfficePlanning::teamDeviceIds() const {
    const QStringList team = teamNamesOfRound();
    QStringList ids;
    for (const DeviceEntry &d : m_devices) {
        if (team.contains(deviceLabel(d)))
            ids.append(d.id);
    }
    return ids;
}

QString OfficePlanning::enrolCodeRoleName() const {
    if (m_enrolCode.isEmpty())
        return {};
    return m_enrolCodeRole == QLatin1String("office") ? tr("an inspection office console")
                                                      : tr("an inspector's tablet");
}

QString OfficePlanning::enrolCodeExpiresText() const {
    return Labels::dateTime(m_enrolCodeExpires);
}

// ---- local writes -----------------------------------------------------------------------------

QString OfficePlanning::createCampaign(const QString &name, const QString &startDate,
                                       const QString &endDate, const QString &partyGroupBase,
                                       const QString &organCommitteeBase,
                                       const QString &grassrootsBase) {
    if (!m_services || !m_services->isUnlocked())
        return tr("The vault is locked; unlock it first.");
    Campaign c;
    c.name = name.trimmed();
    const auto start = parseDate(startDate);
    const auto end = parseDate(endDate);
    if (!start || !end)
        return dateFormatHint();
    c.startDate = *start;
    c.endDate = *end;
    const QString bases[LevelCount] = {partyGroupBase, organCommitteeBase, grassrootsBase};
    for (int i = 0; i < LevelCount; ++i) {
        const auto base = Labels::parseNumber(bases[i]);
        if (!base)
            return tr("Write the base score of the level \"%1\" as a number, for example 100.")
                .arg(Labels::level(Level(i)));
        c.baseScore[i] = *base;
    }
    auto created = m_services->inspection().createCampaign(c);
    if (!created)
        return created.error().message;
    m_campaignId = created->id;
    Q_EMIT campaignIdChanged();
    reload();
    Q_EMIT devicesChanged();
    return {};
}

QString OfficePlanning::addChecklistItem(int level, const QString &code, const QString &text,
                                         const QString &maxDeduction, const QString &category) {
    if (!m_services || !m_services->isUnlocked())
        return tr("The vault is locked; unlock it first.");
    if (m_campaignId.isEmpty())
        return tr("Create a round first: checklist items belong to a round.");
    if (level < 0 || level >= LevelCount)
        return tr("Choose the level the item belongs to.");
    ChecklistItem item;
    item.campaignId = m_campaignId;
    item.level = Level(level);
    item.code = code.trimmed();
    item.text = text.trimmed();
    item.category = category.trimmed();
    if (!maxDeduction.trimmed().isEmpty()) { // empty: the domain says a maximum is needed
        const auto max = Labels::parseNumber(maxDeduction);
        if (!max)
            return tr("Write the maximum deduction as a number of points, for example 5.");
        item.maxDeduction = *max;
    }
    auto added = m_services->inspection().addChecklistItem(item);
    if (!added)
        return added.error().message;
    reload();
    return {};
}

QString OfficePlanning::createUnit(const QString &name, const QString &contact) {
    if (!m_services || !m_services->isUnlocked())
        return tr("The vault is locked; unlock it first.");
    if (m_campaignId.isEmpty())
        return tr("Create a round first: units are inspected within a round.");
    Unit u;
    u.campaignId = m_campaignId;
    u.name = name.trimmed();
    u.contact = contact.trimmed();
    auto created = m_services->inspection().createUnit(u);
    if (!created)
        return created.error().message;
    reload();
    return {};
}

QString OfficePlanning::createVisit(const QString &unitId, const QString &date,
                                    const QStringList &deviceIds, const QString &typedNames) {
    if (!m_services || !m_services->isUnlocked())
        return tr("The vault is locked; unlock it first.");
    if (m_campaignId.isEmpty())
        return tr("Create a round first: visits belong to a round.");
    const auto day = parseDate(date);
    if (!day)
        return dateFormatHint();
    Visit v;
    v.unitId = unitId;
    v.date = *day;
    for (const QString &id : deviceIds) {
        const auto it = std::find_if(m_devices.cbegin(), m_devices.cend(),
                                     [&](const DeviceEntry &d) { return d.id == id; });
        if (it != m_devices.cend() && !v.team.contains(deviceLabel(*it)))
            v.team.append(deviceLabel(*it));
    }
    static const QRegularExpression separators(QStringLiteral("[,，、;；\\n]"));
    for (const QString &part : typedNames.split(separators, Qt::SkipEmptyParts)) {
        const QString name = part.trimmed();
        if (!name.isEmpty() && !v.team.contains(name))
            v.team.append(name);
    }
    auto created = m_services->inspection().createVisit(v);
    if (!created)
        return created.error().message;
    reload();
    Q_EMIT devicesChanged(); // inTeam
    return {};
}

} // namespace fl::app
