// A change set as large as a push may be travels from one device to another through the real
// fieldledger-server: pushed alone in a body of exactly the push limit, and pulled in a page
// every device accepts (sync/protocol/bodylimits.h).
#include "../integration/clirunner.h"
#include "../server/servertestsupport.h"

#include "store/store.h"
#include "sync/protocol/wire.h"
#include "vault/vault.h"

#include <QCborMap>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace fl;

namespace {

const QByteArray Pass = "correct horse battery staple\n";
constexpr int Fields = 17;
constexpr qsizetype FieldBytes = 1000000;

} // namespace

class SyncBodySizeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void changeSetAsLargeAsThePushLimitReachesTheOtherDevice();

private:
    QJsonObject json(const QString &device, const QStringList &args) {
        const CliResult r = runCli(
            QStringList{"--data", m_dir->filePath(device)} + args + QStringList{"--json"}, Pass);
        if (r.exitCode != 0)
            qWarning() << args << r.exitCode << r.err;
        return r.json().object();
    }
    void withStore(const QString &device, const std::function<void(Store &)> &body) {
        Vault vault(m_dir->filePath(device + "/vault.json"));
        QVERIFY(vault.unlock(Pass.trimmed()));
        Store store(vault);
        QVERIFY(store.open(m_dir->filePath(device + "/fieldledger.db")));
        body(store);
    }
    /// A record of Fields byte-string fields, the last `lastBytes` long.
    static QCborMap bulkFields(qsizetype lastBytes) {
        QCborMap fields;
        for (int f = 0; f < Fields; ++f)
            fields.insert(QStringLiteral("f%1").arg(f, 2, 10, QLatin1Char('0')),
                          QByteArray(f + 1 < Fields ? FieldBytes : lastBytes, char('a' + f)));
        return fields;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<fltest::ServerProcess> m_server;
};

void SyncBodySizeTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<fltest::ServerProcess>();
    const QStringList storage = {"--data", m_dir->filePath("server")};
    QVERIFY(m_server->start(storage));
    for (const char *device : {"office", "tablet"}) {
        QCOMPARE(
            runCli({"--data", m_dir->filePath(device), "init", "--kdf", "minimum"}, Pass).exitCode,
            0);
        const QString role =
            QLatin1String(device) == QLatin1String("office") ? "office" : "inspector";
        const fltest::CommandResult code =
            fltest::runServerCommand(storage + QStringList{"admin", "enrol-code", "--role", role});
        QCOMPARE(code.exitCode, 0);
        const QJsonObject enrolled =
            json(device, {"enrol", "--server", m_server->url().toString(), "--code",
                          QString::fromLatin1(code.out.trimmed()), "--name", device});
        QCOMPARE(enrolled.value("role").toString(), role);
    }
}

void SyncBodySizeTest::cleanup() {
    m_server.reset();
    m_dir.reset();
}

void SyncBodySizeTest::changeSetAsLargeAsThePushLimitReachesTheOtherDevice() {
    const QString campaign =
        json("office", {"campaign", "create", "--name", "大附件", "--base", "40,30,30"})
            .value("id")
            .toString();
    QVERIFY(!campaign.isEmpty());
    QCOMPARE(json("office", {"share", "--campaign", campaign}).value("devices").toArray().size(),
             2);
    QVERIFY(json("office", {"sync"}).value("error").isNull());
    QCOMPARE(json("tablet", {"sync"}).value("keys_added").toInt(), 1);

    // The tablet writes records until one's push body is exactly the push limit: the size of a
    // body follows the size of its last value byte for byte, so each try corrects the last.
    QString exact;
    qsizetype lastBytes = 500000;
    int records = 0;
    withStore("tablet", [&](Store &store) {
        // A first change set in the round, so that every bulk one names a predecessor in its
        // seal: all of them then carry seals of one size.
        QVERIFY(store.create(QStringLiteral("bulk"), campaign, {}, bulkFields(10)));
        ++records;
        for (int attempt = 0; attempt < 4 && exact.isEmpty(); ++attempt) {
            auto id = store.create(QStringLiteral("bulk"), campaign, {}, bulkFields(lastBytes));
            QVERIFY(id);
            ++records;
            auto pending = store.pending(100);
            QVERIFY(pending);
            // Measured as pushed: sealed (in outbox order, as the engine seals them).
            QVERIFY(store.sealForPush(*pending));
            for (const ChangeSet &cs : std::as_const(*pending)) {
                if (cs.recordId != *id)
                    continue;
                const qsizetype body = wire::encodePush(store.deviceId(), {cs}).size();
                QVERIFY(body <= wire::MaxPushBodyBytes);
                if (body == wire::MaxPushBodyBytes)
                    exact = *id;
                lastBytes += wire::MaxPushBodyBytes - body;
            }
        }
    });
    QVERIFY2(!exact.isEmpty(), "no record made a push body of exactly the limit");

    const QJsonObject up = json("tablet", {"sync"});
    QVERIFY2(up.value("error").isNull(), qPrintable(up.value("error").toString()));
    QCOMPARE(up.value("pushed").toInt(), records);
    QCOMPARE(up.value("pending").toInt(), 0);

    const QJsonObject down = json("office", {"sync"});
    QVERIFY2(down.value("error").isNull(), qPrintable(down.value("error").toString()));
    QCOMPARE(down.value("pulled").toInt(), records);
    withStore("office", [&](Store &store) {
        auto record = store.get(exact);
        QVERIFY(record);
        const QCborMap expected = bulkFields(lastBytes);
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QVERIFY(record->fields.value(it.key()) == it.value());
    });
}

QTEST_GUILESS_MAIN(SyncBodySizeTest)
#include "tst_syncbodysize.moc"
