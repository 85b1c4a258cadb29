#include "apptestsupport.h"
#include "backgroundreader.h"
#include "ledgermodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>

using namespace fl;
using namespace fl::app;

namespace {
using Tester = QAbstractItemModelTester;
constexpr auto Report = QAbstractItemModelTester::FailureReportingMode::QtTest;

QVariant value(const LedgerModel &m, int row, LedgerModel::Role role) {
    return m.data(m.index(row), role);
}

QStringList column(const LedgerModel &m, LedgerModel::Role role) {
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out.append(value(m, i, role).toString());
    return out;
}

/// Waits for the background read of the whole round that a filter, search or order starts.
bool roundIn(const LedgerModel &m) {
    return QTest::qWaitFor([&m] { return !m.isLoading() && m.allLoaded(); }, 10000);
}

int journalLength(Store &store) {
    auto j = store.journal({}, 1'000'000);
    return j ? int(j->size()) : -1;
}
} // namespace

class TstLedgerModel : public QObject {
    Q_OBJECT

    test::AppFixture m_fx;
    test::Round m_round;
    Unit m_secondUnit;
    Visit m_secondVisit;
    QList<Finding> m_findings; // 120, oldest first; even ones on the first unit
    const QDate m_today{2026, 12, 1};

    void step(const QString &id, lifecycle::Action action) {
        const bool verification =
            action == lifecycle::Action::VerifyPassed || action == lifecycle::Action::VerifyFailed;
        FL_VERIFY_OK(m_fx.inspection().transition(
            id, action, QStringLiteral("张明"),
            verification ? QStringLiteral("照账核对了会议记录") : QString()));
    }

    /// Reads answer in order: once a no-op read has answered, the ones before it have too.
    bool readerIdle() {
        bool answered = false;
        m_fx.services().reader().read<int>(
            this, [](Store &, Inspection &) -> Result<int> { return 0; },
            [&answered](Result<int>) { answered = true; });
        return QTest::qWaitFor([&answered] { return answered; }, 10000);
    }

    LedgerModel *makeModel() {
        auto *m = new LedgerModel(this);
        m->setToday(m_today);
        m->setServices(&m_fx.services());
        m->setCampaignId(m_round.campaign.id);
        return m;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_fx.start());
        auto round = test::makeRound(m_fx.inspection());
        FL_VERIFY_OK(round);
        m_round = *round;
        Unit u;
        u.campaignId = m_round.campaign.id;
        u.name = QStringLiteral("省财政厅");
        auto unit = m_fx.inspection().createUnit(u);
        FL_VERIFY_OK(unit);
        m_secondUnit = *unit;
        Visit v;
        v.unitId = m_secondUnit.id;
        v.date = QDate(2026, 11, 20);
        v.team = {QStringLiteral("王芳")};
        auto visit = m_fx.inspection().createVisit(v);
        FL_VERIFY_OK(visit);
        m_secondVisit = *visit;
        // 120 findings: due dates every 3 days from 2026-11-20 (a tenth without one),
        // deductions 0.5 to 3, every fourth in rectification, every tenth closed.
        for (int i = 0; i < 120; ++i) {
            Finding f;
            f.visitId = i % 2 == 0 ? m_round.visit.id : m_secondVisit.id;
            const ChecklistItem &item = m_round.items[i % 6];
            f.checklistItemId = item.id;
            f.level = item.level;
            f.title = i % 7 == 0 ? QStringLiteral("Minutes missing %1").arg(i)
                                 : QStringLiteral("问题 %1 会议记录").arg(i);
            f.deduction = 0.5 * (1 + i % 6);
            if (i % 10 != 3)
                f.dueDate = QDate(2026, 11, 20).addDays(3 * (i % 20));
            auto created = m_fx.inspection().createFinding(f);
            FL_VERIFY_OK(created);
            m_findings.append(*created);
        }
        for (int i = 0; i < 120; ++i) {
            if (i % 10 == 0) {
                step(m_findings[i].id, lifecycle::Action::StartRectification);
                step(m_findings[i].id, lifecycle::Action::SubmitForVerification);
                step(m_findings[i].id, lifecycle::Action::VerifyPassed);
            } else if (i % 4 == 1) {
                step(m_findings[i].id, lifecycle::Action::StartRectification);
            }
        }
    }

    void init() {
        if (!m_fx.services().isUnlocked())
            QVERIFY(m_fx.unlock());
    }

    void unfilteredRowsArePagedInRecordingOrder() {
        std::unique_ptr<LedgerModel> model(makeModel()); // the tester would read every page
        QCOMPARE(model->totalCount(), 120);
        QCOMPARE(model->rowCount(), 50);
        QVERIFY(!model->allLoaded());
        QVERIFY(model->canFetchMore({}));
        model->fetchMore({});
        QCOMPARE(model->rowCount(), 100);
        while (model->canFetchMore({}))
            model->fetchMore({});
        QCOMPARE(model->rowCount(), 120);
        Tester tester(model.get(), Report);
        QCOMPARE(value(*model, 0, LedgerModel::FindingIdRole).toString(), m_findings[0].id);
        QCOMPARE(value(*model, 0, LedgerModel::UnitNameRole).toString(),
                 QStringLiteral("省交通运输厅"));
        QCOMPARE(value(*model, 1, LedgerModel::UnitNameRole).toString(),
                 QStringLiteral("省财政厅"));
        QCOMPARE(value(*model, 1, LedgerModel::ItemCodeRole).toString(), QStringLiteral("1.2"));
        QCOMPARE(value(*model, 0, LedgerModel::StatusRole).toInt(), int(FindingStatus::Closed));
        QCOMPARE(value(*model, 1, LedgerModel::StatusRole).toInt(), int(FindingStatus::Rectifying));
        QCOMPARE(model->unitChoices().size(), 3); // every unit, then the two
        QCOMPARE(model->campaignName(), m_round.campaign.name);
    }

    void overdueIsThePastDueDateOfAnOpenFinding() {
        std::unique_ptr<LedgerModel> model(makeModel());
        Tester tester(model.get(), Report);
        QHash<QString, int> numberOf;
        for (int i = 0; i < int(m_findings.size()); ++i)
            numberOf.insert(m_findings[i].id, i);
        // Due 2026-11-20 + 3i (mod 20): before 12-01 for i % 20 in 0..3.
        for (int row = 0; row < model->rowCount(); ++row) {
            const int i =
                numberOf.value(value(*model, row, LedgerModel::FindingIdRole).toString(), -1);
            QVERIFY(i >= 0);
            const bool due = i % 10 != 3 && i % 20 <= 3;
            const bool closed = i % 10 == 0;
            QCOMPARE(value(*model, row, LedgerModel::OverdueRole).toBool(), due && !closed);
        }
        model->setOverdueOnly(true);
        QVERIFY(roundIn(*model));
        // i % 20 in {1, 2} (0 is closed, 3 has no due date): 12 findings.
        QCOMPARE(model->rowCount(), 12);
        QCOMPARE(model->totalCount(), 12);
        // A later "today" makes more of them overdue.
        model->setToday(QDate(2026, 12, 31));
        QVERIFY(model->rowCount() > 12);
    }

    void statusAndUnitFiltersNarrowTheRound() {
        std::unique_ptr<LedgerModel> model(makeModel());
        Tester tester(model.get(), Report);
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        model->setStatusFilter(int(FindingStatus::Closed));
        QVERIFY(roundIn(*model));
        QCOMPARE(reset.count(), 1);
        QVERIFY(model->allLoaded());
        QCOMPARE(model->rowCount(), 12);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(value(*model, row, LedgerModel::StatusRole).toInt(),
                     int(FindingStatus::Closed));
        model->setStatusFilter(int(FindingStatus::Rectifying));
        QCOMPARE(model->rowCount(), 30); // i % 4 == 1 (never a multiple of 10)
        model->setUnitFilter(m_secondUnit.id);
        QCOMPARE(model->rowCount(), 30); // i % 4 == 1 is odd: all on the second unit
        model->setStatusFilter(-1);
        QCOMPARE(model->rowCount(), 60);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(value(*model, row, LedgerModel::UnitIdRole).toString(), m_secondUnit.id);
        model->setUnitFilter(QString());
        QCOMPARE(model->rowCount(), 120);
        QVERIFY(model->allLoaded()); // the round stays in memory
    }

    void searchLooksInTitlesIgnoringCase() {
        std::unique_ptr<LedgerModel> model(makeModel());
        Tester tester(model.get(), Report);
        model->setSearch(QStringLiteral("minutes"));
        QVERIFY(roundIn(*model));
        QCOMPARE(model->rowCount(), 18); // i % 7 == 0
        model->setSearch(QStringLiteral("  MISSING   minutes 119"));
        QCOMPARE(column(*model, LedgerModel::TitleRole),
                 QStringList{QStringLiteral("Minutes missing 119")});
        model->setSearch(QStringLiteral("会议记录 问题 5"));
        QVERIFY(model->rowCount() > 0);
        for (const QString &title : column(*model, LedgerModel::TitleRole))
            QVERIFY(title.contains(QLatin1Char('5')));
        model->setSearch(QStringLiteral("nothing like this"));
        QCOMPARE(model->rowCount(), 0);
    }

    void sortsByDueDateDeductionAndStatus() {
        std::unique_ptr<LedgerModel> model(makeModel());
        Tester tester(model.get(), Report);
        model->setSortOrder(LedgerModel::ByDueDate);
        QVERIFY(roundIn(*model));
        QCOMPARE(model->rowCount(), 120);
        QDate previous;
        bool sawNone = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QDate due = value(*model, row, LedgerModel::DueDateRole).toDate();
            if (!due.isValid()) {
                sawNone = true;
                continue;
            }
            QVERIFY2(!sawNone, "findings without a due date come last");
            QVERIFY(!previous.isValid() || previous <= due);
            previous = due;
        }
        QVERIFY(sawNone);

        model->setSortOrder(LedgerModel::ByDeduction);
        for (int row = 1; row < model->rowCount(); ++row)
            QVERIFY(value(*model, row - 1, LedgerModel::DeductionRole).toDouble() >=
                    value(*model, row, LedgerModel::DeductionRole).toDouble());
        QCOMPARE(value(*model, 0, LedgerModel::DeductionRole).toDouble(), 3.0);

        model->setSortOrder(LedgerModel::ByStatus);
        for (int row = 1; row < model->rowCount(); ++row)
            QVERIFY(value(*model, row - 1, LedgerModel::StatusRole).toInt() <=
                    value(*model, row, LedgerModel::StatusRole).toInt());
        QCOMPARE(value(*model, 119, LedgerModel::StatusRole).toInt(), int(FindingStatus::Closed));
        // Ties keep the order recorded.
        QCOMPARE(value(*model, 0, LedgerModel::FindingIdRole).toString(), m_findings[2].id);
    }

    void changesMoveInsertAndRemoveSingleRowsOfAFilteredView() {
        std::unique_ptr<LedgerModel> model(makeModel());
        Tester tester(model.get(), Report);
        model->setStatusFilter(int(FindingStatus::Open));
        model->setSortOrder(LedgerModel::ByDeduction);
        QVERIFY(roundIn(*model));
        const int open = model->rowCount();
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy moved(model.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);

        // An open finding of 0.5 points goes to the top at 3 points.
        const QString id = m_findings[2].id; // 1.5 points, open
        FL_VERIFY_OK(m_fx.inspection().updateFinding(
            id, QCborMap{{QLatin1String(fieldkey::Deduction), 3.0}}));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(model->rowOf(id), 0); // 3 points, recorded before the other 3-pointers
        QCOMPARE(value(*model, 0, LedgerModel::DeductionRole).toDouble(), 3.0);

        // Put into rectification: it leaves the open ones.
        step(id, lifecycle::Action::StartRectification);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model->rowCount(), open - 1);
        QCOMPARE(model->rowOf(id), -1);

        // A new open finding comes in where the order puts it.
        auto added = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[1],
                                      QStringLiteral("新增问题"), 2);
        FL_VERIFY_OK(added);
        QCOMPARE(inserted.count(), 1);
        const int at = model->rowOf(added->id);
        QVERIFY(at > 0);
        QCOMPARE(value(*model, at - 1, LedgerModel::DeductionRole).toDouble() >= 2, true);
        QCOMPARE(value(*model, at + 1, LedgerModel::DeductionRole).toDouble() < 2, true);

        // A new title changes one row in place.
        changed.clear();
        FL_VERIFY_OK(m_fx.inspection().updateFinding(
            added->id, QCborMap{{QLatin1String(fieldkey::Title), QStringLiteral("改过")}}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(value(*model, model->rowOf(added->id), LedgerModel::TitleRole).toString(),
                 QStringLiteral("改过"));

        // Deleted: gone.
        FL_VERIFY_OK(m_fx.inspection().remove(added->id));
        QCOMPARE(removed.count(), 2);
        QCOMPARE(model->rowOf(added->id), -1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model->rowCount(), open - 1);
    }

    void pagedRowsFollowEdits() {
        std::unique_ptr<LedgerModel> model(makeModel());
        QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        FL_VERIFY_OK(m_fx.inspection().updateFinding(
            m_findings[4].id,
            QCborMap{{QLatin1String(fieldkey::Title), QStringLiteral("分页中改的")}}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 4);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(value(*model, 4, LedgerModel::TitleRole).toString(), QStringLiteral("分页中改的"));
        const int total = model->totalCount();
        auto added = test::addFinding(m_fx.inspection(), m_secondVisit, m_round.items[0],
                                      QStringLiteral("未读到的新问题"));
        FL_VERIFY_OK(added);
        QCOMPARE(model->totalCount(), total + 1);
        QCOMPARE(model->rowCount(), 50); // read when the view gets there
        FL_VERIFY_OK(m_fx.inspection().remove(added->id));
        QCOMPARE(model->totalCount(), total);
    }

    void lockingDropsTheRows() {
        std::unique_ptr<LedgerModel> model(makeModel());
        Tester tester(model.get(), Report);
        model->setStatusFilter(int(FindingStatus::Closed));
        QVERIFY(roundIn(*model));
        QVERIFY(model->rowCount() > 0);
        m_fx.services().lock();
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!model->allLoaded());
        QVERIFY(m_fx.unlock());
        QVERIFY(roundIn(*model)); // the filter is still there, so the round is read again
        QCOMPARE(model->rowCount(), 12);
    }

    void exportsWhatIsShownAsCsv() {
        std::unique_ptr<LedgerModel> model(makeModel());
        QTemporaryDir out;
        QSignalSpy exported(model.get(), &LedgerModel::exported);
        // Unfiltered, partly read: the whole round.
        const QString all = out.filePath(QStringLiteral("all.csv"));
        QVERIFY2(model->exportCsv(QUrl::fromLocalFile(all)), qPrintable(model->errorString()));
        QCOMPARE(exported.count(), 1);
        QCOMPARE(exported.first().at(0).toInt(), model->totalCount());
        QFile file(all);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"
                               "finding_id,unit,"));
        QCOMPARE(csv.count("\r\n"), model->totalCount() + 1);
        QVERIFY(csv.contains(QStringLiteral("省财政厅").toUtf8()));
        // Filtered and sorted: those rows, in that order.
        model->setStatusFilter(int(FindingStatus::Closed));
        model->setSortOrder(LedgerModel::ByDeduction);
        QVERIFY(roundIn(*model));
        const QString closed = out.filePath(QStringLiteral("closed.csv"));
        QVERIFY(model->exportCsv(QUrl::fromLocalFile(closed)));
        QFile closedFile(closed);
        QVERIFY(closedFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = closedFile.readAll().split('\n');
        QCOMPARE(lines.size(), 12 + 2); // header, 12 rows, the empty rest after the last CRLF
        QVERIFY(lines[1].startsWith(value(*model, 0, LedgerModel::FindingIdRole).toByteArray()));
        QVERIFY(lines[1].contains(",closed,no"));
        // Nowhere to write: said, and nothing else changes.
        QVERIFY(
            !model->exportCsv(QUrl::fromLocalFile(out.filePath(QStringLiteral("no/such/x.csv")))));
        QVERIFY(!model->errorString().isEmpty());
        QVERIFY(!model->exportCsv(QUrl(QStringLiteral("https://example.org/x.csv"))));
        QVERIFY(model->suggestedFileName().endsWith(QStringLiteral("2026-12-01.csv")));
        QCOMPARE(journalLength(m_fx.store()) > 0, true);
    }

    void theBackgroundReadDeliversTheStoresRows() {
        std::unique_ptr<LedgerModel> model(makeModel());
        Tester tester(model.get(), Report);
        QSignalSpy loading(model.get(), &LedgerModel::loadingChanged);
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        const QString first = value(*model, 0, LedgerModel::FindingIdRole).toString();
        const int shown = model->rowCount();
        model->setSortOrder(LedgerModel::ByStatus);
        // Asked for, not in yet: the rows read so far stay on show meanwhile.
        QVERIFY(model->isLoading());
        QVERIFY(!model->allLoaded());
        QCOMPARE(model->rowCount(), shown);
        QCOMPARE(value(*model, 0, LedgerModel::FindingIdRole).toString(), first);
        QVERIFY(roundIn(*model));
        QCOMPARE(loading.count(), 2);
        QCOMPARE(reset.count(), 1); // the sorted rows replace the page at once
        // The same rows as the store's ledger of the round, read on this thread.
        auto expected = m_fx.inspection().ledger(m_round.campaign.id, m_today);
        FL_VERIFY_OK(expected);
        QCOMPARE(model->rowCount(), int(expected->size()));
        for (const LedgerRow &r : std::as_const(*expected)) {
            const int row = model->rowOf(r.finding.id);
            QVERIFY(row >= 0);
            QCOMPARE(value(*model, row, LedgerModel::TitleRole).toString(), r.finding.title);
            QCOMPARE(value(*model, row, LedgerModel::StatusRole).toInt(), int(r.finding.status));
            QCOMPARE(value(*model, row, LedgerModel::DeductionRole).toDouble(),
                     r.finding.deduction);
            QCOMPARE(value(*model, row, LedgerModel::DueDateRole).toDate(), r.finding.dueDate);
            QCOMPARE(value(*model, row, LedgerModel::UnitNameRole).toString(), r.unitName);
            QCOMPARE(value(*model, row, LedgerModel::OverdueRole).toBool(), r.overdue);
        }
    }

    void editsDuringTheBackgroundReadAreKept() {
        std::unique_ptr<LedgerModel> model(makeModel());
        Tester tester(model.get(), Report);
        model->setStatusFilter(int(FindingStatus::Open));
        QVERIFY(model->isLoading());
        // Written here while the reader works: whether its read saw them or not, they are in
        // the rows once the round is.
        auto added = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[0],
                                      QStringLiteral("读取时新增"), 1);
        FL_VERIFY_OK(added);
        const QString renamed = m_findings[6].id; // open
        FL_VERIFY_OK(m_fx.inspection().updateFinding(
            renamed, QCborMap{{QLatin1String(fieldkey::Title), QStringLiteral("读取时改名")}}));
        QVERIFY(roundIn(*model));
        QVERIFY(model->rowOf(added->id) >= 0);
        QCOMPARE(value(*model, model->rowOf(renamed), LedgerModel::TitleRole).toString(),
                 QStringLiteral("读取时改名"));
        FL_VERIFY_OK(m_fx.inspection().remove(added->id));
        QCOMPARE(model->rowOf(added->id), -1);
    }

    void lockingDuringTheReadDropsIt() {
        std::unique_ptr<LedgerModel> model(makeModel());
        Tester tester(model.get(), Report);
        model->setStatusFilter(int(FindingStatus::Closed));
        QVERIFY(model->isLoading());
        m_fx.services().lock();
        QVERIFY(!model->isLoading());
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(readerIdle()); // the ledger's answer came and was dropped
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!model->allLoaded());
        QVERIFY(m_fx.unlock());
        QVERIFY(roundIn(*model));
        QCOMPARE(model->rowCount(), 12);
    }

    void pagesReadAheadAreTheStoresAndFollowEdits() {
        std::unique_ptr<LedgerModel> model(makeModel());
        QCOMPARE(model->rowCount(), 50);
        // The next page is read ahead in the background; once it is in, fetchMore uses it.
        QVERIFY(readerIdle());
        model->fetchMore({});
        QCOMPARE(model->rowCount(), 100);
        for (int i = 50; i < 100; ++i)
            QCOMPARE(value(*model, i, LedgerModel::FindingIdRole).toString(), m_findings[i].id);
        // A finding of the page read ahead changes after it was read: what shows is the edit.
        QVERIFY(readerIdle());
        FL_VERIFY_OK(m_fx.inspection().updateFinding(
            m_findings[110].id,
            QCborMap{{QLatin1String(fieldkey::Title), QStringLiteral("预读之后改的")}}));
        model->fetchMore({});
        QCOMPARE(model->rowCount(), 120);
        QCOMPARE(value(*model, 110, LedgerModel::TitleRole).toString(),
                 QStringLiteral("预读之后改的"));
        QCOMPARE(value(*model, 119, LedgerModel::FindingIdRole).toString(), m_findings[119].id);
        QVERIFY(!model->canFetchMore({}));
    }
};

QTEST_GUILESS_MAIN(TstLedgerModel)
#include "tst_ledgermodel.moc"
