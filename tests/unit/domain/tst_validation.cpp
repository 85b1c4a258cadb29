#include "domain/validation.h"

#include <QtTest>

#include <limits>

using namespace fl;

// Checks inline (not in a helper) so that a failure reports the line of the rule under test.
#define EXPECT_VALID(result)                                                                       \
    do {                                                                                           \
        const Result<void> r_ = (result);                                                          \
        QVERIFY2(r_.ok(), qPrintable(r_.ok() ? QString() : r_.error().message));                   \
    } while (false)

#define EXPECT_INVALID(result, mentioned)                                                          \
    do {                                                                                           \
        const Result<void> r_ = (result);                                                          \
        QVERIFY2(!r_.ok(), "accepted, but should have been rejected");                             \
        QCOMPARE(r_.error().code, ErrorCode::Validation);                                          \
        QVERIFY2(r_.error().message.contains(QString(mentioned)),                                  \
                 qPrintable(QStringLiteral("\"%1\" does not mention \"%2\"")                       \
                                .arg(r_.error().message, QString(mentioned))));                    \
    } while (false)

namespace {

ChecklistItem item() {
    ChecklistItem i;
    i.id = QStringLiteral("i-12");
    i.campaignId = QStringLiteral("c-1");
    i.level = Level::PartyGroup;
    i.code = QStringLiteral("1.2");
    i.text = QStringLiteral("党组理论学习中心组学习情况");
    i.maxDeduction = 5;
    return i;
}

Visit visit() {
    Visit v;
    v.id = QStringLiteral("v-7");
    v.campaignId = QStringLiteral("c-1");
    v.unitId = QStringLiteral("u-1");
    v.date = QDate(2026, 3, 5);
    v.team = {QStringLiteral("张三")};
    return v;
}

Finding finding() {
    Finding f;
    f.id = QStringLiteral("f-1");
    f.visitId = QStringLiteral("v-7");
    f.checklistItemId = QStringLiteral("i-12");
    f.level = Level::PartyGroup;
    f.deduction = 2;
    f.title = QStringLiteral("中心组学习记录不全");
    f.dueDate = QDate(2026, 4, 30);
    return f;
}

Campaign campaign() {
    Campaign c;
    c.id = QStringLiteral("c-1");
    c.name = QStringLiteral("2026年第一轮党建督查");
    c.startDate = QDate(2026, 3, 1);
    c.endDate = QDate(2026, 4, 30);
    return c;
}

Unit unit() {
    Unit u;
    u.id = QStringLiteral("u-1");
    u.name = QStringLiteral("省交通运输厅");
    return u;
}

Interview interview() {
    Interview i;
    i.id = QStringLiteral("iv-1");
    i.visitId = QStringLiteral("v-7");
    i.interviewee = QStringLiteral("赵六");
    i.content = QStringLiteral("介绍了中心组学习安排。");
    return i;
}

} // namespace

class TestValidation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // --- Finding ---------------------------------------------------------------------------

    void completeFindingIsValid() {
        EXPECT_VALID(validation::validate(finding(), item(), visit()));
    }

    void findingWithoutTitleIsRejected() {
        Finding f = finding();
        f.title = QStringLiteral(" \t ");
        EXPECT_INVALID(validation::validate(f, item(), visit()), "title");
    }

    void findingWithoutChecklistItemIsRejected() {
        Finding f = finding();
        f.checklistItemId.clear();
        EXPECT_INVALID(validation::validate(f, item(), visit()), "checklist item");
    }

    void findingFiledUnderAnotherItemIsRejected() {
        Finding f = finding();
        f.checklistItemId = QStringLiteral("i-99");
        EXPECT_INVALID(validation::validate(f, item(), visit()), "i-99");
    }

    void findingOfAnotherVisitIsRejected() {
        Finding f = finding();
        f.visitId = QStringLiteral("v-8");
        EXPECT_INVALID(validation::validate(f, item(), visit()), "v-8");
    }

    void findingOnAnotherLevelThanItsItemIsRejected() {
        Finding f = finding();
        f.level = Level::Grassroots;
        const Result<void> r = validation::validate(f, item(), visit());
        EXPECT_INVALID(r, "grassroots");
        QVERIFY2(r.error().message.contains(QLatin1String("party group")),
                 qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(QLatin1String("1.2")), qPrintable(r.error().message));
    }

    void negativeDeductionIsRejected() {
        Finding f = finding();
        f.deduction = -1;
        EXPECT_INVALID(validation::validate(f, item(), visit()), "-1");
    }

    void nonNumericDeductionIsRejected() {
        Finding f = finding();
        f.deduction = std::numeric_limits<double>::quiet_NaN();
        EXPECT_INVALID(validation::validate(f, item(), visit()), "number");
    }

    void deductionAboveItemMaximumIsRejected() {
        Finding f = finding();
        f.deduction = 6;
        const Result<void> r = validation::validate(f, item(), visit());
        EXPECT_INVALID(r, "6");
        QCOMPARE(r.error().message,
                 QStringLiteral("Deduction 6 exceeds the maximum of 5 for item 1.2."));

        f.deduction = 5.25;
        EXPECT_INVALID(validation::validate(f, item(), visit()), "5.25");
    }

    void deductionFromZeroToItemMaximumIsAccepted() {
        Finding f = finding();
        for (double d : {0.0, 0.5, 5.0}) {
            f.deduction = d;
            EXPECT_VALID(validation::validate(f, item(), visit()));
        }
    }

    void dueDateBeforeTheVisitIsRejected() {
        Finding f = finding();
        f.dueDate = QDate(2026, 3, 1);
        const Result<void> r = validation::validate(f, item(), visit());
        EXPECT_INVALID(r, "2026-03-01");
        QCOMPARE(r.error().message,
                 QStringLiteral("The due date 2026-03-01 is before the visit on 2026-03-05."));
    }

    void dueDateOnTheVisitDayOrUnsetIsAccepted() {
        Finding f = finding();
        f.dueDate = visit().date;
        EXPECT_VALID(validation::validate(f, item(), visit()));
        f.dueDate = QDate();
        EXPECT_VALID(validation::validate(f, item(), visit()));
    }

    // --- Campaign --------------------------------------------------------------------------

    void completeCampaignIsValid() { EXPECT_VALID(validation::validate(campaign())); }

    void campaignWithoutNameIsRejected() {
        Campaign c = campaign();
        c.name = QStringLiteral("   ");
        EXPECT_INVALID(validation::validate(c), "name");
    }

    void campaignEndingBeforeItStartsIsRejected() {
        Campaign c = campaign();
        c.endDate = QDate(2026, 2, 28);
        const Result<void> r = validation::validate(c);
        EXPECT_INVALID(r, "2026-02-28");
        QVERIFY2(r.error().message.contains(QLatin1String("2026-03-01")),
                 qPrintable(r.error().message));
    }

    void oneDayCampaignIsValid() {
        Campaign c = campaign();
        c.endDate = c.startDate;
        EXPECT_VALID(validation::validate(c));
    }

    void baseScoreMustBePositive() {
        Campaign c = campaign();
        c.baseScore[1] = 0;
        const Result<void> r = validation::validate(c);
        EXPECT_INVALID(r, "0");
        QVERIFY2(r.error().message.contains(QLatin1String("organ party committee")),
                 qPrintable(r.error().message));

        c = campaign();
        c.baseScore[2] = -10;
        EXPECT_INVALID(validation::validate(c), "-10");
    }

    // --- ChecklistItem ---------------------------------------------------------------------

    void completeChecklistItemIsValid() { EXPECT_VALID(validation::validate(item())); }

    void checklistItemWithoutCodeIsRejected() {
        ChecklistItem i = item();
        i.code.clear();
        EXPECT_INVALID(validation::validate(i), "code");
    }

    void checklistItemWithoutTextIsRejected() {
        ChecklistItem i = item();
        i.text = QStringLiteral(" ");
        EXPECT_INVALID(validation::validate(i), "1.2");
    }

    void checklistItemWithUnknownLevelIsRejected() {
        ChecklistItem i = item();
        i.level = static_cast<Level>(7);
        EXPECT_INVALID(validation::validate(i), "level");
    }

    void checklistItemMaximumDeductionMustBePositive() {
        ChecklistItem i = item();
        i.maxDeduction = 0;
        EXPECT_INVALID(validation::validate(i), "1.2");
        i.maxDeduction = -2;
        EXPECT_INVALID(validation::validate(i), "-2");
    }

    // --- Unit, Visit, Interview ------------------------------------------------------------

    void completeUnitIsValid() { EXPECT_VALID(validation::validate(unit())); }

    void unitWithoutNameIsRejected() {
        Unit u = unit();
        u.name.clear();
        EXPECT_INVALID(validation::validate(u), "name");
    }

    void completeVisitIsValid() { EXPECT_VALID(validation::validate(visit())); }

    void visitWithoutUnitIsRejected() {
        Visit v = visit();
        v.unitId.clear();
        EXPECT_INVALID(validation::validate(v), "unit");
    }

    void visitWithoutDateIsRejected() {
        Visit v = visit();
        v.date = QDate();
        EXPECT_INVALID(validation::validate(v), "date");
    }

    void completeInterviewIsValid() { EXPECT_VALID(validation::validate(interview())); }

    void interviewWithoutIntervieweeIsRejected() {
        Interview i = interview();
        i.interviewee = QStringLiteral("  ");
        EXPECT_INVALID(validation::validate(i), "interviewed");
    }

    void interviewWithoutContentIsRejected() {
        Interview i = interview();
        i.content.clear();
        EXPECT_INVALID(validation::validate(i), QStringLiteral("赵六"));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
