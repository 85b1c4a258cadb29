// Kills a writer with SIGKILL at random moments: every finding it reported as saved must be
// there afterwards, the journal must explain every row, and SQLite must find no damage.
#include "store/inspection.h"
#include "store/store.h"
#include "vault/vault.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace fl;

class DurabilityTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everySavedFindingSurvivesSigkill();
};

void DurabilityTest::everySavedFindingSurvivesSigkill() {
    const int trials = qEnvironmentVariableIntValue("FL_DURABILITY_TRIALS") > 0
                           ? qEnvironmentVariableIntValue("FL_DURABILITY_TRIALS")
                           : 200;
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u, %d trials", seed, trials);
    QRandomGenerator rng(seed);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    QHash<QString, QString> saved; // id -> title
    int killedMidRun = 0;
    for (int trial = 0; trial < trials; ++trial) {
        QProcess child;
        child.start(QStringLiteral(FL_DURABILITY_CHILD), {dir.path(), QString::number(trial)});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
        QVERIFY2(child.waitForReadyRead(10000), "child never became ready");
        // Let it write for a random while, then kill it without warning.
        QTest::qSleep(int(rng.bounded(1, 40)));
        child.kill();
        QVERIFY(child.waitForFinished(10000));
        if (child.exitStatus() == QProcess::CrashExit)
            ++killedMidRun;
        const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            if (!line.startsWith("saved "))
                continue;
            const QList<QByteArray> parts = line.split(' ');
            QCOMPARE(parts.size(), 4);
            saved.insert(QString::fromUtf8(parts[1]), QString::fromUtf8(parts[2] + ' ' + parts[3]));
        }
        const QByteArray err = child.readAllStandardError();
        QVERIFY2(err.isEmpty(), err.constData());
    }
    QVERIFY(killedMidRun > trials / 2);
    QVERIFY(saved.size() > trials);

    Vault vault(dir.path() + QStringLiteral("/vault.json"));
    QVERIFY(vault.unlock("durability passphrase"));
    Store store(vault);
    QVERIFY(store.open(dir.path() + QStringLiteral("/fieldledger.db")));
    Inspection inspection(store);
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        auto f = inspection.finding(it.key());
        QVERIFY2(f, qPrintable(QStringLiteral("lost %1").arg(it.key())));
        QCOMPARE(f->title, it.value());
    }
    auto report = store.check();
    QVERIFY(report);
    QCOMPARE(report->integrity, QStringLiteral("ok"));
    QVERIFY2(report->mismatches.isEmpty(), qPrintable(report->mismatches.join('\n')));
    QVERIFY(report->records >= saved.size());
}

QTEST_GUILESS_MAIN(DurabilityTest)
#include "tst_durability.moc"
