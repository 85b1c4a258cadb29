// DESIGN.md invariant 2: record findings, interviews and photos holding distinctive text and
// image bytes through the real CLI, then scan every file it wrote — data folder, temp folder,
// config, cache, home — for them. None may appear, in UTF-8 or UTF-16.
#include "clirunner.h"
#include "store/inspection.h"
#include "store/store.h"
#include "vault/vault.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class PlaintextAtRestTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noSensitivePlaintextInAnyFileWritten();
};

void PlaintextAtRestTest::noSensitivePlaintextInAnyFileWritten() {
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"TMPDIR", "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME",
                             "XDG_STATE_HOME", "XDG_RUNTIME_DIR"}) {
        const QString dir = root.path() + QLatin1Char('/') + QString::fromLatin1(name).toLower();
        QVERIFY(QDir().mkpath(dir));
        env.insert(QLatin1String(name), dir);
    }
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    const QString data = root.path() + QStringLiteral("/data");
    const QByteArray pass = "plaintext scan passphrase\n";
    const auto cli = [&](const QStringList &args) {
        CliResult r =
            runCli(QStringList{QStringLiteral("--data"), data, QStringLiteral("--json")} + args,
                   pass, env);
        if (r.exitCode != 0)
            qWarning() << args << r.err;
        return r.json().object().value(QStringLiteral("id")).toString();
    };

    const QStringList secrets = {
        QStringLiteral("机密问题甲乙丙丁"),  QStringLiteral("ZEBRA-FINDING-7731"),
        QStringLiteral("谈话内容XYZZY4242"), QStringLiteral("被督查单位QWERTY"),
        QStringLiteral("责任人赵钱孙李"),    QStringLiteral("CAMPAIGN-NAME-5150"),
        QStringLiteral("照片说明CAPTION9"),  QStringLiteral("interviewee-Ms-Plum"),
        QStringLiteral("验收说明NOTE-6060"), QStringLiteral("plaintext scan passphrase"),
    };
    QCOMPARE(runCli({"--data", data, "init", "--kdf", "minimum"}, pass, env).exitCode, 0);
    const QString campaign = cli({"campaign", "create", "--name", secrets[5]});
    const QString item = cli({"checklist", "add", "--campaign", campaign, "--level", "party_group",
                              "--code", "1.1", "--text", "item", "--max", "5"});
    const QString unit = cli({"unit", "create", "--campaign", campaign, "--name", secrets[3]});
    const QString visit = cli({"visit", "create", "--unit", unit, "--date", "2026-11-20"});
    const QString finding =
        cli({"finding", "create", "--visit", visit, "--item", item, "--title", secrets[0],
             "--description", secrets[1], "--responsible", secrets[4], "--deduction", "2", "--lat",
             "31.2304", "--lon", "121.4737"});
    QVERIFY(!finding.isEmpty());
    QVERIFY(!cli({"interview", "create", "--visit", visit, "--interviewee", secrets[7], "--content",
                  secrets[2], "--findings", finding})
                 .isEmpty());
    QVERIFY(!cli({"photo", "add", "--record", finding, "--file",
                  QStringLiteral(FL_TEST_DATA "/photo_gps.jpg"), "--caption", secrets[6]})
                 .isEmpty());
    QVERIFY(!cli({"finding", "transition", finding, "start_rectification", "--actor", "inspector",
                  "--note", secrets[8]})
                 .isEmpty());
    cli({"finding", "list", "--visit", visit});
    cli({"journal"});

    // Image bytes: windows of the fixture's compressed data, which a stored copy would contain.
    QFile photo(QStringLiteral(FL_TEST_DATA "/photo_gps.jpg"));
    QVERIFY(photo.open(QIODevice::ReadOnly));
    const QByteArray image = photo.readAll();
    QList<QByteArray> needles;
    for (int i = 1; i <= 4; ++i)
        needles.append(image.mid(image.size() * i / 6, 24));
    for (const QString &s : secrets) {
        needles.append(s.toUtf8());
        needles.append(QByteArray(reinterpret_cast<const char *>(s.utf16()), s.size() * 2));
    }

    // The app keeps its database open: scan while a write-ahead log holds fresh frames too.
    fl::Vault vault(data + QStringLiteral("/vault.json"));
    QVERIFY(vault.unlock(pass.trimmed()));
    fl::Store store(vault);
    QVERIFY(store.open(data + QStringLiteral("/fieldledger.db")));
    fl::Inspection inspection(store);
    QVERIFY(inspection.updateFinding(
        finding, QCborMap{{QStringLiteral("description"), secrets[1] + secrets[0]}}));
    QVERIFY(QFileInfo::exists(data + QStringLiteral("/fieldledger.db-wal")));

    int files = 0;
    QDirIterator it(root.path(), QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        ++files;
        for (const QByteArray &needle : std::as_const(needles)) {
            QVERIFY2(!content.contains(needle),
                     qPrintable(QStringLiteral("plaintext found in %1").arg(path)));
        }
    }
    // The database, its WAL and shared memory, the vault and two blobs at least.
    QVERIFY2(files >= 6, qPrintable(QString::number(files)));
}

QTEST_GUILESS_MAIN(PlaintextAtRestTest)
#include "tst_plaintext_at_rest.moc"
