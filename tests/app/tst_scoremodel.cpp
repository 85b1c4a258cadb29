#include "apptestsupport.h"
#include "scoremodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace fl;
using namespace fl::app;

class TstScoreModel : public QObject {
    Q_OBJECT

    static double value(const ScoreModel &m, int row, ScoreModel::Role role) {
        return m.data(m.index(row), role).toDouble();
    }

private Q_SLOTS:
    void showsBaseDeductionsAndScorePerLevel() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        auto round = test::makeRound(fx.inspection());
        FL_VERIFY_OK(round);
        ScoreModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&fx.services());
        QCOMPARE(model.rowCount(), 0); // no visit yet
        model.setVisitId(round->visit.id);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.totalBase(), 100.0);
        QCOMPARE(model.total(), 100.0);
        QCOMPARE(value(model, 0, ScoreModel::BaseRole), 40.0);
        QCOMPARE(value(model, 2, ScoreModel::BaseRole), 30.0);
        QVERIFY(!model.data(model.index(1), ScoreModel::LevelNameRole).toString().isEmpty());
    }

    void findingUpdatesItsLevelOnly() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        auto round = test::makeRound(fx.inspection());
        FL_VERIFY_OK(round);
        ScoreModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&fx.services());
        model.setVisitId(round->visit.id);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy totals(&model, &ScoreModel::totalsChanged);
        // 3.2 allows 8: a 10-point finding is refused by the domain, 8 is capped at 8.
        QVERIFY(!test::addFinding(fx.inspection(), round->visit, round->items[5],
                                  QStringLiteral("超过上限"), 10));
        FL_VERIFY_OK(test::addFinding(fx.inspection(), round->visit, round->items[5],
                                      QStringLiteral("政审材料缺失"), 8));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(value(model, 2, ScoreModel::DeductedRole), 8.0);
        QCOMPARE(value(model, 2, ScoreModel::ScoreRole), 22.0);
        QCOMPARE(value(model, 0, ScoreModel::ScoreRole), 40.0);
        QCOMPARE(totals.count(), 1);
        QCOMPARE(model.totalDeducted(), 8.0);
        QCOMPARE(model.total(), 92.0);
    }
};

QTEST_GUILESS_MAIN(TstScoreModel)
#include "tst_scoremodel.moc"
