#pragma once

#include "domain/entities.h"
#include "servicelistmodel.h"

#include <QHash>
#include <QQmlEngine>

namespace fl::app {

/// The findings of a visit, or of a whole round for the ledger, oldest first. Rows are read
/// (and decrypted) a page of 50 at a time as the view scrolls (canFetchMore/fetchMore);
/// store changes update, insert or remove single rows.
class FindingListModel : public fl::app::ServiceListModel {
    Q_OBJECT
    QML_ELEMENT
    /// Lists one visit's findings when set; otherwise those of campaignId.
    Q_PROPERTY(QString visitId READ visitId WRITE setVisitId NOTIFY visitIdChanged)
    Q_PROPERTY(QString campaignId READ campaignId WRITE setCampaignId NOTIFY campaignIdChanged)
    /// All findings the filter covers, read or not.
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
public:
    static constexpr int PageSize = 50;

    enum Role {
        FindingIdRole = Qt::UserRole,
        VisitIdRole,
        ChecklistItemIdRole,
        ItemCodeRole,
        LevelRole, ///< fl::Level as int
        LevelNameRole,
        TitleRole,
        DescriptionRole,
        SeverityRole, ///< fl::Severity as int
        SeverityNameRole,
        DeductionRole,
        StatusRole, ///< fl::FindingStatus as int
        StatusNameRole,
        ResponsiblePartyRole,
        DueDateRole, ///< QDate
        DueDateTextRole,
        OverdueRole, ///< due date passed and not closed
    };
    Q_ENUM(Role)

    explicit FindingListModel(QObject *parent = nullptr);

    [[nodiscard]] QString visitId() const { return m_visitId; }
    void setVisitId(const QString &visitId);
    [[nodiscard]] QString campaignId() const { return m_campaignId; }
    void setCampaignId(const QString &campaignId);
    [[nodiscard]] int totalCount() const { return m_total; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Drops the rows read and reads the first page again.
    void reload() override;

Q_SIGNALS:
    void visitIdChanged();
    void campaignIdChanged();
    void totalCountChanged();

private:
    void onStoreChanged(const QString &recordType, const QStringList &ids) override;
    void onFindingChanged(const QString &id);
    [[nodiscard]] bool ready() const;
    [[nodiscard]] bool covers(const QString &campaignId, const QString &visitId) const;
    void loadItemCodes();
    void setTotal(int total);
    [[nodiscard]] int rowOf(const QString &id) const;

    QString m_visitId;
    QString m_campaignId;
    QList<Finding> m_rows;
    QHash<QString, QString> m_itemCodes; // checklist item id -> code
    int m_total = 0;
    bool m_changingRows = false; // views and testers may ask for more while rows go in
};

} // namespace fl::app
