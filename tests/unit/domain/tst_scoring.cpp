#include "domain/scoring.h"

#include <QtTest>

using namespace fl;

namespace {

constexpr int PG = 0; // party group
constexpr int OC = 1; // organ committee
constexpr int GR = 2; // grassroots

Campaign campaign() {
    Campaign c;
    c.id = QStringLiteral("c-1");
    c.name = QStringLiteral("2026年第一轮");
    c.baseScore[PG] = 100;
    c.baseScore[OC] = 80;
    c.baseScore[GR] = 60;
    return c;
}

ChecklistItem item(const char *id, Level level, const char *code, double maxDeduction) {
    ChecklistItem i;
    i.id = QLatin1String(id);
    i.campaignId = QStringLiteral("c-1");
    i.level = level;
    i.code = QLatin1String(code);
    i.text = QStringLiteral("检查内容 ") + i.code;
    i.maxDeduction = maxDeduction;
    return i;
}

Finding finding(const char *itemId, Level level, double deduction,
                FindingStatus status = FindingStatus::Open) {
    static int next = 0;
    Finding f;
    f.id = QStringLiteral("f-%1").arg(++next);
    f.visitId = QStringLiteral("v-1");
    f.checklistItemId = QLatin1String(itemId);
    f.level = level;
    f.deduction = deduction;
    f.title = QStringLiteral("问题 ") + f.id;
    f.status = status;
    return f;
}

// Deliberately not in checklist order, so that the result's order is the function's doing.
QList<ChecklistItem> checklist() {
    return {
        item("gr-10", Level::Grassroots, "3.10", 40),  item("pg-2", Level::PartyGroup, "1.2", 10),
        item("oc-1", Level::OrganCommittee, "2.1", 3), item("gr-9", Level::Grassroots, "3.9", 50),
        item("pg-1", Level::PartyGroup, "1.1", 5),
    };
}

QStringList itemIds(const scoring::Score &s) {
    QStringList ids;
    for (const scoring::ItemDeduction &d : s.items)
        ids.append(d.checklistItemId);
    return ids;
}

const scoring::ItemDeduction *find(const scoring::Score &s, const QString &id) {
    for (const scoring::ItemDeduction &d : s.items) {
        if (d.checklistItemId == id)
            return &d;
    }
    return nullptr;
}

} // namespace

class TestScoring : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scoresEveryLevelAgainstItsOwnBase() {
        // By hand:
        //   party group:     pg-1 3+4=7 capped at 5, pg-2 2       → 7 off 100 → 93
        //   organ committee: oc-1 1.5                             → 1.5 off 80 → 78.5
        //   grassroots:      gr-9 45, gr-10 30 (both under caps)  → 75 off 60 → 0 (floor)
        //   totals: base 240, deducted 83.5, score 93 + 78.5 + 0 = 171.5
        const QList<Finding> findings = {
            finding("pg-1", Level::PartyGroup, 3),
            finding("pg-1", Level::PartyGroup, 4),
            finding("pg-2", Level::PartyGroup, 2),
            finding("oc-1", Level::OrganCommittee, 1.5),
            finding("gr-9", Level::Grassroots, 45),
            finding("gr-10", Level::Grassroots, 30),
            finding("no-such-item", Level::PartyGroup, 20),
        };
        const scoring::Score s = scoring::score(campaign(), checklist(), findings);

        QCOMPARE(s.base[PG], 100.0);
        QCOMPARE(s.base[OC], 80.0);
        QCOMPARE(s.base[GR], 60.0);
        QCOMPARE(s.deducted[PG], 7.0);
        QCOMPARE(s.deducted[OC], 1.5);
        QCOMPARE(s.deducted[GR], 75.0);
        QCOMPARE(s.score[PG], 93.0);
        QCOMPARE(s.score[OC], 78.5);
        QCOMPARE(s.score[GR], 0.0);
        QCOMPARE(s.totalBase, 240.0);
        QCOMPARE(s.totalDeducted, 83.5);
        QCOMPARE(s.total, 171.5);
        QCOMPARE(s.items.size(), 5);
    }

    void deductionIsCappedAtItemMaximum() {
        // pg-1 allows 5: 3 + 4 = 7 found, 5 counted; pg-2 allows 10: 6 + 6 = 12, 10 counted.
        const QList<Finding> findings = {
            finding("pg-1", Level::PartyGroup, 3),
            finding("pg-1", Level::PartyGroup, 4),
            finding("pg-2", Level::PartyGroup, 6),
            finding("pg-2", Level::PartyGroup, 6),
        };
        const scoring::Score s = scoring::score(campaign(), checklist(), findings);

        const scoring::ItemDeduction *pg1 = find(s, QStringLiteral("pg-1"));
        QVERIFY(pg1);
        QCOMPARE(pg1->raw, 7.0);
        QCOMPARE(pg1->capped, 5.0);
        QCOMPARE(pg1->findingCount, 2);
        const scoring::ItemDeduction *pg2 = find(s, QStringLiteral("pg-2"));
        QVERIFY(pg2);
        QCOMPARE(pg2->raw, 12.0);
        QCOMPARE(pg2->capped, 10.0);
        QCOMPARE(s.deducted[PG], 15.0); // 5 + 10
        QCOMPARE(s.score[PG], 85.0);
    }

    void deductionAtExactlyTheMaximumIsKept() {
        const scoring::Score s = scoring::score(
            campaign(), checklist(),
            {finding("pg-1", Level::PartyGroup, 2.5), finding("pg-1", Level::PartyGroup, 2.5)});
        QCOMPARE(find(s, QStringLiteral("pg-1"))->capped, 5.0);
        QCOMPARE(s.score[PG], 95.0);
    }

    void levelScoreNeverDropsBelowZero() {
        // Grassroots base 60; gr-9 capped at 50 plus gr-10 capped at 40 = 90 → 0, not -30.
        const scoring::Score s = scoring::score(
            campaign(), checklist(),
            {finding("gr-9", Level::Grassroots, 70), finding("gr-10", Level::Grassroots, 40)});
        QCOMPARE(s.deducted[GR], 90.0);
        QCOMPARE(s.score[GR], 0.0);
        // Other levels are untouched, and the floor does not leak into them.
        QCOMPARE(s.score[PG], 100.0);
        QCOMPARE(s.score[OC], 80.0);
        QCOMPARE(s.total, 180.0);
        QCOMPARE(s.totalDeducted, 90.0);
    }

    void findingWithUnknownItemIsIgnored() {
        const scoring::Score s = scoring::score(
            campaign(), checklist(),
            {finding("no-such-item", Level::PartyGroup, 20), finding("", Level::Grassroots, 5)});
        QVERIFY(s.items.isEmpty());
        QCOMPARE(s.totalDeducted, 0.0);
        QCOMPARE(s.total, 240.0);
    }

    void noFindingsGiveTheFullBase() {
        const scoring::Score s = scoring::score(campaign(), checklist(), {});
        QVERIFY(s.items.isEmpty());
        QCOMPARE(s.score[PG], 100.0);
        QCOMPARE(s.score[OC], 80.0);
        QCOMPARE(s.score[GR], 60.0);
        QCOMPARE(s.total, 240.0);
        QCOMPARE(s.totalDeducted, 0.0);
    }

    void itemsAreOrderedByLevelThenNaturalCode() {
        QList<ChecklistItem> list = checklist();
        list.append(item("pg-10", Level::PartyGroup, "1.10", 5));
        list.append(item("pg-2-1", Level::PartyGroup, "1.2.1", 5));
        list.append(item("oc-0", Level::OrganCommittee, "0.9", 5)); // low code, later level
        QList<Finding> findings;
        for (const ChecklistItem &i : list)
            findings.append(finding(i.id.toLatin1().constData(), i.level, 1));

        const scoring::Score s = scoring::score(campaign(), list, findings);
        // "1.2" < "1.2.1" < "1.10"; "3.9" < "3.10"; levels before codes.
        QCOMPARE(itemIds(s),
                 (QStringList{"pg-1", "pg-2", "pg-2-1", "pg-10", "oc-0", "oc-1", "gr-9", "gr-10"}));
    }

    void theItemsLevelCountsNotTheFindingsCopy() {
        // A finding that claims the wrong level is scored where its item belongs.
        const scoring::Score s =
            scoring::score(campaign(), checklist(), {finding("oc-1", Level::Grassroots, 2)});
        QCOMPARE(s.deducted[OC], 2.0);
        QCOMPARE(s.deducted[GR], 0.0);
        QCOMPARE(s.score[OC], 78.0);
    }

    void negativeDeductionAddsNoPoints() {
        const scoring::Score s = scoring::score(
            campaign(), checklist(),
            {finding("pg-1", Level::PartyGroup, -4), finding("pg-1", Level::PartyGroup, 1)});
        QCOMPARE(find(s, QStringLiteral("pg-1"))->raw, 1.0);
        QCOMPARE(find(s, QStringLiteral("pg-1"))->findingCount, 2);
        QCOMPARE(s.score[PG], 99.0);
    }

    void closedFindingsStillDeduct() {
        // Rectification closes a finding in the ledger; the points lost on the visit stay lost.
        const scoring::Score s =
            scoring::score(campaign(), checklist(),
                           {finding("pg-2", Level::PartyGroup, 4, FindingStatus::Closed)});
        QCOMPARE(s.score[PG], 96.0);
    }

    void rectificationRateWithZeroFindingsIsZero() {
        const scoring::RectificationRate r = scoring::rectificationRate({});
        QCOMPARE(r.closed, 0);
        QCOMPARE(r.total, 0);
        QCOMPARE(r.rate, 0.0);
    }

    void rectificationRateIsClosedOverAll() {
        // 59 closed of 60 = 0.98333… (98.3%); the other statuses all count as not closed.
        QList<Finding> findings;
        for (int i = 0; i < 59; ++i)
            findings.append(finding("pg-1", Level::PartyGroup, 0, FindingStatus::Closed));
        findings.append(finding("pg-1", Level::PartyGroup, 0, FindingStatus::AwaitingVerification));
        const scoring::RectificationRate r = scoring::rectificationRate(findings);
        QCOMPARE(r.closed, 59);
        QCOMPARE(r.total, 60);
        QCOMPARE(r.rate, 59.0 / 60.0);

        const scoring::RectificationRate none = scoring::rectificationRate(
            {finding("pg-1", Level::PartyGroup, 0, FindingStatus::Open),
             finding("pg-1", Level::PartyGroup, 0, FindingStatus::Rectifying)});
        QCOMPARE(none.closed, 0);
        QCOMPARE(none.total, 2);
        QCOMPARE(none.rate, 0.0);

        const scoring::RectificationRate all = scoring::rectificationRate(
            {finding("pg-1", Level::PartyGroup, 0, FindingStatus::Closed)});
        QCOMPARE(all.rate, 1.0);
    }
};

QTEST_GUILESS_MAIN(TestScoring)
#include "tst_scoring.moc"
