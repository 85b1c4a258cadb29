// SyncStatus against the real fieldledger-server: enrolment (refused and accepted), a sync
// with its progress, pending counts and time of success, then the server gone: offline, in
// plain words, nothing lost. The engine runs on its own thread throughout.
#include "../server/servertestsupport.h"
#include "apptestsupport.h"
#include "media/photolibrary.h"
#include "sync/client/syncengine.h"
#include "syncstatus.h"

#include <QElapsedTimer>
#include <QSignalSpy>

using namespace fl;
using namespace fl::app;

class TstSyncStatus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void enrolsSyncsAndGoesOffline();
    void saysWhenTheClockRunsAhead();
    void describesEveryFailure();
};

void TstSyncStatus::enrolsSyncsAndGoesOffline() {
    QTemporaryDir serverDir;
    const QStringList storage{QStringLiteral("--data"), serverDir.path()};
    fltest::ServerProcess server;
    QVERIFY(server.start(storage));
    const auto code = [&](const QString &role) {
        const auto r = fltest::runServerCommand(
            storage + QStringList{QStringLiteral("admin"), QStringLiteral("enrol-code"),
                                  QStringLiteral("--role"), role});
        return QString::fromLatin1(r.out.trimmed());
    };

    test::AppFixture fx;
    QVERIFY(fx.start());
    auto round = test::makeRound(fx.inspection());
    FL_VERIFY_OK(round);
    auto finding =
        test::addFinding(fx.inspection(), round->visit, round->items[0], QStringLiteral("问题"));
    FL_VERIFY_OK(finding);
    SyncStatus &status = fx.services().sync();

    // Not enrolled: said so, with what to do.
    QTRY_VERIFY_WITH_TIMEOUT(!status.errorString().isEmpty(), 5000);
    QVERIFY(!status.isEnrolled());
    QVERIFY(!status.errorHint().isEmpty());
    QCOMPARE(status.state(), SyncStatus::State::Offline);
    QCOMPARE(status.lastSuccess(), QDateTime());

    // A wrong code is refused in plain words.
    QSignalSpy enrolFinished(&status, &SyncStatus::enrolFinished);
    status.enrol(server.url().toString(), QStringLiteral("WRONG-CODE"));
    QVERIFY(status.isEnrolling());
    QTRY_COMPARE_WITH_TIMEOUT(enrolFinished.count(), 1, 10000);
    QCOMPARE(enrolFinished.at(0).at(0).toBool(), false);
    QVERIFY(!status.isEnrolled());
    QCOMPARE(
        status.enrolError(),
        QStringLiteral("%1 %2").arg(
            SyncStatus::describe({sync::SyncError::Forbidden, QStringLiteral("bad_code"), 403, {}})
                .first,
            SyncStatus::describe({sync::SyncError::Forbidden, QStringLiteral("bad_code"), 403, {}})
                .second));

    // The office's code: enrolled, and a sync follows by itself. The round was made here, so
    // this device shares it (as the office console does) before its changes may go up.
    QSignalSpy finished(&status, &SyncStatus::syncFinished);
    status.enrol(server.url().toString(), code(QStringLiteral("office")), QStringLiteral("测试"));
    QTRY_COMPARE_WITH_TIMEOUT(enrolFinished.count(), 2, 10000);
    QVERIFY2(enrolFinished.at(1).at(0).toBool(), qPrintable(status.enrolError()));
    QVERIFY(status.isEnrolled());
    QCOMPARE(status.role(), QStringLiteral("office"));
    QVERIFY(!status.roleName().isEmpty());
    QCOMPARE(status.serverUrl(), server.url().toString());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && !status.isSyncing(), 10000);
    sync::SyncEngine *engine = status.engine();
    bool shared = false;
    QMetaObject::invokeMethod(
        engine, [&] { shared = engine->shareCampaign(round->campaign.id).ok(); },
        Qt::BlockingQueuedConnection);
    QVERIFY(shared);

    // A photo: two files (image and thumbnail) wait besides the change sets.
    FL_VERIFY_OK(fx.services().photos().importFile(
        finding->id, QStringLiteral(FL_TEST_DATA "/photo_gps.jpg"), QStringLiteral("记录本")));
    QTRY_COMPARE(status.pendingPhotos(), 2);
    QVERIFY(status.pendingChanges() > 0);

    // Sync now: the UI thread keeps running while the engine works.
    finished.clear();
    QSignalSpy progress(&status, &SyncStatus::progressChanged);
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, this,
            [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
    sinceTick.start();
    tick.start(5);
    status.syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    tick.stop();
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(status.errorString()));
    QVERIFY2(longestGap < 250, qPrintable(QString::number(longestGap)));
    QVERIFY(!progress.isEmpty());
    QTRY_COMPARE(status.state(), SyncStatus::State::Online); // reported right after the end
    QVERIFY(status.errorString().isEmpty());
    QCOMPARE(status.pendingChanges(), 0);
    QCOMPARE(status.pendingPhotos(), 0);
    QVERIFY(status.pushed() > 0);
    QCOMPARE(status.uploaded(), 2);
    QVERIFY(status.bytesUp() > 0);
    QVERIFY(!status.bytesText().isEmpty());
    QVERIFY(status.lastSuccess().isValid());
    QVERIFY(qAbs(status.lastSuccess().secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QVERIFY(!status.lastSuccessText().isEmpty());
    const auto kept = fx.store().setting(QStringLiteral("app.sync.last_success_ms"));
    QVERIFY(kept && kept->toLongLong() == status.lastSuccess().toMSecsSinceEpoch());

    // The server goes away: an edit waits, the state says offline, the words say why.
    server.stop();
    FL_VERIFY_OK(fx.inspection().updateFinding(
        finding->id, QCborMap{{QStringLiteral("title"), QStringLiteral("离线修改")}}));
    QTRY_COMPARE(status.pendingChanges(), 1);
    finished.clear();
    status.syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QTRY_COMPARE(status.state(), SyncStatus::State::Offline);
    QCOMPARE(status.errorString(),
             SyncStatus::describe(sync::makeFailure(sync::SyncError::Network)).first);
    QVERIFY(!status.errorHint().isEmpty());
    QCOMPARE(status.pendingChanges(), 1);
}

void TstSyncStatus::saysWhenTheClockRunsAhead() {
    QTemporaryDir serverDir;
    const QStringList storage{QStringLiteral("--data"), serverDir.path()};
    fltest::ServerProcess server;
    QVERIFY(server.start(storage));
    const auto code = fltest::runServerCommand(
        storage + QStringList{QStringLiteral("admin"), QStringLiteral("enrol-code"),
                              QStringLiteral("--role"), QStringLiteral("office")});
    test::AppFixture fx;
    QVERIFY(fx.start());
    auto round = test::makeRound(fx.inspection());
    FL_VERIFY_OK(round);
    auto finding =
        test::addFinding(fx.inspection(), round->visit, round->items[0], QStringLiteral("问题"));
    FL_VERIFY_OK(finding);
    SyncStatus &status = fx.services().sync();
    QSignalSpy enrolled(&status, &SyncStatus::enrolFinished);
    QSignalSpy finished(&status, &SyncStatus::syncFinished);
    status.enrol(server.url().toString(), QString::fromLatin1(code.out.trimmed()));
    QTRY_COMPARE_WITH_TIMEOUT(enrolled.count(), 1, 10000);
    QVERIFY2(enrolled.at(0).at(0).toBool(), qPrintable(status.enrolError()));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && !status.isSyncing(), 10000);
    sync::SyncEngine *engine = status.engine();
    bool shared = false;
    QMetaObject::invokeMethod(
        engine, [&] { shared = engine->shareCampaign(round->campaign.id).ok(); },
        Qt::BlockingQueuedConnection);
    QVERIFY(shared);

    // The tablet's clock is set two hours ahead when the inspector edits the finding.
    fx.store().clock().setMaxDriftMs(3 * 3600 * 1000);
    const quint64 now = quint64(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(fx.store().clock().observe(hlc::make(now + 2 * 3600 * 1000, 0)));
    FL_VERIFY_OK(fx.inspection().updateFinding(
        finding->id, QCborMap{{QStringLiteral("title"), QStringLiteral("钟快了")}}));

    // The enrolment's own syncs may still have their reports on the way to this thread.
    QCoreApplication::processEvents();
    finished.clear();
    status.syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    // The sync went through; the one change waits, and the page says why and what to do.
    QCOMPARE(status.errorString(), SyncStatus::describeClockAhead(1).first);
    QCOMPARE(status.errorHint(), SyncStatus::describeClockAhead(1).second);
    QVERIFY(status.errorString().contains(QStringLiteral("clock")));
    QCOMPARE(status.pendingChanges(), 1);
}

void TstSyncStatus::describesEveryFailure() {
    const QMetaEnum errors = QMetaEnum::fromType<sync::SyncError>();
    for (int i = 0; i < errors.keyCount(); ++i) {
        const auto error = sync::SyncError(errors.value(i));
        const auto [what, next] = SyncStatus::describe(sync::makeFailure(error));
        QCOMPARE(what.isEmpty(), error == sync::SyncError::None);
        if (error != sync::SyncError::None && error != sync::SyncError::Forbidden)
            QVERIFY2(!next.isEmpty(), errors.key(i)); // says what to do next
    }
    for (const char *code : {"stale_timestamp", "revoked_device", "unknown_device", "not_member"}) {
        const auto error = QByteArray(code) == "not_member" ? sync::SyncError::Forbidden
                                                            : sync::SyncError::Unauthorized;
        const auto [what, next] =
            SyncStatus::describe(sync::makeFailure(error, QLatin1String(code)));
        QVERIFY(!what.isEmpty());
        QVERIFY(!next.isEmpty());
    }
}

QTEST_MAIN(TstSyncStatus)
#include "tst_syncstatus.moc"
