#include "intervieweditor.h"

#include "appservices.h"
#include "autosave.h"
#include "store/inspection.h"
#include "store/store.h"

namespace fl::app {

namespace {
const QString TimeFormat = QStringLiteral("yyyy-MM-dd HH:mm");

QDateTime currentMinute() {
    const QDateTime now = QDateTime::currentDateTime();
    return QDateTime(now.date(), QTime(now.time().hour(), now.time().minute())).toUTC();
}

QDateTime parseLocal(const QString &text) {
    QDateTime dt = QDateTime::fromString(text, TimeFormat);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, QStringLiteral("yyyy-MM-ddTHH:mm"));
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}
} // namespace

InterviewEditor::InterviewEditor(QObject *parent)
    : QObject(parent) {
    m_draft.at = currentMinute();
}

void InterviewEditor::classBegin() {
    m_complete = false;
}

void InterviewEditor::componentComplete() {
    m_complete = true;
    if (!m_draft.id.isEmpty())
        reload();
}

void InterviewEditor::setServices(AppServices *services) {
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
                    if (type == QLatin1String(recordtype::Interview) && !m_draft.id.isEmpty() &&
                        ids.contains(m_draft.id))
                        reload();
                });
    }
    Q_EMIT servicesChanged();
    if (m_complete && !m_draft.id.isEmpty())
        reload();
}

void InterviewEditor::setInterviewId(const QString &id) {
    if (m_draft.id == id)
        return;
    const bool wasSaved = isSaved();
    m_dirty = {};
    m_atText.clear();
    Interview fresh;
    fresh.id = id;
    fresh.visitId = m_draft.visitId;
    if (id.isEmpty())
        fresh.at = currentMinute();
    show(fresh);
    Q_EMIT interviewIdChanged();
    setMessage({});
    if (m_complete)
        reload();
    updateSaved(wasSaved);
}

void InterviewEditor::setVisitId(const QString &visitId) {
    if (m_draft.visitId == visitId)
        return;
    m_draft.visitId = visitId; // a note never moves: only a new one takes this
    Q_EMIT visitIdChanged();
}

void InterviewEditor::setInterviewee(const QString &interviewee) {
    if (m_draft.interviewee == interviewee)
        return;
    m_draft.interviewee = interviewee;
    Q_EMIT intervieweeChanged();
    commit(fieldkey::Interviewee);
}

void InterviewEditor::setRole(const QString &role) {
    if (m_draft.role == role)
        return;
    m_draft.role = role;
    Q_EMIT roleChanged();
    commit(fieldkey::Role);
}

QString InterviewEditor::at() const {
    return m_atText.isEmpty() && m_draft.at.isValid()
               ? m_draft.at.toLocalTime().toString(TimeFormat)
               : m_atText;
}

void InterviewEditor::setAt(const QString &localDateTime) {
    const QString text = localDateTime.trimmed();
    const QDateTime at = text.isEmpty() ? QDateTime() : parseLocal(text);
    if (!text.isEmpty() && !at.isValid()) {
        m_atText = text;
        Q_EMIT atChanged();
        setMessage(tr("Enter the time as YYYY-MM-DD HH:MM, for example 2026-11-20 10:00."));
        return;
    }
    m_atText.clear();
    if (m_draft.at == at) {
        Q_EMIT atChanged();
        if (m_dirty.isEmpty() && !isNew())
            setMessage({});
        return;
    }
    m_draft.at = at;
    Q_EMIT atChanged();
    commit(fieldkey::At);
}

void InterviewEditor::setPlace(const QString &place) {
    if (m_draft.place == place)
        return;
    m_draft.place = place;
    Q_EMIT placeChanged();
    commit(fieldkey::Place);
}

void InterviewEditor::setContent(const QString &content) {
    if (m_draft.content == content)
        return;
    m_draft.content = content;
    Q_EMIT contentChanged();
    commit(fieldkey::Content);
}

void InterviewEditor::setLinkedFindingIds(const QStringList &ids) {
    if (m_draft.linkedFindingIds == ids)
        return;
    m_draft.linkedFindingIds = ids;
    Q_EMIT linkedFindingIdsChanged();
    commit(fieldkey::LinkedFindingIds);
}

void InterviewEditor::setLinked(const QString &findingId, bool linked) {
    QStringList ids = m_draft.linkedFindingIds;
    if (linked && !ids.contains(findingId))
        ids.append(findingId);
    else if (!linked)
        ids.removeAll(findingId);
    setLinkedFindingIds(ids);
}

void InterviewEditor::commit(const char *key) {
    if (!m_complete || !m_services)
        return;
    if (isNew()) {
        createIfValid();
        return;
    }
    const QString k = QLatin1String(key);
    const QCborMap all = toFields(m_draft);
    save(QCborMap{{k, all.contains(k) ? all.value(k) : QCborValue(nullptr)}});
}

bool InterviewEditor::save(const QCborMap &changes) {
    const bool wasSaved = isSaved();
    auto r = m_services->inspection().updateInterview(m_draft.id, changes);
    settleChanges(m_dirty, changes, r.ok());
    if (!r)
        setMessage(describe(r.error()));
    else if (m_dirty.isEmpty())
        setMessage({});
    updateSaved(wasSaved);
    return r.ok();
}

void InterviewEditor::createIfValid() {
    if (m_draft.visitId.isEmpty())
        return;
    const bool wasSaved = isSaved();
    auto r = m_services->inspection().createInterview(m_draft);
    if (!r) {
        setMessage(describe(r.error()));
        return;
    }
    m_draft.id = r->id;
    m_dirty = {};
    Q_EMIT interviewIdChanged();
    setMessage({});
    updateSaved(wasSaved);
}

void InterviewEditor::flush() {
    if (isNew()) {
        if (!m_draft.interviewee.trimmed().isEmpty() || !m_draft.content.trimmed().isEmpty())
            createIfValid();
        return;
    }
    // One field at a time, so that one refused value does not hold back the others.
    const QCborMap dirty = m_dirty;
    for (auto it = dirty.constBegin(); it != dirty.constEnd(); ++it)
        save(QCborMap{{it.key(), it.value()}});
    reload();
}

void InterviewEditor::reload() {
    if (!m_services || m_draft.id.isEmpty() || !m_services->isUnlocked())
        return;
    auto r = m_services->inspection().interview(m_draft.id);
    if (!r) {
        setMessage(describe(r.error()));
        return;
    }
    show(withUnsaved(*r, m_dirty));
}

void InterviewEditor::show(const Interview &next) {
    const Interview before = m_draft;
    m_draft = next;
    if (before.interviewee != next.interviewee)
        Q_EMIT intervieweeChanged();
    if (before.role != next.role)
        Q_EMIT roleChanged();
    if (before.at != next.at)
        Q_EMIT atChanged();
    if (before.place != next.place)
        Q_EMIT placeChanged();
    if (before.content != next.content)
        Q_EMIT contentChanged();
    if (before.linkedFindingIds != next.linkedFindingIds)
        Q_EMIT linkedFindingIdsChanged();
    if (before.visitId != next.visitId)
        Q_EMIT visitIdChanged();
}

void InterviewEditor::setMessage(const QString &text) {
    if (m_message == text)
        return;
    m_message = text;
    Q_EMIT validationMessageChanged();
}

QString InterviewEditor::describe(const Error &error) const {
    if (error.code == ErrorCode::Locked)
        return tr("Locked: this change is kept here and saved when you unlock.");
    return error.message; // the domain's rule, already translated (fl::validation)
}

void InterviewEditor::updateSaved(bool before) {
    if (before != isSaved())
        Q_EMIT savedChanged();
}

} // namespace fl::app
