// Blob uploads interoperate with third-party tus 1.0 peers from npm, both ways: the reference
// JavaScript client (tus-js-client) uploads to fieldledger-server, and FieldLedger's own uploader
// (sync/client TusUploader) uploads to the reference server (@tus/server), each resuming an
// upload that was cut.
#include "../server/servertestsupport.h"
#include "../tools/countingrelay.h"
#include "sync/client/syncclient.h"
#include "sync/client/tusuploader.h"
#include "vault/blobcipher.h"

#include <QDir>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fltest;

class TusInteropTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tusJsClientUploadIsStoredAndResumable();
    void ourUploaderResumesACutUploadOnTusServer_data();
    void ourUploaderResumesACutUploadOnTusServer();

private:
    struct NodeRun {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        [[nodiscard]] QByteArray value(const QByteArray &key) const {
            for (const QByteArray &line : out.split('\n')) {
                if (line.startsWith(key + ' '))
                    return line.mid(key.size() + 1).trimmed();
            }
            return {};
        }
    };
    NodeRun node(const QStringList &args) {
        QProcess p;
        p.setWorkingDirectory(QStringLiteral(FL_INTEROP_DIR));
        p.start(m_node, QStringList{QStringLiteral(FL_INTEROP_DIR "/tus-upload.js")} + args);
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                p.readAllStandardOutput(), p.readAllStandardError()};
    }

    /// Whether an npm package is installed in tests/interop/node_modules.
    static bool hasModule(const char *name) {
        return QFileInfo::exists(QStringLiteral(FL_INTEROP_DIR "/node_modules/") +
                                 QLatin1String(name));
    }

    QString m_node;
};

void TusInteropTest::initTestCase() {
    m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (m_node.isEmpty() || !QFileInfo::exists(QStringLiteral(FL_INTEROP_DIR "/node_modules")))
        QSKIP("Node.js or tests/interop/node_modules is missing: run `sh .ci/bootstrap`.");
}

void TusInteropTest::tusJsClientUploadIsStoredAndResumable() {
    if (!hasModule("tus-js-client"))
        QSKIP("tests/interop/node_modules/tus-js-client is missing: run `sh .ci/bootstrap`.");
    QTemporaryDir dir;
    Fixture f;
    QVERIFY(f.setUp({QStringLiteral("--data"), dir.path() + QStringLiteral("/server")}));

    // A blob as a device makes it: ciphertext, named by its hash.
    QByteArray blob(3 * 1024 * 1024 + 123, Qt::Uninitialized);
    randombytes_buf(blob.data(), size_t(blob.size()));
    const QByteArray contentId = fl::blobcipher::contentId(blob);
    const QString file = dir.path() + QStringLiteral("/blob.bin");
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(blob);
    }
    const QString seed = QString::fromLatin1(f.alice.signSk.left(32).toHex());
    const QStringList common = {f.server.url().toString(),
                                file,
                                QString::fromLatin1(contentId),
                                f.campaign,
                                f.alice.hex(),
                                seed,
                                QStringLiteral("--chunk"),
                                QString::number(512 * 1024)};

    // First attempt stops after about a megabyte, like an app killed mid-upload.
    const NodeRun first =
        node(common + QStringList{QStringLiteral("--stop-after"), QString::number(1024 * 1024)});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const QByteArray uploadUrl = first.value("url");
    QVERIFY2(!uploadUrl.isEmpty(), first.out.constData());
    const qint64 stoppedAt = first.value("stopped").toLongLong();
    QVERIFY(stoppedAt >= 1024 * 1024 && stoppedAt < blob.size());

    // The server kept what arrived: HEAD says where to go on.
    const QByteArray path = QUrl(QString::fromLatin1(uploadUrl)).path().toLatin1();
    const HttpReply head =
        f.http->send(f.alice, "HEAD", path, {}, {}, {{"Tus-Resumable", "1.0.0"}});
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("Upload-Offset").toLongLong(), stoppedAt);

    // tus-js-client resumes from the server's offset and completes.
    const NodeRun second =
        node(common + QStringList{QStringLiteral("--resume"), QString::fromLatin1(uploadUrl)});
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QCOMPARE(second.value("done").toLongLong(), qint64(blob.size()));

    const HttpReply got = f.http->send(f.alice, "GET", "/v1/blobs/" + contentId);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.body.size(), blob.size());
    QVERIFY(got.body == blob);
}

void TusInteropTest::ourUploaderResumesACutUploadOnTusServer_data() {
    QTest::addColumn<bool>("network");
    // The app stops the upload (killed, cancelled) after about a megabyte.
    QTest::newRow("aborted") << false;
    // The connection is reset in the middle of a chunk (fl-faultproxy).
    QTest::newRow("connection reset") << true;
}

void TusInteropTest::ourUploaderResumesACutUploadOnTusServer() {
    QFETCH(bool, network);
    if (!hasModule("@tus/server") || !hasModule("@tus/file-store"))
        QSKIP("tests/interop/node_modules/@tus/server is missing: run `sh .ci/bootstrap`.");
    QTemporaryDir dir;
    const QString stored = dir.path() + QStringLiteral("/tus");
    QVERIFY(QDir().mkpath(stored));

    // The reference server, with its file store.
    QProcess tusd;
    tusd.setWorkingDirectory(QStringLiteral(FL_INTEROP_DIR));
    tusd.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    tusd.start(m_node, {QStringLiteral(FL_INTEROP_DIR "/tus-server.js"), stored});
    const auto stopTusd = qScopeGuard([&] {
        tusd.kill();
        tusd.waitForFinished(5000);
    });
    QVERIFY(tusd.waitForStarted(10000));
    QByteArray line;
    while (!line.contains('\n') && tusd.waitForReadyRead(20000))
        line += tusd.readAllStandardOutput();
    QVERIFY2(line.startsWith("listening on "), line.constData());
    const QUrl endpoint(QString::fromLatin1(line.mid(13).trimmed()));
    QVERIFY(endpoint.isValid() && endpoint.port() > 0);
    QUrl direct = endpoint;
    direct.setPath(QString());

    // uploader -> counting relay (what went over the wire) [-> fl-faultproxy] -> @tus/server
    quint16 next = quint16(endpoint.port());
    QProcess proxy;
    const auto stopProxy = qScopeGuard([&] {
        proxy.kill();
        proxy.waitForFinished(5000);
    });
    if (network) {
        proxy.start(QStringLiteral(FL_PROXY_PATH),
                    {QStringLiteral("--target"), QStringLiteral("127.0.0.1:%1").arg(next)});
        QVERIFY(proxy.waitForStarted(5000) && proxy.waitForReadyRead(5000));
        const QByteArray listening = proxy.readLine().trimmed();
        QVERIFY2(listening.startsWith("listening on "), listening.constData());
        next = quint16(listening.mid(13).toUInt());
        // The first connection carries the creation and the chunks: reset it a little after
        // the first megabyte, in the middle of a chunk.
        proxy.write("reset-request " + QByteArray::number(1024 * 1024 + 100 * 1024) + '\n');
        QTRY_COMPARE_WITH_TIMEOUT(proxy.bytesToWrite(), qint64(0), 5000);
        QTest::qWait(50);
    }
    CountingRelay relay;
    QVERIFY(relay.start(QHostAddress::LocalHost, next));
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(relay.port()));

    QByteArray blob(3 * 1024 * 1024 + 321, Qt::Uninitialized);
    randombytes_buf(blob.data(), size_t(blob.size()));
    const QByteArray metadata = "filename " + QByteArray("blob.bin").toBase64();
    constexpr qint64 Chunk = 256 * 1024;

    const TestDevice device = TestDevice::create();
    fl::sync::SyncClient client;
    client.setServer(base);
    client.setSigner(device.id, device.signer());
    fl::sync::TusUploader uploader(client);
    uploader.setEndpoint(base.resolved(QUrl(endpoint.path())));
    uploader.setChunkBytes(Chunk);
    qint64 acknowledged = 0;
    connect(&uploader, &fl::sync::TusUploader::acknowledged, this,
            [&](qint64 bytes) { acknowledged += bytes; });
    int created = 0;
    const auto onCreated = [&](const QUrl &) -> fl::sync::SyncResult<void> {
        ++created;
        return {};
    };

    // The first attempt is cut after about a megabyte.
    const auto cut =
        connect(&client, &fl::sync::SyncClient::uploadProgress, this, [&](qint64 sent, qint64) {
            if (!network && acknowledged + sent > 1024 * 1024 + Chunk / 2)
                client.cancel();
        });
    QUrl location;
    const auto first = uploader.upload(blob, metadata, location, onCreated);
    disconnect(cut);
    relay.settle();
    QCOMPARE(created, 1);
    QVERIFY2(location.isValid() && location.path().startsWith(endpoint.path() + QLatin1Char('/')),
             qPrintable(location.toString()));
    if (network) {
        // The uploader asked where the server stood and went on from there by itself, on a new
        // connection.
        QVERIFY2(first.ok(), qPrintable(first.failure().message));
        QVERIFY(relay.connections() >= 2);
    } else {
        // Stopped: the next upload() resumes it.
        QVERIFY2(!first.ok(), "the upload was not cut");
        QCOMPARE(first.failure().error, fl::sync::SyncError::Cancelled);
        const qint64 wireBeforeCut = relay.up().body;
        QVERIFY2(wireBeforeCut > 1024 * 1024 && wireBeforeCut < blob.size(),
                 qPrintable(QString::number(wireBeforeCut)));

        // @tus/server kept what arrived before the cut: at least every acknowledged chunk.
        HttpClient http(direct);
        const HttpReply head =
            http.raw("HEAD", location.path().toLatin1(), {}, {{"Tus-Resumable", "1.0.0"}});
        QCOMPARE(head.status, 200);
        const qint64 kept = head.header("Upload-Offset").toLongLong();
        QVERIFY2(kept >= acknowledged && kept <= wireBeforeCut,
                 qPrintable(QStringLiteral("kept %1, acknowledged %2, sent %3")
                                .arg(kept)
                                .arg(acknowledged)
                                .arg(wireBeforeCut)));

        // Resumed from the server's offset, on the same upload, to the end.
        client.resetCancel();
        const qint64 before = uploader.bytesSent();
        const auto second = uploader.upload(blob, metadata, location, onCreated);
        QVERIFY2(second.ok(), qPrintable(second.failure().message));
        QCOMPARE(created, 1);
        QCOMPARE(uploader.bytesSent() - before, blob.size() - kept);
        relay.settle();
    }
    // Chunk bytes that crossed the wire twice, counted on the wire.
    const qint64 resent = relay.up().body - blob.size();
    qInfo("%lld bytes sent again after the cut (a chunk is %lld)", resent, Chunk);
    QVERIFY2(resent >= 0 && resent <= Chunk, qPrintable(QString::number(resent)));

    // What @tus/server stored is the file, byte for byte.
    QFile file(stored + QLatin1Char('/') + location.path().section(QLatin1Char('/'), -1));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QCOMPARE(file.size(), blob.size());
    QVERIFY(file.readAll() == blob);
}

QTEST_GUILESS_MAIN(TusInteropTest)
#include "tst_tus_interop.moc"
