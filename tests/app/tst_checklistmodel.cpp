#include "apptestsupport.h"
#include "checklistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace fl;
using namespace fl::app;

class TstChecklistModel : public QObject {
    Q_OBJECT

    static QVariant value(const ChecklistModel &m, int row, ChecklistModel::Role role) {
        return m.data(m.index(row), role);
    }

private Q_SLOTS:
    void listsItemsByLevelThenCode() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        auto round = test::makeRound(fx.inspection());
        FL_VERIFY_OK(round);
        ChecklistModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&fx.services());
        model.setVisitId(round->visit.id);
        QCOMPARE(model.campaignId(), round->campaign.id);
        QCOMPARE(model.rowCount(), 6);
        const QStringList codes{QStringLiteral("1.1"), QStringLiteral("1.2"),
                                QStringLiteral("2.1"), QStringLiteral("2.2"),
                                QStringLiteral("3.1"), QStringLiteral("3.2")};
        for (int i = 0; i < 6; ++i)
            QCOMPARE(value(model, i, ChecklistModel::CodeRole).toString(), codes[i]);
        QCOMPARE(value(model, 0, ChecklistModel::LevelRole).toInt(), int(Level::PartyGroup));
        QCOMPARE(value(model, 5, ChecklistModel::LevelRole).toInt(), int(Level::Grassroots));
        QCOMPARE(value(model, 1, ChecklistModel::MaxDeductionRole).toDouble(), 10.0);
        QCOMPARE(value(model, 0, ChecklistModel::LabelRole).toString(),
                 QStringLiteral("1.1 党组理论学习中心组学习不规范"));
        QCOMPARE(model.rowOf(round->items[3].id), 3);
        const QList<bool> first{true, false, true, false, true, false};
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(value(model, i, ChecklistModel::FirstOfLevelRole).toBool(), first[i]);
            QCOMPARE(value(model, i, ChecklistModel::LevelItemsRole).toInt(), 2);
        }
    }

    void countsFindingsPerItemAndCapsDeductions() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        auto round = test::makeRound(fx.inspection());
        FL_VERIFY_OK(round);
        ChecklistModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&fx.services());
        model.setVisitId(round->visit.id);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const ChecklistItem &item = round->items[2]; // 2.1, at most 4
        FL_VERIFY_OK(
            test::addFinding(fx.inspection(), round->visit, item, QStringLiteral("一"), 3));
        FL_VERIFY_OK(
            test::addFinding(fx.inspection(), round->visit, item, QStringLiteral("二"), 3));
        QCOMPARE(reset.count(), 0);
        // The first finding changes item 2.1 and its level's heading figures (2.1 and 2.2
        // carry them); the second only item 2.1.
        QCOMPARE(changed.count(), 3);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 3);
        QCOMPARE(changed.at(2).at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(value(model, 2, ChecklistModel::FindingCountRole).toInt(), 2);
        QCOMPARE(value(model, 2, ChecklistModel::DeductedRole).toDouble(), 4.0);
        QCOMPARE(value(model, 3, ChecklistModel::FindingCountRole).toInt(), 0);
        QCOMPARE(value(model, 3, ChecklistModel::LevelItemsWithFindingsRole).toInt(), 1);
        QCOMPARE(value(model, 4, ChecklistModel::LevelItemsWithFindingsRole).toInt(), 0);
    }

    void newItemIsInsertedInPlace() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        auto round = test::makeRound(fx.inspection());
        FL_VERIFY_OK(round);
        ChecklistModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&fx.services());
        model.setCampaignId(round->campaign.id);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        ChecklistItem item;
        item.campaignId = round->campaign.id;
        item.level = Level::OrganCommittee;
        item.code = QStringLiteral("2.10");
        item.text = QStringLiteral("党务公开不及时");
        item.maxDeduction = 2;
        FL_VERIFY_OK(fx.inspection().addChecklistItem(item));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 4); // after 2.2 ("2.10" sorts as ten)
        QCOMPARE(value(model, 4, ChecklistModel::CodeRole).toString(), QStringLiteral("2.10"));
    }
};

QTEST_GUILESS_MAIN(TstChecklistModel)
#include "tst_checklistmodel.moc"
