#pragma once

#include "common/result.h"
#include "domain/entities.h"
#include "domain/lifecycle.h"
#include "domain/scoring.h"

#include <QCborMap>
#include <QList>

namespace fl {

class Store;
struct RecordFilter;

/// A finding with what the ledger shows beside it.
struct LedgerRow {
    Finding finding;
    QString unitId;
    QString unitName;
    QDate visitDate;
    QString itemCode;
    bool overdue = false; ///< due date passed and not closed
};

/// The inspection workflow over the store: typed records, validated before they are
/// written, and the multi-record operations (lifecycle steps, scores, the ledger).
/// Each write is one transaction.
class Inspection {
public:
    explicit Inspection(Store &store)
        : m_store(store) {}

    // Planning (office)
    /// Creates the campaign and its key together.
    Result<Campaign> createCampaign(Campaign campaign);
    Result<ChecklistItem> addChecklistItem(ChecklistItem item);
    Result<Unit> createUnit(Unit unit);
    Result<Visit> createVisit(Visit visit);

    // Capture (tablet)
    /// Validates against the checklist item and the visit, then saves.
    Result<Finding> createFinding(Finding finding);
    /// Applies changed fields (wire names, see toFields), validates the result and writes only
    /// the fields whose value changed. Status cannot be set here: use transition().
    Result<Finding> updateFinding(const QString &id, const QCborMap &changes);
    /// One lifecycle step: the finding's status and a Transition record (who, when, note,
    /// evidence) in one transaction.
    Result<Finding> transition(const QString &findingId, lifecycle::Action action,
                               const QString &actor, const QString &note,
                               const QStringList &evidencePhotoIds = {});
    Result<Interview> createInterview(Interview interview);
    Result<Interview> updateInterview(const QString &id, const QCborMap &changes);
    Result<Visit> updateVisit(const QString &id, const QCborMap &changes);
    /// Deletes (tombstones) any record.
    Result<void> remove(const QString &id);

    // Reading
    [[nodiscard]] Result<Campaign> campaign(const QString &id) const;
    [[nodiscard]] Result<QList<Campaign>> campaigns() const;
    /// Ordered by level, then checklist code.
    [[nodiscard]] Result<QList<ChecklistItem>> checklist(const QString &campaignId) const;
    [[nodiscard]] Result<ChecklistItem> checklistItem(const QString &id) const;
    [[nodiscard]] Result<QList<Unit>> units(const QString &campaignId) const;
    [[nodiscard]] Result<Unit> unit(const QString &id) const;
    [[nodiscard]] Result<QList<Visit>> visits(const QString &campaignId) const;
    [[nodiscard]] Result<Visit> visit(const QString &id) const;
    [[nodiscard]] Result<Finding> finding(const QString &id) const;
    /// One page of a visit's findings (or a campaign's when visitId is empty).
    [[nodiscard]] Result<QList<Finding>> findings(const RecordFilter &filter, int offset = 0,
                                                  int limit = -1) const;
    [[nodiscard]] Result<QList<Transition>> history(const QString &findingId) const;
    [[nodiscard]] Result<QList<Interview>> interviews(const QString &visitId) const;
    [[nodiscard]] Result<Interview> interview(const QString &id) const;

    // Scores and rates
    [[nodiscard]] Result<scoring::Score> visitScore(const QString &visitId) const;
    [[nodiscard]] Result<scoring::Score> unitScore(const QString &unitId) const;
    [[nodiscard]] Result<scoring::RectificationRate> campaignRate(const QString &campaignId) const;
    [[nodiscard]] Result<scoring::RectificationRate> unitRate(const QString &unitId) const;

    /// Every finding of a campaign with its unit and visit, oldest first (by creation clock,
    /// then finding id: the same order on every device holding the same changes).
    [[nodiscard]] Result<QList<LedgerRow>> ledger(const QString &campaignId,
                                                  const QDate &today) const;

private:
    Result<QList<Finding>> unitFindings(const QString &unitId) const;

    Store &m_store;
};

/// The ledger as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read Chinese right).
[[nodiscard]] QByteArray ledgerToCsv(const QList<LedgerRow> &rows);

} // namespace fl
