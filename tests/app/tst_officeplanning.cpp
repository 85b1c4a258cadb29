// OfficePlanning, the office console's planning, over a real store and the real
// fieldledger-server: a round, its checklist, a unit and visits written offline with the
// domain's refusals in its words; then, enrolled as an office, an enrolment code issued through
// the controller enrols a second device (fieldledger-cli), the round is shared with it and that
// device reads the round, its unit and its visit after its sync.
#include "../integration/clirunner.h"
#include "../server/servertestsupport.h"
#include "apptestsupport.h"
#include "domain/validation.h"
#include "officeplanning.h"
#include "syncstatus.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace fl;
using namespace fl::app;

namespace {

const QByteArray TabletPass = "second tablet passphrase\n";

QString validationMessage(const auto &record) {
    const auto r = validation::validate(record);
    return r ? QString() : r.error().message;
}

QVariantMap rowWith(const QVariantList &rows, const QString &key, const QString &value) {
    for (const QVariant &row : rows) {
        if (row.toMap().value(key).toString() == value)
            return row.toMap();
    }
    return {};
}

} // namespace

class TstOfficePlanning : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plansOfflineWithTheDomainsRefusals();
    void serverPartsNeedAnEnrolledOfficeDevice();
    void issuedCodeEnrolsATabletThatReceivesTheSharedRound();
};

void TstOfficePlanning::plansOfflineWithTheDomainsRefusals() {
    test::AppFixture fx;
    QVERIFY(fx.start());
    OfficePlanning planning;
    QSignalSpy records(&planning, &OfficePlanning::recordsChanged);
    planning.setServices(&fx.services());
    QVERIFY(planning.campaigns().isEmpty());
    QCOMPARE(planning.levelNames().size(), LevelCount);

    // Refused: the domain's words, nothing written.
    Campaign unnamed;
    QCOMPARE(planning.createCampaign(QStringLiteral("  "), {}, {}, "100", "100", "100"),
             validationMessage(unnamed));
    Campaign backwards;
    backwards.name = QStringLiteral("第五轮");
    backwards.startDate = QDate(2026, 12, 31);
    backwards.endDate = QDate(2026, 12, 1);
    QCOMPARE(
        planning.createCampaign(backwards.name, "2026-12-31", "2026-12-01", "100", "100", "100"),
        validationMessage(backwards));
    QVERIFY(!planning.createCampaign(backwards.name, "31 Dec", {}, "100", "100", "100").isEmpty());
    const QString noNumber = planning.createCampaign(backwards.name, {}, {}, "100", "lots", "100");
    QVERIFY2(noNumber.contains(planning.levelNames().at(1)), qPrintable(noNumber));
    Campaign zeroBase = backwards;
    zeroBase.startDate = {};
    zeroBase.endDate = {};
    zeroBase.baseScore[2] = 0;
    QCOMPARE(planning.createCampaign(backwards.name, {}, {}, "100", "100", "0"),
             validationMessage(zeroBase));
    QVERIFY(fx.inspection().campaigns()->isEmpty());
    QCOMPARE(planning.addChecklistItem(0, "1.1", "x", "5"),
             OfficePlanning::tr("Create a round first: checklist items belong to a round."));

    // A round: it becomes the one planned.
    QCOMPARE(planning.createCampaign(QStringLiteral("第五轮"), "2026-12-01", "2027/1/31", "40",
                                     "30", "30"),
             QString());
    auto campaigns = fx.inspection().campaigns();
    QVERIFY(campaigns && campaigns->size() == 1);
    const Campaign round = campaigns->first();
    QCOMPARE(planning.campaignId(), round.id);
    QCOMPARE(round.endDate, QDate(2027, 1, 31));
    QCOMPARE(round.baseScore[0], 40.0);
    QCOMPARE(planning.campaigns().size(), 1);
    QVERIFY(records.count() > 0);

    // Checklist items: the maximum deduction is checked by the domain.
    QCOMPARE(planning.addChecklistItem(2, QStringLiteral("3.1"), QStringLiteral("“三会一课”落实"),
                                       QStringLiteral("5"), QStringLiteral("组织生活")),
             QString());
    ChecklistItem noMax;
    noMax.campaignId = round.id;
    noMax.code = QStringLiteral("1.1");
    noMax.text = QStringLiteral("学习");
    QCOMPARE(planning.addChecklistItem(0, noMax.code, noMax.text, QStringLiteral("0")),
             validationMessage(noMax));
    QCOMPARE(planning.addChecklistItem(0, noMax.code, noMax.text, QString()),
             validationMessage(noMax));
    QVERIFY(
        !planning.addChecklistItem(0, noMax.code, noMax.text, QStringLiteral("five")).isEmpty());
    QCOMPARE(planning.addChecklistItem(0, noMax.code, noMax.text, QStringLiteral("2.5")),
             QString());
    auto items = fx.inspection().checklist(round.id);
    QVERIFY(items && items->size() == 2);
    QCOMPARE(items->first().code, QStringLiteral("1.1")); // by level, then code
    QCOMPARE(items->first().maxDeduction, 2.5);
    QCOMPARE(int(items->last().level), int(Level::Grassroots));
    QCOMPARE(items->last().category, QStringLiteral("组织生活"));
    QCOMPARE(planning.checklist().size(), 2);
    QCOMPARE(planning.checklist().first().toMap().value("code").toString(), QStringLiteral("1.1"));

    // A unit, then visits to it with typed team names.
    QCOMPARE(planning.createUnit(QString()), validationMessage(Unit{}));
    QCOMPARE(planning.createUnit(QStringLiteral("省交通运输厅"), QStringLiteral("王处长")),
             QString());
    QCOMPARE(planning.units().size(), 1);
    const QString unitId = planning.units().first().toMap().value("unitId").toString();
    Visit noUnit;
    noUnit.date = QDate(2026, 12, 10);
    QCOMPARE(planning.createVisit(QString(), "2026-12-10", {}, {}), validationMessage(noUnit));
    Visit noDate;
    noDate.unitId = unitId;
    QCOMPARE(planning.createVisit(unitId, QString(), {}, {}), validationMessage(noDate));
    QCOMPARE(planning.createVisit(unitId, "2026-12-10", {}, QStringLiteral("张明、李华, 张明")),
             QString());
    auto visits = fx.inspection().visits(round.id);
    QVERIFY(visits && visits->size() == 1);
    QCOMPARE(visits->first().team, (QStringList{QStringLiteral("张明"), QStringLiteral("李华")}));
    QCOMPARE(visits->first().unitId, unitId);
    QCOMPARE(planning.visits().size(), 1);
    QCOMPARE(planning.visits().first().toMap().value("unitName").toString(),
             QStringLiteral("省交通运输厅"));
    // What the page lists: a title and a detail line per row.
    const QVariantMap listed = planning.visits().first().toMap();
    QVERIFY(listed.value("title").toString().startsWith(QStringLiteral("省交通运输厅")));
    QVERIFY(listed.value("detail").toString().contains(QStringLiteral("李华")));
    QVERIFY(planning.checklist().first().toMap().value("title").toString().contains("1.1"));

    // Every accepted write is one change set for the next sync (round, two items, unit,
    // visit); the refused ones left nothing.
    QCOMPARE(*fx.store().pendingCount(), 5);

    // Another round: chosen, the lists follow it.
    QCOMPARE(planning.createCampaign(QStringLiteral("第六轮"), {}, {}, "100", "100", "100"),
             QString());
    QCOMPARE(planning.campaigns().size(), 2);
    QVERIFY(planning.checklist().isEmpty());
    planning.setCampaignId(round.id);
    QCOMPARE(planning.checklist().size(), 2);
}

void TstOfficePlanning::serverPartsNeedAnEnrolledOfficeDevice() {
    test::AppFixture fx;
    QVERIFY(fx.start());
    OfficePlanning planning;
    planning.setServices(&fx.services());
    QVERIFY(!planning.isOfficeDevice());
    QVERIFY(!planning.serverNotice().isEmpty());

    QSignalSpy issued(&planning, &OfficePlanning::enrolCodeIssued);
    planning.issueEnrolCode(QStringLiteral("inspector"));
    QCOMPARE(issued.count(), 1); // refused at once: nothing to ask the server
    QCOMPARE(issued.first().first().toBool(), false);
    const auto [what, next] = SyncStatus::describe(sync::makeFailure(sync::SyncError::NotEnrolled));
    QCOMPARE(planning.serverError(), QStringLiteral("%1 %2").arg(what, next));
    QVERIFY(planning.enrolCode().isEmpty());
    QVERIFY(!planning.isBusy());

    QSignalSpy shared(&planning, &OfficePlanning::campaignShared);
    planning.shareCampaign({QStringLiteral("00112233445566778899aabbccddeeff")});
    QCOMPARE(shared.count(), 1);
    QCOMPARE(shared.first().first().toBool(), false);
    QVERIFY(!planning.serverError().isEmpty());
}

void TstOfficePlanning::issuedCodeEnrolsATabletThatReceivesTheSharedRound() {
    QTemporaryDir serverDir;
    QTemporaryDir tabletDir;
    const QStringList storage{QStringLiteral("--data"), serverDir.path()};
    fltest::ServerProcess server;
    QVERIFY(server.start(storage));
    const QString url = server.url().toString();

    // The office plans before it is enrolled (offline).
    test::AppFixture fx;
    QVERIFY(fx.start());
    OfficePlanning planning;
    planning.setServices(&fx.services());
    QCOMPARE(planning.createCampaign(QStringLiteral("第五轮"), "2026-12-01", "2027-01-31", "40",
                                     "30", "30"),
             QString());
    QCOMPARE(planning.addChecklistItem(1, QStringLiteral("2.1"),
                                       QStringLiteral("机关党委会议记录不完整"),
                                       QStringLiteral("4")),
             QString());
    QCOMPARE(planning.createUnit(QStringLiteral("省交通运输厅")), QString());
    const QString unitId = planning.units().first().toMap().value("unitId").toString();
    const QString campaignId = planning.campaignId();

    // Enrolled as the office (with the admin CLI's code, as the first console is).
    SyncStatus &status = fx.services().sync();
    QSignalSpy enrolled(&status, &SyncStatus::enrolFinished);
    QSignalSpy serverState(&planning, &OfficePlanning::serverStateChanged);
    const auto adminCode = fltest::runServerCommand(
        storage + QStringList{QStringLiteral("admin"), QStringLiteral("enrol-code"),
                              QStringLiteral("--role"), QStringLiteral("office")});
    status.enrol(url, QString::fromLatin1(adminCode.out.trimmed()), QStringLiteral("督查室"));
    QTRY_COMPARE_WITH_TIMEOUT(enrolled.count(), 1, 10000);
    QVERIFY2(enrolled.first().first().toBool(), qPrintable(status.enrolError()));
    QVERIFY(planning.isOfficeDevice());
    QVERIFY(!serverState.isEmpty());

    // A code for a new tablet: asked on the engine's thread (a sync follows the enrolment, so
    // the engine may first answer "busy"), answered here.
    QSignalSpy issued(&planning, &OfficePlanning::enrolCodeIssued);
    const QDateTime asked = QDateTime::currentDateTimeUtc();
    planning.issueEnrolCode(QStringLiteral("inspector"), 24);
    QVERIFY(planning.isBusy());
    QCOMPARE(issued.count(), 0); // the UI thread did not wait for the server
    QTRY_COMPARE_WITH_TIMEOUT(issued.count(), 1, 30000);
    QVERIFY2(issued.first().first().toBool(), qPrintable(planning.serverError()));
    QVERIFY(!planning.isBusy());
    QVERIFY(planning.serverError().isEmpty());
    const QString code = planning.enrolCode();
    QVERIFY2(
        QRegularExpression(QStringLiteral("^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$")).match(code).hasMatch(),
        qPrintable(code));
    const qint64 validFor = asked.secsTo(planning.enrolCodeExpires());
    QVERIFY2(validFor > 24 * 3600 - 60 && validFor <= 24 * 3600 + 60,
             qPrintable(QString::number(validFor)));
    QVERIFY(!planning.enrolCodeExpiresText().isEmpty());
    QVERIFY(!planning.enrolCodeRoleName().isEmpty());

    // The second tablet enrols with it (fieldledger-cli, as a script would).
    const QStringList tablet{QStringLiteral("--data"), tabletDir.path(), QStringLiteral("--json")};
    QCOMPARE(runCli(tablet + QStringList{"init", "--kdf", "minimum"}, TabletPass).exitCode, 0);
    const CliResult tabletEnrolled = runCli(
        tablet + QStringList{"enrol", "--server", url, "--code", code, "--name", "第二组平板"},
        TabletPass);
    QVERIFY2(tabletEnrolled.exitCode == 0, tabletEnrolled.err.constData());
    const QString tabletId =
        tabletEnrolled.json().object().value(QStringLiteral("device_id")).toString();
    QCOMPARE(tabletId.size(), 32);
    // The code worked once.
    QTemporaryDir thirdDir;
    const QStringList third{QStringLiteral("--data"), thirdDir.path()};
    QCOMPARE(runCli(third + QStringList{"init", "--kdf", "minimum"}, TabletPass).exitCode, 0);
    QVERIFY(runCli(third + QStringList{"enrol", "--server", url, "--code", code}, TabletPass)
                .exitCode != 0);

    // The office sees it among the devices, picks it for a visit's team and shares the round.
    QSignalSpy refreshed(&planning, &OfficePlanning::devicesRefreshed);
    planning.refreshDevices();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 30000);
    QVERIFY2(refreshed.first().first().toBool(), qPrintable(planning.serverError()));
    QVERIFY(planning.devicesLoaded());
    const QVariantMap device = rowWith(planning.devices(), QStringLiteral("deviceId"), tabletId);
    QCOMPARE(device.value("label").toString(), QStringLiteral("第二组平板"));
    QCOMPARE(device.value("role").toString(), QStringLiteral("inspector"));
    QCOMPARE(device.value("inTeam").toBool(), false);
    QCOMPARE(planning.devices().size(), 1); // not this device itself
    QCOMPARE(planning.createVisit(unitId, "2026-12-10", {tabletId}, QStringLiteral("李华")),
             QString());
    QCOMPARE(fx.inspection().visits(campaignId)->first().team,
             (QStringList{QStringLiteral("第二组平板"), QStringLiteral("李华")}));
    QCOMPARE(
        rowWith(planning.devices(), QStringLiteral("deviceId"), tabletId).value("inTeam").toBool(),
        true);
    QCOMPARE(planning.teamDeviceIds(), QStringList{tabletId}); // ticked for sharing

    QSignalSpy shared(&planning, &OfficePlanning::campaignShared);
    QSignalSpy synced(&status, &SyncStatus::syncFinished);
    planning.shareCampaign({tabletId});
    QTRY_COMPARE_WITH_TIMEOUT(shared.count(), 1, 30000);
    QVERIFY2(shared.first().first().toBool(), qPrintable(planning.serverError()));
    QVERIFY(!planning.shareResult().isEmpty());
    // The share is followed by a sync that takes the round's records to the server.
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty() && status.pendingChanges() == 0, 30000);

    // The tablet syncs and reads the round, its checklist, unit and visit.
    const CliResult tabletSync = runCli(tablet + QStringList{"sync"}, TabletPass);
    QVERIFY2(tabletSync.exitCode == 0, tabletSync.err.constData());
    const QJsonArray rounds =
        runCli(tablet + QStringList{"campaign", "list"}, TabletPass).json().array();
    QCOMPARE(rounds.size(), 1);
    QCOMPARE(rounds.first().toObject().value(QStringLiteral("id")).toString(), campaignId);
    QCOMPARE(rounds.first().toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("第五轮"));
    const QJsonArray visits =
        runCli(tablet + QStringList{"visit", "list", "--campaign", campaignId}, TabletPass)
            .json()
            .array();
    QCOMPARE(visits.size(), 1);
    QCOMPARE(visits.first().toObject().value(QStringLiteral("unit_id")).toString(), unitId);
    const QJsonArray items =
        runCli(tablet + QStringList{"checklist", "list", "--campaign", campaignId}, TabletPass)
            .json()
            .array();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("2.1"));
}

QTEST_MAIN(TstOfficePlanning)
#include "tst_officeplanning.moc"
