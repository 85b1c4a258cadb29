// fieldledger-cli as scripts use it: JSON output, exit codes, passphrase handling, bad input.
#include "clirunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

namespace {
const QByteArray Pass = "correct horse battery staple\n";
}

class CliTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void fullWorkflowThroughJson();
    void exitCodesNameTheProblem();
    void passphraseIsNeverTakenFromArguments();
    void wrongPassphraseIsRefusedWithGrowingDelay();
    void passphraseChangeKeepsData();
    void foreignAndCorruptDatabasesAreLeftUntouched();
    void fullDiskLosesNothingSavedBefore();
    void tamperedPhotoIsReportedNotShown();
    void visitReportAndWorkbookAreWritten();

private:
    CliResult cli(const QStringList &args, const QByteArray &in = Pass) {
        return runCli(QStringList{QStringLiteral("--data"), m_dir->path() + "/d"} + args, in);
    }
    QString created(const QStringList &args) {
        const CliResult r = cli(args + QStringList{QStringLiteral("--json")});
        if (r.exitCode != 0)
            qWarning() << args << r.err;
        return r.json().object().value(QStringLiteral("id")).toString();
    }
    void makeVisit();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_campaign, m_item, m_unit, m_visit;
};

void CliTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const CliResult r =
        cli({QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("minimum")});
    QCOMPARE(r.exitCode, 0);
}

void CliTest::makeVisit() {
    m_campaign = created({"campaign", "create", "--name", "第四轮", "--base", "40,30,30"});
    QVERIFY(!m_campaign.isEmpty());
    m_item = created({"checklist", "add", "--campaign", m_campaign, "--level", "grassroots",
                      "--code", "3.1", "--text", "三会一课", "--max", "5"});
    QVERIFY(!m_item.isEmpty());
    m_unit = created({"unit", "create", "--campaign", m_campaign, "--name", "省交通运输厅"});
    QVERIFY(!m_unit.isEmpty());
    m_visit = created({"visit", "create", "--unit", m_unit, "--date", "2026-11-20"});
    QVERIFY(!m_visit.isEmpty());
}

void CliTest::fullWorkflowThroughJson() {
    makeVisit();
    const QString f1 =
        created({"finding", "create", "--visit", m_visit, "--item", m_item, "--title",
                 "支部未按期换届", "--deduction", "4", "--due", "2026-12-01"});
    const QString f2 = created({"finding", "create", "--visit", m_visit, "--item", m_item,
                                "--title", "党员大会记录缺失", "--deduction", "3"});
    QVERIFY(!f1.isEmpty() && !f2.isEmpty());

    // Two findings on one item: 7 deducted, capped at the item's 5.
    CliResult score = cli({"score", "--visit", m_visit, "--json"});
    QCOMPARE(score.exitCode, 0);
    const QJsonObject s = score.json().object();
    QCOMPARE(s.value("total_base").toDouble(), 100.0);
    QCOMPARE(s.value("total_deducted").toDouble(), 5.0);
    QCOMPARE(s.value("total").toDouble(), 95.0);

    for (const char *step : {"start_rectification", "submit_for_verification", "verify_passed"}) {
        CliResult t = cli(
            {"finding", "transition", f1, step, "--actor", "张明", "--note", "照账验收", "--json"});
        QVERIFY2(t.exitCode == 0, t.err.constData());
    }
    CliResult rate = cli({"rate", "--campaign", m_campaign, "--json"});
    QCOMPARE(rate.json().object().value("closed").toInt(), 1);
    QCOMPARE(rate.json().object().value("total").toInt(), 2);
    QCOMPARE(rate.json().object().value("rate").toDouble(), 0.5);

    CliResult show = cli({"finding", "show", f1, "--json"});
    QCOMPARE(show.json().object().value("status").toString(), QStringLiteral("closed"));
    QCOMPARE(show.json().object().value("history").toArray().size(), 3);

    CliResult set = cli({"finding", "set", f2, "description", "补充说明", "--json"});
    QCOMPARE(set.exitCode, 0);
    // A whole number typed for a deduction is a number, not a type error.
    CliResult deduction = cli({"finding", "set", f2, "deduction", "2", "--json"});
    QVERIFY2(deduction.exitCode == 0, deduction.err.constData());
    QCOMPARE(deduction.json().object().value("deduction").toDouble(), 2.0);
    CliResult journal = cli({"journal", "--record", f2, "--json"});
    const QJsonArray entries = journal.json().array();
    QCOMPARE(entries.size(), 3);
    // Newest first; each edit carries just the field that changed.
    QCOMPARE(entries.at(0).toObject().value("values").toObject().keys(),
             QStringList{QStringLiteral("deduction")});
    QCOMPARE(entries.at(1).toObject().value("values").toObject().keys(),
             QStringList{QStringLiteral("description")});

    const QString csvPath = m_dir->path() + "/ledger.csv";
    QCOMPARE(cli({"ledger", "export", "--campaign", m_campaign, "--out", csvPath}).exitCode, 0);
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    QCOMPARE(text.count(QStringLiteral("\r\n")), 3);
    QVERIFY(text.contains(QStringLiteral("支部未按期换届")));
    QVERIFY(text.contains(QStringLiteral("省交通运输厅")));

    CliResult list = cli({"finding", "list", "--campaign", m_campaign, "--limit", "1", "--json"});
    QCOMPARE(list.json().object().value("total").toInt(), 2);
    QCOMPARE(list.json().object().value("items").toArray().size(), 1);

    QCOMPARE(cli({"finding", "delete", f2}).exitCode, 0);
    list = cli({"finding", "list", "--campaign", m_campaign, "--json"});
    QCOMPARE(list.json().object().value("total").toInt(), 1);

    CliResult check = cli({"check", "--json"});
    QCOMPARE(check.exitCode, 0);
    QCOMPARE(check.json().object().value("ok").toBool(), true);
}

void CliTest::exitCodesNameTheProblem() {
    makeVisit();
    QCOMPARE(cli({"frobnicate"}).exitCode, 2);
    QCOMPARE(cli({"campaign", "list", "--colour", "red"}).exitCode, 2);
    QCOMPARE(cli({"visit", "create", "--unit", m_unit, "--date", "yesterday"}).exitCode, 2);
    // Deduction above the item's maximum: a validation error, and nothing written.
    CliResult over = cli({"finding", "create", "--visit", m_visit, "--item", m_item, "--title", "x",
                          "--deduction", "6", "--json"});
    QCOMPARE(over.exitCode, 4);
    QCOMPARE(over.json().object().value("error").toObject().value("code").toString(),
             QStringLiteral("validation"));
    QVERIFY(over.err.contains("6"));
    CliResult list = cli({"finding", "list", "--visit", m_visit, "--json"});
    QCOMPARE(list.json().object().value("total").toInt(), 0);
    // A due date before the visit.
    QCOMPARE(cli({"finding", "create", "--visit", m_visit, "--item", m_item, "--title", "x",
                  "--due", "2026-11-01"})
                 .exitCode,
             4);
    const QString f = created({"finding", "create", "--visit", m_visit, "--item", m_item, "--title",
                               "x", "--deduction", "1"});
    // Closing an open finding skips steps: illegal.
    QCOMPARE(
        cli({"finding", "transition", f, "verify_passed", "--actor", "a", "--note", "n"}).exitCode,
        4);
    QCOMPARE(cli({"finding", "show", "00000000-0000-0000-0000-000000000000"}).exitCode, 5);
    QCOMPARE(runCli({"--data", m_dir->path() + "/nowhere", "campaign", "list"}, Pass).exitCode, 5);
}

void CliTest::passphraseIsNeverTakenFromArguments() {
    CliResult r = cli({"--passphrase", "secret", "campaign", "list"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("standard input"));
    // A passphrase on another descriptor works: here stdin stays empty.
    QFile passFile(m_dir->path() + "/pass");
    QVERIFY(passFile.open(QIODevice::WriteOnly));
    passFile.write(Pass);
    passFile.close();
    QProcess p;
    p.setStandardInputFile(passFile.fileName());
    p.start(QStringLiteral(FL_CLI_PATH),
            {"--data", m_dir->path() + "/d", "--passphrase-fd", "0", "campaign", "list"});
    QVERIFY(p.waitForFinished());
    QCOMPARE(p.exitCode(), 0);
}

void CliTest::wrongPassphraseIsRefusedWithGrowingDelay() {
    CliResult first = cli({"campaign", "list", "--json"}, "wrong passphrase\n");
    QCOMPARE(first.exitCode, 3);
    QCOMPARE(first.json().object().value("error").toObject().value("code").toString(),
             QStringLiteral("wrong_passphrase"));
    cli({"campaign", "list"}, "wrong again\n");
    cli({"campaign", "list"}, "and again\n");
    // Now a delay runs, even for the right passphrase, even in a new process.
    CliResult during = cli({"campaign", "list", "--json"});
    QCOMPARE(during.exitCode, 3);
    QCOMPARE(during.json().object().value("error").toObject().value("code").toString(),
             QStringLiteral("locked_out"));
    QTest::qSleep(2100);
    QCOMPARE(cli({"campaign", "list"}).exitCode, 0);
}

void CliTest::passphraseChangeKeepsData() {
    makeVisit();
    QCOMPARE(cli({"passwd"}, Pass + "a much longer new passphrase\n").exitCode, 0);
    QCOMPARE(cli({"campaign", "list"}).exitCode, 3);
    CliResult r = cli({"campaign", "list", "--json"}, "a much longer new passphrase\n");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().array().size(), 1);
}

void CliTest::foreignAndCorruptDatabasesAreLeftUntouched() {
    const QString db = m_dir->path() + "/d/fieldledger.db";
    QVERIFY(QFile::remove(db));
    QFile::remove(db + "-wal");
    QFile::remove(db + "-shm");
    QFile junk(db);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    QByteArray bytes(8192, 'x');
    junk.write(bytes);
    junk.close();
    CliResult r = cli({"campaign", "list", "--json"});
    QCOMPARE(r.exitCode, 6);
    QCOMPARE(r.json().object().value("error").toObject().value("code").toString(),
             QStringLiteral("corrupt"));
    QVERIFY(junk.open(QIODevice::ReadOnly));
    QCOMPARE(junk.readAll(), bytes);
}

void CliTest::fullDiskLosesNothingSavedBefore() {
    makeVisit();
    const QString before = created({"finding", "create", "--visit", m_visit, "--item", m_item,
                                    "--title", "saved before the disk filled", "--deduction", "1"});
    QVERIFY(!before.isEmpty());
    // Cap every file the child writes at its current size plus a little: the next big write
    // fails the way a full disk does.
    qint64 largest = 0;
    for (const QFileInfo &fi : QDir(m_dir->path() + "/d").entryInfoList(QDir::Files))
        largest = qMax(largest, fi.size());
    const rlim_t cap = rlim_t(largest + 4096);
    const QString huge(40000, QChar(u'长')); // one argument may hold 128 KiB
    CliResult full =
        runCli({"--data", m_dir->path() + "/d", "--json", "finding", "create", "--visit", m_visit,
                "--item", m_item, "--title", "too big", "--description", huge},
               Pass, QProcessEnvironment::systemEnvironment(), [cap] {
                   std::signal(SIGXFSZ, SIG_IGN);
                   rlimit lim{cap, cap};
                   setrlimit(RLIMIT_FSIZE, &lim);
               });
    QCOMPARE(full.exitCode, 6);
    QCOMPARE(full.json().object().value("error").toObject().value("code").toString(),
             QStringLiteral("disk_full"));
    QVERIFY(full.err.contains("intact"));
    CliResult show = cli({"finding", "show", before, "--json"});
    QCOMPARE(show.exitCode, 0);
    QCOMPARE(show.json().object().value("title").toString(),
             QStringLiteral("saved before the disk filled"));
    CliResult list = cli({"finding", "list", "--visit", m_visit, "--json"});
    QCOMPARE(list.json().object().value("total").toInt(), 1);
    QCOMPARE(cli({"check"}).exitCode, 0);
}

void CliTest::tamperedPhotoIsReportedNotShown() {
    makeVisit();
    const QString f = created({"finding", "create", "--visit", m_visit, "--item", m_item, "--title",
                               "x", "--deduction", "1"});
    const QString photo =
        created({"photo", "add", "--record", f, "--file",
                 QStringLiteral(FL_TEST_DATA "/photo_gps.jpg"), "--caption", "现场"});
    QVERIFY(!photo.isEmpty());
    const QString out = m_dir->path() + "/out.jpg";
    QCOMPARE(cli({"photo", "export", photo, "--out", out}).exitCode, 0);
    QVERIFY(QFileInfo(out).size() > 100);
    // A text file is not a photo.
    CliResult notImage = cli({"photo", "add", "--record", f, "--file",
                              QStringLiteral(FL_TEST_DATA "/not_an_image.jpg"), "--json"});
    QCOMPARE(notImage.exitCode, 4);
    QCOMPARE(notImage.json().object().value("error").toObject().value("code").toString(),
             QStringLiteral("unsupported"));

    // Flip one byte in every blob file: exporting must fail with the integrity exit code.
    QDir blobs(m_dir->path() + "/d/blobs");
    int flipped = 0;
    for (const QFileInfo &sub : blobs.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        for (const QFileInfo &fi : QDir(sub.filePath()).entryInfoList(QDir::Files)) {
            QFile file(fi.filePath());
            QVERIFY(file.open(QIODevice::ReadWrite));
            QByteArray data = file.readAll();
            data[data.size() / 2] = char(data[data.size() / 2] ^ 0x01);
            file.seek(0);
            file.write(data);
            ++flipped;
        }
    }
    QCOMPARE(flipped, 2);
    CliResult tampered = cli({"photo", "export", photo, "--out", out + "2", "--json"});
    QCOMPARE(tampered.exitCode, 7);
    QVERIFY(!QFile::exists(out + "2"));
}

void CliTest::visitReportAndWorkbookAreWritten() {
    makeVisit();
    const QString f = created({"finding", "create", "--visit", m_visit, "--item", m_item, "--title",
                               "支部未按期换届", "--deduction", "4"});
    QVERIFY(!f.isEmpty());
    const QString interview = created({"interview", "create", "--visit", m_visit, "--interviewee",
                                       "赵六", "--content", "介绍了换届推迟的原因"});
    QVERIFY(!interview.isEmpty());
    const auto head = [](const QString &path, int n) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.read(n) : QByteArray();
    };

    for (const char *lang : {"zh_CN", "en"}) {
        const QString pdf = m_dir->path() + "/report-" + QLatin1String(lang) + ".pdf";
        const CliResult r = cli({"report", "visit", "--visit", m_visit, "--out", pdf, "--lang",
                                 QLatin1String(lang), "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json().object().value("written").toString(), pdf);
        QCOMPARE(head(pdf, 5), QByteArray("%PDF-"));
        QVERIFY(QFileInfo(pdf).size() > 1024);
    }
    const QString xlsx = m_dir->path() + "/ledger.xlsx";
    const CliResult x = cli({"ledger", "export", "--campaign", m_campaign, "--out", xlsx});
    QVERIFY2(x.exitCode == 0, x.err.constData());
    QCOMPARE(head(xlsx, 2), QByteArray("PK"));
    // .csv still writes CSV.
    const QString csv = m_dir->path() + "/ledger.csv";
    QCOMPARE(cli({"ledger", "export", "--campaign", m_campaign, "--out", csv}).exitCode, 0);
    QCOMPARE(head(csv, 3), QByteArray("\xEF\xBB\xBF"));

    QCOMPARE(cli({"report", "visit", "--visit", m_visit, "--out", m_dir->path() + "/x.pdf",
                  "--lang", "fr"})
                 .exitCode,
             2);
    QCOMPARE(cli({"report", "visit", "--visit", "no-such-visit", "--out", m_dir->path() + "/y.pdf"})
                 .exitCode,
             5);
    QVERIFY(!QFile::exists(m_dir->path() + "/x.pdf"));
    QVERIFY(!QFile::exists(m_dir->path() + "/y.pdf"));
}

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
