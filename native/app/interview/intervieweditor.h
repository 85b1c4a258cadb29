#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QCborMap>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QQmlParserStatus>

namespace fl::app {

class AppServices;

/// Edits one interview note (谈话记录) with no save button, as FindingEditor edits a finding:
/// every property write goes to the store at once (Inspection::createInterview once the note
/// is valid, updateInterview after). A write the domain refuses stays on screen with
/// validationMessage saying why; a write made while the vault is locked is saved on unlock.
class InterviewEditor : public QObject, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(
        fl::app::AppServices *services READ services WRITE setServices NOTIFY servicesChanged)
    /// The note edited; empty for a new one, which gets its id on the first valid write.
    Q_PROPERTY(QString interviewId READ interviewId WRITE setInterviewId NOTIFY interviewIdChanged)
    /// The visit a new note is recorded on.
    Q_PROPERTY(QString visitId READ visitId WRITE setVisitId NOTIFY visitIdChanged)
    Q_PROPERTY(QString interviewee READ interviewee WRITE setInterviewee NOTIFY intervieweeChanged)
    /// The interviewee's position (职务).
    Q_PROPERTY(QString role READ role WRITE setRole NOTIFY roleChanged)
    /// Local time as "yyyy-MM-dd HH:mm"; a new note starts at the current minute.
    Q_PROPERTY(QString at READ at WRITE setAt NOTIFY atChanged)
    Q_PROPERTY(QString place READ place WRITE setPlace NOTIFY placeChanged)
    Q_PROPERTY(QString content READ content WRITE setContent NOTIFY contentChanged)
    /// Findings of the visit this note speaks to.
    Q_PROPERTY(QStringList linkedFindingIds READ linkedFindingIds WRITE setLinkedFindingIds NOTIFY
                   linkedFindingIdsChanged)
    Q_PROPERTY(bool isNew READ isNew NOTIFY interviewIdChanged)
    /// Everything shown is in the store.
    Q_PROPERTY(bool saved READ isSaved NOTIFY savedChanged)
    /// Why the last write was not saved (the domain's words); empty when all is saved.
    Q_PROPERTY(QString validationMessage READ validationMessage NOTIFY validationMessageChanged)
public:
    explicit InterviewEditor(QObject *parent = nullptr);

    void classBegin() override;
    void componentComplete() override;

    [[nodiscard]] AppServices *services() const { return m_services; }
    void setServices(AppServices *services);
    [[nodiscard]] QString interviewId() const { return m_draft.id; }
    void setInterviewId(const QString &id);
    [[nodiscard]] QString visitId() const { return m_draft.visitId; }
    void setVisitId(const QString &visitId);
    [[nodiscard]] QString interviewee() const { return m_draft.interviewee; }
    void setInterviewee(const QString &interviewee);
    [[nodiscard]] QString role() const { return m_draft.role; }
    void setRole(const QString &role);
    [[nodiscard]] QString at() const;
    void setAt(const QString &localDateTime);
    [[nodiscard]] QString place() const { return m_draft.place; }
    void setPlace(const QString &place);
    [[nodiscard]] QString content() const { return m_draft.content; }
    void setContent(const QString &content);
    [[nodiscard]] QStringList linkedFindingIds() const { return m_draft.linkedFindingIds; }
    void setLinkedFindingIds(const QStringList &ids);
    [[nodiscard]] bool isNew() const { return m_draft.id.isEmpty(); }
    [[nodiscard]] bool isSaved() const { return !isNew() && m_dirty.isEmpty(); }
    [[nodiscard]] QString validationMessage() const { return m_message; }

    /// Links or unlinks one finding.
    Q_INVOKABLE void setLinked(const QString &findingId, bool linked);
    /// Reads the note again; unsaved values are kept on top.
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void servicesChanged();
    void interviewIdChanged();
    void visitIdChanged();
    void intervieweeChanged();
    void roleChanged();
    void atChanged();
    void placeChanged();
    void contentChanged();
    void linkedFindingIdsChanged();
    void savedChanged();
    void validationMessageChanged();

private:
    void commit(const char *key);
    bool save(const QCborMap &changes);
    void createIfValid();
    void flush();
    void show(const Interview &next);
    void setMessage(const QString &text);
    [[nodiscard]] QString describe(const Error &error) const;
    void updateSaved(bool before);

    QPointer<AppServices> m_services;
    Interview m_draft;
    QCborMap m_dirty; // wire name -> value not stored yet (existing notes only)
    QString m_atText; // a time typed that is not a time, shown as typed
    QString m_message;
    bool m_complete = true; // false between classBegin() and componentComplete()
};

} // namespace fl::app
