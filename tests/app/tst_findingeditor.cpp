#include "apptestsupport.h"
#include "findingeditor.h"

#include <QSignalSpy>

using namespace fl;
using namespace fl::app;

namespace {
int journalLength(Store &store) {
    auto j = store.journal({}, 1'000'000);
    return j ? int(j->size()) : -1;
}
} // namespace

class TstFindingEditor : public QObject {
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

    void newFindingIsCreatedOnceValidThenEveryWriteIsSaved() {
        FindingEditor editor;
        editor.setServices(&m_fx.services());
        editor.setVisitId(m_round.visit.id);
        editor.setChecklistItemId(m_round.items[2].id); // 2.1, organ committee, at most 4
        QVERIFY(editor.isNew());
        QVERIFY(!editor.isSaved());
        QVERIFY(!editor.validationMessage().isEmpty()); // it needs a title first
        QCOMPARE(editor.level(), int(Level::OrganCommittee));
        QCOMPARE(editor.maxDeduction(), 4.0);
        QCOMPARE(editor.itemCode(), QStringLiteral("2.1"));

        QSignalSpy idChanged(&editor, &FindingEditor::findingIdChanged);
        editor.setTitle(QStringLiteral("机关党委会议记录缺页"));
        QCOMPARE(idChanged.count(), 1);
        QVERIFY(!editor.isNew());
        QVERIFY(editor.isSaved());
        QVERIFY(editor.validationMessage().isEmpty());
        const QString id = editor.findingId();
        QCOMPARE(test::storedFinding(m_fx.inspection(), id).title,
                 QStringLiteral("机关党委会议记录缺页"));

        // No save call anywhere: each write is in the store when it returns.
        editor.setTitle(QStringLiteral("机关党委会议记录缺3页"));
        QCOMPARE(test::storedFinding(m_fx.inspection(), id).title,
                 QStringLiteral("机关党委会议记录缺3页"));
        editor.setDeduction(2.5);
        editor.setSeverity(int(Severity::Serious));
        editor.setDescription(QStringLiteral("2026年3月至5月记录缺失"));
        editor.setResponsibleParty(QStringLiteral("机关党委办公室"));
        editor.setDueDate(QStringLiteral("2026-12-31"));
        const Finding stored = test::storedFinding(m_fx.inspection(), id);
        QCOMPARE(stored.deduction, 2.5);
        QCOMPARE(int(stored.severity), int(Severity::Serious));
        QCOMPARE(stored.description, QStringLiteral("2026年3月至5月记录缺失"));
        QCOMPARE(stored.responsibleParty, QStringLiteral("机关党委办公室"));
        QCOMPARE(stored.dueDate, QDate(2026, 12, 31));
        QCOMPARE(int(stored.level), int(Level::OrganCommittee));
        QVERIFY(editor.isSaved());
    }

    void deductionOverTheItemMaximumIsShownAndNotWritten() {
        auto f = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[0],
                                  QStringLiteral("学习记录不全"), 2);
        FL_VERIFY_OK(f);
        FindingEditor editor;
        editor.setServices(&m_fx.services());
        editor.setFindingId(f->id);
        QCOMPARE(editor.title(), QStringLiteral("学习记录不全"));
        QCOMPARE(editor.deduction(), 2.0);
        QVERIFY(editor.isSaved());
        const int before = journalLength(m_fx.store());

        editor.setDeduction(99); // item 1.1 allows at most 5
        QVERIFY(editor.validationMessage().contains(QStringLiteral("99")));
        QCOMPARE(editor.deduction(), 99.0); // shown as typed, so it can be corrected
        QVERIFY(!editor.isSaved());
        QCOMPARE(test::storedFinding(m_fx.inspection(), f->id).deduction, 2.0);
        QCOMPARE(journalLength(m_fx.store()), before);

        editor.setDeductionText(QStringLiteral("three"));
        QVERIFY(!editor.validationMessage().isEmpty());
        QCOMPARE(journalLength(m_fx.store()), before);

        // Another field still saves while the deduction waits for a fix.
        editor.setTitle(QStringLiteral("学习记录不全（补）"));
        QCOMPARE(test::storedFinding(m_fx.inspection(), f->id).title,
                 QStringLiteral("学习记录不全（补）"));
        QVERIFY(!editor.isSaved());

        editor.setDeductionText(QStringLiteral("4.5"));
        QVERIFY(editor.validationMessage().isEmpty());
        QVERIFY(editor.isSaved());
        QCOMPARE(test::storedFinding(m_fx.inspection(), f->id).deduction, 4.5);
    }

    void badDueDateIsRefused() {
        auto f = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[1],
                                  QStringLiteral("主体责任清单未更新"));
        FL_VERIFY_OK(f);
        FindingEditor editor;
        editor.setServices(&m_fx.services());
        editor.setFindingId(f->id);
        editor.setDueDate(QStringLiteral("next week"));
        QVERIFY(!editor.validationMessage().isEmpty());
        QCOMPARE(editor.dueDate(), QStringLiteral("next week"));
        editor.setDueDate(QStringLiteral("2026-01-01")); // before the visit: the domain refuses
        QVERIFY(!editor.validationMessage().isEmpty());
        QVERIFY(!test::storedFinding(m_fx.inspection(), f->id).dueDate.isValid());
        editor.setDueDate(QStringLiteral("2027-01-15"));
        QVERIFY(editor.validationMessage().isEmpty());
        QCOMPARE(test::storedFinding(m_fx.inspection(), f->id).dueDate, QDate(2027, 1, 15));
    }

    void changingTheItemMovesTheLevel() {
        auto f = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[0],
                                  QStringLiteral("归错了项"));
        FL_VERIFY_OK(f);
        FindingEditor editor;
        editor.setServices(&m_fx.services());
        editor.setFindingId(f->id);
        editor.setChecklistItemId(m_round.items[4].id); // 3.1, grassroots
        QVERIFY2(editor.validationMessage().isEmpty(), qPrintable(editor.validationMessage()));
        const Finding stored = test::storedFinding(m_fx.inspection(), f->id);
        QCOMPARE(stored.checklistItemId, m_round.items[4].id);
        QCOMPARE(int(stored.level), int(Level::Grassroots));
        QCOMPARE(editor.level(), int(Level::Grassroots));
    }

    void editsMadeWhileLockedAreKeptAndSavedOnUnlock() {
        auto f = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[3],
                                  QStringLiteral("党费台账不清"));
        FL_VERIFY_OK(f);
        FindingEditor editor;
        editor.setServices(&m_fx.services());
        editor.setFindingId(f->id);
        m_fx.services().lock();
        editor.setTitle(QStringLiteral("党费台账不清（锁定时改）"));
        QVERIFY(!editor.validationMessage().isEmpty());
        QCOMPARE(editor.title(), QStringLiteral("党费台账不清（锁定时改）"));
        QVERIFY(!editor.isSaved());
        QVERIFY(m_fx.unlock());
        QVERIFY(editor.isSaved());
        QVERIFY(editor.validationMessage().isEmpty());
        QCOMPARE(test::storedFinding(m_fx.inspection(), f->id).title,
                 QStringLiteral("党费台账不清（锁定时改）"));
    }

    void followsChangesMadeElsewhere() {
        auto f = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[5],
                                  QStringLiteral("发展党员材料缺失"));
        FL_VERIFY_OK(f);
        FindingEditor editor;
        editor.setServices(&m_fx.services());
        editor.setFindingId(f->id);
        QSignalSpy titleChanged(&editor, &FindingEditor::titleChanged);
        FL_VERIFY_OK(m_fx.inspection().updateFinding(
            f->id, QCborMap{{QStringLiteral("title"), QStringLiteral("同步来的标题")}}));
        QCOMPARE(titleChanged.count(), 1);
        QCOMPARE(editor.title(), QStringLiteral("同步来的标题"));
    }
};

QTEST_GUILESS_MAIN(TstFindingEditor)
#include "tst_findingeditor.moc"
