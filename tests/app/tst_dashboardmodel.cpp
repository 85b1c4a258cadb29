#include "apptestsupport.h"
#include "dashboardmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace fl;
using namespace fl::app;

namespace {

const QDate Today(2027, 1, 15);

/// Two rounds recorded through the real workflow. The figures the dashboard must show were
/// worked out by hand from the checklist of makeRound (bases 40/30/30; 1.1 max 5, 1.2 max 10,
/// 2.1 max 4, 3.2 max 8) and are written beside each finding.
struct Data {
    test::Round current; // 第四轮, from 2026-11-01: units transport (U1) and education (U2)
    test::Round earlier; // 第三轮, from 2026-06-01: one unit (U3)
    Unit education;
    Visit educationVisit;
    QString f2Id; // U1, open, due 2026-12-20: overdue
    QString f4Id; // U2, rectifying, due 2026-12-10: overdue, the most overdue
};

Result<Finding> addDue(Inspection &in, const Visit &visit, const ChecklistItem &item,
                       const QString &title, double deduction, QDate due) {
    Finding f;
    f.visitId = visit.id;
    f.checklistItemId = item.id;
    f.level = item.level;
    f.title = title;
    f.deduction = deduction;
    f.dueDate = due;
    return in.createFinding(f);
}

Result<void> close(Inspection &in, const QString &findingId) {
    using lifecycle::Action;
    for (const Action a :
         {Action::StartRectification, Action::SubmitForVerification, Action::VerifyPassed}) {
        auto moved =
            in.transition(findingId, a, QStringLiteral("张明"), QStringLiteral("照账验收"));
        if (!moved)
            return moved.error();
    }
    return {};
}

Result<Data> makeData(Inspection &in) {
    Data d;
    auto current = test::makeRound(in, QStringLiteral("第四轮"), QDate(2026, 11, 1));
    if (!current)
        return current.error();
    d.current = *current;
    auto earlier = test::makeRound(in, QStringLiteral("第三轮"), QDate(2026, 6, 1));
    if (!earlier)
        return earlier.error();
    d.earlier = *earlier;
    Unit u;
    u.campaignId = d.current.campaign.id;
    u.name = QStringLiteral("省教育厅");
    auto unit = in.createUnit(u);
    if (!unit)
        return unit.error();
    d.education = *unit;
    Visit v;
    v.unitId = d.education.id;
    v.date = QDate(2026, 11, 25);
    auto visit = in.createVisit(v);
    if (!visit)
        return visit.error();
    d.educationVisit = *visit;

    const auto &items = d.current.items; // 1.1 1.2 2.1 2.2 3.1 3.2
    // U1: 1.1 gets 3 + 4 (capped at 5), 2.1 gets 2. Closed: f1. Score 35 + 28 + 30 = 93.
    auto f1 = addDue(in, d.current.visit, items[0], QStringLiteral("学习记录不全"), 3,
                     QDate(2026, 12, 1));
    auto f2 = addDue(in, d.current.visit, items[0], QStringLiteral("学习计划缺失"), 4,
                     QDate(2026, 12, 20));
    auto f3 = addDue(in, d.current.visit, items[2], QStringLiteral("会议记录未签字"), 2, {});
    // U2: 3.2 gets 8, 1.2 gets 1. Closed: f5. Score 39 + 30 + 22 = 91.
    auto f4 = addDue(in, d.educationVisit, items[5], QStringLiteral("发展党员材料缺失"), 8,
                     QDate(2026, 12, 10));
    auto f5 = addDue(in, d.educationVisit, items[1], QStringLiteral("主体责任清单未更新"), 1,
                     QDate(2026, 12, 5));
    // U3 (earlier round): 1.1 gets 2, closed though long past its due date. Score 98.
    auto f6 = addDue(in, d.earlier.visit, d.earlier.items[0], QStringLiteral("学习不规范"), 2,
                     QDate(2026, 7, 1));
    for (const auto *f : {&f1, &f2, &f3, &f4, &f5, &f6}) {
        if (!*f)
            return f->error();
    }
    for (const QString &id : {f1->id, f5->id, f6->id}) {
        if (auto closed = close(in, id); !closed)
            return closed.error();
    }
    auto started = in.transition(f4->id, lifecycle::Action::StartRectification,
                                 QStringLiteral("张明"), QString());
    if (!started)
        return started.error();
    d.f2Id = f2->id;
    d.f4Id = f4->id;
    return d;
}

int rowOf(const DashboardModel &m, const QString &unitId) {
    for (int i = 0; i < m.rowCount(); ++i) {
        if (m.data(m.index(i), DashboardModel::UnitIdRole).toString() == unitId)
            return i;
    }
    return -1;
}

QVariant value(const DashboardModel &m, const QString &unitId, DashboardModel::Role role) {
    const int row = rowOf(m, unitId);
    return row < 0 ? QVariant() : m.data(m.index(row), role);
}

QVariantMap campaignEntry(const DashboardModel &m, const QString &campaignId) {
    for (const QVariant &c : m.campaigns()) {
        if (c.toMap().value(QStringLiteral("campaignId")).toString() == campaignId)
            return c.toMap();
    }
    return {};
}

bool waitLoaded(DashboardModel &m, QSignalSpy &loaded, int count = 1) {
    return QTest::qWaitFor([&] { return loaded.count() >= count && !m.isLoading(); }, 10000);
}

} // namespace

class TstDashboardModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyDeviceHasNoRowsAndNoRates() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        DashboardModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &DashboardModel::loaded);
        model.setServices(&fx.services());
        QVERIFY(waitLoaded(model, loaded));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.campaignCount(), 0);
        QCOMPARE(model.findingCount(), 0);
        QCOMPARE(model.rate(), 0.0);
        QVERIFY(model.overdueItems().isEmpty());
        QVERIFY(model.unitRates().isEmpty());
        QVERIFY(model.errorString().isEmpty());
    }

    void showsRatesScoresAndOverdueOfTheRecordedRounds() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        auto data = makeData(fx.inspection());
        FL_VERIFY_OK(data);
        DashboardModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &DashboardModel::loaded);
        model.setPageSize(2); // several pages per round: the reading must add them up right
        model.setToday(Today);
        model.setServices(&fx.services());
        QVERIFY(model.isLoading());
        QVERIFY(waitLoaded(model, loaded));

        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.campaignCount(), 2);
        QCOMPARE(model.visitCount(), 3);
        QCOMPARE(model.findingCount(), 6);
        QCOMPARE(model.closedCount(), 3);
        QCOMPARE(model.rate(), 0.5);

        const QString u1 = data->current.unit.id;
        const QString u2 = data->education.id;
        const QString u3 = data->earlier.unit.id;
        // The newer round's units come first, each round headed once.
        QVERIFY(rowOf(model, u3) == 2);
        QCOMPARE(value(model, u3, DashboardModel::FirstOfCampaignRole).toBool(), true);
        QCOMPARE(value(model, u1, DashboardModel::FirstOfCampaignRole).toBool() !=
                     value(model, u2, DashboardModel::FirstOfCampaignRole).toBool(),
                 true);

        // Rates per unit: closed ÷ all.
        QCOMPARE(value(model, u1, DashboardModel::FindingCountRole).toInt(), 3);
        QCOMPARE(value(model, u1, DashboardModel::ClosedCountRole).toInt(), 1);
        QCOMPARE(value(model, u1, DashboardModel::RateRole).toDouble(), 1.0 / 3);
        QCOMPARE(value(model, u2, DashboardModel::RateRole).toDouble(), 0.5);
        QCOMPARE(value(model, u3, DashboardModel::RateRole).toDouble(), 1.0);
        QCOMPARE(value(model, u1, DashboardModel::VisitCountRole).toInt(), 1);

        // Scores: base minus deductions, each item capped at its maximum.
        QCOMPARE(value(model, u1, DashboardModel::ScoreRole).toDouble(), 93.0);
        QCOMPARE(value(model, u1, DashboardModel::DeductedRole).toDouble(), 7.0);
        QCOMPARE(value(model, u1, DashboardModel::BaseRole).toDouble(), 100.0);
        QCOMPARE(value(model, u2, DashboardModel::ScoreRole).toDouble(), 91.0);
        QCOMPARE(value(model, u3, DashboardModel::ScoreRole).toDouble(), 98.0);
        const QVariantList levels = value(model, u2, DashboardModel::LevelScoresRole).toList();
        QCOMPARE(levels.size(), 3);
        QCOMPARE(levels[0].toMap().value(QStringLiteral("score")).toDouble(), 39.0);
        QCOMPARE(levels[1].toMap().value(QStringLiteral("score")).toDouble(), 30.0);
        QCOMPARE(levels[2].toMap().value(QStringLiteral("score")).toDouble(), 22.0);
        QCOMPARE(levels[2].toMap().value(QStringLiteral("deducted")).toDouble(), 8.0);
        // The same as the domain's own unit score.
        for (const QString &unit : {u1, u2, u3}) {
            auto score = fx.inspection().unitScore(unit);
            FL_VERIFY_OK(score);
            QCOMPARE(value(model, unit, DashboardModel::ScoreRole).toDouble(), score->total);
        }

        // Rates per round.
        const QVariantMap current = campaignEntry(model, data->current.campaign.id);
        QCOMPARE(current.value(QStringLiteral("total")).toInt(), 5);
        QCOMPARE(current.value(QStringLiteral("closed")).toInt(), 2);
        QCOMPARE(current.value(QStringLiteral("rate")).toDouble(), 0.4);
        QCOMPARE(current.value(QStringLiteral("overdue")).toInt(), 2);
        QCOMPARE(current.value(QStringLiteral("visitCount")).toInt(), 2);
        QCOMPARE(model.campaigns().first().toMap().value(QStringLiteral("campaignId")).toString(),
                 data->current.campaign.id); // newest first
        const QVariantMap earlier = campaignEntry(model, data->earlier.campaign.id);
        QCOMPARE(earlier.value(QStringLiteral("rate")).toDouble(), 1.0);
        QCOMPARE(earlier.value(QStringLiteral("valueText")).toString(),
                 DashboardModel::rateText(1.0));
        QCOMPARE(model.unitRates().size(), 3);

        // Overdue: open or rectifying past the due date, most overdue first; a closed finding
        // past its date (f6) and one without a date (f3) are not overdue.
        QCOMPARE(model.overdueCount(), 2);
        const QVariantList overdue = model.overdueItems();
        QCOMPARE(overdue.size(), 2);
        QCOMPARE(overdue[0].toMap().value(QStringLiteral("findingId")).toString(), data->f4Id);
        QCOMPARE(overdue[0].toMap().value(QStringLiteral("daysOverdue")).toInt(),
                 int(QDate(2026, 12, 10).daysTo(Today)));
        QCOMPARE(overdue[0].toMap().value(QStringLiteral("unitName")).toString(),
                 data->education.name);
        QCOMPARE(overdue[0].toMap().value(QStringLiteral("campaignId")).toString(),
                 data->current.campaign.id);
        QCOMPARE(overdue[1].toMap().value(QStringLiteral("findingId")).toString(), data->f2Id);
        QCOMPARE(value(model, u1, DashboardModel::OverdueCountRole).toInt(), 1);
        QCOMPARE(value(model, u3, DashboardModel::OverdueCountRole).toInt(), 0);
    }

    void aChangeInTheStoreUpdatesTheRowsWithoutAReset() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        auto data = makeData(fx.inspection());
        FL_VERIFY_OK(data);
        DashboardModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &DashboardModel::loaded);
        model.setToday(Today);
        model.setServices(&fx.services());
        QVERIFY(waitLoaded(model, loaded));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // Closing U1's overdue finding: its rate, the round's and the overdue list follow.
        FL_VERIFY_OK(close(fx.inspection(), data->f2Id));
        QVERIFY(waitLoaded(model, loaded, 2));
        const QString u1 = data->current.unit.id;
        QCOMPARE(value(model, u1, DashboardModel::ClosedCountRole).toInt(), 2);
        QCOMPARE(value(model, u1, DashboardModel::RateRole).toDouble(), 2.0 / 3);
        QCOMPARE(model.overdueCount(), 1);
        QCOMPARE(model.closedCount(), 4);
        QCOMPARE(resets.count(), 0);
        QVERIFY(changed.count() >= 1);

        // A new unit of the round is a new row.
        Unit u;
        u.campaignId = data->current.campaign.id;
        u.name = QStringLiteral("省卫生健康委");
        auto unit = fx.inspection().createUnit(u);
        FL_VERIFY_OK(unit);
        QVERIFY(waitLoaded(model, loaded, 3));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(value(model, unit->id, DashboardModel::FindingCountRole).toInt(), 0);
        QCOMPARE(value(model, unit->id, DashboardModel::RateTextRole).toString(),
                 QStringLiteral("–"));
        QCOMPARE(value(model, unit->id, DashboardModel::ScoreRole).toDouble(), 100.0);
        QCOMPARE(resets.count(), 0);
    }

    void lockingHidesEverything() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        FL_VERIFY_OK(makeData(fx.inspection()));
        DashboardModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &DashboardModel::loaded);
        model.setServices(&fx.services());
        QVERIFY(waitLoaded(model, loaded));
        QCOMPARE(model.rowCount(), 3);
        fx.services().lock();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.findingCount(), 0);
        QVERIFY(model.overdueItems().isEmpty());
        QVERIFY(fx.unlock());
        QVERIFY(waitLoaded(model, loaded, 2));
        QCOMPARE(model.rowCount(), 3);
    }

    void rateTextIsAPercentage() {
        QLocale::setDefault(QLocale(QLocale::English));
        QCOMPARE(DashboardModel::rateText(1.0), QStringLiteral("100%"));
        QCOMPARE(DashboardModel::rateText(0.0), QStringLiteral("0%"));
        QCOMPARE(DashboardModel::rateText(0.983), QStringLiteral("98.3%"));
        QCOMPARE(DashboardModel::rateText(2.0 / 3), QStringLiteral("66.7%"));
        QCOMPARE(DashboardModel::rateText(0.5), QStringLiteral("50%"));
        QCOMPARE(DashboardModel::rateText(0.9996), QStringLiteral("100%"));
    }
};

QTEST_GUILESS_MAIN(TstDashboardModel)
#include "tst_dashboardmodel.moc"
