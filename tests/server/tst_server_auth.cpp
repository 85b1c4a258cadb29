// fieldledger-server as a device meets it: enrolment, request signatures, roles, the admin CLI
// and how the server agrees (or refuses) to listen.
#include "enrolcodescenario.h"
#include "servertestsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fltest;

class ServerAuthTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void healthAnswersWithoutSignature();
    void enrolmentCodeWorksOnce();
    void repeatedEnrolmentAnswersTheSame();
    void wrongOrExpiredCodeIsRefused();
    void unsignedRequestIsRefused();
    void badSignatureIsRefused();
    void staleTimestampIsRefused();
    void replayedNonceIsRefused();
    void unknownDeviceIsRefused();
    void revokedDeviceIsRefused();
    void officeOnlyCallsAreForbiddenToInspectors();
    void officeDeviceIssuesEnrolmentCodes();
    void keysAreTheEnvelopesSealedToTheCaller();
    void campaignOfAnotherOfficeCannotBeTakenOver();
    void unknownRouteOrMethodAnswersNotFound();
    void adminCommandsReportThroughExitCodes();
    void plainHttpOffLoopbackIsRefused();
    void httpsServesWithCertificateAndKey();

private:
    QStringList storage() const { return {QStringLiteral("--data"), m_dir->path()}; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Fixture> m_f;
};

void ServerAuthTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_f = std::make_unique<Fixture>();
    QVERIFY(m_f->setUp(storage()));
}

void ServerAuthTest::cleanup() {
    m_f.reset();
    m_dir.reset();
}

void ServerAuthTest::healthAnswersWithoutSignature() {
    const HttpReply r = m_f->http->raw("GET", "/v1/health");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/cbor"));
    const QCborMap m = QCborValue::fromCbor(r.body).toMap();
    QCOMPARE(m.value(QStringLiteral("v")).toInteger(), 1);
    QCOMPARE(m.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
}

void ServerAuthTest::enrolmentCodeWorksOnce() {
    const QString code = m_f->enrolCode(QStringLiteral("inspector"));
    QVERIFY(!code.isEmpty());
    const TestDevice first = TestDevice::create();
    const HttpReply ok = m_f->http->enrol(first, code);
    QCOMPARE(ok.status, 200);
    auto answer = fl::wire::decodeEnrolResponse(ok.body);
    QVERIFY(answer.ok());
    QCOMPARE(answer->device, first.id);
    QCOMPARE(answer->role, QStringLiteral("inspector"));

    const TestDevice second = TestDevice::create();
    const HttpReply used = m_f->http->enrol(second, code);
    QCOMPARE(used.status, 403);
    QCOMPARE(used.error(), QStringLiteral("bad_code"));

    // The code is typed by a person: case and dashes do not matter.
    const QString office = m_f->enrolCode(QStringLiteral("office"));
    const TestDevice third = TestDevice::create();
    const HttpReply typed = m_f->http->enrol(third, office.toLower().remove(QLatin1Char('-')));
    QCOMPARE(typed.status, 200);
    QCOMPARE(fl::wire::decodeEnrolResponse(typed.body)->role, QStringLiteral("office"));
}

void ServerAuthTest::repeatedEnrolmentAnswersTheSame() {
    const QString code = m_f->enrolCode(QStringLiteral("inspector"));
    const TestDevice d = TestDevice::create();
    QCOMPARE(m_f->http->enrol(d, code).status, 200);
    const HttpReply again = m_f->http->enrol(d, code);
    QCOMPARE(again.status, 200);
    QCOMPARE(fl::wire::decodeEnrolResponse(again.body)->device, d.id);

    // The same device id with other keys is not a repeat.
    TestDevice impostor = TestDevice::create();
    impostor.id = d.id;
    QCOMPARE(m_f->http->enrol(impostor, code).status, 403);
}

void ServerAuthTest::wrongOrExpiredCodeIsRefused() {
    const TestDevice d = TestDevice::create();
    const HttpReply wrong = m_f->http->enrol(d, QStringLiteral("AAAA-BBBB-CCCC-DDDD"));
    QCOMPARE(wrong.status, 403);
    QCOMPARE(wrong.error(), QStringLiteral("bad_code"));

    const QString code = m_f->enrolCode(QStringLiteral("inspector"));
    {
        // Age every code past its expiry, as a day passing would.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "expire");
        db.setDatabaseName(m_dir->filePath(QStringLiteral("server.db")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE enrol_codes SET expires_at = 1")));
        db.close();
    }
    QSqlDatabase::removeDatabase("expire");
    const HttpReply expired = m_f->http->enrol(d, code);
    QCOMPARE(expired.status, 403);
    QCOMPARE(expired.error(), QStringLiteral("bad_code"));
}

void ServerAuthTest::unsignedRequestIsRefused() {
    const HttpReply r = m_f->http->raw("GET", "/v1/keys");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.error(), QStringLiteral("missing_auth"));
}

void ServerAuthTest::badSignatureIsRefused() {
    // Signed for another path: the signature covers the path.
    Headers h = m_f->http->signedHeaders(m_f->alice, "GET", "/v1/pull?after=0");
    const HttpReply r = m_f->http->raw("GET", "/v1/pull?after=1", {}, h);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.error(), QStringLiteral("bad_signature"));

    // Signed by another key.
    TestDevice forger = TestDevice::create();
    forger.id = m_f->alice.id;
    const HttpReply forged = m_f->http->send(forger, "GET", "/v1/keys");
    QCOMPARE(forged.status, 401);
    QCOMPARE(forged.error(), QStringLiteral("bad_signature"));

    // Body changed after signing.
    const QByteArray body = fl::wire::encodePush(
        m_f->alice.id, m_f->alice.sealed({makeChange(m_f->alice, 1, m_f->campaign, newUuid())}));
    const Headers hb = m_f->http->signedHeaders(m_f->alice, "POST", "/v1/push", body, nowMs(),
                                                {{"Content-Type", "application/cbor"}});
    QByteArray tampered = body;
    tampered[tampered.size() - 1] = char(tampered.at(tampered.size() - 1) ^ 1);
    QCOMPARE(m_f->http->raw("POST", "/v1/push", tampered, hb).error(),
             QStringLiteral("bad_signature"));
}

void ServerAuthTest::staleTimestampIsRefused() {
    for (const qint64 skew : {-6 * 60 * 1000, 6 * 60 * 1000}) {
        const Headers h =
            m_f->http->signedHeaders(m_f->alice, "GET", "/v1/keys", {}, nowMs() + skew);
        const HttpReply r = m_f->http->raw("GET", "/v1/keys", {}, h);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.error(), QStringLiteral("stale_timestamp"));
    }
    // Within the window is fine.
    const Headers h =
        m_f->http->signedHeaders(m_f->alice, "GET", "/v1/keys", {}, nowMs() - 4 * 60 * 1000);
    QCOMPARE(m_f->http->raw("GET", "/v1/keys", {}, h).status, 200);
}

void ServerAuthTest::replayedNonceIsRefused() {
    const Headers h = m_f->http->signedHeaders(m_f->alice, "GET", "/v1/keys");
    QCOMPARE(m_f->http->raw("GET", "/v1/keys", {}, h).status, 200);
    const HttpReply replay = m_f->http->raw("GET", "/v1/keys", {}, h);
    QCOMPARE(replay.status, 401);
    QCOMPARE(replay.error(), QStringLiteral("replayed_nonce"));
}

void ServerAuthTest::unknownDeviceIsRefused() {
    const TestDevice stranger = TestDevice::create();
    const HttpReply r = m_f->http->send(stranger, "GET", "/v1/keys");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.error(), QStringLiteral("unknown_device"));
}

void ServerAuthTest::revokedDeviceIsRefused() {
    QCOMPARE(m_f->http->send(m_f->alice, "GET", "/v1/keys").status, 200);
    const CommandResult revoke = m_f->admin({QStringLiteral("revoke"), m_f->alice.hex()});
    QCOMPARE(revoke.exitCode, 0);
    const HttpReply r = m_f->http->send(m_f->alice, "GET", "/v1/keys");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.error(), QStringLiteral("revoked_device"));

    // The office sees it revoked.
    auto devices = fl::wire::decodeDevices(m_f->http->send(m_f->office, "GET", "/v1/devices").body);
    QVERIFY(devices.ok());
    bool seen = false;
    for (const auto &d : std::as_const(*devices)) {
        if (d.device == m_f->alice.id) {
            seen = true;
            QVERIFY(d.revoked);
        }
    }
    QVERIFY(seen);
}

void ServerAuthTest::officeOnlyCallsAreForbiddenToInspectors() {
    const HttpReply list = m_f->http->send(m_f->alice, "GET", "/v1/devices");
    QCOMPARE(list.status, 403);
    QCOMPARE(list.error(), QStringLiteral("forbidden"));
    const HttpReply grant = m_f->http->grant(m_f->alice, newUuid(), {&m_f->bob});
    QCOMPARE(grant.status, 403);
    QCOMPARE(grant.error(), QStringLiteral("forbidden"));

    const HttpReply ok = m_f->http->send(m_f->office, "GET", "/v1/devices");
    QCOMPARE(ok.status, 200);
    auto devices = fl::wire::decodeDevices(ok.body);
    QVERIFY(devices.ok());
    QCOMPARE(devices->size(), 3);
    for (const auto &d : std::as_const(*devices)) {
        if (d.device == m_f->bob.id)
            QCOMPARE(d.boxKey, m_f->bob.boxPk);
    }
}

void ServerAuthTest::officeDeviceIssuesEnrolmentCodes() {
    officeIssuedEnrolCodeScenario(*m_f);
}

void ServerAuthTest::keysAreTheEnvelopesSealedToTheCaller() {
    auto alice = fl::wire::decodeEnvelopes(m_f->http->send(m_f->alice, "GET", "/v1/keys").body);
    QVERIFY(alice.ok());
    QCOMPARE(alice->size(), 1);
    QCOMPARE(alice->first().campaignId, m_f->campaign);
    QCOMPARE(alice->first().device, m_f->alice.id);
    // It opens with alice's box key.
    QByteArray key(32, Qt::Uninitialized);
    QCOMPARE(crypto_box_seal_open(
                 reinterpret_cast<unsigned char *>(key.data()),
                 reinterpret_cast<const unsigned char *>(alice->first().sealed.constData()), 80,
                 reinterpret_cast<const unsigned char *>(m_f->alice.boxPk.constData()),
                 reinterpret_cast<const unsigned char *>(m_f->alice.boxSk.constData())),
             0);
    auto bob = fl::wire::decodeEnvelopes(m_f->http->send(m_f->bob, "GET", "/v1/keys").body);
    QVERIFY(bob.ok());
    QVERIFY(bob->isEmpty());
}

void ServerAuthTest::campaignOfAnotherOfficeCannotBeTakenOver() {
    TestDevice other = TestDevice::create();
    QCOMPARE(m_f->http->enrol(other, m_f->enrolCode(QStringLiteral("office"))).status, 200);
    const HttpReply r = m_f->http->grant(other, m_f->campaign, {&m_f->bob});
    QCOMPARE(r.status, 403);
    QCOMPARE(r.error(), QStringLiteral("not_member"));
    // The owner adds bob; the grant is idempotent.
    QCOMPARE(m_f->http->grant(m_f->office, m_f->campaign, {&m_f->bob}).status, 200);
    QCOMPARE(m_f->http->grant(m_f->office, m_f->campaign, {&m_f->bob}).status, 200);
    auto bob = fl::wire::decodeEnvelopes(m_f->http->send(m_f->bob, "GET", "/v1/keys").body);
    QCOMPARE(bob->size(), 1);
    // A member that is not enrolled is refused.
    const TestDevice ghost = TestDevice::create();
    QCOMPARE(m_f->http->grant(m_f->office, m_f->campaign, {&ghost}).status, 404);
}

void ServerAuthTest::unknownRouteOrMethodAnswersNotFound() {
    const HttpReply route = m_f->http->send(m_f->alice, "GET", "/v1/nothing");
    QCOMPARE(route.status, 404);
    QCOMPARE(route.error(), QStringLiteral("not_found"));
    QCOMPARE(m_f->http->send(m_f->alice, "DELETE", "/v1/push").status, 404);
    QCOMPARE(m_f->http->send(m_f->alice, "GET", "/v2/pull?after=0").status, 404);
}

void ServerAuthTest::adminCommandsReportThroughExitCodes() {
    const CommandResult devices = m_f->admin({QStringLiteral("devices"), QStringLiteral("--json")});
    QCOMPARE(devices.exitCode, 0);
    const QJsonArray list = devices.json().value(QStringLiteral("devices")).toArray();
    QCOMPARE(list.size(), 3);
    QStringList roles;
    for (const QJsonValue &d : list)
        roles.append(d.toObject().value(QStringLiteral("role")).toString());
    roles.sort();
    QCOMPARE(roles, (QStringList{"inspector", "inspector", "office"}));

    const CommandResult plain = m_f->admin({QStringLiteral("devices")});
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(plain.out.contains(m_f->bob.id.toHex()));

    const CommandResult code = m_f->admin({QStringLiteral("enrol-code"), QStringLiteral("--role"),
                                           QStringLiteral("office"), QStringLiteral("--hours"),
                                           QStringLiteral("2"), QStringLiteral("--json")});
    QCOMPARE(code.exitCode, 0);
    QCOMPARE(code.json().value(QStringLiteral("code")).toString().size(), 19);

    const CommandResult noRole = m_f->admin({QStringLiteral("enrol-code")});
    QCOMPARE(noRole.exitCode, 2);
    QCOMPARE(m_f->admin({QStringLiteral("explode")}).exitCode, 2);
    QCOMPARE(m_f->admin({QStringLiteral("revoke"), QStringLiteral("xyz")}).exitCode, 2);
    QCOMPARE(m_f->admin({QStringLiteral("revoke"), TestDevice::create().hex()}).exitCode, 3);
    QCOMPARE(m_f->admin({QStringLiteral("member"), QStringLiteral("add"), newUuid(),
                         TestDevice::create().hex()})
                 .exitCode,
             3);

    // Adding bob as a member by hand lets him read the campaign.
    QCOMPARE(
        m_f->admin({QStringLiteral("member"), QStringLiteral("add"), m_f->campaign, m_f->bob.hex()})
            .exitCode,
        0);
    const HttpReply pushed =
        m_f->http->push(m_f->bob, {makeChange(m_f->bob, 1, m_f->campaign, newUuid())});
    auto r = fl::wire::decodePushResult(pushed.body);
    QVERIFY2(r.ok(), qPrintable(QString::number(pushed.status) + pushed.error()));
    QCOMPARE(r->stored.size(), 1);

    const CommandResult stats = m_f->admin({QStringLiteral("stats"), QStringLiteral("--json")});
    QCOMPARE(stats.exitCode, 0);
    const QJsonObject s = stats.json();
    QCOMPARE(s.value(QStringLiteral("devices")).toInt(), 3);
    QCOMPARE(s.value(QStringLiteral("campaigns")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("changes")).toInt(), 1);
    QVERIFY(s.value(QStringLiteral("bytes")).toInt() > 0);

    QCOMPARE(runServerCommand({QStringLiteral("--bogus")}).exitCode, 2);
    QCOMPARE(runServerCommand({QStringLiteral("admin"), QStringLiteral("stats")}).exitCode, 2);
}

void ServerAuthTest::plainHttpOffLoopbackIsRefused() {
    QTemporaryDir dir;
    const CommandResult r = runServerCommand({QStringLiteral("--data"), dir.path(),
                                              QStringLiteral("--listen"), QStringLiteral("0.0.0.0"),
                                              QStringLiteral("--port"), QStringLiteral("0")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("insecure-allow-plain-http"));
    QVERIFY(r.out.isEmpty());
}

void ServerAuthTest::httpsServesWithCertificateAndKey() {
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is not installed: cannot make a test certificate");
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess gen;
    gen.start(openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                        "/CN=127.0.0.1", "-keyout", key, "-out", cert});
    QVERIFY(gen.waitForFinished(60000));
    QCOMPARE(gen.exitCode(), 0);

    ServerProcess tls;
    QVERIFY(tls.start({QStringLiteral("--data"), dir.filePath(QStringLiteral("d"))},
                      {QStringLiteral("--cert"), cert, QStringLiteral("--key"), key}));
    QCOMPARE(tls.url().scheme(), QStringLiteral("https"));
    HttpClient client(tls.url(), true);
    const HttpReply r = client.raw("GET", "/v1/health");
    QCOMPARE(r.status, 200);
    QCOMPARE(QCborValue::fromCbor(r.body).toMap().value(QStringLiteral("status")).toString(),
             QStringLiteral("ok"));
    // Bodies over a route's cap are refused over TLS too, before they are read.
    const HttpReply big = client.raw("POST", "/v1/enrol", QByteArray(2 * 1024 * 1024, 'x'),
                                     {{"Content-Type", fl::wire::ContentType}});
    QCOMPARE(big.status, 413);
    QCOMPARE(big.error(), QStringLiteral("body_too_large"));
}

QTEST_GUILESS_MAIN(ServerAuthTest)
#include "tst_server_auth.moc"
