#pragma once

#include "common/result.h"
#include "domain/entities.h"
#include "servicelistmodel.h"

#include <QDate>
#include <QHash>
#include <QQmlEngine>
#include <QSet>
#include <QUrl>

#include <optional>

namespace fl {
struct LedgerRow;
} // namespace fl

namespace fl::app {

/// The ledger (台账) of a round: every finding of its visits with unit, due date, status and
/// overdue, filtered by status, unit, overdue and a search in the title, sorted by recording
/// order, due date, deduction or status.
///
/// A round may hold 50,000 findings, each decrypted on read. Unfiltered and in recording
/// order, rows are read a page of 50 at a time as the view scrolls, the next page read ahead
/// on the background reader so that scrolling does not wait for it. A filter, a search or
/// another order needs every row, so the first one reads the whole round once
/// (Inspection::ledger: about 1.5 s for 50,000 findings on a 2-core tablet) on the background
/// reader, while the rows shown stay and `loading` is true; then the filtered rows replace
/// them in one reset. The round stays in memory, without descriptions, until it changes or
/// the vault locks; later filters and sorts work on that copy. Store changes update, insert,
/// move or remove single rows (those made during the read are applied again after it).
class LedgerModel : public fl::app::ServiceListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString campaignId READ campaignId WRITE setCampaignId NOTIFY campaignIdChanged)
    /// fl::FindingStatus as int; -1 for every status.
    Q_PROPERTY(int statusFilter READ statusFilter WRITE setStatusFilter NOTIFY filterChanged)
    /// A unit id; empty for every unit.
    Q_PROPERTY(QString unitFilter READ unitFilter WRITE setUnitFilter NOTIFY filterChanged)
    Q_PROPERTY(bool overdueOnly READ overdueOnly WRITE setOverdueOnly NOTIFY filterChanged)
    /// Words looked for in the titles (case-insensitive).
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY filterChanged)
    Q_PROPERTY(SortOrder sortOrder READ sortOrder WRITE setSortOrder NOTIFY filterChanged)
    /// The day overdue is judged against; today unless a test sets it.
    Q_PROPERTY(QDate today READ today WRITE setToday NOTIFY todayChanged)
    /// Rows the filter covers, read or not.
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
    /// The whole round is in memory (after a filter, a search or another order).
    Q_PROPERTY(bool allLoaded READ allLoaded NOTIFY allLoadedChanged)
    /// The whole round is being read in the background (for a filter, search or order).
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString campaignName READ campaignName NOTIFY choicesChanged)
    /// For a unit picker: [{value: unit id, text: name}], "every unit" first.
    Q_PROPERTY(QVariantList unitChoices READ unitChoices NOTIFY choicesChanged)
    /// For a status picker: [{value: status or -1, text}].
    Q_PROPERTY(QVariantList statusChoices READ statusChoices CONSTANT)
    /// For an order picker: [{value: SortOrder, text}].
    Q_PROPERTY(QVariantList sortChoices READ sortChoices CONSTANT)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    /// Where an export is offered first: the documents folder.
    Q_PROPERTY(QUrl exportFolder READ exportFolder CONSTANT)
public:
    static constexpr int PageSize = 50;

    enum SortOrder {
        ByRecorded,  ///< oldest first, as recorded
        ByDueDate,   ///< soonest due first; no due date last
        ByDeduction, ///< largest deduction first
        ByStatus,    ///< along the lifecycle: open first, closed last
    };
    Q_ENUM(SortOrder)

    enum Role {
        FindingIdRole = Qt::UserRole,
        VisitIdRole,
        UnitIdRole,
        UnitNameRole,
        VisitDateTextRole,
        ItemCodeRole,
        LevelNameRole,
        TitleRole,
        SeverityNameRole,
        DeductionRole,
        StatusRole, ///< fl::FindingStatus as int
        StatusNameRole,
        ResponsiblePartyRole,
        DueDateRole, ///< QDate
        DueDateTextRole,
        OverdueRole, ///< lifecycle::isOverdue on `today`
    };
    Q_ENUM(Role)

    explicit LedgerModel(QObject *parent = nullptr);

    [[nodiscard]] QString campaignId() const { return m_campaignId; }
    void setCampaignId(const QString &campaignId);
    [[nodiscard]] int statusFilter() const { return m_statusFilter; }
    void setStatusFilter(int status);
    [[nodiscard]] QString unitFilter() const { return m_unitFilter; }
    void setUnitFilter(const QString &unitId);
    [[nodiscard]] bool overdueOnly() const { return m_overdueOnly; }
    void setOverdueOnly(bool overdueOnly);
    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);
    [[nodiscard]] SortOrder sortOrder() const { return m_sortOrder; }
    void setSortOrder(SortOrder order);
    [[nodiscard]] QDate today() const { return m_today; }
    void setToday(const QDate &today);
    [[nodiscard]] int totalCount() const;
    [[nodiscard]] bool allLoaded() const { return m_allLoaded; }
    [[nodiscard]] bool isLoading() const { return m_loadRequest.has_value(); }
    [[nodiscard]] QString campaignName() const { return m_campaignName; }
    [[nodiscard]] QVariantList unitChoices() const;
    [[nodiscard]] static QVariantList statusChoices();
    [[nodiscard]] static QVariantList sortChoices();
    [[nodiscard]] QString errorString() const { return m_errorString; }
    [[nodiscard]] static QUrl exportFolder();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// The row showing a finding, or -1 (not read yet, or filtered out).
    Q_INVOKABLE int rowOf(const QString &findingId) const;
    /// Writes the rows the filter covers, in the order shown, as CSV (ledgerToCsv) to a local
    /// file. Reports `exported`, or errorString on failure.
    Q_INVOKABLE bool exportCsv(const QUrl &fileUrl);
    /// A file name for the export: the round and today's date.
    Q_INVOKABLE QString suggestedFileName() const;
    /// That name in exportFolder.
    Q_INVOKABLE QUrl suggestedExportUrl() const;
    /// Drops what was read (the in-memory round too) and reads the first page again.
    void reload() override;

Q_SIGNALS:
    void campaignIdChanged();
    void filterChanged();
    void todayChanged();
    void totalCountChanged();
    void allLoadedChanged();
    void loadingChanged();
    void choicesChanged();
    void errorStringChanged();
    void exported(int rows, const QString &path);

private:
    /// A ledger row without the description, which the list does not show.
    struct Row {
        QString id;
        QString visitId;
        QString checklistItemId;
        QString title;
        QString responsibleParty;
        QDate dueDate;
        double deduction = 0;
        FindingStatus status = FindingStatus::Open;
        Severity severity = Severity::Moderate;
        Level level = Level::PartyGroup;
        bool removed = false; ///< deleted after the round was read (keeps indexes stable)
    };
    struct VisitInfo {
        QString unitId;
        QDate date;
    };

    [[nodiscard]] bool ready() const;
    [[nodiscard]] bool filtering() const;
    [[nodiscard]] const Row &rowAt(int row) const;
    struct Round {
        QList<Row> rows;
        QHash<QString, int> indexOf; // finding id -> index in rows
    };

    [[nodiscard]] static Row toRow(const Finding &finding);
    [[nodiscard]] bool overdue(const Row &row) const;
    [[nodiscard]] bool matches(const Row &row) const;
    /// Strict order of two rows of m_all for the view (recording order breaks ties).
    [[nodiscard]] bool less(int a, int b) const;
    [[nodiscard]] LedgerRow toLedgerRow(const Row &row) const;
    void loadContext();
    /// Starts the background read of the whole round, unless one runs.
    void loadAll();
    void finishLoadAll(int request, Result<Round> round);
    void cancelLoad();
    /// Reads the page after the rows shown in the background, unless it is held or coming.
    void prefetch();
    /// Forgets the page read ahead (a finding changed: it may be stale).
    void dropPrefetch();
    void rebuildView();
    void applyFilter();
    void onStoreChanged(const QString &recordType, const QStringList &ids) override;
    void onFindingChanged(const QString &id);
    void updatePaged(const QString &id, const std::optional<Row> &next, bool created, bool ours);
    void updateAll(const QString &id, const std::optional<Row> &next);
    void setTotal(int total);
    void setAllLoaded(bool loaded);
    void setError(const QString &text);
    void clearRows();

    QString m_campaignId;
    int m_statusFilter = -1;
    QString m_unitFilter;
    bool m_overdueOnly = false;
    QString m_search;
    QStringList m_terms; // the search's words
    SortOrder m_sortOrder = ByRecorded;
    QDate m_today;

    // Context: small, read whole.
    QString m_campaignName;
    QList<Unit> m_units;
    QHash<QString, QString> m_unitNames; // unit id -> name
    QHash<QString, VisitInfo> m_visits;  // visit id -> unit, date
    QHash<QString, QString> m_itemCodes; // checklist item id -> code

    // Paged: the first rows in recording order.
    QList<Row> m_paged;
    int m_pagedTotal = 0;
    QList<Row> m_prefetched; // the page after m_paged, read ahead
    int m_prefetchAt = -1;   // the offset being read ahead or held; -1: none
    int m_prefetches = 0;    // read-aheads asked for; an answer for an older one is dropped
    // All loaded: the round, and the rows of it shown (indexes into m_all).
    bool m_allLoaded = false;
    QList<Row> m_all;
    QHash<QString, int> m_indexOf;
    QList<int> m_view;
    int m_loads = 0;                   // background reads of the round asked for
    std::optional<int> m_loadRequest;  // the one running, whose result is awaited
    QSet<QString> m_changedDuringLoad; // findings to read again once the round is in

    QString m_errorString;
    bool m_changingRows = false; // views and testers may ask for more while rows go in
};

} // namespace fl::app
