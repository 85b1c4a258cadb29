#include "store/inspection.h"
#include "storetestsupport.h"

#include <QtTest>

#include <cmath>

using namespace fl;
using namespace fl::test;

namespace {

/// RFC 4180 parsing, independent of the writer: quoted cells may hold , " and line breaks.
/// Read as leniently as a spreadsheet program does.
QList<QStringList> parseCsv(const QByteArray &bytes) {
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    bool cellStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    cell += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"') && !cellStarted) {
            quoted = true;
            cellStarted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(cell);
            cell.clear();
            cellStarted = false;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            // Spreadsheets end a row at any unquoted line break, not only at CR LF.
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
            cellStarted = false;
            if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('\n'))
                ++i;
        } else {
            cell += c;
            cellStarted = true;
        }
    }
    if (cellStarted || !row.isEmpty()) {
        row.append(cell);
        rows.append(row);
    }
    return rows;
}

QStringList keysOf(const QCborMap &m) {
    QStringList keys;
    for (auto it = m.constBegin(); it != m.constEnd(); ++it)
        keys.append(it.key().toString());
    keys.sort();
    return keys;
}

} // namespace

class TestInspection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createsCampaignWithItsKey();
    void invalidCampaignWritesNothing();
    void checklistIsOrderedByLevelThenNaturalCode();
    void capturesUnitVisitAndFindings();
    void findingValidationErrorsWriteNothing_data();
    void findingValidationErrorsWriteNothing();
    void visitOfAnUnknownUnitIsNotFound();
    void updateFindingWritesOnlyChangedFields();
    void updateFindingWithNoRealChangeWritesNothing();
    void updateFindingRefusesStatusAndBadValues();
    void transitionsFollowTheLifecycleAndRecordHistory();
    void illegalTransitionFailsAndWritesNothing();
    void transitionWithoutActorOrVerificationNoteFails();
    void visitScoreCapsDeductionsPerItem();
    void unitScoreCombinesAllVisitsOfTheUnit();
    void deletedFindingsDoNotCount();
    void rectificationRatesCountClosedFindings();
    void ledgerFlagsOverdueOpenFindings();
    void ledgerCsvQuotesNeutralisesAndKeepsChinese();

private:
    /// A campaign with 4 checklist items on three levels, 2 units, 3 visits, 7 findings.
    void buildFixture();
    Finding makeFinding(const QString &visitId, int item, double deduction,
                        const QString &title) const;
    QString addFinding(const QString &visitId, int item, double deduction, const QString &title,
                       const QDate &due = {});
    void closeFinding(const QString &id);
    [[nodiscard]] int journal() const { return journalLength(m_dev->store()); }

    std::unique_ptr<Device> m_dev;
    std::unique_ptr<Inspection> m_insp;
    Campaign m_campaign;
    QList<ChecklistItem> m_items; // 1.1 (max 5), 1.2 (max 2), 2.1 (max 3), 3.1 (max 10)
    Unit m_unit1, m_unit2;
    Visit m_v1, m_v2, m_v3; // v1, v2 at unit 1; v3 at unit 2
    QStringList m_findings; // f1..f7
};

void TestInspection::init() {
    m_dev = std::make_unique<Device>();
    auto r = m_dev->create();
    FL_VERIFY_OK(r);
    m_insp = std::make_unique<Inspection>(m_dev->store());
    m_items.clear();
    m_findings.clear();
}

void TestInspection::cleanup() {
    m_insp.reset();
    m_dev.reset();
}

void TestInspection::buildFixture() {
    Campaign c;
    c.name = QStringLiteral("2024年第一轮督查");
    c.startDate = QDate(2024, 3, 1);
    c.endDate = QDate(2024, 6, 30);
    auto campaign = m_insp->createCampaign(c);
    FL_VERIFY_OK(campaign);
    m_campaign = *campaign;

    const struct {
        Level level;
        const char *code;
        double max;
    } items[] = {{Level::PartyGroup, "1.1", 5},
                 {Level::PartyGroup, "1.2", 2},
                 {Level::OrganCommittee, "2.1", 3},
                 {Level::Grassroots, "3.1", 10}};
    for (const auto &i : items) {
        ChecklistItem item;
        item.campaignId = m_campaign.id;
        item.level = i.level;
        item.code = QLatin1String(i.code);
        item.text = QStringLiteral("检查项 ") + item.code;
        item.maxDeduction = i.max;
        auto added = m_insp->addChecklistItem(item);
        FL_VERIFY_OK(added);
        m_items.append(*added);
    }

    Unit u;
    u.campaignId = m_campaign.id;
    u.name = QStringLiteral("市交通局, 北区");
    auto u1 = m_insp->createUnit(u);
    QVERIFY(u1);
    m_unit1 = *u1;
    u.name = QStringLiteral("市水务局");
    auto u2 = m_insp->createUnit(u);
    QVERIFY(u2);
    m_unit2 = *u2;

    const auto visit = [&](const Unit &unit, const QDate &date) {
        Visit v;
        v.unitId = unit.id;
        v.date = date;
        v.team = QStringList{QStringLiteral("张三"), QStringLiteral("李四")};
        auto created = m_insp->createVisit(v);
        if (!created)
            qWarning() << errorText(created.error());
        return created ? *created : Visit{};
    };
    m_v1 = visit(m_unit1, QDate(2024, 3, 10));
    m_v2 = visit(m_unit1, QDate(2024, 4, 2));
    m_v3 = visit(m_unit2, QDate(2024, 3, 15));
    QVERIFY(!m_v1.id.isEmpty() && !m_v2.id.isEmpty() && !m_v3.id.isEmpty());
    QCOMPARE(m_v1.campaignId, m_campaign.id);

    m_findings = {
        addFinding(m_v1.id, 0, 4, QStringLiteral("f1"), QDate(2024, 4, 1)),
        addFinding(m_v1.id, 0, 3, QStringLiteral("f2"), QDate(2024, 4, 1)),
        addFinding(m_v1.id, 2, 2, QStringLiteral("f3"), QDate(2024, 5, 1)),
        addFinding(m_v2.id, 0, 1, QStringLiteral("f4")),
        addFinding(m_v2.id, 2, 2, QStringLiteral("f5"), QDate(2024, 6, 1)),
        addFinding(m_v2.id, 3, 6, QStringLiteral("f6"), QDate(2024, 4, 30)),
        addFinding(m_v3.id, 1, 2, QStringLiteral("f7"), QDate(2024, 3, 20)),
    };
    for (const QString &id : std::as_const(m_findings))
        QVERIFY(!id.isEmpty());
}

Finding TestInspection::makeFinding(const QString &visitId, int item, double deduction,
                                    const QString &title) const {
    Finding f;
    f.visitId = visitId;
    f.checklistItemId = m_items.value(item).id;
    f.level = m_items.value(item).level;
    f.deduction = deduction;
    f.title = title;
    f.description = QStringLiteral("详情");
    f.severity = Severity::Moderate;
    return f;
}

QString TestInspection::addFinding(const QString &visitId, int item, double deduction,
                                   const QString &title, const QDate &due) {
    Finding f = makeFinding(visitId, item, deduction, title);
    f.dueDate = due;
    auto created = m_insp->createFinding(f);
    if (!created) {
        qWarning() << errorText(created.error());
        return {};
    }
    return created->id;
}

void TestInspection::closeFinding(const QString &id) {
    using lifecycle::Action;
    const QString actor = QStringLiteral("王五");
    QVERIFY(m_insp->transition(id, Action::StartRectification, actor, {}));
    QVERIFY(m_insp->transition(id, Action::SubmitForVerification, actor, {}));
    QVERIFY(m_insp->transition(id, Action::VerifyPassed, actor, QStringLiteral("checked")));
}

void TestInspection::createsCampaignWithItsKey() {
    Campaign c;
    c.name = QStringLiteral("Round 1");
    c.baseScore[1] = 80;
    auto created = m_insp->createCampaign(c);
    FL_VERIFY_OK(created);
    QVERIFY(!created->id.isEmpty());
    QVERIFY(m_dev->store().hasCampaignKey(created->id));
    auto read = m_insp->campaign(created->id);
    QVERIFY(read);
    QCOMPARE(*read, *created);
    QCOMPARE(read->baseScore[1], 80.0);
    auto rec = m_dev->store().get(created->id);
    QCOMPARE(rec->campaignId, created->id); // a campaign record lives in its own campaign
    QCOMPARE(m_insp->campaigns()->size(), 1);
}

void TestInspection::invalidCampaignWritesNothing() {
    Campaign c;
    c.name = QStringLiteral("  ");
    auto r = m_insp->createCampaign(c);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Validation);
    c.name = QStringLiteral("x");
    c.startDate = QDate(2024, 5, 1);
    c.endDate = QDate(2024, 4, 1);
    r = m_insp->createCampaign(c);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Validation);
    QCOMPARE(journal(), 0);
    QVERIFY(m_insp->campaigns()->isEmpty());
}

void TestInspection::checklistIsOrderedByLevelThenNaturalCode() {
    Campaign c;
    c.name = QStringLiteral("Round");
    auto campaign = m_insp->createCampaign(c);
    QVERIFY(campaign);
    const struct {
        Level level;
        const char *code;
    } items[] = {{Level::Grassroots, "3.1"},
                 {Level::PartyGroup, "1.10"},
                 {Level::OrganCommittee, "2.1"},
                 {Level::PartyGroup, "1.2"},
                 {Level::PartyGroup, "1.9"}};
    for (const auto &i : items) {
        ChecklistItem item;
        item.campaignId = campaign->id;
        item.level = i.level;
        item.code = QLatin1String(i.code);
        item.text = QStringLiteral("t");
        item.maxDeduction = 1;
        QVERIFY(m_insp->addChecklistItem(item));
    }
    QStringList codes;
    const QList<ChecklistItem> checklist = *m_insp->checklist(campaign->id);
    for (const ChecklistItem &i : checklist)
        codes.append(i.code);
    QCOMPARE(codes,
             (QStringList{QStringLiteral("1.2"), QStringLiteral("1.9"), QStringLiteral("1.10"),
                          QStringLiteral("2.1"), QStringLiteral("3.1")}));

    // An item of a campaign that does not exist is refused.
    ChecklistItem orphan;
    orphan.campaignId = QStringLiteral("no-such-campaign");
    orphan.code = QStringLiteral("9.9");
    orphan.text = QStringLiteral("t");
    orphan.maxDeduction = 1;
    const int before = journal();
    auto r = m_insp->addChecklistItem(orphan);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::NotFound);
    QCOMPARE(journal(), before);
}

void TestInspection::capturesUnitVisitAndFindings() {
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_insp->checklist(m_campaign.id)->size(), 4);
    QCOMPARE(m_insp->units(m_campaign.id)->size(), 2);
    QCOMPARE(m_insp->visits(m_campaign.id)->size(), 3);
    auto v1 = m_insp->visit(m_v1.id);
    QVERIFY(v1);
    QCOMPARE(*v1, m_v1);
    QCOMPARE(m_dev->store().get(m_v1.id)->parentId, m_unit1.id);

    RecordFilter byVisit;
    byVisit.parentId = m_v1.id;
    auto findings = m_insp->findings(byVisit);
    QVERIFY(findings);
    QCOMPARE(findings->size(), 3);
    QCOMPARE(findings->at(0).id, m_findings[0]);
    QCOMPARE(findings->at(0).title, QStringLiteral("f1"));
    QCOMPARE(findings->at(0).visitId, m_v1.id);
    QCOMPARE(toString(findings->at(0).status), toString(FindingStatus::Open));
    QCOMPARE(findings->at(0).dueDate, QDate(2024, 4, 1));
    RecordFilter byCampaign;
    byCampaign.campaignId = m_campaign.id;
    QCOMPARE(m_insp->findings(byCampaign)->size(), 7);
    QCOMPARE(m_insp->findings(byCampaign, 5, 10)->size(), 2);

    // A finding of another type asked for by id is not a finding.
    auto notAFinding = m_insp->finding(m_v1.id);
    QVERIFY(!notAFinding);
    QCOMPARE(notAFinding.error().code, ErrorCode::NotFound);
}

void TestInspection::findingValidationErrorsWriteNothing_data() {
    QTest::addColumn<int>("item");
    QTest::addColumn<double>("deduction");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QDate>("due");
    QTest::addColumn<bool>("wrongLevel");

    QTest::newRow("deduction over the item maximum")
        << 1 << 2.5 << QStringLiteral("t") << QDate() << false;
    QTest::newRow("negative deduction") << 0 << -1.0 << QStringLiteral("t") << QDate() << false;
    QTest::newRow("due date before the visit")
        << 0 << 1.0 << QStringLiteral("t") << QDate(2024, 3, 9) << false;
    QTest::newRow("missing title") << 0 << 1.0 << QStringLiteral("   ") << QDate() << false;
    QTest::newRow("level differs from the item")
        << 0 << 1.0 << QStringLiteral("t") << QDate() << true;
}

void TestInspection::findingValidationErrorsWriteNothing() {
    QFETCH(int, item);
    QFETCH(double, deduction);
    QFETCH(QString, title);
    QFETCH(QDate, due);
    QFETCH(bool, wrongLevel);
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    const int before = journal();
    Finding f = makeFinding(m_v1.id, item, deduction, title);
    f.dueDate = due;
    if (wrongLevel)
        f.level = Level::Grassroots;
    auto r = m_insp->createFinding(f);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Validation);
    QVERIFY(!r.error().message.isEmpty());
    QCOMPARE(journal(), before);
    RecordFilter byVisit;
    byVisit.parentId = m_v1.id;
    QCOMPARE(m_insp->findings(byVisit)->size(), 3);

    // The same finding made valid is accepted: the rule, not the fixture, refused it.
    f = makeFinding(m_v1.id, item, 1, QStringLiteral("valid"));
    QVERIFY(m_insp->createFinding(f));
    QCOMPARE(journal(), before + 1);
}

void TestInspection::visitOfAnUnknownUnitIsNotFound() {
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    const int before = journal();
    Visit v;
    v.unitId = QStringLiteral("no-such-unit");
    v.date = QDate(2024, 3, 1);
    auto r = m_insp->createVisit(v);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::NotFound);
    Finding f = makeFinding(QStringLiteral("no-such-visit"), 0, 1, QStringLiteral("t"));
    auto rf = m_insp->createFinding(f);
    QVERIFY(!rf);
    QCOMPARE(rf.error().code, ErrorCode::NotFound);
    QCOMPARE(journal(), before);
}

void TestInspection::updateFindingWritesOnlyChangedFields() {
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    const QString id = m_findings[2];
    const int before = journal();
    auto r = m_insp->updateFinding(
        id, {{QLatin1String(fieldkey::Title), QStringLiteral("新标题")},
             {QLatin1String(fieldkey::Description), QStringLiteral("详情")}, // unchanged
             {QLatin1String(fieldkey::Deduction), 3.0}});
    FL_VERIFY_OK(r);
    QCOMPARE(r->title, QStringLiteral("新标题"));
    QCOMPARE(journal(), before + 1);
    const JournalEntry e = m_dev->store().journal(id, 1)->first();
    QCOMPARE(keysOf(e.values),
             (QStringList{QLatin1String(fieldkey::Deduction), QLatin1String(fieldkey::Title)}));
    QCOMPARE(e.values.value(QLatin1String(fieldkey::Title)).toString(), QStringLiteral("新标题"));
    auto read = m_insp->finding(id);
    QCOMPARE(read->title, QStringLiteral("新标题"));
    QCOMPARE(read->deduction, 3.0);
    QCOMPARE(read->description, QStringLiteral("详情"));

    // Clearing the due date travels as a null in its own field.
    r = m_insp->updateFinding(id, {{QLatin1String(fieldkey::DueDate), QCborValue(nullptr)}});
    FL_VERIFY_OK(r);
    const JournalEntry cleared = m_dev->store().journal(id, 1)->first();
    QCOMPARE(keysOf(cleared.values), QStringList{QLatin1String(fieldkey::DueDate)});
    QVERIFY(!m_insp->finding(id)->dueDate.isValid());
}

void TestInspection::updateFindingWithNoRealChangeWritesNothing() {
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    const int before = journal();
    auto r = m_insp->updateFinding(m_findings[0],
                                   {{QLatin1String(fieldkey::Title), QStringLiteral("f1")}});
    QVERIFY(r);
    QCOMPARE(journal(), before);
}

void TestInspection::updateFindingRefusesStatusAndBadValues() {
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    const QString id = m_findings[0];
    const int before = journal();
    auto r =
        m_insp->updateFinding(id, {{QLatin1String(fieldkey::Status), QStringLiteral("closed")}});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Validation);
    r = m_insp->updateFinding(id, {{QLatin1String(fieldkey::Status), QStringLiteral("closed")},
                                   {QLatin1String(fieldkey::Title), QStringLiteral("x")}});
    QVERIFY(!r);
    // Deduction over item 1.1's maximum of 5.
    r = m_insp->updateFinding(id, {{QLatin1String(fieldkey::Deduction), 6.0}});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Validation);
    r = m_insp->updateFinding(id, {{QLatin1String(fieldkey::Title), QString()}});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Validation);
    r = m_insp->updateFinding(id, {{QStringLiteral("no_such_field"), 1}});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Validation);
    r = m_insp->updateFinding(id, {{QLatin1String(fieldkey::VisitId), m_v2.id}});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Validation);
    QCOMPARE(journal(), before);
    const Finding f = *m_insp->finding(id);
    QCOMPARE(toString(f.status), toString(FindingStatus::Open));
    QCOMPARE(f.title, QStringLiteral("f1"));
    QCOMPARE(f.deduction, 4.0);
}

void TestInspection::transitionsFollowTheLifecycleAndRecordHistory() {
    using lifecycle::Action;
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    const QString id = m_findings[1];
    const struct {
        Action action;
        FindingStatus from;
        FindingStatus to;
        const char *actor;
        const char *note;
    } steps[] = {
        {Action::StartRectification, FindingStatus::Open, FindingStatus::Rectifying, "单位联络员",
         "已接收"},
        {Action::SubmitForVerification, FindingStatus::Rectifying,
         FindingStatus::AwaitingVerification, "单位联络员", "已整改"},
        {Action::VerifyFailed, FindingStatus::AwaitingVerification, FindingStatus::Rectifying,
         "督查组", "仍有问题"},
        {Action::SubmitForVerification, FindingStatus::Rectifying,
         FindingStatus::AwaitingVerification, "单位联络员", "再次提交"},
        {Action::VerifyPassed, FindingStatus::AwaitingVerification, FindingStatus::Closed, "督查组",
         "现场核实通过"},
    };
    int expectedJournal = journal();
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1);
    for (const auto &s : steps) {
        auto r = m_insp->transition(id, s.action, QString::fromUtf8(s.actor),
                                    QString::fromUtf8(s.note), {QStringLiteral("photo-1")});
        FL_VERIFY_OK(r);
        QCOMPARE(toString(r->status), toString(s.to));
        QCOMPARE(toString(m_insp->finding(id)->status), toString(s.to));
        // One transaction: the finding's status and the Transition record.
        expectedJournal += 2;
        QCOMPARE(journal(), expectedJournal);
        const JournalEntry statusChange = m_dev->store().journal(id, 1)->first();
        QCOMPARE(keysOf(statusChange.values), QStringList{QLatin1String(fieldkey::Status)});
        QCOMPARE(statusChange.values.value(QLatin1String(fieldkey::Status)).toString(),
                 toString(s.to));
    }

    auto history = m_insp->history(id);
    QVERIFY(history);
    QCOMPARE(history->size(), qsizetype(std::size(steps)));
    for (int i = 0; i < history->size(); ++i) {
        const Transition &t = history->at(i);
        QCOMPARE(t.findingId, id);
        QCOMPARE(toString(t.from), toString(steps[i].from));
        QCOMPARE(toString(t.to), toString(steps[i].to));
        QCOMPARE(t.actor, QString::fromUtf8(steps[i].actor));
        QCOMPARE(t.note, QString::fromUtf8(steps[i].note));
        QCOMPARE(t.evidencePhotoIds, QStringList{QStringLiteral("photo-1")});
        QVERIFY(t.at.isValid());
        QVERIFY(t.at >= start);
    }
    // Other findings have no history.
    QVERIFY(m_insp->history(m_findings[0])->isEmpty());
}

void TestInspection::illegalTransitionFailsAndWritesNothing() {
    using lifecycle::Action;
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    const QString id = m_findings[0];
    const int before = journal();
    for (Action a : {Action::VerifyPassed, Action::VerifyFailed, Action::SubmitForVerification}) {
        auto r = m_insp->transition(id, a, QStringLiteral("督查组"), QStringLiteral("note"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Validation);
    }
    QCOMPARE(journal(), before);
    QCOMPARE(toString(m_insp->finding(id)->status), toString(FindingStatus::Open));
    QVERIFY(m_insp->history(id)->isEmpty());

    // A closed finding is final.
    closeFinding(id);
    const int closed = journal();
    auto again = m_insp->transition(id, Action::StartRectification, QStringLiteral("x"), {});
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Validation);
    QCOMPARE(journal(), closed);

    // Not a finding at all.
    auto wrong = m_insp->transition(m_v1.id, Action::StartRectification, QStringLiteral("x"), {});
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::NotFound);
    QCOMPARE(journal(), closed);
}

void TestInspection::transitionWithoutActorOrVerificationNoteFails() {
    using lifecycle::Action;
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    const QString id = m_findings[0];
    const int before = journal();
    auto r = m_insp->transition(id, Action::StartRectification, QString(), QStringLiteral("n"));
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Validation);
    QCOMPARE(journal(), before);

    QVERIFY(m_insp->transition(id, Action::StartRectification, QStringLiteral("a"), {}));
    QVERIFY(m_insp->transition(id, Action::SubmitForVerification, QStringLiteral("a"), {}));
    const int submitted = journal();
    r = m_insp->transition(id, Action::VerifyPassed, QStringLiteral("督查组"), QString());
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Validation);
    QCOMPARE(journal(), submitted);
    QCOMPARE(toString(m_insp->finding(id)->status), toString(FindingStatus::AwaitingVerification));
}

void TestInspection::visitScoreCapsDeductionsPerItem() {
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    // v1: item 1.1 gets 4 + 3 = 7, capped at 5; item 2.1 gets 2.
    auto s = m_insp->visitScore(m_v1.id);
    FL_VERIFY_OK(s);
    QCOMPARE(s->base[0], 100.0);
    QCOMPARE(s->deducted[0], 5.0);
    QCOMPARE(s->deducted[1], 2.0);
    QCOMPARE(s->deducted[2], 0.0);
    QCOMPARE(s->score[0], 95.0);
    QCOMPARE(s->score[1], 98.0);
    QCOMPARE(s->score[2], 100.0);
    QCOMPARE(s->totalBase, 300.0);
    QCOMPARE(s->totalDeducted, 7.0);
    QCOMPARE(s->total, 293.0);
    QCOMPARE(s->items.size(), 2);
    QCOMPARE(s->items[0].checklistItemId, m_items[0].id);
    QCOMPARE(s->items[0].raw, 7.0);
    QCOMPARE(s->items[0].capped, 5.0);
    QCOMPARE(s->items[0].findingCount, 2);
    QCOMPARE(s->items[1].checklistItemId, m_items[2].id);
    QCOMPARE(s->items[1].capped, 2.0);

    // v2: 1.1 → 1, 2.1 → 2, 3.1 → 6.
    auto s2 = m_insp->visitScore(m_v2.id);
    QVERIFY(s2);
    QCOMPARE(s2->score[0], 99.0);
    QCOMPARE(s2->score[1], 98.0);
    QCOMPARE(s2->score[2], 94.0);
    QCOMPARE(s2->total, 291.0);
}

void TestInspection::unitScoreCombinesAllVisitsOfTheUnit() {
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    // Unit 1 (v1 + v2): 1.1 → 4+3+1 = 8 capped 5; 2.1 → 2+2 = 4 capped 3; 3.1 → 6.
    auto s = m_insp->unitScore(m_unit1.id);
    FL_VERIFY_OK(s);
    QCOMPARE(s->deducted[0], 5.0);
    QCOMPARE(s->deducted[1], 3.0);
    QCOMPARE(s->deducted[2], 6.0);
    QCOMPARE(s->score[0], 95.0);
    QCOMPARE(s->score[1], 97.0);
    QCOMPARE(s->score[2], 94.0);
    QCOMPARE(s->total, 286.0);
    QCOMPARE(s->items.size(), 3);
    QCOMPARE(s->items[1].raw, 4.0);
    QCOMPARE(s->items[1].findingCount, 2);

    // Unit 2 (v3): 1.2 → 2.
    auto s2 = m_insp->unitScore(m_unit2.id);
    QVERIFY(s2);
    QCOMPARE(s2->score[0], 98.0);
    QCOMPARE(s2->total, 298.0);
}

void TestInspection::deletedFindingsDoNotCount() {
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_insp->remove(m_findings[5])); // f6, 3.1 → 6 on v2
    auto s = m_insp->unitScore(m_unit1.id);
    QVERIFY(s);
    QCOMPARE(s->score[2], 100.0);
    QCOMPARE(s->total, 292.0);
    QCOMPARE(m_insp->visitScore(m_v2.id)->total, 297.0);
    auto f = m_insp->finding(m_findings[5]);
    QVERIFY(!f);
    QCOMPARE(f.error().code, ErrorCode::NotFound);
    QCOMPARE(m_insp->campaignRate(m_campaign.id)->total, 6);
}

void TestInspection::rectificationRatesCountClosedFindings() {
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    auto none = m_insp->campaignRate(m_campaign.id);
    QVERIFY(none);
    QCOMPARE(none->closed, 0);
    QCOMPARE(none->total, 7);
    QCOMPARE(none->rate, 0.0);

    closeFinding(m_findings[0]); // unit 1
    closeFinding(m_findings[6]); // unit 2
    // Rectifying or awaiting verification is not closed.
    QVERIFY(m_insp->transition(m_findings[1], lifecycle::Action::StartRectification,
                               QStringLiteral("a"), {}));

    auto campaign = m_insp->campaignRate(m_campaign.id);
    QCOMPARE(campaign->closed, 2);
    QCOMPARE(campaign->total, 7);
    QVERIFY(std::abs(campaign->rate - 2.0 / 7.0) < 1e-12);
    auto unit1 = m_insp->unitRate(m_unit1.id);
    QCOMPARE(unit1->closed, 1);
    QCOMPARE(unit1->total, 6);
    QVERIFY(std::abs(unit1->rate - 1.0 / 6.0) < 1e-12);
    auto unit2 = m_insp->unitRate(m_unit2.id);
    QCOMPARE(unit2->closed, 1);
    QCOMPARE(unit2->total, 1);
    QCOMPARE(unit2->rate, 1.0);
    auto unknown = m_insp->unitRate(QStringLiteral("no-such-unit"));
    QVERIFY(!unknown);
}

void TestInspection::ledgerFlagsOverdueOpenFindings() {
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    closeFinding(m_findings[0]); // due 2024-04-01 but closed
    const QDate today(2024, 5, 1);
    auto ledger = m_insp->ledger(m_campaign.id, today);
    FL_VERIFY_OK(ledger);
    QCOMPARE(ledger->size(), 7);
    QHash<QString, LedgerRow> byId;
    QStringList order;
    for (const LedgerRow &row : *ledger) {
        byId.insert(row.finding.id, row);
        order.append(row.finding.id);
    }
    QCOMPARE(order, m_findings); // oldest first

    QVERIFY(!byId[m_findings[0]].overdue); // closed
    QVERIFY(byId[m_findings[1]].overdue);  // due 04-01, open
    QVERIFY(!byId[m_findings[2]].overdue); // due today
    QVERIFY(!byId[m_findings[3]].overdue); // no due date
    QVERIFY(!byId[m_findings[4]].overdue); // due 06-01
    QVERIFY(byId[m_findings[5]].overdue);  // due 04-30
    QVERIFY(byId[m_findings[6]].overdue);  // due 03-20

    const LedgerRow &r = byId[m_findings[4]];
    QCOMPARE(r.unitId, m_unit1.id);
    QCOMPARE(r.unitName, m_unit1.name);
    QCOMPARE(r.visitDate, m_v2.date);
    QCOMPARE(r.itemCode, QStringLiteral("2.1"));
    QCOMPARE(byId[m_findings[6]].unitName, QStringLiteral("市水务局"));

    // Still rectifying is still overdue; a later "today" makes more rows overdue.
    auto later = m_insp->ledger(m_campaign.id, QDate(2024, 7, 1));
    int overdue = 0;
    for (const LedgerRow &row : *later)
        overdue += row.overdue ? 1 : 0;
    QCOMPARE(overdue, 5); // all with a due date except the closed one
}

void TestInspection::ledgerCsvQuotesNeutralisesAndKeepsChinese() {
    buildFixture();
    if (QTest::currentTestFailed())
        return;
    const QString tricky = QStringLiteral("Leaks, \"badly\"\nroom 3");
    const QString formula = QStringLiteral("=HYPERLINK(\"http://evil\")");
    const QString chinese = QStringLiteral("消防通道被占用");
    const QString twoLines = QStringLiteral("第一行\n第二行"); // a line break alone needs quotes
    QVERIFY(m_insp->updateFinding(m_findings[0], {{QLatin1String(fieldkey::Title), tricky}}));
    QVERIFY(m_insp->updateFinding(m_findings[1], {{QLatin1String(fieldkey::Title), formula}}));
    QVERIFY(m_insp->updateFinding(m_findings[2], {{QLatin1String(fieldkey::Title), chinese}}));
    QVERIFY(m_insp->updateFinding(m_findings[4], {{QLatin1String(fieldkey::Title), twoLines}}));
    QVERIFY(m_insp->updateFinding(
        m_findings[3], {{QLatin1String(fieldkey::ResponsibleParty), QStringLiteral("-1+2")}}));
    auto ledger = m_insp->ledger(m_campaign.id, QDate(2024, 5, 1));
    QVERIFY(ledger);
    const QByteArray csv = ledgerToCsv(*ledger);

    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    QVERIFY(csv.contains(chinese.toUtf8()));
    QVERIFY(csv.contains(m_unit2.name.toUtf8()));
    const QList<QStringList> rows = parseCsv(csv.mid(3));
    QCOMPARE(rows.size(), 1 + 7);
    const QStringList header = rows.first();
    QCOMPARE(header.size(), 12);
    QCOMPARE(header.first(), QStringLiteral("finding_id"));
    const int titleCol = int(header.indexOf(QStringLiteral("title")));
    const int unitCol = int(header.indexOf(QStringLiteral("unit")));
    const int overdueCol = int(header.indexOf(QStringLiteral("overdue")));
    const int partyCol = int(header.indexOf(QStringLiteral("responsible_party")));
    QVERIFY(titleCol >= 0 && unitCol >= 0 && overdueCol >= 0 && partyCol >= 0);
    for (int i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows[i].size(), 12);
        QCOMPARE(rows[i].first(), m_findings[i - 1]);
    }
    QCOMPARE(rows[1][titleCol], tricky); // comma, quotes and newline survive the round trip
    QCOMPARE(rows[1][unitCol], m_unit1.name);
    // A formula is neutralised: it no longer starts with '=' but keeps its text.
    QVERIFY(!rows[2][titleCol].startsWith(QLatin1Char('=')));
    QVERIFY(rows[2][titleCol].endsWith(formula));
    QVERIFY(!rows[4][partyCol].startsWith(QLatin1Char('-')));
    QVERIFY(rows[4][partyCol].endsWith(QStringLiteral("-1+2")));
    QCOMPARE(rows[3][titleCol], chinese);
    QCOMPARE(rows[5][titleCol], twoLines);
    QCOMPARE(rows[2][overdueCol], QStringLiteral("yes"));
    QCOMPARE(rows[3][overdueCol], QStringLiteral("no"));

    // The raw bytes quote the tricky cell RFC 4180 style.
    QVERIFY(csv.contains("\"Leaks, \"\"badly\"\"\nroom 3\""));
    QVERIFY(ledgerToCsv({}).startsWith("\xEF\xBB\xBF"
                                       "finding_id,"));
    QCOMPARE(parseCsv(ledgerToCsv({}).mid(3)).size(), 1);
}

QTEST_GUILESS_MAIN(TestInspection)
#include "tst_inspection.moc"
