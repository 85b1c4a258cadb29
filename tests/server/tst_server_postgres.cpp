// The server on a real PostgreSQL (a throw-away cluster): the same contract as on SQLite, and two
// server processes on one database serving one history.
#include "enrolcodescenario.h"
#include "pgcluster.h"
#include "syncscenario.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fltest;

class ServerPostgresTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void pushPullAndIdempotencyOnPostgres();
    void fullBatchIsStoredInOnePushOnPostgres();
    void blobUploadOnPostgres();
    void officeIssuesEnrolmentCodesOnPostgres();
    void twoServersOnOneDatabaseServeEveryChangeOnceInOrder();
    void pushWaitsForTheSequenceLock();

private:
    /// A fresh database and blob folder for one test.
    QStringList freshStorage();

    std::unique_ptr<PgCluster> m_pg;
    QTemporaryDir m_blobs;
    int m_databases = 0;
};

void ServerPostgresTest::initTestCase() {
    if (!PgCluster::available())
        QSKIP("PostgreSQL 15 binaries are not in /usr/lib/postgresql/15/bin "
              "(apt-get install postgresql): PostgreSQL tests skipped");
    m_pg = std::make_unique<PgCluster>();
    QString why;
    QVERIFY2(m_pg->start(&why), qPrintable(why));
}

void ServerPostgresTest::cleanupTestCase() {
    m_pg.reset();
}

QStringList ServerPostgresTest::freshStorage() {
    QString why;
    const QString url = m_pg->createDatabase(QStringLiteral("t%1").arg(++m_databases), &why);
    if (url.isEmpty())
        qWarning() << why;
    return {QStringLiteral("--database"), url, QStringLiteral("--blobs"),
            m_blobs.filePath(QString::number(m_databases))};
}

void ServerPostgresTest::pushPullAndIdempotencyOnPostgres() {
    Fixture f;
    QVERIFY(f.setUp(freshStorage()));
    pushPullIdempotencyScenario(f);
    if (QTest::currentTestFailed())
        return;
    // Membership and replay protection live in the database too.
    auto foreign = fl::wire::decodePushResult(
        f.http->push(f.bob, {makeChange(f.bob, 1, f.campaign, newUuid())}).body);
    QVERIFY(foreign.ok());
    QCOMPARE(foreign->rejected.size(), 1);
    QCOMPARE(foreign->rejected.first().second, QStringLiteral("not_member"));
    const Headers h = f.http->signedHeaders(f.alice, "GET", "/v1/keys");
    QCOMPARE(f.http->raw("GET", "/v1/keys", {}, h).status, 200);
    QCOMPARE(f.http->raw("GET", "/v1/keys", {}, h).error(), QStringLiteral("replayed_nonce"));
}

void ServerPostgresTest::fullBatchIsStoredInOnePushOnPostgres() {
    Fixture f;
    QVERIFY(f.setUp(freshStorage()));
    fullBatchScenario(f);
}

void ServerPostgresTest::officeIssuesEnrolmentCodesOnPostgres() {
    Fixture f;
    QVERIFY(f.setUp(freshStorage()));
    officeIssuedEnrolCodeScenario(f);
}

void ServerPostgresTest::blobUploadOnPostgres() {
    Fixture f;
    QVERIFY(f.setUp(freshStorage()));
    QByteArray data(70000, Qt::Uninitialized);
    randombytes_buf(data.data(), size_t(data.size()));
    unsigned char digest[32];
    crypto_generichash(digest, 32, reinterpret_cast<const unsigned char *>(data.data()),
                       quint64(data.size()), nullptr, 0);
    const QByteArray id = QByteArray(reinterpret_cast<const char *>(digest), 32).toHex();
    const HttpReply c =
        f.http->send(f.alice, "POST", "/v1/blobs", {}, {},
                     {{"Tus-Resumable", "1.0.0"},
                      {"Upload-Length", QByteArray::number(data.size())},
                      {"Upload-Metadata", "content_id " + id.toBase64() + ",campaign " +
                                              f.campaign.toUtf8().toBase64()}});
    QCOMPARE(c.status, 201);
    const HttpReply p = f.http->send(f.alice, "PATCH", c.header("Location"), data,
                                     "application/offset+octet-stream",
                                     {{"Tus-Resumable", "1.0.0"}, {"Upload-Offset", "0"}});
    QCOMPARE(p.status, 204);
    const HttpReply g =
        f.http->send(f.office, "GET", "/v1/blobs/" + id, {}, {}, {{"Range", "bytes=5-9"}});
    QCOMPARE(g.status, 206);
    QCOMPARE(g.body, data.mid(5, 5));
}

void ServerPostgresTest::twoServersOnOneDatabaseServeEveryChangeOnceInOrder() {
    Fixture f;
    QVERIFY(f.setUp(freshStorage()));
    ServerProcess second;
    QVERIFY(second.start(f.storage));
    HttpClient other(second.url());
    HttpClient *servers[2] = {f.http.get(), &other};

    // Twenty batches from two devices, spread over both servers, all in flight at once.
    constexpr int Batches = 20;
    constexpr int PerBatch = 25;
    QList<QList<fl::ChangeSet>> batches;
    QSet<QByteArray> pushedIds;
    quint64 seq[2] = {0, 0};
    for (int b = 0; b < Batches; ++b) {
        const int who = b % 2;
        const TestDevice &d = who ? f.alice : f.office;
        // A campaign per batch: a device's change sets of one campaign form a chain the server
        // takes in order, and these batches race each other on purpose.
        const QString campaign = newUuid();
        QCOMPARE(f.http->grant(f.office, campaign, {&f.alice}).status, 200);
        QList<fl::ChangeSet> batch;
        for (int i = 0; i < PerBatch; ++i) {
            batch.append(makeChange(d, ++seq[who], campaign, newUuid()));
            pushedIds.insert(batch.last().id);
        }
        batches.append(batch);
    }
    int pending = Batches;
    QList<QNetworkReply *> replies;
    for (int b = 0; b < Batches; ++b) {
        const TestDevice &d = (b % 2) ? f.alice : f.office;
        HttpClient *c = servers[(b / 2) % 2];
        const QByteArray body = fl::wire::encodePush(d.id, d.sealed(batches.at(b)));
        QNetworkRequest req(QUrl(c->base().toString() + QStringLiteral("/v1/push")));
        for (const auto &[k, v] : c->signedHeaders(d, "POST", "/v1/push", body, nowMs(),
                                                   {{"Content-Type", "application/cbor"}}))
            req.setRawHeader(k, v);
        QNetworkReply *reply = c->nam().sendCustomRequest(req, "POST", body);
        connect(reply, &QNetworkReply::finished, this, [&pending] { --pending; });
        replies.append(reply);
    }

    // Meanwhile a device pulls by cursor, alternating servers: it must miss nothing that
    // commits later with a lower sequence, and see nothing twice.
    QList<QPair<qint64, QByteArray>> incremental;
    qint64 cursor = 0;
    int pulls = 0;
    bool done = false;
    std::function<void()> pullNext = [&] {
        const bool pushesDone = pending == 0; // decided before the request is sent
        HttpClient *c = servers[pulls++ % 2];
        const QByteArray path = "/v1/pull?after=" + QByteArray::number(cursor) + "&limit=50";
        QNetworkRequest req(QUrl(c->base().toString() + QString::fromLatin1(path)));
        for (const auto &[k, v] : c->signedHeaders(f.office, "GET", path, {}))
            req.setRawHeader(k, v);
        QNetworkReply *reply = c->nam().get(req);
        connect(reply, &QNetworkReply::finished, this, [&, reply, pushesDone] {
            reply->deleteLater();
            auto page = fl::wire::decodePullPage(reply->readAll());
            if (!page) {
                qWarning() << "pull failed" << page.error().message;
                done = true;
                return;
            }
            for (const fl::ChangeSet &cs : std::as_const(page->changeSets))
                incremental.append({cs.serverSeq, cs.id});
            cursor = page->next;
            if (pushesDone && !page->more) {
                done = true;
                return;
            }
            QTimer::singleShot(page->more ? 0 : 5, this, pullNext);
        });
    };
    pullNext();
    QTRY_VERIFY_WITH_TIMEOUT(done, 120000);

    for (QNetworkReply *r : std::as_const(replies)) {
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        r->deleteLater();
    }
    QVERIFY(pulls > 1);

    // Both servers serve the same history: every change once, in one order.
    const auto fromFirst = f.http->pullAll(f.office, 100);
    const auto fromSecond = other.pullAll(f.alice, 77);
    QVERIFY(fromFirst && fromSecond);
    QCOMPARE(fromFirst->size(), Batches * PerBatch);
    QList<QPair<qint64, QByteArray>> first, secondList;
    for (const fl::ChangeSet &cs : std::as_const(*fromFirst))
        first.append({cs.serverSeq, cs.id});
    for (const fl::ChangeSet &cs : std::as_const(*fromSecond))
        secondList.append({cs.serverSeq, cs.id});
    QCOMPARE(secondList, first);
    QSet<QByteArray> seen;
    for (qsizetype i = 0; i < first.size(); ++i) {
        QVERIFY(!seen.contains(first.at(i).second));
        seen.insert(first.at(i).second);
        if (i)
            QVERIFY(first.at(i).first > first.at(i - 1).first);
    }
    QCOMPARE(seen, pushedIds);
    QCOMPARE(incremental, first);

    // A batch stored through one server is answered the same through the other.
    auto via1 = fl::wire::decodePushResult(f.http->push(f.office, batches.first()).body);
    auto via2 = fl::wire::decodePushResult(other.push(f.office, batches.first()).body);
    QVERIFY(via1.ok() && via2.ok());
    QCOMPARE(via1->stored.size(), PerBatch);
    QCOMPARE(via2->stored, via1->stored);
    QCOMPARE(storedChanges(f), Batches * PerBatch);
}

void ServerPostgresTest::pushWaitsForTheSequenceLock() {
    // Sequence order = commit order because every push holds the transaction-level advisory
    // lock 0x464C50555348 ("FLPUSH", README.md) from before it takes sequence numbers until it
    // commits. Hold it from outside: a push must wait until it is released.
    Fixture f;
    QVERIFY(f.setUp(freshStorage()));
    const QUrl url(f.storage.at(1));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("lock"));
        db.setHostName(url.host());
        db.setPort(url.port());
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        QVERIFY(q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(0x464c50555348ll)));

        const QByteArray body = fl::wire::encodePush(
            f.alice.id, f.alice.sealed({makeChange(f.alice, 1, f.campaign, newUuid())}));
        QNetworkRequest req(QUrl(f.http->base().toString() + QStringLiteral("/v1/push")));
        for (const auto &[k, v] : f.http->signedHeaders(f.alice, "POST", "/v1/push", body, nowMs(),
                                                        {{"Content-Type", "application/cbor"}}))
            req.setRawHeader(k, v);
        QNetworkReply *reply = f.http->nam().sendCustomRequest(req, "POST", body);
        QTest::qWait(700);
        QVERIFY2(!reply->isFinished(), "the push did not wait for the sequence lock");
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        delete reply;
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("lock"));
}

QTEST_GUILESS_MAIN(ServerPostgresTest)
#include "tst_server_postgres.moc"
