#pragma once

#include "domain/entities.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>

namespace fl::app {

class AppServices;

/// One finding's rectification lifecycle for the ledger: what it is now, the steps the domain
/// allows from here (lifecycle::allowedActions), and perform(), which records a step through
/// Inspection::transition (status and history in one transaction). A step the domain refuses
/// writes nothing and leaves its reason in errorString.
class FindingLifecycle : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        fl::app::AppServices *services READ services WRITE setServices NOTIFY servicesChanged)
    Q_PROPERTY(QString findingId READ findingId WRITE setFindingId NOTIFY findingIdChanged)
    /// False when there is no such finding (or the vault is locked).
    Q_PROPERTY(bool found READ found NOTIFY findingChanged)
    Q_PROPERTY(QString visitId READ visitId NOTIFY findingChanged)
    Q_PROPERTY(QString title READ title NOTIFY findingChanged)
    Q_PROPERTY(QString description READ description NOTIFY findingChanged)
    Q_PROPERTY(QString itemCode READ itemCode NOTIFY findingChanged)
    Q_PROPERTY(QString unitName READ unitName NOTIFY findingChanged)
    Q_PROPERTY(QString deductionText READ deductionText NOTIFY findingChanged)
    Q_PROPERTY(QString severityName READ severityName NOTIFY findingChanged)
    Q_PROPERTY(QString responsibleParty READ responsibleParty NOTIFY findingChanged)
    Q_PROPERTY(QString dueDateText READ dueDateText NOTIFY findingChanged)
    Q_PROPERTY(bool overdue READ overdue NOTIFY findingChanged)
    /// fl::FindingStatus as int.
    Q_PROPERTY(int status READ status NOTIFY findingChanged)
    Q_PROPERTY(QString statusName READ statusName NOTIFY findingChanged)
    /// The steps allowed now: [{action: Action, text}], in the lifecycle's order.
    Q_PROPERTY(QVariantList allowedActions READ allowedActions NOTIFY findingChanged)
    /// Awaiting verification: the next step is 验收, passed or not passed.
    Q_PROPERTY(bool verificationDue READ verificationDue NOTIFY findingChanged)
    /// Who most likely takes the step: the first inspector of the finding's visit.
    Q_PROPERTY(QString suggestedActor READ suggestedActor NOTIFY findingChanged)
    /// Why the last step was refused (the domain's words); empty after a step succeeds.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
public:
    /// The lifecycle's actions (fl::lifecycle::Action), for QML.
    enum Action {
        StartRectification,
        SubmitForVerification,
        VerifyPassed,
        VerifyFailed,
    };
    Q_ENUM(Action)

    explicit FindingLifecycle(QObject *parent = nullptr);

    [[nodiscard]] AppServices *services() const { return m_services; }
    void setServices(AppServices *services);
    [[nodiscard]] QString findingId() const { return m_findingId; }
    void setFindingId(const QString &id);
    [[nodiscard]] bool found() const { return m_found; }
    [[nodiscard]] QString visitId() const { return m_finding.visitId; }
    [[nodiscard]] QString title() const { return m_finding.title; }
    [[nodiscard]] QString description() const { return m_finding.description; }
    [[nodiscard]] QString itemCode() const { return m_itemCode; }
    [[nodiscard]] QString unitName() const { return m_unitName; }
    [[nodiscard]] QString deductionText() const;
    [[nodiscard]] QString severityName() const;
    [[nodiscard]] QString responsibleParty() const { return m_finding.responsibleParty; }
    [[nodiscard]] QString dueDateText() const;
    [[nodiscard]] bool overdue() const;
    [[nodiscard]] int status() const { return int(m_finding.status); }
    [[nodiscard]] QString statusName() const;
    [[nodiscard]] QVariantList allowedActions() const;
    [[nodiscard]] bool verificationDue() const;
    [[nodiscard]] QString suggestedActor() const { return m_suggestedActor; }
    [[nodiscard]] QString errorString() const { return m_errorString; }

    /// Records one step: who took it, what was checked or done, and evidence photos (ids of
    /// photos of this finding). Returns false, with errorString, when the domain refuses it.
    Q_INVOKABLE bool perform(int action, const QString &actor, const QString &note,
                             const QStringList &evidencePhotoIds = {});
    /// The button text of an action.
    Q_INVOKABLE QString actionName(int action) const;
    Q_INVOKABLE void clearError();
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void servicesChanged();
    void findingIdChanged();
    void findingChanged();
    void errorStringChanged();
    /// After a step was recorded.
    void performed(int action);

private:
    void setError(const QString &text);

    QPointer<AppServices> m_services;
    QString m_findingId;
    bool m_found = false;
    Finding m_finding;
    QString m_itemCode;
    QString m_unitName;
    QString m_suggestedActor;
    QString m_errorString;
};

} // namespace fl::app
