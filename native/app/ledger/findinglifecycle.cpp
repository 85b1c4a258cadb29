#include "findinglifecycle.h"

#include "appservices.h"
#include "labels.h"
#include "store/inspection.h"
#include "store/store.h"

namespace fl::app {

namespace {
// QML's numbers are the domain's actions.
static_assert(int(FindingLifecycle::StartRectification) ==
              int(lifecycle::Action::StartRectification));
static_assert(int(FindingLifecycle::SubmitForVerification) ==
              int(lifecycle::Action::SubmitForVerification));
static_assert(int(FindingLifecycle::VerifyPassed) == int(lifecycle::Action::VerifyPassed));
static_assert(int(FindingLifecycle::VerifyFailed) == int(lifecycle::Action::VerifyFailed));

std::optional<lifecycle::Action> toAction(int action) {
    if (action < int(lifecycle::Action::StartRectification) ||
        action > int(lifecycle::Action::VerifyFailed))
        return std::nullopt;
    return lifecycle::Action(action);
}
} // namespace

FindingLifecycle::FindingLifecycle(QObject *parent)
    : QObject(parent) {}

void FindingLifecycle::setServices(AppServices *services) {
    if (m_services == services)
        return;
    if (m_services)
        disconnect(m_services, nullptr, this, nullptr);
    m_services = services;
    if (m_services) {
        connect(m_services, &AppServices::unlockedChanged, this, &FindingLifecycle::reload);
        connect(&m_services->store(), &Store::changed, this,
                [this](const QString &type, const QStringList &ids) {
                    if (type == QLatin1String(recordtype::Finding) && ids.contains(m_findingId))
                        reload();
                });
    }
    Q_EMIT servicesChanged();
    reload();
}

void FindingLifecycle::setFindingId(const QString &id) {
    if (m_findingId == id)
        return;
    m_findingId = id;
    Q_EMIT findingIdChanged();
    setError({});
    reload();
}

void FindingLifecycle::reload() {
    Finding finding;
    QString itemCode;
    QString unitName;
    QString actor;
    bool found = false;
    if (m_services && m_services->isUnlocked() && !m_findingId.isEmpty()) {
        const Inspection &in = m_services->inspection();
        if (auto f = in.finding(m_findingId)) {
            found = true;
            finding = *f;
            if (auto item = in.checklistItem(finding.checklistItemId))
                itemCode = item->code;
            if (auto visit = in.visit(finding.visitId)) {
                actor = visit->team.value(0);
                if (auto unit = in.unit(visit->unitId))
                    unitName = unit->name;
            }
        }
    }
    if (found == m_found && finding == m_finding && itemCode == m_itemCode &&
        unitName == m_unitName && actor == m_suggestedActor)
        return;
    m_found = found;
    m_finding = finding;
    m_itemCode = itemCode;
    m_unitName = unitName;
    m_suggestedActor = actor;
    Q_EMIT findingChanged();
}

QString FindingLifecycle::deductionText() const {
    return m_found ? Labels::points(m_finding.deduction) : QString();
}

QString FindingLifecycle::severityName() const {
    return m_found ? Labels::severity(m_finding.severity) : QString();
}

QString FindingLifecycle::dueDateText() const {
    return Labels::date(m_finding.dueDate);
}

bool FindingLifecycle::overdue() const {
    return m_found && lifecycle::isOverdue(m_finding, QDate::currentDate());
}

QString FindingLifecycle::statusName() const {
    return m_found ? Labels::status(m_finding.status) : QString();
}

QVariantList FindingLifecycle::allowedActions() const {
    QVariantList list;
    if (!m_found)
        return list;
    for (const lifecycle::Action a : lifecycle::allowedActions(m_finding.status)) {
        list.append(QVariantMap{{QStringLiteral("action"), int(a)},
                                {QStringLiteral("text"), Labels::action(a)}});
    }
    return list;
}

bool FindingLifecycle::verificationDue() const {
    return m_found &&
           lifecycle::allowedActions(m_finding.status).contains(lifecycle::Action::VerifyPassed);
}

bool FindingLifecycle::perform(int action, const QString &actor, const QString &note,
                               const QStringList &evidencePhotoIds) {
    const auto a = toAction(action);
    if (!a) {
        setError(tr("This step is not known."));
        return false;
    }
    if (!m_services || m_findingId.isEmpty()) {
        setError(tr("No finding is chosen."));
        return false;
    }
    auto r = m_services->inspection().transition(m_findingId, *a, actor.trimmed(), note.trimmed(),
                                                 evidencePhotoIds);
    if (!r) {
        setError(r.error().code == ErrorCode::Locked
                     ? tr("Locked: unlock, then record the step again.")
                     : r.error().message); // the domain's rule, already translated
        return false;
    }
    setError({});
    reload();
    Q_EMIT performed(action);
    return true;
}

QString FindingLifecycle::actionName(int action) const {
    const auto a = toAction(action);
    return a ? Labels::action(*a) : QString();
}

void FindingLifecycle::clearError() {
    setError({});
}

void FindingLifecycle::setError(const QString &text) {
    if (m_errorString == text)
        return;
    m_errorString = text;
    Q_EMIT errorStringChanged();
}

} // namespace fl::app
