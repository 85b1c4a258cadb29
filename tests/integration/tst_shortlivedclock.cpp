// Short-lived processes are a real workload: offices script the CLI, Android restarts apps.
// Each process restores the device's clock; it must continue after the last clock really
// issued, not after a ceiling leased ahead of it, or a few hundred scripted writes push the
// clock hours ahead and the server sets the device's changes aside as from the future. And a
// device whose clock really is ahead is told so in plain words.
#include "../server/servertestsupport.h"
#include "change/hlc.h"
#include "clirunner.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace fltest;

namespace {
const QByteArray Pass = "short-lived passphrase\n";
// FL_SHORT_LIVED_WRITES lowers it for slow builds (sanitizers); any count catches a clock
// carried ahead from one process to the next (the newest clock is checked against the wall).
const int Writes = qEnvironmentVariableIsSet("FL_SHORT_LIVED_WRITES")
                       ? qEnvironmentVariableIntValue("FL_SHORT_LIVED_WRITES")
                       : 1000;
constexpr char FakeTimeLib[] = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";
} // namespace

class ShortLivedClockTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void thousandShortLivedWritesPushWithNothingDeferred();
    void clockAheadIsNamedInPlainWords();

private:
    CliResult cli(const QStringList &args,
                  const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment()) {
        return runCli(
            QStringList{QStringLiteral("--data"), m_device->path(), QStringLiteral("--json")} +
                args,
            Pass, env);
    }
    QString idOf(const CliResult &r) {
        return r.json().object().value(QStringLiteral("id")).toString();
    }
    /// An office device enrolled with a fresh server, holding a shared round with one finding.
    void setUpRound();

    std::unique_ptr<QTemporaryDir> m_serverDir;
    std::unique_ptr<QTemporaryDir> m_device;
    std::unique_ptr<ServerProcess> m_server;
    QString m_finding;
};

void ShortLivedClockTest::init() {
    m_serverDir = std::make_unique<QTemporaryDir>();
    m_device = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start({QStringLiteral("--data"), m_serverDir->path()}));
}

void ShortLivedClockTest::cleanup() {
    m_server.reset();
    m_device.reset();
    m_serverDir.reset();
}

void ShortLivedClockTest::setUpRound() {
    const CommandResult code = runServerCommand(
        {"--data", m_serverDir->path(), "admin", "enrol-code", "--role", "office"});
    QCOMPARE(runCli({"--data", m_device->path(), "init", "--kdf", "minimum"}, Pass).exitCode, 0);
    const CliResult enrolled = cli({"enrol", "--server", m_server->url().toString(), "--code",
                                    QString::fromLatin1(code.out.trimmed())});
    QVERIFY2(enrolled.exitCode == 0, enrolled.err.constData());
    const QString campaign = idOf(cli({"campaign", "create", "--name", "第五轮"}));
    const QString item =
        idOf(cli({"checklist", "add", "--campaign", campaign, "--level", "grassroots", "--code",
                  "1.1", "--text", "组织生活", "--max", "5"}));
    const QString unit =
        idOf(cli({"unit", "create", "--campaign", campaign, "--name", "省统计局"}));
    const QString visit = idOf(cli({"visit", "create", "--unit", unit, "--date", "2026-12-01"}));
    m_finding = idOf(cli({"finding", "create", "--visit", visit, "--item", item, "--title", "问题",
                          "--deduction", "1"}));
    QVERIFY(!m_finding.isEmpty());
    QCOMPARE(cli({"sync"}).exitCode, 0);
    const CliResult share = cli({"share", "--campaign", campaign});
    QVERIFY2(share.exitCode == 0, share.err.constData());
}

void ShortLivedClockTest::thousandShortLivedWritesPushWithNothingDeferred() {
    setUpRound();
    if (QTest::currentTestFailed())
        return;
    const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < Writes; ++i) {
        const CliResult r =
            cli({"finding", "set", m_finding, "description", QStringLiteral("第 %1 次").arg(i)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    const qint64 finishedMs = QDateTime::currentMSecsSinceEpoch();

    const CliResult sync = cli({"sync"});
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    const QJsonObject report = sync.json().object();
    QCOMPARE(report.value(QStringLiteral("deferred")).toInt(-1), 0);
    QCOMPARE(report.value(QStringLiteral("deferred_clock_ahead")).toInt(-1), 0);
    QCOMPARE(report.value(QStringLiteral("pending")).toInt(-1), 0);
    QVERIFY(report.value(QStringLiteral("pushed")).toInt() >= Writes);

    // The clocks issued followed the wall clock: the newest is not ahead of when the last
    // process ended (no lease carried over from one process to the next).
    const CliResult journal = cli({"journal", "--limit", "1"});
    QCOMPARE(journal.exitCode, 0);
    const QJsonArray entries = journal.json().array();
    QVERIFY2(!entries.isEmpty(), journal.out.constData());
    const fl::Hlc newest =
        entries.first().toObject().value(QStringLiteral("hlc")).toString().toULongLong();
    QVERIFY(newest != 0);
    QVERIFY2(qint64(fl::hlc::physicalMs(newest)) <= finishedMs + 1000,
             qPrintable(QStringLiteral("the clock ran %1 ms ahead")
                            .arg(qint64(fl::hlc::physicalMs(newest)) - finishedMs)));
    QVERIFY(qint64(fl::hlc::physicalMs(newest)) >= startedMs);
}

void ShortLivedClockTest::clockAheadIsNamedInPlainWords() {
    if (!QFile::exists(QLatin1String(FakeTimeLib)))
        QSKIP("libfaketime is not installed (sh .ci/bootstrap installs it)");
    setUpRound();
    if (QTest::currentTestFailed())
        return;
    // The device's clock runs three hours ahead while the inspector edits; libfaketime moves
    // only this process's clock, as a wrongly set tablet would.
    QProcessEnvironment ahead = QProcessEnvironment::systemEnvironment();
    ahead.insert(QStringLiteral("LD_PRELOAD"), QLatin1String(FakeTimeLib));
    ahead.insert(QStringLiteral("FAKETIME"), QStringLiteral("+3h"));
    ahead.insert(QStringLiteral("FAKETIME_DONT_FAKE_MONOTONIC"), QStringLiteral("1"));
    // An AddressSanitizer build of the CLI wants its runtime first; libfaketime comes first here.
    ahead.insert(QStringLiteral("ASAN_OPTIONS"), qEnvironmentVariable("ASAN_OPTIONS") +
                                                     QStringLiteral(":verify_asan_link_order=0"));
    QCOMPARE(cli({"finding", "set", m_finding, "description", "钟快了"}, ahead).exitCode, 0);

    // Back on the right time, sync: the change waits, and the words say why and what to do.
    const CliResult json = cli({"sync"});
    QVERIFY2(json.exitCode == 0, json.err.constData());
    QCOMPARE(json.json().object().value(QStringLiteral("deferred_clock_ahead")).toInt(), 1);
    QCOMPARE(json.json().object().value(QStringLiteral("pending")).toInt(), 1);
    const CliResult text =
        runCli({QStringLiteral("--data"), m_device->path(), QStringLiteral("sync")}, Pass);
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("clock ran more than an hour ahead"), text.out.constData());
    QVERIFY2(text.out.contains("Check this device's date, time and time zone"),
             text.out.constData());
}

QTEST_GUILESS_MAIN(ShortLivedClockTest)
#include "tst_shortlivedclock.moc"
