// The server stopped by a service manager (SIGTERM): it ends by itself with exit code 0, a
// request still arriving is dropped without a trace, every answered push is there after a
// restart, and the SQLite database was closed cleanly (its write-ahead log checkpointed away).
#include "servertestsupport.h"
#include "syncscenario.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace fltest;

class ServerShutdownTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sigtermStopsBetweenRequestsAndKeepsEveryAnsweredPush();
};

void ServerShutdownTest::sigtermStopsBetweenRequestsAndKeepsEveryAnsweredPush() {
    QTemporaryDir dir;
    Fixture f;
    QVERIFY(f.setUp({QStringLiteral("--data"), dir.path()}));
    QList<fl::ChangeSet> answered;
    for (quint64 i = 1; i <= 20; ++i)
        answered.append(makeChange(f.alice, i, f.campaign, newUuid()));
    QCOMPARE(f.http->push(f.alice, answered).status, 200);

    // A push whose body is still on its way when the stop comes.
    const QList<fl::ChangeSet> late{makeChange(f.alice, 21, f.campaign, newUuid())};
    const QByteArray body = fl::wire::encodePush(f.alice.id, f.alice.sealed(late));
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(f.server.url().port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " +
                 QByteArray(fl::wire::ContentType) + "\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body.left(body.size() / 2));
    QVERIFY(socket.waitForBytesWritten(5000));
    QTest::qWait(200);

    QVERIFY2(f.server.terminateGracefully(), "the server did not stop by itself with code 0");
    const QFileInfo wal(dir.filePath(QStringLiteral("server.db-wal")));
    QVERIFY2(!wal.exists() || wal.size() == 0, "the database was not closed cleanly");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("c"));
        db.setDatabaseName(dir.filePath(QStringLiteral("server.db")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("c"));

    QVERIFY(f.server.start(f.storage));
    f.http = std::make_unique<HttpClient>(f.server.url());
    const auto pulled = f.http->pullAll(f.office);
    QVERIFY(pulled);
    QCOMPARE(pulled->size(), answered.size());
    for (const fl::ChangeSet &cs : std::as_const(answered))
        QVERIFY(std::any_of(pulled->cbegin(), pulled->cend(),
                            [&](const fl::ChangeSet &p) { return sameChange(cs, p); }));
}

QTEST_GUILESS_MAIN(ServerShutdownTest)
#include "tst_server_shutdown.moc"
