// The wire format both sides share: round trips, compactness, and strictness about input.
#include "change/changeset.h"
#include "sync/protocol/requestsigning.h"
#include "sync/protocol/wire.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QtEndian>
#include <QTest>
#include <QUuid>

#include <sodium.h>

using namespace fl;

namespace {
const QByteArray Device = QByteArray::fromHex("00112233445566778899aabbccddeeff");

QByteArray changeId(const QByteArray &device, quint64 seq) {
    QByteArray id = device;
    id.resize(24);
    qToBigEndian(seq, id.data() + 16);
    return id;
}

ChangeSet sample(quint64 seq, int fields = 3) {
    ChangeSet cs;
    cs.device = Device;
    cs.id = changeId(Device, seq);
    cs.recordType = QStringLiteral("finding");
    cs.recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    cs.campaignId = QStringLiteral("6f1e3c2a-1111-4222-8333-944455556666");
    cs.parentId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    cs.hlc = (quint64(1764000000000) << 16) | seq;
    for (int i = 0; i < fields; ++i) {
        FieldChange f;
        f.field = QStringLiteral("field_%1").arg(i);
        f.value = QByteArray(40 + i, char('a' + i));
        if (i == 0)
            f.prev = {changeId(Device, seq + 1000)};
        cs.fields.append(f);
    }
    return cs;
}

void compareChangeSets(const ChangeSet &a, const ChangeSet &b) {
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.device, b.device);
    QCOMPARE(a.recordType, b.recordType);
    QCOMPARE(a.recordId, b.recordId);
    QCOMPARE(a.campaignId, b.campaignId);
    QCOMPARE(a.parentId, b.parentId);
    QCOMPARE(a.hlc, b.hlc);
    QCOMPARE(a.fields.size(), b.fields.size());
    for (int i = 0; i < a.fields.size(); ++i) {
        QCOMPARE(a.fields[i].field, b.fields[i].field);
        QCOMPARE(a.fields[i].value, b.fields[i].value);
        QCOMPARE(a.fields[i].prev, b.fields[i].prev);
    }
}
} // namespace

class WireTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pushRoundTripsEveryChangeSet();
    void pullPageRoundTripsWithDevicesAndSequences();
    void nonUuidIdsTravelAsText();
    void batchOfCreatesCostsLittleBeyondItsCiphertext();
    void pushFromAnotherDeviceIsRefused();
    void unknownVersionIsUnsupported();
    void malformedInputIsRefused_data();
    void malformedInputIsRefused();
    void limitsAreEnforced();
    void pushResultRoundTrips();
    void enrolmentAndEnvelopesRoundTrip();
    void enrolCodeRequestAndAnswerRoundTrip();
    void signatureCoversMethodPathTimeNonceBodyAndHeaders();
};

void WireTest::pushRoundTripsEveryChangeSet() {
    const QList<ChangeSet> sent = {sample(1), sample(2, 1), sample(3, 5)};
    auto got = wire::decodePush(wire::encodePush(Device, sent), Device);
    QVERIFY2(got, qPrintable(got ? QString() : got.error().message));
    QCOMPARE(got->size(), sent.size());
    for (int i = 0; i < sent.size(); ++i)
        compareChangeSets(sent[i], got->at(i));
}

void WireTest::pullPageRoundTripsWithDevicesAndSequences() {
    const QByteArray other = QByteArray(16, '\x07');
    wire::PullPage page;
    page.changeSets = {sample(1), sample(2)};
    page.changeSets[1].device = other;
    page.changeSets[1].id = changeId(other, 9);
    page.changeSets[0].serverSeq = 41;
    page.changeSets[1].serverSeq = 42;
    page.next = 42;
    page.more = true;
    auto got = wire::decodePullPage(wire::encodePullPage(page));
    QVERIFY(got);
    QCOMPARE(got->next, 42);
    QCOMPARE(got->more, true);
    QCOMPARE(got->changeSets.size(), 2);
    compareChangeSets(page.changeSets[0], got->changeSets[0]);
    compareChangeSets(page.changeSets[1], got->changeSets[1]);
    QCOMPARE(got->changeSets[1].serverSeq, 42);
}

void WireTest::nonUuidIdsTravelAsText() {
    ChangeSet cs = sample(5);
    cs.parentId = QStringLiteral("visit-7");
    cs.recordId = QStringLiteral("not a uuid");
    auto got = wire::decodePush(wire::encodePush(Device, {cs}), Device);
    QVERIFY(got);
    QCOMPARE(got->first().parentId, QStringLiteral("visit-7"));
    QCOMPARE(got->first().recordId, QStringLiteral("not a uuid"));
}

void WireTest::batchOfCreatesCostsLittleBeyondItsCiphertext() {
    // 1,000 findings of 12 fields each, as created on a visit.
    QList<ChangeSet> batch;
    qint64 ciphertext = 0;
    for (int i = 0; i < 1000; ++i) {
        ChangeSet cs = sample(quint64(i + 1), 12);
        for (FieldChange &f : cs.fields) {
            f.prev.clear();
            f.value = QByteArray(40 + 60, 'x'); // nonce + tag + a 60-byte value
            ciphertext += f.value.size();
        }
        batch.append(cs);
    }
    const double ratio = double(wire::encodePush(Device, batch).size()) / double(ciphertext);
    qInfo("push bytes / ciphertext bytes = %.3f", ratio);
    QVERIFY2(ratio < 1.15, qPrintable(QString::number(ratio)));
}

void WireTest::pushFromAnotherDeviceIsRefused() {
    const QByteArray body = wire::encodePush(Device, {sample(1)});
    auto got = wire::decodePush(body, QByteArray(16, '\x01'));
    QVERIFY(!got);
    QCOMPARE(got.error().code, ErrorCode::InvalidArgument);
}

void WireTest::unknownVersionIsUnsupported() {
    QCborMap m = QCborValue::fromCbor(wire::encodePush(Device, {sample(1)})).toMap();
    m.insert(QStringLiteral("v"), 2);
    auto got = wire::decodePush(QCborValue(m).toCbor(), Device);
    QVERIFY(!got);
    QCOMPARE(got.error().code, ErrorCode::Unsupported);
    QVERIFY(got.error().message.contains(QStringLiteral("2")));
}

void WireTest::malformedInputIsRefused_data() {
    QTest::addColumn<QByteArray>("body");
    const QCborMap good = QCborValue::fromCbor(wire::encodePush(Device, {sample(1)})).toMap();
    const auto with = [&](const char *k, const QCborValue &v) {
        QCborMap m = good;
        m.insert(QLatin1String(k), v);
        return QCborValue(m).toCbor();
    };
    QCborArray changes = good.value(QStringLiteral("changes")).toArray();
    QCborArray c0 = changes.at(0).toArray();
    const auto withChange = [&](int index, const QCborValue &v) {
        QCborArray c = c0;
        c[index] = v;
        return with("changes", QCborArray{c});
    };
    QTest::newRow("not cbor") << QByteArray("{\"v\":1}");
    QTest::newRow("truncated") << wire::encodePush(Device, {sample(1)}).chopped(7);
    QTest::newRow("array body") << QCborValue(QCborArray{1, 2}).toCbor();
    QTest::newRow("no version") << [&] {
        QCborMap m = good;
        m.remove(QStringLiteral("v"));
        return QCborValue(m).toCbor();
    }();
    QTest::newRow("changes not array") << with("changes", 5);
    QTest::newRow("short change") << with("changes", QCborArray{QCborArray{1, 0}});
    QTest::newRow("type index out of range") << withChange(1, 99);
    QTest::newRow("negative sequence") << withChange(0, -1);
    QTest::newRow("zero clock") << withChange(5, 0);
    QTest::newRow("record id wrong size") << withChange(2, QByteArray(5, 'x'));
    QTest::newRow("no fields") << withChange(6, QCborArray{});
    QTest::newRow("field not triple") << withChange(6, QCborArray{QCborArray{0}});
    QTest::newRow("prev wrong size") << withChange(
        6, QCborArray{QCborArray{0, QByteArray("ct"), QCborArray{QByteArray(3, 'p')}}});
    QTest::newRow("value not bytes")
        << withChange(6, QCborArray{QCborArray{0, QStringLiteral("ct"), QCborArray{}}});
    QTest::newRow("empty field name") << with("fields", QCborArray{QString()});
}

void WireTest::malformedInputIsRefused() {
    QFETCH(QByteArray, body);
    auto got = wire::decodePush(body, Device);
    QVERIFY(!got);
    QCOMPARE(got.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!got.error().message.isEmpty());
}

void WireTest::limitsAreEnforced() {
    wire::Limits small;
    small.maxChangeSets = 2;
    QVERIFY(!wire::decodePush(wire::encodePush(Device, {sample(1), sample(2), sample(3)}), Device,
                              small));
    small = {};
    small.maxFieldsPerChangeSet = 2;
    QVERIFY(!wire::decodePush(wire::encodePush(Device, {sample(1, 3)}), Device, small));
    small = {};
    small.maxBodyBytes = 100;
    auto big = wire::decodePush(wire::encodePush(Device, {sample(1)}), Device, small);
    QVERIFY(!big);
    QVERIFY(big.error().message.contains(QStringLiteral("100")));
    small = {};
    small.maxValueBytes = 10;
    QVERIFY(!wire::decodePush(wire::encodePush(Device, {sample(1)}), Device, small));
}

void WireTest::pushResultRoundTrips() {
    wire::PushResult r;
    r.stored = {{changeId(Device, 1), 7}, {changeId(Device, 2), 8}};
    r.rejected = {{changeId(Device, 3), QStringLiteral("not_member")}};
    auto got = wire::decodePushResult(wire::encodePushResult(r));
    QVERIFY(got);
    QCOMPARE(got->stored, r.stored);
    QCOMPARE(got->rejected, r.rejected);
    QVERIFY(!wire::decodePushResult(wire::encodeError(QStringLiteral("internal"), QString())));
    // The answer names the device once: each entry costs a few bytes, not a 24-byte id.
    wire::PushResult many;
    for (quint64 i = 1; i <= 500; ++i)
        many.stored.append({changeId(Device, i), qint64(100000 + i)});
    QVERIFY2(wire::encodePushResult(many).size() < 500 * 12,
             qPrintable(QString::number(wire::encodePushResult(many).size())));
    // The long form (ids in full) is still understood.
    QCborMap longForm;
    longForm.insert(QStringLiteral("v"), 1);
    longForm.insert(QStringLiteral("stored"), QCborArray{QCborArray{changeId(Device, 7), 70}});
    longForm.insert(QStringLiteral("rejected"), QCborArray{});
    auto parsed = wire::decodePushResult(QCborValue(longForm).toCbor());
    QVERIFY(parsed);
    QCOMPARE(parsed->stored.first().first, changeId(Device, 7));
    // A sequence without the device to go with it is refused.
    longForm.insert(QStringLiteral("stored"), QCborArray{QCborArray{7, 70}});
    QVERIFY(!wire::decodePushResult(QCborValue(longForm).toCbor()));
}

void WireTest::enrolmentAndEnvelopesRoundTrip() {
    wire::EnrolRequest e{QStringLiteral("ABCD-1234"), Device, QByteArray(32, 's'),
                         QByteArray(32, 'b'), QStringLiteral("平板 1")};
    auto got = wire::decodeEnrolRequest(wire::encode(e));
    QVERIFY(got);
    QCOMPARE(got->name, e.name);
    QCOMPARE(got->signingKey, e.signingKey);
    e.boxKey.chop(1);
    QVERIFY(!wire::decodeEnrolRequest(wire::encode(e)));

    wire::CampaignGrant g;
    g.campaignId = QStringLiteral("6f1e3c2a-1111-4222-8333-944455556666");
    g.members = {Device};
    g.envelopes = {{g.campaignId, Device, QByteArray(80, 'k')}};
    auto grant = wire::decodeCampaignGrant(wire::encode(g));
    QVERIFY(grant);
    QCOMPARE(grant->campaignId, g.campaignId);
    QCOMPARE(grant->envelopes.first().sealed, g.envelopes.first().sealed);
    g.envelopes.first().sealed.chop(1);
    QVERIFY(!wire::decodeCampaignGrant(wire::encode(g)));

    auto err =
        wire::decodeError(wire::encodeError(QStringLiteral("bad_signature"), QStringLiteral("no")));
    QVERIFY(err);
    QCOMPARE(err->code, QStringLiteral("bad_signature"));
}

void WireTest::enrolCodeRequestAndAnswerRoundTrip() {
    auto request = wire::decodeEnrolCodeRequest(
        wire::encode(wire::EnrolCodeRequest{QStringLiteral("office"), 72}));
    QVERIFY(request);
    QCOMPARE(request->role, QStringLiteral("office"));
    QCOMPARE(request->hours, 72);
    // Without hours: 24. Hours that are no whole number, or no role, are malformed.
    QCborMap m;
    m.insert(QStringLiteral("v"), wire::Version);
    m.insert(QStringLiteral("role"), QStringLiteral("inspector"));
    QCOMPARE(wire::decodeEnrolCodeRequest(QCborValue(m).toCbor())->hours, 24);
    m.insert(QStringLiteral("hours"), 2.5);
    QVERIFY(!wire::decodeEnrolCodeRequest(QCborValue(m).toCbor()));
    m.remove(QStringLiteral("hours"));
    m.remove(QStringLiteral("role"));
    QVERIFY(!wire::decodeEnrolCodeRequest(QCborValue(m).toCbor()));

    const wire::EnrolCodeResponse code{QStringLiteral("ABCD-EFGH-JKMN-PQRS"),
                                       QStringLiteral("inspector"), 1796000000000};
    auto answer = wire::decodeEnrolCodeResponse(wire::encode(code));
    QVERIFY(answer);
    QCOMPARE(answer->code, code.code);
    QCOMPARE(answer->role, code.role);
    QCOMPARE(answer->expiresAtMs, code.expiresAtMs);
    QVERIFY(!wire::decodeEnrolCodeResponse(
        wire::encode(wire::EnrolCodeResponse{{}, QStringLiteral("inspector"), 1})));
}

void WireTest::signatureCoversMethodPathTimeNonceBodyAndHeaders() {
    QVERIFY(sodium_init() >= 0);
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    const signing::Signer signer = [&](QByteArrayView m) -> Result<QByteArray> {
        QByteArray sig(crypto_sign_BYTES, Qt::Uninitialized);
        crypto_sign_detached(reinterpret_cast<unsigned char *>(sig.data()), nullptr,
                             reinterpret_cast<const unsigned char *>(m.data()), quint64(m.size()),
                             sk);
        return sig;
    };
    const QByteArray pub(reinterpret_cast<const char *>(pk), sizeof pk);
    const signing::HeaderList sent = {{"Host", "sync.example.org"},
                                      {"Content-Type", "application/cbor"},
                                      {"Upload-Metadata", "campaign YWJj"}};
    auto h = signing::sign(signer, Device, "POST", "/v1/push", sent, "body", 1000);
    QVERIFY(h);
    QCOMPARE(h->device, Device.toHex());
    QCOMPARE(h->nonce.size(), 32);
    const QByteArray sig = QByteArray::fromBase64(h->signature);
    // What the server sees: the request's headers with the device header added.
    const signing::HeaderList seen =
        sent + signing::HeaderList{{"x-fl-device", Device.toHex()}, {"User-Agent", "any"}};
    const auto verifies = [&](QByteArrayView method, QByteArrayView path, qint64 time,
                              QByteArrayView nonce, const signing::HeaderList &headers,
                              QByteArrayView body) {
        return signing::verify(pub, sig,
                               signing::canonical(method, path, time, nonce, headers, body));
    };
    QVERIFY(verifies("POST", "/v1/push", 1000, h->nonce, seen, "body"));
    QVERIFY(!verifies("GET", "/v1/push", 1000, h->nonce, seen, "body"));
    QVERIFY(!verifies("POST", "/v1/pull", 1000, h->nonce, seen, "body"));
    QVERIFY(!verifies("POST", "/v1/push", 1001, h->nonce, seen, "body"));
    QVERIFY(!verifies("POST", "/v1/push", 1000, QByteArray(32, '0'), seen, "body"));
    QVERIFY(!verifies("POST", "/v1/push", 1000, h->nonce, seen, "bodY"));
    // Every covered header counts, present or absent; names in any case; others do not.
    for (const char *name : signing::CoveredHeaders) {
        signing::HeaderList changed = seen;
        bool found = false;
        for (auto &[k, v] : changed) {
            if (k.compare(name, Qt::CaseInsensitive) == 0) {
                v += 'x';
                found = true;
            }
        }
        if (!found)
            changed.append({QByteArray(name).toUpper(), QByteArray("1")});
        QVERIFY2(!verifies("POST", "/v1/push", 1000, h->nonce, changed, "body"), name);
    }
    signing::HeaderList otherCase;
    for (const auto &[k, v] : seen)
        otherCase.append({k.toUpper(), ' ' + v + ' '});
    otherCase.append({QByteArray("Accept"), QByteArray("*/*")});
    QVERIFY(verifies("POST", "/v1/push", 1000, h->nonce, otherCase, "body"));
    QVERIFY(signing::canonical("POST", "/", 1, "n", {}, {}).startsWith("FL-SIG-2\n"));
    QVERIFY(
        signing::repeatsSignedHeader(seen + signing::HeaderList{{"RANGE", "a"}, {"range", "b"}}));
    QVERIFY(!signing::repeatsSignedHeader(seen +
                                          signing::HeaderList{{"Accept", "a"}, {"Accept", "b"}}));

    auto h2 = signing::sign(signer, Device, "POST", "/v1/push", sent, "body", 1000);
    QVERIFY(h2->nonce != h->nonce);
    // The device header is the signer's whatever the caller passed, and Host is required.
    auto h3 = signing::sign(signer, Device, "POST", "/v1/push",
                            sent + signing::HeaderList{{"X-FL-Device", "00"}}, "body", 1000);
    QVERIFY(signing::verify(pub, QByteArray::fromBase64(h3->signature),
                            signing::canonical("POST", "/v1/push", 1000, h3->nonce, seen, "body")));
    QVERIFY(!signing::sign(signer, Device, "POST", "/v1/push", {}, "body", 1000));
}

QTEST_GUILESS_MAIN(WireTest)
#include "tst_wire.moc"
