// Blob uploads interoperate with third-party tus 1.0 peers from npm: the reference JavaScript
// client (tus-js-client) uploads to fieldledger-server, including a resumed upload.
#include "../server/servertestsupport.h"
#include "vault/blobcipher.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fltest;

class TusInteropTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tusJsClientUploadIsStoredAndResumable();

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

    QString m_node;
};

void TusInteropTest::initTestCase() {
    m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (m_node.isEmpty() ||
        !QFileInfo::exists(QStringLiteral(FL_INTEROP_DIR "/node_modules/tus-js-client")))
        QSKIP("Node.js or tests/interop/node_modules is missing: run `sh .ci/bootstrap`.");
}

void TusInteropTest::tusJsClientUploadIsStoredAndResumable() {
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

QTEST_GUILESS_MAIN(TusInteropTest)
#include "tst_tus_interop.moc"
