// DESIGN.md invariants 3-5 end to end: three inspectors' tablets and the office console capture
// and edit offline (the same fields of the same finding among them), then sync in random
// orders through a proxy that drops, resets, truncates, delays and duplicates requests. In the
// end every device holds the same findings and the same conflicts, the photo one tablet took
// byte for byte, and the server holds each change exactly once and no plaintext: no text and no
// image bytes. On SQLite, on PostgreSQL, and with two servers on one PostgreSQL.
#include "../server/pgcluster.h"
#include "../server/servertestsupport.h"
#include "clirunner.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace fltest;

namespace {

const QByteArray Pass = "convergence passphrase\n";

/// fl-faultproxy in front of one server.
class FaultProxy {
public:
    ~FaultProxy() {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    bool start(const QUrl &target, quint32 seed, int percent) {
        m_process.start(
            QStringLiteral(FL_PROXY_PATH),
            {QStringLiteral("--target"), QStringLiteral("127.0.0.1:%1").arg(target.port()),
             QStringLiteral("--random"), QStringLiteral("%1:%2").arg(seed).arg(percent)});
        if (!m_process.waitForStarted(5000) || !m_process.waitForReadyRead(5000))
            return false;
        const QByteArray line = m_process.readLine().trimmed();
        if (!line.startsWith("listening on "))
            return false;
        m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(QString::fromLatin1(line.mid(13))));
        return true;
    }
    [[nodiscard]] QUrl url() const { return m_url; }

private:
    QProcess m_process;
    QUrl m_url;
};

struct Device {
    QString name;
    QString dir;
};

} // namespace

class SyncConvergenceTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void convergesOnSqlite();
    void convergesOnPostgres();
    void convergesWithTwoServersOnOnePostgres();

private:
    void runScenario(const QList<QStringList> &servers, const QString &serverData);
    CliResult cli(const Device &d, const QStringList &args) {
        return runCli(QStringList{QStringLiteral("--data"), d.dir, QStringLiteral("--json")} + args,
                      Pass);
    }
    QString idOf(const CliResult &r) {
        return r.json().object().value(QStringLiteral("id")).toString();
    }
};

void SyncConvergenceTest::runScenario(const QList<QStringList> &serverStorage,
                                      const QString &serverData) {
    const quint32 seed = qEnvironmentVariableIsSet("FL_CONVERGENCE_SYNC_SEED")
                             ? quint32(qEnvironmentVariableIntValue("FL_CONVERGENCE_SYNC_SEED"))
                             : QRandomGenerator::global()->generate();
    qInfo("seed %u (replay with FL_CONVERGENCE_SYNC_SEED)", seed);
    QRandomGenerator rng(seed);

    std::vector<std::unique_ptr<ServerProcess>> servers;
    std::vector<std::unique_ptr<FaultProxy>> proxies;
    for (const QStringList &storage : serverStorage) {
        servers.push_back(std::make_unique<ServerProcess>());
        QVERIFY(servers.back()->start(storage));
        proxies.push_back(std::make_unique<FaultProxy>());
        QVERIFY(proxies.back()->start(servers.back()->url(), rng.generate(), 30));
    }
    const QStringList admin = serverStorage.first() + QStringList{QStringLiteral("admin")};
    const auto enrolCode = [&](const char *role) {
        const CommandResult r =
            runServerCommand(admin + QStringList{"enrol-code", "--role", QLatin1String(role)});
        return QString::fromLatin1(r.out.trimmed());
    };

    QTemporaryDir root;
    QList<Device> devices;
    for (const char *name : {"office", "tablet-1", "tablet-2", "tablet-3"})
        devices.append({QLatin1String(name), root.path() + QLatin1Char('/') + QLatin1String(name)});
    const Device &office = devices[0];
    const QString direct = servers.front()->url().toString();
    for (const Device &d : devices) {
        QCOMPARE(runCli({"--data", d.dir, "init", "--kdf", "minimum"}, Pass).exitCode, 0);
        const CliResult e =
            cli(d, {"enrol", "--server", direct, "--code",
                    enrolCode(&d == &office ? "office" : "inspector"), "--name", d.name});
        QVERIFY2(e.exitCode == 0, e.err.constData());
    }

    // The office plans the round and hands it out.
    const QString campaign = idOf(cli(office, {"campaign", "create", "--name", "第四轮"}));
    const QString item =
        idOf(cli(office, {"checklist", "add", "--campaign", campaign, "--level", "grassroots",
                          "--code", "3.1", "--text", "三会一课", "--max", "100"}));
    const QString unit =
        idOf(cli(office, {"unit", "create", "--campaign", campaign, "--name", "省交通运输厅"}));
    const QString visit =
        idOf(cli(office, {"visit", "create", "--unit", unit, "--date", "2026-11-20"}));
    const QString shared = idOf(cli(office, {"finding", "create", "--visit", visit, "--item", item,
                                             "--title", "共同问题", "--deduction", "1"}));
    QVERIFY(!shared.isEmpty());
    QCOMPARE(cli(office, {"sync"}).exitCode, 0);
    const CliResult share = cli(office, {"share", "--campaign", campaign});
    QVERIFY2(share.exitCode == 0, share.err.constData());
    for (const Device &d : devices) {
        const CliResult s = cli(d, {"sync"});
        QVERIFY2(s.exitCode == 0, s.err.constData());
    }
    for (const Device &d : devices)
        QCOMPARE(cli(d, {"finding", "show", shared}).exitCode, 0);

    // Offline: everyone records, and everyone edits the same finding; a tablet takes a photo.
    const QString caption = QStringLiteral("照片说明CAPTION-4711");
    QString photo;
    for (int i = 0; i < devices.size(); ++i) {
        const Device &d = devices[i];
        QStringList own;
        for (int k = 0; k < 3; ++k) {
            own.append(idOf(cli(d, {"finding", "create", "--visit", visit, "--item", item,
                                    "--title", QStringLiteral("%1 问题 %2").arg(d.name).arg(k),
                                    "--deduction", QString::number(k + 1)})));
            QVERIFY(!own.last().isEmpty());
        }
        QCOMPARE(cli(d, {"finding", "set", shared, "title", d.name + QStringLiteral(" 的标题")})
                     .exitCode,
                 0);
        QCOMPARE(cli(d, {"finding", "set", own[0], "description", QStringLiteral("补充 ") + d.name})
                     .exitCode,
                 0);
        if (i == 1) {
            QCOMPARE(cli(d, {"finding", "delete", own[2]}).exitCode, 0);
            photo =
                idOf(cli(d, {"photo", "add", "--record", own[0], "--file",
                             QStringLiteral(FL_TEST_DATA "/photo_gps.jpg"), "--caption", caption}));
            QVERIFY(!photo.isEmpty());
        }
    }
    QCOMPARE(cli(devices[2], {"finding", "set", shared, "description", "只有二号改了"}).exitCode,
             0);

    // Sync through the faulty network, in random orders, until two clean rounds in a row.
    int cleanRounds = 0;
    int failures = 0;
    for (int round = 0; round < 40 && cleanRounds < 2; ++round) {
        QList<int> order = {0, 1, 2, 3};
        std::shuffle(order.begin(), order.end(), std::mt19937(rng.generate()));
        bool clean = true;
        for (int i : order) {
            const QString url = proxies[rng.bounded(int(proxies.size()))]->url().toString();
            // A device may be pointed at another server instance of the same office.
            const CliResult r =
                runCli({"--data", devices[i].dir, "--json", "sync", "--server", url}, Pass);
            QVERIFY2(r.exitCode == 0 || r.exitCode == 8,
                     qPrintable(QStringLiteral("sync exit %1: %2")
                                    .arg(r.exitCode)
                                    .arg(QString::fromUtf8(r.err))));
            if (r.exitCode != 0) {
                clean = false;
                ++failures;
            }
            // Clean also means every photo file went where it belongs.
            const QJsonObject report = r.json().object();
            if (report.value("missing_blobs").toInt() > 0 ||
                report.value("blob_failures").toInt() > 0)
                clean = false;
        }
        cleanRounds = clean ? cleanRounds + 1 : 0;
    }
    QCOMPARE(cleanRounds, 2);
    qInfo("sync attempts failed by injected faults: %d", failures);

    // Same findings, same conflicts, everywhere.
    QJsonArray reference;
    QJsonArray referenceConflicts;
    int localChangeSets = 0;
    for (int i = 0; i < devices.size(); ++i) {
        const CliResult list = cli(devices[i], {"finding", "list", "--campaign", campaign,
                                                "--limit", "1000", "--include-deleted"});
        QCOMPARE(list.exitCode, 0);
        QJsonArray items = list.json().object().value(QStringLiteral("items")).toArray();
        QList<QJsonValue> sorted(items.begin(), items.end());
        std::sort(sorted.begin(), sorted.end(), [](const QJsonValue &a, const QJsonValue &b) {
            return a.toObject().value("id").toString() < b.toObject().value("id").toString();
        });
        QJsonArray canonical;
        for (const QJsonValue &v : sorted)
            canonical.append(v);
        const CliResult conflicts = cli(devices[i], {"conflicts"});
        QCOMPARE(conflicts.exitCode, 0);
        const QJsonArray c = conflicts.json().array();
        if (i == 0) {
            reference = canonical;
            referenceConflicts = c;
            QCOMPARE(canonical.size(), 1 + 4 * 3);
            QVERIFY2(c.size() >= 3, "four devices edited one title: three values must be kept");
        } else {
            QVERIFY2(canonical == reference,
                     qPrintable(devices[i].name + QStringLiteral(" differs from the office")));
            QCOMPARE(c.size(), referenceConflicts.size());
            for (int k = 0; k < c.size(); ++k)
                QCOMPARE(c[k].toObject(), referenceConflicts[k].toObject());
        }
        const CliResult journal = cli(devices[i], {"journal", "--limit", "100000"});
        for (const QJsonValue &e : journal.json().array())
            localChangeSets += e.toObject().value("local").toBool() ? 1 : 0;
        const CliResult status = cli(devices[i], {"status"});
        QCOMPARE(status.json().object().value("pending").toInt(), 0);
    }
    // The photo, downloaded and decrypted everywhere, is the very one the tablet stored.
    QByteArray taken;
    for (int i : {1, 0, 2, 3}) {
        const QString out = root.path() + QStringLiteral("/photo-%1.jpg").arg(i);
        const CliResult e = cli(devices[i], {"photo", "export", photo, "--out", out});
        QVERIFY2(e.exitCode == 0,
                 qPrintable(devices[i].name + QLatin1Char(' ') + QString::fromUtf8(e.err)));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        if (i == 1) {
            taken = bytes;
            QVERIFY(taken.size() > 1000);
        } else {
            QVERIFY2(bytes == taken,
                     qPrintable(devices[i].name + QStringLiteral(": another photo")));
        }
    }

    // Exactly once on the server, whatever was duplicated or retried.
    const CommandResult stats = runServerCommand(admin + QStringList{"stats", "--json"});
    QCOMPARE(QJsonDocument::fromJson(stats.out).object().value("changes").toInt(), localChangeSets);

    // The server saw no plaintext: none of the text typed, none of the image bytes (windows of
    // the fixture's compressed data, which a stored copy of the photo would contain).
    QFile fixture(QStringLiteral(FL_TEST_DATA "/photo_gps.jpg"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QByteArray image = fixture.readAll();
    QList<QByteArray> needles;
    for (int i = 1; i <= 4; ++i)
        needles.append(image.mid(image.size() * i / 6, 24));
    needles.append(taken.mid(taken.size() / 2, 24)); // and of the copy the tablet keeps
    for (const QString &s :
         {QStringLiteral("共同问题"), QStringLiteral("三会一课"), QStringLiteral("省交通运输厅"),
          QStringLiteral("只有二号改了"), QStringLiteral("tablet-1 问题"), caption})
        needles.append(s.toUtf8());
    int files = 0;
    QDirIterator it(serverData, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        ++files;
        for (const QByteArray &needle : std::as_const(needles))
            QVERIFY2(!bytes.contains(needle), qPrintable(f.fileName()));
    }
    // The photo and its thumbnail at least (and the database, on SQLite).
    QVERIFY2(files >= 2, qPrintable(QString::number(files)));
}

void SyncConvergenceTest::convergesOnSqlite() {
    QTemporaryDir dir;
    runScenario({{QStringLiteral("--data"), dir.path()}}, dir.path());
}

void SyncConvergenceTest::convergesOnPostgres() {
    if (!PgCluster::available())
        QSKIP("PostgreSQL 15 is not installed: run `sh .ci/bootstrap`.");
    PgCluster pg;
    QString why;
    QVERIFY2(pg.start(&why), qPrintable(why));
    QTemporaryDir blobs;
    runScenario({{QStringLiteral("--database"), pg.url(), QStringLiteral("--blobs"), blobs.path()}},
                blobs.path());
}

void SyncConvergenceTest::convergesWithTwoServersOnOnePostgres() {
    if (!PgCluster::available())
        QSKIP("PostgreSQL 15 is not installed: run `sh .ci/bootstrap`.");
    PgCluster pg;
    QString why;
    QVERIFY2(pg.start(&why), qPrintable(why));
    QTemporaryDir blobs;
    const QStringList storage = {QStringLiteral("--database"), pg.url(), QStringLiteral("--blobs"),
                                 blobs.path()};
    runScenario({storage, storage}, blobs.path());
}

QTEST_GUILESS_MAIN(SyncConvergenceTest)
#include "tst_sync_convergence.moc"
