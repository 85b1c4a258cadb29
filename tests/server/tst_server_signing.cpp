// Request signatures (FL-SIG-2) cover every header that changes what a request means: a
// request altered on the way in any of them is refused as 401 bad_signature.
#include "rawhttp.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace fltest;

namespace {

/// `headers` with `name` set to `value` (replaced when present, added when not).
Headers with(Headers headers, const QByteArray &name, const QByteArray &value) {
    for (auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0) {
            v = value;
            return headers;
        }
    }
    headers.append({name, value});
    return headers;
}

QByteArray contentIdOf(const QByteArray &data) {
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char *>(data.data()),
                       quint64(data.size()), nullptr, 0);
    return QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex();
}

} // namespace

class ServerSigningTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void alteredHostIsRefused();
    void alteredDeviceIsRefused();
    void alteredUploadMetadataIsRefused();
    void alteredOrAddedRangeIsRefused();
    void alteredContentTypeIsRefused();
    void repeatedSignedHeaderIsRefused();
    void firstVersionSignaturesAreRefused();

private:
    void expectBadSignature(const HttpReply &r) {
        QCOMPARE(r.status, 401);
        QCOMPARE(r.error(), QStringLiteral("bad_signature"));
    }
    /// tus creation headers for `data` in the fixture's campaign (or `campaign`).
    Headers tusCreation(const QByteArray &data, const QString &campaign = {}) const {
        return {{"Tus-Resumable", "1.0.0"},
                {"Upload-Length", QByteArray::number(data.size())},
                {"Upload-Metadata",
                 "content_id " + contentIdOf(data).toBase64() + ",campaign " +
                     (campaign.isEmpty() ? m_f->campaign : campaign).toUtf8().toBase64()},
                {"Content-Type", "application/cbor"}};
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Fixture> m_f;
};

void ServerSigningTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_f = std::make_unique<Fixture>();
    QVERIFY(m_f->setUp({QStringLiteral("--data"), m_dir->path()}));
}

void ServerSigningTest::cleanup() {
    m_f.reset();
    m_dir.reset();
}

void ServerSigningTest::alteredHostIsRefused() {
    // Signed for this server, sent (by a proxy, say) as if to another name of it.
    const Headers h = m_f->http->signedHeaders(m_f->alice, "GET", "/v1/keys");
    const QByteArray otherHost = "localhost:" + QByteArray::number(m_f->server.url().port());
    expectBadSignature(m_f->http->raw("GET", "/v1/keys", {}, with(h, "Host", otherHost)));
    QCOMPARE(m_f->http->raw("GET", "/v1/keys", {}, h).status, 200);
}

void ServerSigningTest::alteredDeviceIsRefused() {
    const Headers h = m_f->http->signedHeaders(m_f->alice, "GET", "/v1/keys");
    expectBadSignature(
        m_f->http->raw("GET", "/v1/keys", {}, with(h, "X-FL-Device", m_f->bob.id.toHex())));
    QCOMPARE(m_f->http->raw("GET", "/v1/keys", {}, h).status, 200);
}

void ServerSigningTest::alteredUploadMetadataIsRefused() {
    // Upload-Metadata names the campaign a blob is registered under.
    const QString other = newUuid();
    QCOMPARE(m_f->http->grant(m_f->office, other, {&m_f->alice}).status, 200);
    const QByteArray data(1000, 'd');
    const Headers h =
        m_f->http->signedHeaders(m_f->alice, "POST", "/v1/blobs", {}, nowMs(), tusCreation(data));
    const QByteArray moved = tusCreation(data, other).at(2).second;
    expectBadSignature(m_f->http->raw("POST", "/v1/blobs", {}, with(h, "Upload-Metadata", moved)));
    expectBadSignature(m_f->http->raw("POST", "/v1/blobs", {}, with(h, "Upload-Length", "999")));
    QCOMPARE(m_f->http->raw("POST", "/v1/blobs", {}, h).status, 201);
}

void ServerSigningTest::alteredOrAddedRangeIsRefused() {
    const QByteArray data(1000, 'r');
    const HttpReply created =
        m_f->http->send(m_f->alice, "POST", "/v1/blobs", {}, {}, tusCreation(data).mid(0, 3));
    QCOMPARE(created.status, 201);
    const QByteArray location = created.header("Location");
    QCOMPARE(m_f->http
                 ->send(m_f->alice, "PATCH", location, data, "application/offset+octet-stream",
                        {{"Tus-Resumable", "1.0.0"}, {"Upload-Offset", "0"}})
                 .status,
             204);
    const QByteArray path = "/v1/blobs/" + contentIdOf(data);

    const Headers ranged =
        m_f->http->signedHeaders(m_f->alice, "GET", path, {}, nowMs(), {{"Range", "bytes=0-9"}});
    expectBadSignature(m_f->http->raw("GET", path, {}, with(ranged, "Range", "bytes=0-999")));
    // A header signed as absent may not be added.
    const Headers whole = m_f->http->signedHeaders(m_f->alice, "GET", path);
    expectBadSignature(m_f->http->raw("GET", path, {}, with(whole, "Range", "bytes=0-9")));

    const HttpReply part = m_f->http->raw("GET", path, {}, ranged);
    QCOMPARE(part.status, 206);
    QCOMPARE(part.body, data.left(10));
    QCOMPARE(m_f->http->raw("GET", path, {}, whole).status, 200);
}

void ServerSigningTest::alteredContentTypeIsRefused() {
    const QByteArray body = fl::wire::encodePush(
        m_f->alice.id, m_f->alice.sealed({makeChange(m_f->alice, 1, m_f->campaign, newUuid())}));
    const Headers h = m_f->http->signedHeaders(m_f->alice, "POST", "/v1/push", body, nowMs(),
                                               {{"Content-Type", "application/cbor"}});
    expectBadSignature(
        m_f->http->raw("POST", "/v1/push", body, with(h, "Content-Type", "application/cbor; v=2")));
    QCOMPARE(m_f->http->raw("POST", "/v1/push", body, h).status, 200);
}

void ServerSigningTest::repeatedSignedHeaderIsRefused() {
    // Which copy counts would be up to each reader (a proxy, the server): neither is taken.
    const Headers h = m_f->http->signedHeaders(m_f->alice, "GET", "/v1/keys", {}, nowMs(),
                                               {{"Range", "bytes=0-9"}});
    RawConnection c;
    QVERIFY(c.open(m_f->server.url()));
    c.write(rawRequest("GET", "/v1/keys", h + Headers{{"Range", "bytes=5-9"}}));
    const auto a = c.readAnswer();
    QVERIFY(a);
    QCOMPARE(a->status, 401);
    QCOMPARE(a->error(), QStringLiteral("bad_signature"));
}

void ServerSigningTest::firstVersionSignaturesAreRefused() {
    // FL-SIG-1 covered method, path, time, nonce and body only.
    const QByteArray time = QByteArray::number(nowMs());
    const QByteArray nonce = QByteArray(16, 'n').toHex();
    const QByteArray canonical = "FL-SIG-1\nGET\n/v1/keys\n" + time + '\n' + nonce + '\n' +
                                 QCryptographicHash::hash({}, QCryptographicHash::Sha256).toHex();
    const HttpReply r =
        m_f->http->raw("GET", "/v1/keys", {},
                       {{fl::signing::DeviceHeader, m_f->alice.id.toHex()},
                        {fl::signing::TimeHeader, time},
                        {fl::signing::NonceHeader, nonce},
                        {fl::signing::SignatureHeader, m_f->alice.sign(canonical).toBase64()}});
    expectBadSignature(r);
}

QTEST_GUILESS_MAIN(ServerSigningTest)
#include "tst_server_signing.moc"
