#pragma once

#include "domain/entities.h"

#include <QHash>
#include <QList>

namespace fl::scoring {

/// One checklist item's deductions after capping at its maximum.
struct ItemDeduction {
    QString checklistItemId;
    Level level = Level::PartyGroup;
    double raw = 0;    ///< sum of the findings' deductions
    double capped = 0; ///< min(raw, item maximum)
    int findingCount = 0;
};

/// Base minus deductions, per level and in total.
struct Score {
    double base[LevelCount] = {0, 0, 0};
    double deducted[LevelCount] = {0, 0, 0};
    double score[LevelCount] = {0, 0, 0};
    double totalBase = 0;
    double totalDeducted = 0;
    double total = 0;
    QList<ItemDeduction> items; ///< ordered by level then checklist code
};

/// Scores a set of findings (one visit's, or all of a unit's in a campaign) against the
/// campaign's checklist. No item is deducted past its maximum; a level never drops below 0.
/// Findings whose checklist item is unknown are ignored.
[[nodiscard]] Score score(const Campaign &campaign, const QList<ChecklistItem> &checklist,
                          const QList<Finding> &findings);

/// Natural order of dotted checklist codes ("1.2" < "1.10"), the same under every locale:
/// negative, zero or positive.
[[nodiscard]] int compareCodes(const QString &a, const QString &b);

/// Closed ÷ all; `rate` is 0 when there are no findings.
struct RectificationRate {
    int closed = 0;
    int total = 0;
    double rate = 0;
};
[[nodiscard]] RectificationRate rectificationRate(const QList<Finding> &findings);

} // namespace fl::scoring
