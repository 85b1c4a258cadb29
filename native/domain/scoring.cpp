#include "domain/scoring.h"

#include <algorithm>
#include <cmath>

namespace fl::scoring {

namespace {

int levelIndex(Level l) {
    return static_cast<int>(l);
}

bool validLevel(Level l) {
    return levelIndex(l) >= 0 && levelIndex(l) < LevelCount;
}

// A negative or non-numeric deduction would add points; the validator rejects it, and scoring
// must not reward it if one slips through (e.g. from an older client).
double usableDeduction(double d) {
    return std::isfinite(d) && d > 0 ? d : 0;
}

} // namespace

// Natural order of dotted codes: numeric segments compare as numbers ("1.10" after "1.9"),
// anything else as text; a code comes before the codes under it ("1.2" before "1.2.1").
int compareCodes(const QString &a, const QString &b) {
    const QList<QStringView> as = QStringView(a).split(QLatin1Char('.'));
    const QList<QStringView> bs = QStringView(b).split(QLatin1Char('.'));
    const qsizetype n = std::min(as.size(), bs.size());
    for (qsizetype i = 0; i < n; ++i) {
        bool aNumeric = false;
        bool bNumeric = false;
        const qulonglong an = as[i].trimmed().toULongLong(&aNumeric);
        const qulonglong bn = bs[i].trimmed().toULongLong(&bNumeric);
        if (aNumeric && bNumeric) {
            if (an != bn)
                return an < bn ? -1 : 1;
            continue;
        }
        // A number sorts before a word, so "1.a" follows "1.2" rather than interleaving.
        if (aNumeric != bNumeric)
            return aNumeric ? -1 : 1;
        if (const int c = as[i].compare(bs[i]); c != 0)
            return c < 0 ? -1 : 1;
    }
    if (as.size() != bs.size())
        return as.size() < bs.size() ? -1 : 1;
    return 0;
}

Score score(const Campaign &campaign, const QList<ChecklistItem> &checklist,
            const QList<Finding> &findings) {
    Score result;

    QHash<QString, const ChecklistItem *> itemsById;
    itemsById.reserve(checklist.size());
    for (const ChecklistItem &item : checklist)
        itemsById.insert(item.id, &item);

    // The item's level counts, not the finding's copy of it: the checklist is the authority.
    QHash<QString, ItemDeduction> byItem;
    for (const Finding &finding : findings) {
        const ChecklistItem *item = itemsById.value(finding.checklistItemId);
        if (!item || !validLevel(item->level))
            continue;
        ItemDeduction &d = byItem[item->id];
        d.checklistItemId = item->id;
        d.level = item->level;
        d.raw += usableDeduction(finding.deduction);
        ++d.findingCount;
    }

    for (auto it = byItem.begin(); it != byItem.end(); ++it) {
        ItemDeduction &d = it.value();
        const double cap = std::max(0.0, itemsById.value(d.checklistItemId)->maxDeduction);
        d.capped = std::min(d.raw, cap);
        result.deducted[levelIndex(d.level)] += d.capped;
        result.items.append(d);
    }

    for (int level = 0; level < LevelCount; ++level) {
        result.base[level] = campaign.baseScore[level];
        result.score[level] = std::max(0.0, result.base[level] - result.deducted[level]);
        result.totalBase += result.base[level];
        result.totalDeducted += result.deducted[level];
        result.total += result.score[level];
    }

    std::sort(result.items.begin(), result.items.end(),
              [&](const ItemDeduction &a, const ItemDeduction &b) {
                  if (a.level != b.level)
                      return levelIndex(a.level) < levelIndex(b.level);
                  const int c = compareCodes(itemsById.value(a.checklistItemId)->code,
                                             itemsById.value(b.checklistItemId)->code);
                  if (c != 0)
                      return c < 0;
                  // Same code twice is a data error, but the order must still be stable.
                  return a.checklistItemId < b.checklistItemId;
              });
    return result;
}

RectificationRate rectificationRate(const QList<Finding> &findings) {
    RectificationRate r;
    r.total = int(findings.size());
    r.closed = int(std::count_if(findings.begin(), findings.end(), [](const Finding &f) {
        return f.status == FindingStatus::Closed;
    }));
    r.rate = r.total > 0 ? double(r.closed) / double(r.total) : 0.0;
    return r;
}

} // namespace fl::scoring
