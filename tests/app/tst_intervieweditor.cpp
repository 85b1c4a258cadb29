#include "apptestsupport.h"
#include "intervieweditor.h"
#include "interviewlistmodel.h"
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

Interview storedInterview(Inspection &in, const QString &id) {
    auto iv = in.interview(id);
    return iv ? *iv : Interview{};
}

QVariant value(const InterviewListModel &m, int row, InterviewListModel::Role role) {
    return m.data(m.index(row), role);
}
} // namespace

class TstInterviewEditor : public QObject {
    Q_OBJECT

    test::AppFixture m_fx;
    test::Round m_round;
    QList<Finding> m_findings;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_fx.start());
        auto round = test::makeRound(m_fx.inspection());
        FL_VERIFY_OK(round);
        m_round = *round;
        for (int i = 0; i < 3; ++i) {
            auto f = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[i],
                                      QStringLiteral("问题 %1").arg(i));
            FL_VERIFY_OK(f);
            m_findings.append(*f);
        }
    }

    void init() {
        if (!m_fx.services().isUnlocked())
            QVERIFY(m_fx.unlock());
    }

    void newNoteIsCreatedOnceValidThenEveryWriteIsSaved() {
        InterviewListModel list;
        QAbstractItemModelTester tester(&list, Report);
        list.setServices(&m_fx.services());
        list.setVisitId(m_round.visit.id);
        QSignalSpy inserted(&list, &QAbstractItemModel::rowsInserted);
        const int rowsBefore = list.rowCount();

        InterviewEditor editor;
        editor.setServices(&m_fx.services());
        editor.setVisitId(m_round.visit.id);
        QVERIFY(editor.isNew());
        // A new note starts now, to the minute.
        const QDateTime at = QDateTime::fromString(editor.at(), QStringLiteral("yyyy-MM-dd HH:mm"));
        QVERIFY(at.isValid());
        QVERIFY(qAbs(at.secsTo(QDateTime::currentDateTime())) < 120);

        const int before = journalLength(m_fx.store());
        editor.setInterviewee(QStringLiteral("王书记"));
        QVERIFY(editor.isNew()); // no content yet: the domain says so, nothing is written
        QVERIFY(editor.validationMessage().contains(QStringLiteral("王书记")));
        QCOMPARE(journalLength(m_fx.store()), before);

        QSignalSpy idChanged(&editor, &InterviewEditor::interviewIdChanged);
        editor.setContent(QStringLiteral("介绍了本年度党建工作情况。"));
        QCOMPARE(idChanged.count(), 1);
        QVERIFY(!editor.isNew());
        QVERIFY(editor.isSaved());
        QVERIFY(editor.validationMessage().isEmpty());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(list.rowCount(), rowsBefore + 1);
        const QString id = editor.interviewId();

        // No save call anywhere: each write is in the store when it returns.
        editor.setRole(QStringLiteral("机关党委书记"));
        editor.setPlace(QStringLiteral("厅机关3楼会议室"));
        editor.setAt(QStringLiteral("2026-11-20 10:00"));
        editor.setContent(QStringLiteral("介绍了本年度党建工作情况，承认中心组学习次数不足。"));
        editor.setLinked(m_findings[0].id, true);
        editor.setLinked(m_findings[2].id, true);
        editor.setLinked(m_findings[0].id, false);
        const Interview stored = storedInterview(m_fx.inspection(), id);
        QCOMPARE(stored.role, QStringLiteral("机关党委书记"));
        QCOMPARE(stored.place, QStringLiteral("厅机关3楼会议室"));
        QCOMPARE(stored.at.toLocalTime(),
                 QDateTime(QDate(2026, 11, 20), QTime(10, 0)).toLocalTime());
        QCOMPARE(stored.content,
                 QStringLiteral("介绍了本年度党建工作情况，承认中心组学习次数不足。"));
        QCOMPARE(stored.linkedFindingIds, QStringList{m_findings[2].id});
        QVERIFY(editor.isSaved());

        const int row = list.rowCount() - 1;
        QCOMPARE(value(list, row, InterviewListModel::InterviewIdRole).toString(), id);
        QCOMPARE(value(list, row, InterviewListModel::IntervieweeRoleRole).toString(),
                 QStringLiteral("机关党委书记"));
        QCOMPARE(value(list, row, InterviewListModel::LinkedCountRole).toInt(), 1);
        QVERIFY(value(list, row, InterviewListModel::ExcerptRole)
                    .toString()
                    .startsWith(QStringLiteral("介绍了")));
        QCOMPARE(list.roleNames().value(InterviewListModel::IntervieweeRoleRole),
                 QByteArray("intervieweeRole"));

        // A photo of the note shows in its count.
        auto photo = m_fx.services().photos().importFile(
            id, QStringLiteral(FL_TEST_DATA "/photo_gps.jpg"), QString());
        FL_VERIFY_OK(photo);
        QCOMPARE(value(list, row, InterviewListModel::PhotoCountRole).toInt(), 1);

        // Another editor opens what was saved.
        InterviewEditor again;
        again.setServices(&m_fx.services());
        again.setInterviewId(id);
        QCOMPARE(again.interviewee(), QStringLiteral("王书记"));
        QCOMPARE(again.at(), QStringLiteral("2026-11-20 10:00"));
        QCOMPARE(again.linkedFindingIds(), QStringList{m_findings[2].id});
    }

    void refusedValuesAreShownNotWritten() {
        auto created = m_fx.inspection().createInterview([this] {
            Interview iv;
            iv.visitId = m_round.visit.id;
            iv.interviewee = QStringLiteral("李主任");
            iv.content = QStringLiteral("谈了党费收缴。");
            return iv;
        }());
        FL_VERIFY_OK(created);
        InterviewEditor editor;
        editor.setServices(&m_fx.services());
        editor.setInterviewId(created->id);
        QVERIFY(editor.isSaved());
        const int before = journalLength(m_fx.store());

        editor.setInterviewee(QStringLiteral("   "));
        QVERIFY(!editor.validationMessage().isEmpty());
        QVERIFY(!editor.isSaved());
        QCOMPARE(journalLength(m_fx.store()), before);
        QCOMPARE(storedInterview(m_fx.inspection(), created->id).interviewee,
                 QStringLiteral("李主任"));

        editor.setAt(QStringLiteral("yesterday morning"));
        QVERIFY(editor.validationMessage().contains(QStringLiteral("YYYY")));
        QCOMPARE(editor.at(), QStringLiteral("yesterday morning")); // kept as typed
        QCOMPARE(journalLength(m_fx.store()), before);

        // Another field still saves while the name waits for a fix.
        editor.setPlace(QStringLiteral("办公室"));
        QCOMPARE(storedInterview(m_fx.inspection(), created->id).place, QStringLiteral("办公室"));

        editor.setInterviewee(QStringLiteral("李主任（纪检）"));
        editor.setAt(QStringLiteral("2026-11-21 15:30"));
        QVERIFY2(editor.validationMessage().isEmpty(), qPrintable(editor.validationMessage()));
        QVERIFY(editor.isSaved());
    }

    void editsMadeWhileLockedAreKeptAndSavedOnUnlock() {
        InterviewEditor editor;
        editor.setServices(&m_fx.services());
        editor.setVisitId(m_round.visit.id);
        m_fx.services().lock();
        editor.setInterviewee(QStringLiteral("赵科长"));
        editor.setContent(QStringLiteral("锁定时记的内容"));
        QVERIFY(editor.isNew());
        QVERIFY(!editor.validationMessage().isEmpty());
        QVERIFY(m_fx.unlock());
        QVERIFY(!editor.isNew());
        QVERIFY(editor.isSaved());
        QCOMPARE(storedInterview(m_fx.inspection(), editor.interviewId()).content,
                 QStringLiteral("锁定时记的内容"));

        m_fx.services().lock();
        editor.setContent(QStringLiteral("再次锁定时改的"));
        QVERIFY(!editor.isSaved());
        QVERIFY(m_fx.unlock());
        QVERIFY(editor.isSaved());
        QCOMPARE(storedInterview(m_fx.inspection(), editor.interviewId()).content,
                 QStringLiteral("再次锁定时改的"));
    }

    void listFollowsChangesAndDeletions() {
        InterviewListModel list;
        QAbstractItemModelTester tester(&list, Report);
        list.setServices(&m_fx.services());
        list.setVisitId(m_round.visit.id);
        QVERIFY(list.rowCount() >= 3);
        QSignalSpy changed(&list, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&list, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&list, &QAbstractItemModel::modelReset);
        const QString id = value(list, 0, InterviewListModel::InterviewIdRole).toString();
        FL_VERIFY_OK(m_fx.inspection().updateInterview(
            id, QCborMap{{QLatin1String(fieldkey::Place), QStringLiteral("改了地点")}}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(value(list, 0, InterviewListModel::PlaceRole).toString(),
                 QStringLiteral("改了地点"));
        const int rows = list.rowCount();
        FL_VERIFY_OK(m_fx.inspection().remove(id));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(list.rowCount(), rows - 1);
        QCOMPARE(reset.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TstInterviewEditor)
#include "tst_intervieweditor.moc"
