#pragma once

#include "servicelistmodel.h"

#include <QQmlEngine>

namespace fl::app {

/// A round's checklist (ordered by level, then code) with, for one visit, how many findings
/// each item has and the points deducted under it (capped at the item's maximum).
class ChecklistModel : public fl::app::ServiceListModel {
    Q_OBJECT
    QML_ELEMENT
    /// The visit whose findings are counted; sets campaignId too.
    Q_PROPERTY(QString visitId READ visitId WRITE setVisitId NOTIFY visitIdChanged)
    /// The round whose checklist is listed (without a visit, counts are 0).
    Q_PROPERTY(QString campaignId READ campaignId WRITE setCampaignId NOTIFY campaignIdChanged)
public:
    enum Role {
        ItemIdRole = Qt::UserRole,
        LevelRole, ///< fl::Level as int
        LevelNameRole,
        CodeRole,
        TextRole,
        CategoryRole,
        MaxDeductionRole,
        FindingCountRole, ///< findings on the visit under this item
        DeductedRole,     ///< points deducted under this item on the visit, capped
        LabelRole,        ///< "1.2 text", for pickers
        FirstOfLevelRole, ///< the first item of its level: the view shows the level's heading
        LevelItemsRole,   ///< items on this item's level
        LevelItemsWithFindingsRole, ///< of those, items with a finding on the visit
    };
    Q_ENUM(Role)

    explicit ChecklistModel(QObject *parent = nullptr);

    [[nodiscard]] QString visitId() const { return m_visitId; }
    void setVisitId(const QString &visitId);
    [[nodiscard]] QString campaignId() const { return m_campaignId; }
    void setCampaignId(const QString &campaignId);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// The row of an item, or -1 (for selecting it in a picker).
    Q_INVOKABLE int rowOf(const QString &itemId) const;
    void reload() override;

Q_SIGNALS:
    void visitIdChanged();
    void campaignIdChanged();

private:
    struct Row {
        QString id;
        int level = 0;
        QString code;
        QString text;
        QString category;
        double maxDeduction = 0;
        int findingCount = 0;
        double deducted = 0;
        bool firstOfLevel = false;
        int levelItems = 0;
        int levelItemsWithFindings = 0;
        bool operator==(const Row &) const = default;
    };
    void onStoreChanged(const QString &recordType, const QStringList &ids) override;
    [[nodiscard]] QList<Row> readRows();

    QString m_visitId;
    QString m_campaignId;
    QList<Row> m_rows;
};

} // namespace fl::app
