#pragma once

#include "rowsync.h"

#include <QAbstractListModel>
#include <QDate>
#include <QHash>
#include <QPointer>
#include <QQmlEngine>

namespace fl::app {

class AppServices;

/// The visits of every round on this device, grouped by round and ordered by date,
/// with the unit visited and how many local changes to each visit are not yet synced.
/// Small enough to load whole; updated row by row when the store changes.
class VisitListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        fl::app::AppServices *services READ services WRITE setServices NOTIFY servicesChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
public:
    enum Role {
        VisitIdRole = Qt::UserRole,
        CampaignIdRole,
        CampaignNameRole,
        CampaignPeriodRole, ///< "2026-11-01 – 2026-12-31", for the section header
        UnitIdRole,
        UnitNameRole,
        DateRole,     ///< QDate
        DateTextRole, ///< the date in the UI language
        StatusRole,   ///< fl::VisitStatus as int
        StatusNameRole,
        TeamRole,            ///< inspectors, joined for display
        FindingCountRole,    ///< findings recorded on the visit
        PendingCountRole,    ///< local change sets of the visit and its records not yet synced
        FirstOfCampaignRole, ///< the first row of its round: the view shows the round's heading
    };
    Q_ENUM(Role)

    explicit VisitListModel(QObject *parent = nullptr);

    [[nodiscard]] AppServices *services() const { return m_services; }
    void setServices(AppServices *services);
    [[nodiscard]] QString errorString() const { return m_errorString; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Re-reads everything (models also follow the store on their own).
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void servicesChanged();
    void countChanged();
    void errorStringChanged();

private:
    struct Row {
        QString visitId;
        QString campaignId;
        QString campaignName;
        QString campaignPeriod;
        QDate campaignStart;
        QString unitId;
        QString unitName;
        QDate date;
        int status = 0;
        QString team;
        int findingCount = 0;
        int pendingCount = 0;
        bool firstOfCampaign = false;
        bool operator==(const Row &) const = default;
    };
    void onStoreChanged(const QString &recordType, const QStringList &ids);
    [[nodiscard]] QList<Row> readRows();
    void fillCounts(QList<Row> &rows);
    void apply(const QList<Row> &next);
    void setError(const QString &text);
    [[nodiscard]] RowSignals rowSignals();

    QPointer<AppServices> m_services;
    QList<Row> m_rows;
    QString m_errorString;
};

} // namespace fl::app
