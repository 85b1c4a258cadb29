#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

namespace fl::app {

class AppServices;

/// What a visit page shows in its header: the unit, the round, the date, the team.
class VisitSummary : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        fl::app::AppServices *services READ services WRITE setServices NOTIFY servicesChanged)
    Q_PROPERTY(QString visitId READ visitId WRITE setVisitId NOTIFY visitIdChanged)
    /// False when there is no such visit (or the vault is locked).
    Q_PROPERTY(bool found READ found NOTIFY summaryChanged)
    Q_PROPERTY(QString unitName READ unitName NOTIFY summaryChanged)
    Q_PROPERTY(QString campaignId READ campaignId NOTIFY summaryChanged)
    Q_PROPERTY(QString campaignName READ campaignName NOTIFY summaryChanged)
    Q_PROPERTY(QString dateText READ dateText NOTIFY summaryChanged)
    Q_PROPERTY(QString statusName READ statusName NOTIFY summaryChanged)
    Q_PROPERTY(QString team READ team NOTIFY summaryChanged)
public:
    explicit VisitSummary(QObject *parent = nullptr);

    [[nodiscard]] AppServices *services() const { return m_services; }
    void setServices(AppServices *services);
    [[nodiscard]] QString visitId() const { return m_visitId; }
    void setVisitId(const QString &visitId);
    [[nodiscard]] bool found() const { return m_found; }
    [[nodiscard]] QString unitName() const { return m_unitName; }
    [[nodiscard]] QString campaignId() const { return m_campaignId; }
    [[nodiscard]] QString campaignName() const { return m_campaignName; }
    [[nodiscard]] QString dateText() const { return m_dateText; }
    [[nodiscard]] QString statusName() const { return m_statusName; }
    [[nodiscard]] QString team() const { return m_team; }

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void servicesChanged();
    void visitIdChanged();
    void summaryChanged();

private:
    QPointer<AppServices> m_services;
    QString m_visitId;
    bool m_found = false;
    QString m_unitName;
    QString m_campaignId;
    QString m_campaignName;
    QString m_dateText;
    QString m_statusName;
    QString m_team;
};

} // namespace fl::app
