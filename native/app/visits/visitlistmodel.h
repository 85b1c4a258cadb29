#pragma once

#include "servicelistmodel.h"

#include <QDate>
#include <QHash>
#include <QQmlEngine>

namespace fl::app {

/// The visits of every round on this device, grouped by round and ordered by date,
/// with the unit visited and how many local changes to each visit are not yet synced.
/// Small enough to load whole; updated row by row when the store changes.
class VisitListModel : public fl::app::ServiceListModel {
    Q_OBJECT
    QML_ELEMENT
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

    [[nodiscard]] QString errorString() const { return m_errorString; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void reload() override;

Q_SIGNALS:
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
    void onStoreChanged(const QString &recordType, const QStringList &ids) override;
    [[nodiscard]] QList<Row> readRows();
    void fillCounts(QList<Row> &rows);
    void apply(const QList<Row> &next);
    void setError(const QString &text);

    QList<Row> m_rows;
    QString m_errorString;
};

} // namespace fl::app
