#include "apptestsupport.h"
#include "findinglistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace fl;
using namespace fl::app;

class TstFindingListModel : public QObject {
    Q_OBJECT

    static QVariant value(const FindingListModel &m, int row, FindingListModel::Role role) {
        return m.data(m.index(row), role);
    }

    test::AppFixture m_fx;
    test::Round m_round;
    QList<Finding> m_findings; // 120 on the first visit, oldest first

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_fx.start());
        auto round = test::makeRound(m_fx.inspection());
        FL_VERIFY_OK(round);
        m_round = *round;
        for (int i = 0; i < 120; ++i) {
            auto f = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[i % 6],
                                      QStringLiteral("问题 %1").arg(i), 0.5);
            FL_VERIFY_OK(f);
            m_findings.append(*f);
        }
    }

    void readsPagesOfFiftyAsTheViewAsks() {
        FindingListModel model; // no tester yet: it fetches everything as it checks
        model.setServices(&m_fx.services());
        model.setVisitId(m_round.visit.id);
        QCOMPARE(model.totalCount(), 120);
        QCOMPARE(model.rowCount(), 50);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 100);
        // An edit of a row not read yet changes nothing on screen, nor the total.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        FL_VERIFY_OK(m_fx.inspection().updateFinding(
            m_findings[110].id, QCborMap{{QStringLiteral("title"), QStringLiteral("后面的")}}));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.totalCount(), 120);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 120);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(value(model, 110, FindingListModel::TitleRole).toString(),
                 QStringLiteral("后面的"));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(value(model, 0, FindingListModel::TitleRole).toString(), QStringLiteral("问题 0"));
        QCOMPARE(value(model, 119, FindingListModel::FindingIdRole).toString(),
                 m_findings.last().id);
        QCOMPARE(value(model, 1, FindingListModel::ItemCodeRole).toString(), QStringLiteral("1.2"));
        QCOMPARE(value(model, 0, FindingListModel::StatusRole).toInt(), int(FindingStatus::Open));
        QVERIFY(!value(model, 0, FindingListModel::StatusNameRole).toString().isEmpty());
        QCOMPARE(model.roleNames().value(FindingListModel::DueDateTextRole),
                 QByteArray("dueDateText"));
    }

    void editChangesOneRow() {
        FindingListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&m_fx.services());
        model.setVisitId(m_round.visit.id);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        FL_VERIFY_OK(m_fx.inspection().updateFinding(
            m_findings[3].id, QCborMap{{QStringLiteral("title"), QStringLiteral("已改")}}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 3);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(value(model, 3, FindingListModel::TitleRole).toString(), QStringLiteral("已改"));
    }

    void newFindingIsCountedAndAppendedOnceAllIsRead() {
        FindingListModel model; // the tester comes once all is read (it would read it all)
        model.setServices(&m_fx.services());
        model.setVisitId(m_round.visit.id);
        const int total = model.totalCount();
        auto first = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[0],
                                      QStringLiteral("新问题一"));
        FL_VERIFY_OK(first);
        QCOMPARE(model.totalCount(), total + 1);
        QCOMPARE(model.rowCount(), 50); // fetched later, in order
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), total + 1);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        auto second = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[1],
                                       QStringLiteral("新问题二"));
        FL_VERIFY_OK(second);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), total + 2);
        QCOMPARE(value(model, total + 1, FindingListModel::FindingIdRole).toString(), second->id);
        // Deleting removes the row.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        FL_VERIFY_OK(m_fx.inspection().remove(first->id));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.totalCount(), total + 1);
        QCOMPARE(model.rowCount(), total + 1);
    }

    void ledgerListsTheWholeRound() {
        Visit other;
        other.unitId = m_round.unit.id;
        other.date = m_round.visit.date.addDays(7);
        auto visit = m_fx.inspection().createVisit(other);
        FL_VERIFY_OK(visit);
        FL_VERIFY_OK(test::addFinding(m_fx.inspection(), *visit, m_round.items[5],
                                      QStringLiteral("另一次走访的问题")));
        FindingListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&m_fx.services());
        model.setCampaignId(m_round.campaign.id);
        RecordFilter f;
        f.campaignId = m_round.campaign.id;
        QCOMPARE(model.totalCount(), *m_fx.store().count(QStringLiteral("finding"), f));
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(value(model, model.rowCount() - 1, FindingListModel::VisitIdRole).toString(),
                 visit->id);
    }

    void emptyWhileLocked() {
        FindingListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&m_fx.services());
        model.setVisitId(m_round.visit.id);
        QVERIFY(model.rowCount() > 0);
        m_fx.services().lock();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(m_fx.unlock());
        QVERIFY(model.rowCount() >= 50);
    }
};

QTEST_GUILESS_MAIN(TstFindingListModel)
#include "tst_findinglistmodel.moc"
