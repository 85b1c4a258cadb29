#include "apptestsupport.h"
#include "findinghistorymodel.h"
#include "findinglifecycle.h"
#include "media/photolibrary.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace fl;
using namespace fl::app;

namespace {
constexpr auto Report = QAbstractItemModelTester::FailureReportingMode::QtTest;

int journalLength(Store &store) {
    auto j = store.journal({}, 1'000'000);
    return j ? int(j->size()) : -1;
}

QList<int> actionsOf(const FindingLifecycle &lc) {
    QList<int> out;
    for (const QVariant &v : lc.allowedActions())
        out.append(v.toMap().value(QStringLiteral("action")).toInt());
    return out;
}

QVariant value(const FindingHistoryModel &m, int row, FindingHistoryModel::Role role) {
    return m.data(m.index(row), role);
}
} // namespace

class TstFindingLifecycle : public QObject {
    Q_OBJECT

    test::AppFixture m_fx;
    test::Round m_round;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_fx.start());
        auto round = test::makeRound(m_fx.inspection());
        FL_VERIFY_OK(round);
        m_round = *round;
    }

    void init() {
        if (!m_fx.services().isUnlocked())
            QVERIFY(m_fx.unlock());
    }

    void legalStepsChangeTheStatusAndWriteHistory() {
        auto f = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[0],
                                  QStringLiteral("中心组学习次数不足"), 3);
        FL_VERIFY_OK(f);
        FindingLifecycle lc;
        lc.setServices(&m_fx.services());
        lc.setFindingId(f->id);
        FindingHistoryModel history;
        QAbstractItemModelTester tester(&history, Report);
        history.setServices(&m_fx.services());
        history.setFindingId(f->id);
        QSignalSpy inserted(&history, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&history, &QAbstractItemModel::modelReset);

        QVERIFY(lc.found());
        QCOMPARE(lc.title(), QStringLiteral("中心组学习次数不足"));
        QCOMPARE(lc.unitName(), QStringLiteral("省交通运输厅"));
        QCOMPARE(lc.itemCode(), QStringLiteral("1.1"));
        QCOMPARE(lc.suggestedActor(), QStringLiteral("张明")); // the visit's first inspector
        QCOMPARE(lc.status(), int(FindingStatus::Open));
        QCOMPARE(actionsOf(lc), QList<int>{FindingLifecycle::StartRectification});
        QVERIFY(!lc.verificationDue());
        QCOMPARE(history.rowCount(), 0);

        QVERIFY(lc.perform(FindingLifecycle::StartRectification, QStringLiteral("张明"),
                           QStringLiteral("单位已制定整改方案")));
        QVERIFY(lc.errorString().isEmpty());
        QCOMPARE(lc.status(), int(FindingStatus::Rectifying));
        QCOMPARE(int(test::storedFinding(m_fx.inspection(), f->id).status),
                 int(FindingStatus::Rectifying));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(value(history, 0, FindingHistoryModel::ActorRole).toString(),
                 QStringLiteral("张明"));
        QCOMPARE(value(history, 0, FindingHistoryModel::NoteRole).toString(),
                 QStringLiteral("单位已制定整改方案"));
        QVERIFY(value(history, 0, FindingHistoryModel::AtRole).toDateTime().isValid());
        QVERIFY(!value(history, 0, FindingHistoryModel::AtTextRole).toString().isEmpty());
        QCOMPARE(value(history, 0, FindingHistoryModel::StepNameRole).toString(),
                 lc.actionName(FindingLifecycle::StartRectification));

        QVERIFY(lc.perform(FindingLifecycle::SubmitForVerification, QStringLiteral("李华"), {}));
        QVERIFY(lc.verificationDue());
        QCOMPARE(actionsOf(lc),
                 (QList<int>{FindingLifecycle::VerifyPassed, FindingLifecycle::VerifyFailed}));

        // 验收不通过, with evidence: back to rectifying.
        auto photo = m_fx.services().photos().importFile(
            f->id, QStringLiteral(FL_TEST_DATA "/photo_gps.jpg"), QStringLiteral("整改现场"));
        FL_VERIFY_OK(photo);
        QVERIFY(lc.perform(FindingLifecycle::VerifyFailed, QStringLiteral("张明"),
                           QStringLiteral("会议记录仍缺9月"), {photo->id}));
        QCOMPARE(lc.status(), int(FindingStatus::Rectifying));
        QCOMPARE(value(history, 2, FindingHistoryModel::EvidenceCountRole).toInt(), 1);
        QCOMPARE(value(history, 2, FindingHistoryModel::EvidencePhotoIdsRole).toStringList(),
                 QStringList{photo->id});
        QCOMPARE(value(history, 2, FindingHistoryModel::StepNameRole).toString(),
                 lc.actionName(FindingLifecycle::VerifyFailed));

        // Then 验收通过: closed, nothing more to do.
        QVERIFY(lc.perform(FindingLifecycle::SubmitForVerification, QStringLiteral("李华"), {}));
        QVERIFY(lc.perform(FindingLifecycle::VerifyPassed, QStringLiteral("张明"),
                           QStringLiteral("照账核对，已补齐")));
        QCOMPARE(lc.status(), int(FindingStatus::Closed));
        QVERIFY(lc.allowedActions().isEmpty());
        QVERIFY(!lc.overdue());
        QCOMPARE(history.rowCount(), 5);
        QCOMPARE(inserted.count(), 5); // one row per step, never a reset
        QCOMPARE(reset.count(), 0);
        QCOMPARE(value(history, 4, FindingHistoryModel::ToStatusRole).toInt(),
                 int(FindingStatus::Closed));
        auto stored = m_fx.inspection().history(f->id);
        FL_VERIFY_OK(stored);
        QCOMPARE(stored->size(), 5);
    }

    void illegalStepsShowTheDomainsReasonAndWriteNothing() {
        auto f = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[2],
                                  QStringLiteral("会议记录不完整"));
        FL_VERIFY_OK(f);
        FindingLifecycle lc;
        lc.setServices(&m_fx.services());
        lc.setFindingId(f->id);
        QSignalSpy errorChanged(&lc, &FindingLifecycle::errorStringChanged);
        const int before = journalLength(m_fx.store());

        // 验收 of a finding nobody has rectified.
        QVERIFY(!lc.perform(FindingLifecycle::VerifyPassed, QStringLiteral("张明"),
                            QStringLiteral("看过了")));
        const auto expected =
            lifecycle::apply(FindingStatus::Open, lifecycle::Action::VerifyPassed);
        QVERIFY(!expected);
        QCOMPARE(lc.errorString(), expected.error().message);
        QCOMPARE(errorChanged.count(), 1);
        QCOMPARE(journalLength(m_fx.store()), before);
        QCOMPARE(lc.status(), int(FindingStatus::Open));

        // Nobody named.
        QVERIFY(!lc.perform(FindingLifecycle::StartRectification, QStringLiteral("  "), {}));
        QVERIFY(!lc.errorString().isEmpty());
        QCOMPARE(journalLength(m_fx.store()), before);

        // A verification without a note of what was checked.
        QVERIFY(lc.perform(FindingLifecycle::StartRectification, QStringLiteral("张明"), {}));
        QVERIFY(lc.errorString().isEmpty());
        QVERIFY(lc.perform(FindingLifecycle::SubmitForVerification, QStringLiteral("张明"), {}));
        const int afterSteps = journalLength(m_fx.store());
        QVERIFY(!lc.perform(FindingLifecycle::VerifyFailed, QStringLiteral("张明"), {}));
        QVERIFY(!lc.errorString().isEmpty());
        QCOMPARE(journalLength(m_fx.store()), afterSteps);
        QCOMPARE(int(test::storedFinding(m_fx.inspection(), f->id).status),
                 int(FindingStatus::AwaitingVerification));

        // Not an action at all.
        QVERIFY(!lc.perform(42, QStringLiteral("张明"), QStringLiteral("x")));
        QVERIFY(!lc.errorString().isEmpty());
        lc.clearError();
        QVERIFY(lc.errorString().isEmpty());
        QCOMPARE(journalLength(m_fx.store()), afterSteps);
    }

    void followsStepsTakenElsewhereAndLocking() {
        auto f = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[3],
                                  QStringLiteral("党费收缴不规范"));
        FL_VERIFY_OK(f);
        FindingLifecycle lc;
        lc.setServices(&m_fx.services());
        lc.setFindingId(f->id);
        FindingHistoryModel history;
        QAbstractItemModelTester tester(&history, Report);
        history.setServices(&m_fx.services());
        history.setFindingId(f->id);
        QSignalSpy changed(&lc, &FindingLifecycle::findingChanged);
        FL_VERIFY_OK(m_fx.inspection().transition(f->id, lifecycle::Action::StartRectification,
                                                  QStringLiteral("同步来的人"), {}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(lc.status(), int(FindingStatus::Rectifying));
        QCOMPARE(history.rowCount(), 1);
        m_fx.services().lock();
        QVERIFY(!lc.found());
        QCOMPARE(history.rowCount(), 0);
        QVERIFY(!lc.perform(FindingLifecycle::SubmitForVerification, QStringLiteral("张明"), {}));
        QVERIFY(!lc.errorString().isEmpty());
        QVERIFY(m_fx.unlock());
        QVERIFY(lc.found());
        QCOMPARE(history.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TstFindingLifecycle)
#include "tst_findinglifecycle.moc"
