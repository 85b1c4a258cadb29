// Push and pull against the real server on SQLite: sequences, idempotency, paging, membership,
// and strictness about what it accepts.
#include "syncscenario.h"

#include "sync/protocol/bodybudget.h"

#include <QCborArray>
#include <QTemporaryDir>
#include <QTest>

using namespace fltest;

class ServerSyncTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void pushStoresPullServesAndRepeatsAreHarmless();
    void fullBatchIsStoredInOnePush();
    void pullPagesWithCursorAndMore();
    void pullPagesFitTheDevicesLimit();
    void deviceSeesOnlyItsCampaigns();
    void pushToForeignCampaignIsRejectedNotMember();
    void clockAheadIsRejected();
    void conflictingRecordIsRejected();
    void provenanceIsChecked();
    void pullOfOneCampaign();
    void pushNamingAnotherDeviceIsMalformed();
    void malformedCborIsRefused();
    void wrongContentTypeIsRefused();
    void oversizedBodyIsRefused();
    void unknownVersionIsRefused();
    void badPullParametersAreRefused();
    void dataSurvivesRestart();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Fixture> m_f;
};

void ServerSyncTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_f = std::make_unique<Fixture>();
    QVERIFY(m_f->setUp({QStringLiteral("--data"), m_dir->path()}));
}

void ServerSyncTest::cleanup() {
    m_f.reset();
    m_dir.reset();
}

void ServerSyncTest::pushStoresPullServesAndRepeatsAreHarmless() {
    pushPullIdempotencyScenario(*m_f);
}

void ServerSyncTest::fullBatchIsStoredInOnePush() {
    fullBatchScenario(*m_f);
}

void ServerSyncTest::pullPagesWithCursorAndMore() {
    QList<fl::ChangeSet> batch;
    for (quint64 i = 1; i <= 7; ++i)
        batch.append(makeChange(m_f->alice, i, m_f->campaign, newUuid()));
    QCOMPARE(m_f->http->push(m_f->alice, batch).status, 200);

    auto p1 = fl::wire::decodePullPage(m_f->http->pull(m_f->alice, 0, 3).body);
    QVERIFY(p1.ok());
    QCOMPARE(p1->changeSets.size(), 3);
    QVERIFY(p1->more);
    QCOMPARE(p1->next, p1->changeSets.last().serverSeq);
    auto p2 = fl::wire::decodePullPage(m_f->http->pull(m_f->alice, p1->next, 3).body);
    QCOMPARE(p2->changeSets.size(), 3);
    QVERIFY(p2->more);
    auto p3 = fl::wire::decodePullPage(m_f->http->pull(m_f->alice, p2->next, 3).body);
    QCOMPARE(p3->changeSets.size(), 1);
    QVERIFY(!p3->more);
    QCOMPARE(p3->changeSets.first().id, batch.last().id);
    // Exactly a full last page still ends with more = false.
    auto exact = fl::wire::decodePullPage(m_f->http->pull(m_f->alice, p1->next, 4).body);
    QCOMPARE(exact->changeSets.size(), 4);
    QVERIFY(!exact->more);
    // The default limit serves everything here.
    auto all = fl::wire::decodePullPage(m_f->http->send(m_f->alice, "GET", "/v1/pull").body);
    QVERIFY(all.ok());
    QCOMPARE(all->changeSets.size(), 7);
}

void ServerSyncTest::deviceSeesOnlyItsCampaigns() {
    const QString other = newUuid();
    QCOMPARE(m_f->http->grant(m_f->office, other, {&m_f->bob}).status, 200);
    QCOMPARE(
        m_f->http->push(m_f->alice, {makeChange(m_f->alice, 1, m_f->campaign, newUuid())}).status,
        200);
    QCOMPARE(m_f->http->push(m_f->bob, {makeChange(m_f->bob, 1, other, newUuid())}).status, 200);

    const auto alice = m_f->http->pullAll(m_f->alice);
    QVERIFY(alice.has_value());
    QCOMPARE(alice->size(), 1);
    QCOMPARE(alice->first().campaignId, m_f->campaign);
    const auto bob = m_f->http->pullAll(m_f->bob);
    QCOMPARE(bob->size(), 1);
    QCOMPARE(bob->first().campaignId, other);
    const auto office = m_f->http->pullAll(m_f->office);
    QCOMPARE(office->size(), 2);
}

void ServerSyncTest::pushToForeignCampaignIsRejectedNotMember() {
    const fl::ChangeSet mine = makeChange(m_f->bob, 1, newUuid(), newUuid());
    const fl::ChangeSet theirs = makeChange(m_f->bob, 2, m_f->campaign, newUuid());
    const HttpReply r = m_f->http->push(m_f->bob, {mine, theirs});
    QCOMPARE(r.status, 200);
    auto result = fl::wire::decodePushResult(r.body);
    QVERIFY(result.ok());
    QVERIFY(result->stored.isEmpty());
    QCOMPARE(result->rejected.size(), 2);
    QCOMPARE(result->rejected.at(0).first, mine.id);
    QCOMPARE(result->rejected.at(0).second, QStringLiteral("not_member"));
    QCOMPARE(result->rejected.at(1).second, QStringLiteral("not_member"));
    QCOMPARE(storedChanges(*m_f), 0);
}

void ServerSyncTest::clockAheadIsRejected() {
    const quint64 twoHoursAhead = quint64(nowMs() + 2 * 60 * 60 * 1000);
    const quint64 halfHourAhead = quint64(nowMs() + 30 * 60 * 1000);
    const fl::ChangeSet ahead =
        makeChange(m_f->alice, 1, m_f->campaign, newUuid(), fl::hlc::make(twoHoursAhead, 0));
    const fl::ChangeSet near =
        makeChange(m_f->alice, 2, m_f->campaign, newUuid(), fl::hlc::make(halfHourAhead, 0));
    // Each in a campaign of its own: a refused change set holds no place in its author's
    // chain, and the next one there would be refused as out of order (provenanceIsChecked).
    const QString otherCampaign = newUuid();
    QCOMPARE(m_f->http->grant(m_f->office, otherCampaign, {&m_f->alice}).status, 200);
    fl::ChangeSet nearElsewhere = near;
    nearElsewhere.campaignId = otherCampaign;
    auto result =
        fl::wire::decodePushResult(m_f->http->push(m_f->alice, {ahead, nearElsewhere}).body);
    QVERIFY(result.ok());
    QCOMPARE(result->rejected.size(), 1);
    QCOMPARE(result->rejected.first().first, ahead.id);
    QCOMPARE(result->rejected.first().second, QStringLiteral("clock_ahead"));
    QCOMPARE(result->stored.size(), 1);
    QCOMPARE(result->stored.first().first, near.id);
}

void ServerSyncTest::conflictingRecordIsRejected() {
    const QString record = newUuid();
    const QString visit = newUuid();
    const fl::ChangeSet create =
        makeChange(m_f->alice, 1, m_f->campaign, record, 0, QStringLiteral("finding"), visit);
    const fl::ChangeSet edit =
        makeChange(m_f->alice, 2, m_f->campaign, record, 0, QStringLiteral("finding"), visit);
    const fl::ChangeSet otherType =
        makeChange(m_f->alice, 3, m_f->campaign, record, 0, QStringLiteral("note"), visit);
    const fl::ChangeSet otherParent =
        makeChange(m_f->alice, 4, m_f->campaign, record, 0, QStringLiteral("finding"), newUuid());
    auto result =
        fl::wire::decodePushResult(m_f->http->push(m_f->alice, {create, edit, otherType}).body);
    QVERIFY(result.ok());
    QCOMPARE(result->stored.size(), 2);
    QCOMPARE(result->rejected.size(), 1);
    QCOMPARE(result->rejected.first().second, QStringLiteral("conflicting_record"));
    // Pushed after the refused one: its place was freed, it is sealed anew and judged alike.
    result = fl::wire::decodePushResult(m_f->http->push(m_f->alice, {otherParent}).body);
    QVERIFY(result.ok());
    QCOMPARE(result->rejected.size(), 1);
    QCOMPARE(result->rejected.first().second, QStringLiteral("conflicting_record"));
}

void ServerSyncTest::provenanceIsChecked() {
    // The server keeps one unbroken, signed chain per device and campaign: what it stores, a
    // member can follow without gaps; it checks with the same rules the devices do.
    fl::ChangeSet bare = makeChange(m_f->alice, 1, m_f->campaign, newUuid());
    fl::ChangeSet forged = makeChange(m_f->alice, 2, m_f->campaign, newUuid());
    forged.chainIndex = 1; // the right place, but bob's signature on alice's change set
    forged.signature = m_f->bob.sign(fl::canonical::encode(forged));
    fl::ChangeSet farAhead = makeChange(m_f->alice, 3, m_f->campaign, newUuid());
    farAhead.chainIndex = 5;
    farAhead.chainPrev = QByteArray(32, '\x01');
    farAhead.signature = m_f->alice.sign(fl::canonical::encode(farAhead));
    auto result =
        fl::wire::decodePushResult(m_f->http->pushRaw(m_f->alice, {bare, forged, farAhead}).body);
    QVERIFY(result.ok());
    QCOMPARE(result->stored.size(), 0);
    QCOMPARE(result->rejected.size(), 3);
    QCOMPARE(result->rejected.at(0).second, QStringLiteral("unsigned"));
    QCOMPARE(result->rejected.at(1).second, QStringLiteral("bad_signature"));
    QCOMPARE(result->rejected.at(2).second, QStringLiteral("chain_out_of_order"));

    // Sealed properly they are stored, and served with their seals as signed.
    auto stored = fl::wire::decodePushResult(
        m_f->http->push(m_f->alice, {bare, makeChange(m_f->alice, 4, m_f->campaign, newUuid())})
            .body);
    QVERIFY(stored);
    QCOMPARE(stored->rejected.value(0).second, QString());
    QCOMPARE(stored->stored.size(), 2);
    const auto pulled = m_f->http->pullAll(m_f->office);
    QVERIFY(pulled);
    QCOMPARE(pulled->size(), 2);
    QCOMPARE(pulled->at(0).chainIndex, quint64(1));
    QCOMPARE(pulled->at(1).chainPrev, fl::canonical::digest(pulled->at(0)));
    for (const fl::ChangeSet &cs : *pulled)
        QVERIFY(fl::provenance::signatureValid(cs, m_f->alice.signPk));

    // Any member learns the authors' keys, without their names.
    const HttpReply signers = m_f->http->send(m_f->bob, "GET", "/v1/signers");
    QCOMPARE(signers.status, 200);
    auto list = fl::wire::decodeDevices(signers.body);
    QVERIFY(list);
    bool found = false;
    for (const fl::wire::DeviceInfo &d : *list) {
        QVERIFY(d.name.isEmpty());
        if (d.device == m_f->alice.id) {
            found = true;
            QCOMPARE(d.signKey, m_f->alice.signPk);
        }
    }
    QVERIFY(found);
}

void ServerSyncTest::pullOfOneCampaign() {
    const QString other = newUuid();
    QCOMPARE(m_f->http->grant(m_f->office, other, {&m_f->alice}).status, 200);
    QCOMPARE(m_f->http
                 ->push(m_f->alice, {makeChange(m_f->alice, 1, m_f->campaign, newUuid()),
                                     makeChange(m_f->alice, 2, other, newUuid())})
                 .status,
             200);
    const HttpReply r = m_f->http->send(
        m_f->office, "GET", "/v1/pull?after=0&limit=10&campaign=" + other.toUpper().toLatin1());
    QCOMPARE(r.status, 200);
    auto page = fl::wire::decodePullPage(r.body);
    QVERIFY(page);
    QCOMPARE(page->changeSets.size(), 1);
    QCOMPARE(page->changeSets.first().campaignId, other);
}

void ServerSyncTest::pushNamingAnotherDeviceIsMalformed() {
    // Alice signs a batch that claims to be bob's.
    const QByteArray body = fl::wire::encodePush(
        m_f->bob.id, m_f->bob.sealed({makeChange(m_f->bob, 1, m_f->campaign, newUuid())}));
    const HttpReply r = m_f->http->send(m_f->alice, "POST", "/v1/push", body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.error(), QStringLiteral("malformed"));
}

void ServerSyncTest::malformedCborIsRefused() {
    // Sized from the literal: it holds a NUL, and a hand-counted length read past its end.
    static constexpr char NotCbor[] = "\xff\x00\x13 not cbor";
    const HttpReply garbage =
        m_f->http->send(m_f->alice, "POST", "/v1/push", QByteArray(NotCbor, sizeof NotCbor - 1));
    QCOMPARE(garbage.status, 400);
    QCOMPARE(garbage.error(), QStringLiteral("malformed"));

    QCborMap shape;
    shape.insert(QStringLiteral("v"), 1);
    shape.insert(QStringLiteral("device"), m_f->alice.id);
    shape.insert(QStringLiteral("changes"), QStringLiteral("not an array"));
    const HttpReply bad =
        m_f->http->send(m_f->alice, "POST", "/v1/push", QCborValue(shape).toCbor());
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.error(), QStringLiteral("malformed"));

    const HttpReply enrol = m_f->http->send(m_f->alice, "POST", "/v1/enrol", QByteArray("\xa0", 1));
    QCOMPARE(enrol.status, 400);
}

void ServerSyncTest::wrongContentTypeIsRefused() {
    const QByteArray body = fl::wire::encodePush(
        m_f->alice.id, m_f->alice.sealed({makeChange(m_f->alice, 1, m_f->campaign, newUuid())}));
    const HttpReply json =
        m_f->http->send(m_f->alice, "POST", "/v1/push", body, "application/json");
    QCOMPARE(json.status, 415);
    QCOMPARE(json.error(), QStringLiteral("wrong_content_type"));
    const HttpReply none = m_f->http->raw(
        "POST", "/v1/push", body, m_f->http->signedHeaders(m_f->alice, "POST", "/v1/push", body));
    QCOMPARE(none.status, 415);
    QCOMPARE(storedChanges(*m_f), 0);
}

void ServerSyncTest::oversizedBodyIsRefused() {
    const QByteArray big(16 * 1024 * 1024 + 1, 'x');
    const HttpReply r = m_f->http->send(m_f->alice, "POST", "/v1/push", big);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.error(), QStringLiteral("body_too_large"));
    const HttpReply enrol = m_f->http->send(m_f->alice, "POST", "/v1/enrol", big.left(2 << 20));
    QCOMPARE(enrol.status, 413);
}

void ServerSyncTest::unknownVersionIsRefused() {
    QCborMap m = QCborValue::fromCbor(
                     fl::wire::encodePush(m_f->alice.id,
                                          {makeChange(m_f->alice, 1, m_f->campaign, newUuid())}))
                     .toMap();
    m.insert(QStringLiteral("v"), 2);
    const HttpReply r = m_f->http->send(m_f->alice, "POST", "/v1/push", QCborValue(m).toCbor());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.error(), QStringLiteral("unsupported_version"));
}

void ServerSyncTest::badPullParametersAreRefused() {
    for (const QByteArray q : {"/v1/pull?after=-1", "/v1/pull?after=x", "/v1/pull?limit=0",
                               "/v1/pull?limit=5001", "/v1/pull?after=0&limit=abc"}) {
        const HttpReply r = m_f->http->send(m_f->alice, "GET", q);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.error(), QStringLiteral("malformed"));
    }
}

void ServerSyncTest::dataSurvivesRestart() {
    const fl::ChangeSet cs = makeChange(m_f->alice, 1, m_f->campaign, newUuid());
    auto before = fl::wire::decodePushResult(m_f->http->push(m_f->alice, {cs}).body);
    QVERIFY(before.ok());
    m_f->server.stop();
    QVERIFY(m_f->server.start(m_f->storage));
    m_f->http = std::make_unique<HttpClient>(m_f->server.url());
    auto after = fl::wire::decodePushResult(m_f->http->push(m_f->alice, {cs}).body);
    QVERIFY(after.ok());
    QCOMPARE(after->stored, before->stored);
    const auto pulled = m_f->http->pullAll(m_f->office);
    QCOMPARE(pulled->size(), 1);
    QVERIFY(sameChange(cs, pulled->first()));
}

void ServerSyncTest::pullPagesFitTheDevicesLimit() {
    // 40 change sets of a megabyte each and 300 small ones, pushed in bodies packed as the
    // client packs them; pulled in pages every device accepts.
    QList<fl::ChangeSet> all;
    quint64 seq = 1;
    for (int i = 0; i < 340; ++i) {
        fl::ChangeSet cs = makeChange(m_f->alice, seq++, m_f->campaign, newUuid());
        if (i % 8 == 0 || i >= 300)
            cs.fields = {{QStringLiteral("blob"), QByteArray(1000 * 1000, char(i)), {}}};
        all.append(cs);
    }
    int pushes = 0;
    for (qsizetype next = 0; next < all.size(); ++pushes) {
        fl::wire::BodyBudget budget(fl::wire::MaxPushBodyBytes);
        QList<fl::ChangeSet> batch;
        while (next < all.size() && budget.admit(all.at(next)))
            batch.append(all.at(next++));
        const HttpReply r = m_f->http->push(m_f->alice, batch);
        QCOMPARE(r.status, 200);
        QCOMPARE(fl::wire::decodePushResult(r.body)->stored.size(), batch.size());
    }
    QVERIFY(pushes >= 5);

    qint64 cursor = 0;
    int pulled = 0;
    QList<int> pageSizes;
    for (bool more = true; more;) {
        const HttpReply r = m_f->http->pull(m_f->office, cursor, 5000);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.size() <= fl::wire::MaxPullPageBytes,
                 qPrintable(QString::number(r.body.size())));
        const auto page = fl::wire::decodePullPage(r.body);
        QVERIFY(page);
        QVERIFY(!page->changeSets.isEmpty());
        pulled += int(page->changeSets.size());
        pageSizes.append(int(page->changeSets.size()));
        cursor = page->next;
        more = page->more;
    }
    QCOMPARE(pulled, all.size());
    // Pages are packed full, not cut at a cautious fraction of the limit.
    qInfo() << "change sets per page:" << pageSizes;
    QVERIFY2(pageSizes.size() <= 6, qPrintable(QString::number(pageSizes.size())));
}

QTEST_GUILESS_MAIN(ServerSyncTest)
#include "tst_server_sync.moc"
