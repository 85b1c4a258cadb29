#include "apptestsupport.h"
#include "visitlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace fl;
using namespace fl::app;

class TstVisitListModel : public QObject {
    Q_OBJECT

    static QVariant value(const VisitListModel &m, int row, VisitListModel::Role role) {
        return m.data(m.index(row), role);
    }

private Q_SLOTS:
    void listsVisitsWithUnitRoundAndCounts() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        auto round = test::makeRound(fx.inspection());
        FL_VERIFY_OK(round);
        FL_VERIFY_OK(test::addFinding(fx.inspection(), round->visit, round->items[0],
                                      QStringLiteral("中心组学习次数不足")));
        VisitListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&fx.services());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(value(model, 0, VisitListModel::VisitIdRole).toString(), round->visit.id);
        QCOMPARE(value(model, 0, VisitListModel::UnitNameRole).toString(),
                 QStringLiteral("省交通运输厅"));
        QCOMPARE(value(model, 0, VisitListModel::CampaignNameRole).toString(),
                 round->campaign.name);
        QCOMPARE(value(model, 0, VisitListModel::DateRole).toDate(), round->visit.date);
        QVERIFY(!value(model, 0, VisitListModel::DateTextRole).toString().isEmpty());
        QCOMPARE(value(model, 0, VisitListModel::FindingCountRole).toInt(), 1);
        // The visit and its finding were written here and not synced.
        QCOMPARE(value(model, 0, VisitListModel::PendingCountRole).toInt(), 2);
        QVERIFY(
            value(model, 0, VisitListModel::TeamRole).toString().contains(QStringLiteral("张明")));
        const QHash<int, QByteArray> roles = model.roleNames();
        QCOMPARE(roles.value(VisitListModel::PendingCountRole), QByteArray("pendingCount"));
    }

    void newVisitIsInsertedInDateOrderWithoutReset() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        auto round = test::makeRound(fx.inspection());
        FL_VERIFY_OK(round);
        VisitListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&fx.services());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        Visit earlier;
        earlier.unitId = round->unit.id;
        earlier.date = round->visit.date.addDays(-3);
        FL_VERIFY_OK(fx.inspection().createVisit(earlier));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(value(model, 0, VisitListModel::DateRole).toDate(), earlier.date);
        QCOMPARE(value(model, 1, VisitListModel::VisitIdRole).toString(), round->visit.id);
        // The round's heading moves to the new first row.
        QVERIFY(value(model, 0, VisitListModel::FirstOfCampaignRole).toBool());
        QVERIFY(!value(model, 1, VisitListModel::FirstOfCampaignRole).toBool());
    }

    void findingChangesOnlyTheCountsOfItsVisit() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        auto round = test::makeRound(fx.inspection());
        FL_VERIFY_OK(round);
        VisitListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&fx.services());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        FL_VERIFY_OK(test::addFinding(fx.inspection(), round->visit, round->items[4],
                                      QStringLiteral("支部未按期召开党员大会")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(value(model, 0, VisitListModel::FindingCountRole).toInt(), 1);
    }

    void newestRoundComesFirst() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        auto older = test::makeRound(fx.inspection(), QStringLiteral("第三轮"), QDate(2026, 8, 1));
        FL_VERIFY_OK(older);
        auto newer = test::makeRound(fx.inspection(), QStringLiteral("第四轮"), QDate(2026, 11, 1));
        FL_VERIFY_OK(newer);
        VisitListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&fx.services());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(value(model, 0, VisitListModel::CampaignNameRole).toString(),
                 QStringLiteral("第四轮"));
        QCOMPARE(value(model, 1, VisitListModel::CampaignNameRole).toString(),
                 QStringLiteral("第三轮"));
        QVERIFY(value(model, 0, VisitListModel::FirstOfCampaignRole).toBool());
        QVERIFY(value(model, 1, VisitListModel::FirstOfCampaignRole).toBool());
    }

    void dropsRowsWhenLockedAndReadsThemAgainOnUnlock() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        FL_VERIFY_OK(test::makeRound(fx.inspection()));
        VisitListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&fx.services());
        QCOMPARE(model.rowCount(), 1);
        fx.services().lock();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(fx.unlock());
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TstVisitListModel)
#include "tst_visitlistmodel.moc"
