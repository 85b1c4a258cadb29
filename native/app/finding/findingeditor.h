#pragma once

#include "common/result.h"
#include "domain/entities.h"
#include "positionfinder.h"

#include <QCborMap>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QQmlParserStatus>
#include <QTimer>

namespace fl::app {

class AppServices;

/// Edits one finding with no save button: every property write goes to the store at once
/// (Inspection::createFinding for a new finding, once it is valid; updateFinding after).
/// A write the domain refuses is kept on screen with validationMessage saying why, and
/// nothing is written; a write made while the vault is locked is kept and saved on unlock.
class FindingEditor : public QObject, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(
        fl::app::AppServices *services READ services WRITE setServices NOTIFY servicesChanged)
    /// The finding edited; empty for a new one, which gets its id on the first valid write.
    Q_PROPERTY(QString findingId READ findingId WRITE setFindingId NOTIFY findingIdChanged)
    /// The visit a new finding is recorded on.
    Q_PROPERTY(QString visitId READ visitId WRITE setVisitId NOTIFY visitIdChanged)
    Q_PROPERTY(QString checklistItemId READ checklistItemId WRITE setChecklistItemId NOTIFY
                   checklistItemChanged)
    Q_PROPERTY(QString itemCode READ itemCode NOTIFY checklistItemChanged)
    Q_PROPERTY(QString itemText READ itemText NOTIFY checklistItemChanged)
    /// The most this item may deduct; a larger deduction is refused.
    Q_PROPERTY(double maxDeduction READ maxDeduction NOTIFY checklistItemChanged)
    /// Follows the checklist item (a finding is on its item's level).
    Q_PROPERTY(int level READ level NOTIFY checklistItemChanged)
    Q_PROPERTY(QString levelName READ levelName NOTIFY checklistItemChanged)
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY titleChanged)
    Q_PROPERTY(QString description READ description WRITE setDescription NOTIFY descriptionChanged)
    Q_PROPERTY(QString category READ category WRITE setCategory NOTIFY categoryChanged)
    /// fl::Severity as int, an index into severityNames.
    Q_PROPERTY(int severity READ severity WRITE setSeverity NOTIFY severityChanged)
    Q_PROPERTY(QStringList severityNames READ severityNames CONSTANT)
    Q_PROPERTY(double deduction READ deduction WRITE setDeduction NOTIFY deductionChanged)
    /// The deduction as the UI language writes it ("2.5"); set it with setDeductionText().
    Q_PROPERTY(QString deductionText READ deductionText NOTIFY deductionChanged)
    Q_PROPERTY(QString responsibleParty READ responsibleParty WRITE setResponsibleParty NOTIFY
                   responsiblePartyChanged)
    /// "yyyy-MM-dd", empty for none.
    Q_PROPERTY(QString dueDate READ dueDate WRITE setDueDate NOTIFY dueDateChanged)
    Q_PROPERTY(QString statusName READ statusName NOTIFY statusChanged)
    /// Where the finding was recorded; taken on request with locate(), never automatically.
    Q_PROPERTY(bool hasLocation READ hasLocation NOTIFY locationChanged)
    /// The position as the UI language writes it ("30.274150° N, 120.155150° E"), or empty.
    Q_PROPERTY(QString locationText READ locationText NOTIFY locationChanged)
    /// "± 8 m", or a note that the source gave no accuracy; empty without a location.
    Q_PROPERTY(QString accuracyText READ accuracyText NOTIFY locationChanged)
    /// Takes the fixes for locate(): its busy and message show the request's state.
    Q_PROPERTY(fl::app::PositionFinder *positionFinder READ positionFinder CONSTANT)
    Q_PROPERTY(bool isNew READ isNew NOTIFY findingIdChanged)
    /// Everything shown is in the store.
    Q_PROPERTY(bool saved READ isSaved NOTIFY savedChanged)
    /// Why the last write was not saved (the domain's words); empty when all is saved.
    Q_PROPERTY(QString validationMessage READ validationMessage NOTIFY validationMessageChanged)
public:
    explicit FindingEditor(QObject *parent = nullptr);

    void classBegin() override;
    void componentComplete() override;

    [[nodiscard]] AppServices *services() const { return m_services; }
    void setServices(AppServices *services);
    [[nodiscard]] QString findingId() const { return m_draft.id; }
    void setFindingId(const QString &id);
    [[nodiscard]] QString visitId() const { return m_draft.visitId; }
    void setVisitId(const QString &visitId);
    [[nodiscard]] QString checklistItemId() const { return m_draft.checklistItemId; }
    void setChecklistItemId(const QString &id);
    [[nodiscard]] QString itemCode() const { return m_item.code; }
    [[nodiscard]] QString itemText() const { return m_item.text; }
    [[nodiscard]] double maxDeduction() const { return m_item.maxDeduction; }
    [[nodiscard]] int level() const { return int(m_draft.level); }
    [[nodiscard]] QString levelName() const;
    [[nodiscard]] QString title() const { return m_draft.title; }
    void setTitle(const QString &title);
    [[nodiscard]] QString description() const { return m_draft.description; }
    void setDescription(const QString &description);
    [[nodiscard]] QString category() const { return m_draft.category; }
    void setCategory(const QString &category);
    [[nodiscard]] int severity() const { return int(m_draft.severity); }
    void setSeverity(int severity);
    [[nodiscard]] static QStringList severityNames();
    [[nodiscard]] double deduction() const { return m_draft.deduction; }
    void setDeduction(double deduction);
    [[nodiscard]] QString deductionText() const;
    [[nodiscard]] QString responsibleParty() const { return m_draft.responsibleParty; }
    void setResponsibleParty(const QString &party);
    [[nodiscard]] QString dueDate() const;
    void setDueDate(const QString &isoDate);
    [[nodiscard]] QString statusName() const;
    [[nodiscard]] bool hasLocation() const { return m_draft.location.has_value(); }
    [[nodiscard]] QString locationText() const;
    [[nodiscard]] QString accuracyText() const;
    [[nodiscard]] PositionFinder *positionFinder() const { return m_finder; }
    /// Records a position (a fix from positionFinder, or one picked by hand).
    void setLocation(const GeoPosition &position);
    [[nodiscard]] bool isNew() const { return m_draft.id.isEmpty(); }
    [[nodiscard]] bool isSaved() const { return !isNew() && m_dirty.isEmpty(); }
    [[nodiscard]] QString validationMessage() const { return m_message; }

    /// The deduction as typed (in the UI language or with a '.'); refuses what is not a number.
    Q_INVOKABLE void setDeductionText(const QString &text);
    /// Reads the finding again; unsaved values are kept on top.
    Q_INVOKABLE void reload();
    /// Asks the position source for a fix and records it when it comes (again: refreshes it).
    Q_INVOKABLE void locate();
    /// Removes the recorded position.
    Q_INVOKABLE void clearLocation();

Q_SIGNALS:
    void servicesChanged();
    void findingIdChanged();
    void visitIdChanged();
    void checklistItemChanged();
    void titleChanged();
    void descriptionChanged();
    void categoryChanged();
    void severityChanged();
    void deductionChanged();
    void responsiblePartyChanged();
    void dueDateChanged();
    void statusChanged();
    void locationChanged();
    void savedChanged();
    void validationMessageChanged();

private:
    /// Saves the named fields of the draft (or creates the finding when it is new).
    void commit(const QStringList &keys);
    bool save(const QCborMap &changes);
    void createIfValid();
    /// Retries what could not be saved (after an unlock).
    void flush();
    void loadItem();
    /// Shows `next`, emitting only for the values that differ.
    void show(const Finding &next);
    void setMessage(const QString &text);
    [[nodiscard]] QString describe(const Error &error) const;
    void updateSaved(bool before);

    QPointer<AppServices> m_services;
    Finding m_draft;
    ChecklistItem m_item;
    QCborMap m_dirty;      // wire name -> value not stored yet (existing findings only)
    QString m_dueDateText; // a due date typed that is not a date, shown as typed
    QString m_message;
    PositionFinder *m_finder = nullptr;
    // While the storage is full, what could not be saved is tried again now and then, so that
    // it is saved once space is freed without anyone typing it again.
    QTimer m_retry;
    bool m_complete = true; // false between classBegin() and componentComplete()
};

} // namespace fl::app
