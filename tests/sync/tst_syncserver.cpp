// Two devices sync through the real fieldledger-server on a free loopback port: an office
// device shares a campaign with an inspector's tablet, the tablet records a finding with a
// photo, the office sees both. Cancelled transfers resume where they stopped.
#include "../integration/clirunner.h"

#include "domain/entities.h"
#include "store/store.h"
#include "sync/client/syncengine.h"
#include "vault/vault.h"

#include <QCborMap>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <QUuid>

using namespace fl;
using namespace fl::sync;

namespace {

const QByteArray Pass = "correct horse battery staple\n";

/// The reference server as a child process, on a port it picked itself.
class ServerProcess {
public:
    ~ServerProcess() { stop(); }
    bool start(const QString &dataDir) {
        m_data = dataDir;
        m_process.setProgram(QStringLiteral(FL_SERVER_PATH));
        m_process.setArguments({"--data", dataDir, "--port", "0"});
        m_process.start();
        if (!m_process.waitForStarted())
            return false;
        QElapsedTimer t;
        t.start();
        while (!m_process.canReadLine() && t.elapsed() < 15000)
            m_process.waitForReadyRead(200);
        const QByteArray line = m_process.readLine().trimmed();
        if (!line.startsWith("listening on "))
            return false;
        m_url = QString::fromLatin1(line.mid(13));
        return true;
    }
    void stop() {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished();
    }
    [[nodiscard]] QString url() const { return m_url; }
    /// A one-time enrolment code from the admin CLI.
    [[nodiscard]] QString enrolCode(const QString &role) const {
        QProcess admin;
        admin.start(QStringLiteral(FL_SERVER_PATH),
                    {"--data", m_data, "admin", "enrol-code", "--role", role});
        admin.waitForFinished(30000);
        return QString::fromUtf8(admin.readAllStandardOutput()).trimmed();
    }

private:
    QProcess m_process;
    QString m_data;
    QString m_url;
};

} // namespace

class SyncServerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void officeAndInspectorSyncAFindingWithItsPhoto();
    void cancelledTransfersResumeWhereTheyStopped();
    void unreachableServerExitsWithCodeEightAndLosesNothing();
    void unsharedCampaignWaitsInTheOutboxUntilShared();
    void refusedChangeSetsAreSetAsideAndReported();
    void pulledChangesWaitForTheirCampaignKey();

private:
    CliResult cli(const QString &device, const QStringList &args) {
        return runCli(QStringList{"--data", m_dir->filePath(device)} + args, Pass);
    }
    QJsonObject json(const QString &device, const QStringList &args, int exitCode = 0) {
        const CliResult r = cli(device, args + QStringList{"--json"});
        if (r.exitCode != exitCode)
            qWarning() << args << r.exitCode << r.err;
        return r.json().object();
    }
    QString created(const QString &device, const QStringList &args) {
        return json(device, args).value("id").toString();
    }
    QString deviceId(const QString &device) {
        return json(device, {"status"}).value("device_id").toString();
    }
    /// Runs `body` with the device's store open in this process (vault unlocked).
    void withStore(const QString &device, const std::function<void(Store &)> &body) {
        Vault vault(m_dir->filePath(device + "/vault.json"));
        QVERIFY(vault.unlock(Pass.trimmed()));
        Store store(vault);
        QVERIFY(store.open(m_dir->filePath(device + "/fieldledger.db")));
        body(store);
    }
    /// Two enrolled devices, a campaign shared by the office, a visit, a finding + photo.
    void setUpCampaign(const QString &photoFile);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QString m_campaign, m_item, m_visit, m_finding;
};

void SyncServerTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start(m_dir->filePath("server")));
    for (const char *device : {"office", "tablet"})
        QCOMPARE(cli(device, {"init", "--kdf", "minimum"}).exitCode, 0);
    const QJsonObject office = json("office", {"enrol", "--server", m_server->url(), "--code",
                                               m_server->enrolCode("office"), "--name", "office"});
    QCOMPARE(office.value("role").toString(), QStringLiteral("office"));
    const QJsonObject tablet =
        json("tablet", {"enrol", "--server", m_server->url(), "--code",
                        m_server->enrolCode("inspector"), "--name", "tablet 7"});
    QCOMPARE(tablet.value("role").toString(), QStringLiteral("inspector"));
}

void SyncServerTest::cleanup() {
    m_server.reset();
    m_dir.reset();
}

void SyncServerTest::setUpCampaign(const QString &photoFile) {
    m_campaign =
        created("office", {"campaign", "create", "--name", "第四轮", "--base", "40,30,30"});
    QVERIFY(!m_campaign.isEmpty());
    m_item = created("office", {"checklist", "add", "--campaign", m_campaign, "--level",
                                "grassroots", "--code", "3.1", "--text", "三会一课", "--max", "5"});
    const QString unit =
        created("office", {"unit", "create", "--campaign", m_campaign, "--name", "省交通运输厅"});
    m_visit = created("office", {"visit", "create", "--unit", unit, "--date", "2026-11-20"});
    QVERIFY(!m_visit.isEmpty());

    // Sharing seals the key to both devices; the office's records go up with its sync.
    const QJsonObject shared = json("office", {"share", "--campaign", m_campaign});
    QCOMPARE(shared.value("devices").toArray().size(), 2);
    const QJsonObject up = json("office", {"sync"});
    QCOMPARE(up.value("pushed").toInt(), 4);
    QCOMPARE(up.value("pending").toInt(), 0);

    // The tablet receives the key and the campaign.
    const QJsonObject down = json("tablet", {"sync"});
    QCOMPARE(down.value("keys_added").toInt(), 1);
    QCOMPARE(down.value("pulled").toInt(), 4);
    const CliResult visits = cli("tablet", {"visit", "list", "--campaign", m_campaign, "--json"});
    QCOMPARE(visits.json().array().size(), 1);

    m_finding = created("tablet", {"finding", "create", "--visit", m_visit, "--item", m_item,
                                   "--title", "支部未按期换届", "--deduction", "2"});
    QVERIFY(!m_finding.isEmpty());
    QVERIFY(!created("tablet", {"photo", "add", "--record", m_finding, "--file", photoFile,
                                "--caption", "会议记录"})
                 .isEmpty());
}

void SyncServerTest::officeAndInspectorSyncAFindingWithItsPhoto() {
    setUpCampaign(QStringLiteral(FL_TEST_DATA "/photo_gps.jpg"));

    const QJsonObject up = json("tablet", {"sync"});
    QCOMPARE(up.value("pushed").toInt(), 2);   // the finding and the photo record
    QCOMPARE(up.value("uploaded").toInt(), 2); // the image and its thumbnail
    QVERIFY(up.value("bytes_up").toInteger() > 0);
    QVERIFY(up.value("error").isNull());

    const QJsonObject down = json("office", {"sync"});
    QCOMPARE(down.value("pulled").toInt(), 2);
    QCOMPARE(down.value("downloaded").toInt(), 2);
    QCOMPARE(down.value("bytes_down").toInteger(), up.value("bytes_up").toInteger());

    const QJsonArray findings =
        json("office", {"finding", "list", "--campaign", m_campaign}).value("items").toArray();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.at(0).toObject().value("title").toString(), QStringLiteral("支部未按期换届"));

    // The office opens the very photo the tablet took.
    const QJsonArray photos =
        cli("office", {"photo", "list", "--record", m_finding, "--json"}).json().array();
    QCOMPARE(photos.size(), 1);
    const QString photo = photos.at(0).toObject().value("id").toString();
    const QString atOffice = m_dir->filePath("office.jpg");
    const QString atTablet = m_dir->filePath("tablet.jpg");
    QCOMPARE(cli("office", {"photo", "export", photo, "--out", atOffice}).exitCode, 0);
    QCOMPARE(cli("tablet", {"photo", "export", photo, "--out", atTablet}).exitCode, 0);
    QFile a(atOffice), b(atTablet);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QVERIFY(a.size() > 1000);
    QCOMPARE(a.readAll(), b.readAll());

    // Nothing left to do: a second sync on each side moves nothing and fails nothing.
    for (const char *device : {"office", "tablet"}) {
        const QJsonObject again = json(device, {"sync"});
        QCOMPARE(again.value("pushed").toInt(), 0);
        QCOMPARE(again.value("pulled").toInt(), 0);
        QCOMPARE(again.value("uploaded").toInt(), 0);
        QCOMPARE(again.value("downloaded").toInt(), 0);
        QVERIFY(again.value("error").isNull());
    }

    // An inspector may not share campaigns.
    const CliResult refused = cli("tablet", {"share", "--campaign", m_campaign});
    QCOMPARE(refused.exitCode, 3);
    QVERIFY(refused.err.contains("office"));
}

void SyncServerTest::cancelledTransfersResumeWhereTheyStopped() {
    // A noisy picture compresses badly: a file of a few MB, many upload chunks.
    QImage image(1600, 1200, QImage::Format_RGB32);
    auto *rng = QRandomGenerator::global();
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = rng->generate();
    }
    const QString big = m_dir->filePath("noise.png");
    QVERIFY(image.save(big));
    setUpCampaign(big);

    SyncEngine::Options options;
    options.chunkBytes = 256 * 1024;
    const auto open = [&](const QString &device, std::unique_ptr<Vault> &vault) {
        vault = std::make_unique<Vault>(m_dir->filePath(device + "/vault.json"));
        QVERIFY(vault->unlock(Pass.trimmed()));
    };

    // Upload: cancelled after the first chunk went through.
    std::unique_ptr<Vault> tabletVault;
    open("tablet", tabletVault);
    qint64 imageBytes = 0;
    {
        SyncEngine tablet(*tabletVault, m_dir->filePath("tablet/fieldledger.db"),
                          m_dir->filePath("tablet/blobs"), options);
        connect(&tablet, &SyncEngine::progressChanged, &tablet, [&](const SyncProgress &p) {
            if (p.bytesUp > 300 * 1024)
                tablet.cancel();
        });
        const SyncReport first = tablet.runSync();
        QCOMPARE(first.failure.error, SyncError::Cancelled);
        QCOMPARE(first.progress.pushed, 2); // the records went before the files
        QVERIFY(first.progress.bytesUp > 0);
        QVERIFY(first.progress.uploaded < 2);
        QCOMPARE(tablet.state(), SyncEngine::State::Idle);
        QCOMPARE(tablet.error(), SyncError::Cancelled);
        disconnect(&tablet, &SyncEngine::progressChanged, &tablet, nullptr);

        const SyncReport second = tablet.runSync();
        QVERIFY2(second.ok(), qPrintable(second.failure.message));
        QCOMPARE(second.progress.uploaded + first.progress.uploaded, 2);
        imageBytes = first.progress.bytesUp + second.progress.bytesUp;
    }
    // Resumed, not restarted: every byte of both files went up exactly once.
    qint64 onDisk = 0;
    QDirIterator files(m_dir->filePath("tablet/blobs"), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext())
        onDisk += QFileInfo(files.next()).size();
    QCOMPARE(imageBytes, onDisk);
    QVERIFY(onDisk > 1024 * 1024);

    // Download: cancelled in the middle of the big file, resumed with a range request.
    std::unique_ptr<Vault> officeVault;
    open("office", officeVault);
    {
        SyncEngine office(*officeVault, m_dir->filePath("office/fieldledger.db"),
                          m_dir->filePath("office/blobs"), options);
        connect(&office, &SyncEngine::progressChanged, &office, [&](const SyncProgress &p) {
            if (p.phase == SyncProgress::Download && p.bytesDown > onDisk / 2)
                office.cancel();
        });
        const SyncReport first = office.runSync();
        QCOMPARE(first.failure.error, SyncError::Cancelled);
        QVERIFY(first.progress.bytesDown > 0);
        QVERIFY(first.progress.bytesDown < onDisk);
        disconnect(&office, &SyncEngine::progressChanged, &office, nullptr);

        const SyncReport second = office.runSync();
        QVERIFY2(second.ok(), qPrintable(second.failure.message));
        QCOMPARE(first.progress.downloaded + second.progress.downloaded, 2);
        QVERIFY(second.progress.bytesDown < onDisk);
        QVERIFY(first.progress.bytesDown + second.progress.bytesDown >= onDisk);
    }
    // The resumed file is whole: it decrypts and matches the tablet's.
    const QJsonArray photos =
        cli("office", {"photo", "list", "--record", m_finding, "--json"}).json().array();
    QCOMPARE(photos.size(), 1);
    const QString photo = photos.at(0).toObject().value("id").toString();
    QCOMPARE(cli("office", {"photo", "export", photo, "--out", m_dir->filePath("o.png")}).exitCode,
             0);
    QCOMPARE(cli("tablet", {"photo", "export", photo, "--out", m_dir->filePath("t.png")}).exitCode,
             0);
    QFile a(m_dir->filePath("o.png")), b(m_dir->filePath("t.png"));
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll());
}

void SyncServerTest::unreachableServerExitsWithCodeEightAndLosesNothing() {
    setUpCampaign(QStringLiteral(FL_TEST_DATA "/photo_gps.jpg"));
    m_server->stop();
    const CliResult r = cli("tablet", {"sync", "--json"});
    QCOMPARE(r.exitCode, 8);
    const QJsonObject error = r.json().object().value("error").toObject();
    QCOMPARE(error.value("code").toString(), QStringLiteral("network"));
    QCOMPARE(error.value("retryable").toBool(), true);
    QVERIFY(r.err.contains("Nothing was lost"));
    QCOMPARE(r.json().object().value("pending").toInt(), 2);
    const CliResult status = cli("tablet", {"status", "--json"});
    QCOMPARE(status.json().object().value("pending").toInt(), 2);
}

void SyncServerTest::unsharedCampaignWaitsInTheOutboxUntilShared() {
    const QString campaign = created("office", {"campaign", "create", "--name", "R5"});
    QVERIFY(!campaign.isEmpty());
    // Not registered on the server yet: refused as not_member, kept pending, not set aside.
    const QJsonObject early = json("office", {"sync"});
    QCOMPARE(early.value("pushed").toInt(), 0);
    QCOMPARE(early.value("deferred").toInt(), 1);
    QCOMPARE(early.value("pending").toInt(), 1);
    QCOMPARE(early.value("rejected").toArray().size(), 0);
    QVERIFY(early.value("error").isNull());
    // Shared with one device only; the office becomes a member and its change goes up.
    const QJsonObject shared =
        json("office", {"share", "--campaign", campaign, "--devices", deviceId("tablet")});
    QCOMPARE(shared.value("devices").toArray().size(), 1);
    const QJsonObject later = json("office", {"sync"});
    QCOMPARE(later.value("pushed").toInt(), 1);
    QCOMPARE(later.value("pending").toInt(), 0);
    QCOMPARE(later.value("deferred").toInt(), 0);
    // An unknown device id is refused before anything is sent.
    const CliResult unknown = cli(
        "office", {"share", "--campaign", campaign, "--devices", QString(32, QLatin1Char('a'))});
    QCOMPARE(unknown.exitCode, 4);
}

void SyncServerTest::refusedChangeSetsAreSetAsideAndReported() {
    setUpCampaign(QStringLiteral(FL_TEST_DATA "/photo_gps.jpg"));
    QCOMPARE(json("tablet", {"sync"}).value("pushed").toInt(), 2);
    // Both devices create a record under one id, as different types: whoever comes second is
    // refused (conflicting_record) and cannot take the other's record either.
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (const auto &[device, type] : {std::pair{"office", "unit"}, std::pair{"tablet", "note"}}) {
        withStore(device, [&](Store &store) {
            QVERIFY(store.write([&](Writer &w) -> Result<void> {
                auto r = w.create(type, m_campaign, {}, QCborMap{{"name", "x"}}, id);
                if (!r)
                    return r.error();
                return {};
            }));
        });
    }
    QCOMPARE(json("office", {"sync"}).value("pushed").toInt(), 1);
    const CliResult r = cli("tablet", {"sync", "--json"});
    QCOMPARE(r.exitCode, 0); // the sync itself worked; the refusal is reported
    const QJsonObject report = r.json().object();
    QCOMPARE(report.value("pushed").toInt(), 0);
    const QJsonArray rejected = report.value("rejected").toArray();
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.at(0).toObject().value("reason").toString(),
             QStringLiteral("conflicting_record"));
    QCOMPARE(rejected.at(0).toObject().value("record_id").toString(), id);
    QCOMPARE(report.value("pending").toInt(), 0);
    QCOMPARE(report.value("parked").toInt(), 1); // the office's version of that record
    const CliResult text = cli("tablet", {"sync"});
    QVERIFY(text.out.contains("set aside"));
    QVERIFY(text.out.contains("conflicting_record"));
    // Nothing was dropped: the record and its journal entry are still on the tablet.
    QCOMPARE(cli("tablet", {"journal", "--record", id, "--json"}).json().array().size(), 1);
    // Retrying sends it again; the server still refuses it, and it is set aside again.
    const QJsonObject retried = json("tablet", {"sync", "--retry-rejected"});
    QCOMPARE(retried.value("rejected").toArray().size(), 1);
    QCOMPARE(retried.value("pushed").toInt(), 0);
}

void SyncServerTest::pulledChangesWaitForTheirCampaignKey() {
    const QString campaign = created("office", {"campaign", "create", "--name", "R6"});
    QVERIFY(
        !created("office", {"unit", "create", "--campaign", campaign, "--name", "U"}).isEmpty());
    QCOMPARE(json("office", {"share", "--campaign", campaign, "--devices", deviceId("office")})
                 .value("devices")
                 .toArray()
                 .size(),
             1);
    QCOMPARE(json("office", {"sync"}).value("pushed").toInt(), 2);
    // The tablet becomes a member without a key envelope: it may pull the change sets but
    // cannot open them yet. They are kept, not dropped, and the cursor moves on.
    QProcess admin;
    admin.start(QStringLiteral(FL_SERVER_PATH), {"--data", m_dir->filePath("server"), "admin",
                                                 "member", "add", campaign, deviceId("tablet")});
    QVERIFY(admin.waitForFinished(30000));
    QCOMPARE(admin.exitCode(), 0);
    const QJsonObject early = json("tablet", {"sync"});
    QCOMPARE(early.value("parked").toInt(), 2);
    QCOMPARE(early.value("pulled").toInt(), 0);
    QVERIFY(early.value("error").isNull());
    // Once the office shares the key, the next sync opens and applies them.
    QCOMPARE(json("office", {"share", "--campaign", campaign}).value("devices").toArray().size(),
             2);
    const QJsonObject later = json("tablet", {"sync"});
    QCOMPARE(later.value("keys_added").toInt(), 1);
    QCOMPARE(later.value("parked").toInt(), 0);
    QCOMPARE(later.value("pulled").toInt(), 2);
    QCOMPARE(
        cli("tablet", {"unit", "list", "--campaign", campaign, "--json"}).json().array().size(), 1);
}

QTEST_GUILESS_MAIN(SyncServerTest)
#include "tst_syncserver.moc"
