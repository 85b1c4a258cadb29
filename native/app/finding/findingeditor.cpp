#include "findingeditor.h"

#include "appservices.h"
#include "autosave.h"
#include "labels.h"
#include "positionfinder.h"
#include "store/inspection.h"
#include "store/store.h"

#include <QLocale>

#include <cmath>

namespace fl::app {

namespace {
QString key(const char *name) {
    return QLatin1String(name);
}
} // namespace

FindingEditor::FindingEditor(QObject *parent)
    : QObject(parent)
    , m_finder(new PositionFinder(this)) {
    connect(m_finder, &PositionFinder::found, this, &FindingEditor::setLocation);
    m_retry.setInterval(3000);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (m_services && m_services->isUnlocked())
            flush();
    });
}

void FindingEditor::classBegin() {
    m_complete = false;
}

void FindingEditor::componentComplete() {
    m_complete = true;
    if (!m_draft.id.isEmpty())
        reload();
    // QML may have set the item before the services: read it now that both are there.
    loadItem();
}

void FindingEditor::setServices(AppServices *services) {
    if (m_services == services)
        return;
    if (m_services)
        disconnect(m_services, nullptr, this, nullptr);
    m_services = services;
    if (m_services) {
        connect(m_services, &AppServices::unlockedChanged, this, [this] {
            if (m_services->isUnlocked())
                flush();
        });
        connect(&m_services->store(), &Store::changed, this,
                [this](const QString &type, const QStringList &ids) {
                    if (type == QLatin1String(recordtype::Finding) && !m_draft.id.isEmpty() &&
                        ids.contains(m_draft.id))
                        reload();
                });
    }
    Q_EMIT servicesChanged();
    if (m_complete) {
        if (!m_draft.id.isEmpty())
            reload();
        else
            loadItem();
    }
}

void FindingEditor::setFindingId(const QString &id) {
    if (m_draft.id == id)
        return;
    const bool wasSaved = isSaved();
    m_finder->cancel(); // a fix asked for the previous finding is not this one's
    m_dirty = {};
    m_dueDateText.clear();
    Finding fresh;
    fresh.id = id;
    fresh.visitId = m_draft.visitId;
    show(fresh);
    Q_EMIT findingIdChanged();
    setMessage({});
    if (m_complete)
        reload();
    updateSaved(wasSaved);
}

void FindingEditor::setVisitId(const QString &visitId) {
    if (m_draft.visitId == visitId)
        return;
    m_draft.visitId = visitId; // a finding never moves: only a new one takes this
    Q_EMIT visitIdChanged();
}

void FindingEditor::setChecklistItemId(const QString &id) {
    if (m_draft.checklistItemId == id)
        return;
    m_draft.checklistItemId = id;
    loadItem();
    QStringList keys{key(fieldkey::ChecklistItemId), key(fieldkey::Level)};
    if (m_draft.category.isEmpty() && !m_item.category.isEmpty()) {
        m_draft.category = m_item.category;
        Q_EMIT categoryChanged();
        keys.append(key(fieldkey::Category));
    }
    commit(keys);
}

void FindingEditor::loadItem() {
    ChecklistItem item;
    if (m_services && !m_draft.checklistItemId.isEmpty()) {
        if (auto r = m_services->inspection().checklistItem(m_draft.checklistItemId))
            item = *r;
    }
    // The level is the item's, so that the finding passes the domain's level rule.
    if (!item.id.isEmpty())
        m_draft.level = item.level;
    if (!(item == m_item)) {
        m_item = item;
        Q_EMIT checklistItemChanged();
    }
}

QString FindingEditor::levelName() const {
    return Labels::level(m_draft.level);
}

void FindingEditor::setTitle(const QString &title) {
    if (m_draft.title == title)
        return;
    m_draft.title = title;
    Q_EMIT titleChanged();
    commit({key(fieldkey::Title)});
}

void FindingEditor::setDescription(const QString &description) {
    if (m_draft.description == description)
        return;
    m_draft.description = description;
    Q_EMIT descriptionChanged();
    commit({key(fieldkey::Description)});
}

void FindingEditor::setCategory(const QString &category) {
    if (m_draft.category == category)
        return;
    m_draft.category = category;
    Q_EMIT categoryChanged();
    commit({key(fieldkey::Category)});
}

void FindingEditor::setSeverity(int severity) {
    if (severity < int(Severity::Minor) || severity > int(Severity::Serious) ||
        severity == int(m_draft.severity))
        return;
    m_draft.severity = Severity(severity);
    Q_EMIT severityChanged();
    commit({key(fieldkey::Severity)});
}

QStringList FindingEditor::severityNames() {
    return {Labels::severity(Severity::Minor), Labels::severity(Severity::Moderate),
            Labels::severity(Severity::Serious)};
}

void FindingEditor::setDeduction(double deduction) {
    if (!std::isfinite(deduction)) {
        setMessage(tr("Enter the deduction as a number, for example 2 or 2.5."));
        return;
    }
    if (m_draft.deduction == deduction) {
        if (!m_dirty.contains(key(fieldkey::Deduction)) && !isNew())
            setMessage({}); // back to the stored value after a refused one
        return;
    }
    m_draft.deduction = deduction;
    Q_EMIT deductionChanged();
    commit({key(fieldkey::Deduction)});
}

QString FindingEditor::deductionText() const {
    return Labels::points(m_draft.deduction);
}

void FindingEditor::setDeductionText(const QString &text) {
    const std::optional<double> value = Labels::parseNumber(text);
    if (!value) {
        setMessage(tr("Enter the deduction as a number, for example 2 or 2.5."));
        return;
    }
    setDeduction(*value);
}

void FindingEditor::setResponsibleParty(const QString &party) {
    if (m_draft.responsibleParty == party)
        return;
    m_draft.responsibleParty = party;
    Q_EMIT responsiblePartyChanged();
    commit({key(fieldkey::ResponsibleParty)});
}

QString FindingEditor::dueDate() const {
    return m_draft.dueDate.isValid() ? m_draft.dueDate.toString(Qt::ISODate) : m_dueDateText;
}

void FindingEditor::setDueDate(const QString &isoDate) {
    const QString text = isoDate.trimmed();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!text.isEmpty() && !date.isValid()) {
        m_dueDateText = text;
        Q_EMIT dueDateChanged();
        setMessage(tr("Enter the due date as YYYY-MM-DD, for example 2026-12-31."));
        return;
    }
    m_dueDateText.clear();
    if (m_draft.dueDate == date) {
        Q_EMIT dueDateChanged();
        return;
    }
    m_draft.dueDate = date;
    Q_EMIT dueDateChanged();
    commit({key(fieldkey::DueDate)});
}

QString FindingEditor::statusName() const {
    return Labels::status(m_draft.status);
}

QString FindingEditor::locationText() const {
    if (!m_draft.location)
        return {};
    const GeoPosition &p = *m_draft.location;
    const QLocale locale;
    const auto coordinate = [&locale](double value, const QString &positive,
                                      const QString &negative) {
        return tr("%1° %2", "coordinate, hemisphere")
            .arg(locale.toString(std::abs(value), 'f', 6), value < 0 ? negative : positive);
    };
    return tr("%1, %2", "latitude, longitude")
        .arg(coordinate(p.latitude, tr("N", "north"), tr("S", "south")),
             coordinate(p.longitude, tr("E", "east"), tr("W", "west")));
}

QString FindingEditor::accuracyText() const {
    if (!m_draft.location)
        return {};
    if (m_draft.location->accuracy <= 0)
        return tr("accuracy not given by the position source");
    return tr("± %1 m", "position accuracy in metres")
        .arg(QLocale().toString(m_draft.location->accuracy, 'f',
                                m_draft.location->accuracy < 10 ? 1 : 0));
}

void FindingEditor::setLocation(const GeoPosition &position) {
    if (m_draft.location == position)
        return;
    m_draft.location = position;
    Q_EMIT locationChanged();
    commit({key(fieldkey::Location)});
}

void FindingEditor::locate() {
    m_finder->request();
}

void FindingEditor::clearLocation() {
    if (!m_draft.location)
        return;
    m_draft.location.reset();
    Q_EMIT locationChanged();
    commit({key(fieldkey::Location)});
}

void FindingEditor::commit(const QStringList &keys) {
    if (!m_complete || !m_services)
        return;
    if (isNew()) {
        createIfValid();
        return;
    }
    const QCborMap all = toFields(m_draft);
    QCborMap changes;
    for (const QString &k : keys)
        changes.insert(k, all.contains(k) ? all.value(k) : QCborValue(nullptr));
    save(changes);
}

bool FindingEditor::save(const QCborMap &changes) {
    const bool wasSaved = isSaved();
    auto r = m_services->inspection().updateFinding(m_draft.id, changes);
    settleChanges(m_dirty, changes, r.ok());
    if (!r) {
        setMessage(describe(r.error()));
        if (r.error().code == ErrorCode::DiskFull)
            m_retry.start();
    } else if (m_dirty.isEmpty())
        setMessage({});
    updateSaved(wasSaved);
    return r.ok();
}

void FindingEditor::createIfValid() {
    if (m_draft.visitId.isEmpty())
        return;
    const bool wasSaved = isSaved();
    auto r = m_services->inspection().createFinding(m_draft);
    if (!r) {
        setMessage(describe(r.error()));
        if (r.error().code == ErrorCode::DiskFull)
            m_retry.start();
        return;
    }
    m_draft.id = r->id;
    m_draft.status = r->status;
    m_dirty = {};
    Q_EMIT findingIdChanged();
    Q_EMIT statusChanged();
    setMessage({});
    updateSaved(wasSaved);
}

void FindingEditor::flush() {
    if (isNew()) {
        if (!m_draft.title.trimmed().isEmpty())
            createIfValid();
        return;
    }
    // One field at a time, so that one refused value does not hold back the others; the item
    // and its level go together.
    const QCborMap dirty = m_dirty;
    const QString itemKey = key(fieldkey::ChecklistItemId);
    const QString levelKey = key(fieldkey::Level);
    for (auto it = dirty.constBegin(); it != dirty.constEnd(); ++it) {
        const QString k = it.key().toString();
        if (k == levelKey && dirty.contains(itemKey))
            continue;
        QCborMap one{{it.key(), it.value()}};
        if (k == itemKey && dirty.contains(levelKey))
            one.insert(levelKey, dirty.value(levelKey));
        save(one);
    }
    reload();
}

void FindingEditor::reload() {
    if (!m_services || m_draft.id.isEmpty() || !m_services->isUnlocked())
        return;
    auto r = m_services->inspection().finding(m_draft.id);
    if (!r) {
        setMessage(describe(r.error()));
        return;
    }
    show(withUnsaved(*r, m_dirty));
}

void FindingEditor::show(const Finding &next) {
    const Finding before = m_draft;
    m_draft = next;
    if (before.checklistItemId != next.checklistItemId || before.level != next.level) {
        m_draft.checklistItemId = next.checklistItemId;
        loadItem();
        Q_EMIT checklistItemChanged();
    }
    if (before.title != next.title)
        Q_EMIT titleChanged();
    if (before.description != next.description)
        Q_EMIT descriptionChanged();
    if (before.category != next.category)
        Q_EMIT categoryChanged();
    if (before.severity != next.severity)
        Q_EMIT severityChanged();
    if (before.deduction != next.deduction)
        Q_EMIT deductionChanged();
    if (before.responsibleParty != next.responsibleParty)
        Q_EMIT responsiblePartyChanged();
    if (before.dueDate != next.dueDate)
        Q_EMIT dueDateChanged();
    if (before.status != next.status)
        Q_EMIT statusChanged();
    if (before.visitId != next.visitId)
        Q_EMIT visitIdChanged();
    if (before.location != next.location)
        Q_EMIT locationChanged();
}

void FindingEditor::setMessage(const QString &text) {
    if (m_message == text)
        return;
    m_message = text;
    Q_EMIT validationMessageChanged();
}

QString FindingEditor::describe(const Error &error) const {
    if (error.code == ErrorCode::Locked)
        return tr("Locked: this change is kept here and saved when you unlock.");
    if (error.code == ErrorCode::DiskFull)
        return tr("The device is full: free some space (delete old files or apps). Nothing "
                  "typed was lost: it stays here and is saved as soon as there is room.");
    return error.message; // the domain's rule, already translated (fl::validation)
}

void FindingEditor::updateSaved(bool before) {
    if (before != isSaved())
        Q_EMIT savedChanged();
}

} // namespace fl::app
