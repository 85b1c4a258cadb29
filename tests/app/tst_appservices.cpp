#include "apptestsupport.h"
#include "passphrasemeter.h"

#include <QGuiApplication>
#include <QSignalSpy>

using namespace fl;
using namespace fl::app;
using namespace std::chrono_literals;

class TstAppServices : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createsVaultAndOpensTheStore() {
        test::AppFixture fx;
        QVERIFY(fx.start(false));
        AppServices &s = fx.services();
        QVERIFY(!s.vaultExists());
        QVERIFY(!s.isUnlocked());
        QSignalSpy unlocked(&s, &AppServices::unlockedChanged);
        s.createVault(QStringLiteral("correct horse battery"),
                      QStringLiteral("correct horse battery"));
        QVERIFY(s.isBusy());
        QTRY_VERIFY(!s.isBusy());
        QVERIFY2(s.errorString().isEmpty(), qPrintable(s.errorString()));
        QVERIFY(s.vaultExists());
        QVERIFY(s.isUnlocked());
        QVERIFY(s.store().isOpen());
        QCOMPARE(unlocked.count(), 1);
        QVERIFY(QFileInfo::exists(fx.dataDir() + QStringLiteral("/vault.json")));
        QVERIFY(QFileInfo::exists(fx.dataDir() + QStringLiteral("/fieldledger.db")));
    }

    void refusesDifferentOrShortPassphrases() {
        test::AppFixture fx;
        QVERIFY(fx.start(false));
        AppServices &s = fx.services();
        s.createVault(QStringLiteral("correct horse battery"), QStringLiteral("correct horse"));
        QVERIFY(!s.isBusy());
        QVERIFY(!s.errorString().isEmpty());
        s.createVault(QStringLiteral("short"), QStringLiteral("short"));
        QVERIFY(!s.errorString().isEmpty());
        QVERIFY(!s.vaultExists());
    }

    void wrongPassphraseSaysSoAndCountsDown() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        AppServices &s = fx.services();
        s.lock();
        QVERIFY(!s.isUnlocked());
        // Two wrong passphrases are free; the third starts the back-off.
        for (int i = 0; i < 3; ++i)
            QVERIFY(!fx.unlock(QStringLiteral("wrong passphrase")));
        QVERIFY(!s.errorString().isEmpty());
        QVERIFY(s.retrySeconds() >= 1);
        // During the wait even the right passphrase is refused, without running the KDF.
        s.unlock(test::AppPassphrase);
        QVERIFY(!s.isBusy());
        QVERIFY(!s.isUnlocked());
        QTRY_COMPARE_WITH_TIMEOUT(s.retrySeconds(), 0, 5000);
        QVERIFY(fx.unlock());
        QVERIFY(s.errorString().isEmpty());
    }

    void unlockDerivesTheKeyInTheBackground() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        AppServices &s = fx.services();
        s.lock();
        QSignalSpy unlocked(&s, &AppServices::unlockedChanged);
        s.unlock(test::AppPassphrase);
        // unlock() returned at once: the key is derived on a worker while this thread runs.
        QVERIFY(s.isBusy());
        QVERIFY(!s.isUnlocked());
        s.unlock(test::AppPassphrase); // a second tap meanwhile is ignored
        QTRY_VERIFY(!s.isBusy());
        QVERIFY(s.isUnlocked());
        QVERIFY(s.store().isOpen());
        QCOMPARE(unlocked.count(), 1);
        QVERIFY2(s.errorString().isEmpty(), qPrintable(s.errorString()));
        QCOMPARE(s.vault().failedAttempts(), 0);

        // Sent to the background while the key is derived: the unlock ends locked.
        s.lock();
        unlocked.clear();
        s.unlock(test::AppPassphrase);
        QVERIFY(s.isBusy());
        s.handleApplicationState(Qt::ApplicationSuspended);
        QTRY_VERIFY(!s.isBusy());
        QVERIFY(!s.isUnlocked());
        QCOMPARE(unlocked.count(), 0);
        QVERIFY(fx.unlock()); // and the next unlock works

        // Quit while a derivation runs: the services wait for it, then go.
        s.lock();
        s.unlock(test::AppPassphrase);
        QVERIFY(s.isBusy());
    }

    void locksWhenTheAppLeavesTheScreen() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        AppServices &s = fx.services();
        QSignalSpy aboutToLock(&s, &AppServices::aboutToLock);
        s.handleApplicationState(Qt::ApplicationActive);
        QVERIFY(s.isUnlocked());
        s.handleApplicationState(Qt::ApplicationSuspended);
        QVERIFY(!s.isUnlocked());
        QCOMPARE(aboutToLock.count(), 1); // pages could save what was being typed
        QVERIFY(fx.unlock());
        s.handleApplicationState(Qt::ApplicationHidden);
        QVERIFY(!s.isUnlocked());
    }

    void locksAfterInactivityAndInputPostponesIt() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        AppServices &s = fx.services();
        s.setAutoLockTimeout(300ms);
        QVERIFY(fx.unlock() || s.isUnlocked());
        for (int i = 0; i < 4; ++i) { // 400 ms of activity: still unlocked
            QTest::qWait(100);
            QKeyEvent key(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier);
            QCoreApplication::sendEvent(this, &key); // the app-wide filter sees every event
        }
        QVERIFY(s.isUnlocked());
        QTRY_VERIFY_WITH_TIMEOUT(!s.isUnlocked(), 3000);
    }

    void countsPendingChanges() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        AppServices &s = fx.services();
        QCOMPARE(s.pendingCount(), 0);
        QSignalSpy spy(&s, &AppServices::pendingCountChanged);
        auto round = test::makeRound(fx.inspection());
        FL_VERIFY_OK(round);
        QVERIFY(spy.count() > 0);
        QCOMPARE(s.pendingCount(), *fx.store().pendingCount());
    }

    void meterJudgesLengthAndVariety() {
        PassphraseMeter meter;
        meter.measure(QStringLiteral("abc"));
        QCOMPARE(meter.strength(), 0);
        QVERIFY(!meter.isAcceptable());
        QVERIFY(!meter.hint().isEmpty());
        meter.measure(QStringLiteral("aaaaaaaaaa"));
        QCOMPARE(meter.strength(), 1);
        QVERIFY(meter.isAcceptable());
        meter.measure(QStringLiteral("password"));
        const int word = meter.strength();
        meter.measure(QStringLiteral("Tr0ub4dor&3 horse"));
        QVERIFY(meter.strength() > word);
        meter.measure(QStringLiteral("红旗渠精神代代传承"));
        QCOMPARE(meter.strength(), 4);
    }
};

QTEST_MAIN(TstAppServices)
#include "tst_appservices.moc"
