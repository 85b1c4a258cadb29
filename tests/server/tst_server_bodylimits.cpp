// Request bodies are capped while they stream in: fieldledger-server answers a body over its
// route's cap from the request's head, without reading the body, and every request it lets
// through (one after another on a connection, or several in one write) still works.
#include "rawhttp.h"

#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace fltest;

namespace {

/// The server's peak resident memory (VmHWM), in bytes; -1 when unknown.
qint64 peakRss(qint64 pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

} // namespace

class ServerBodyLimitsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void fourGiBEnrolmentIsRefusedBeforeItsBodyIsRead();
    void eachRouteHasItsCap_data();
    void eachRouteHasItsCap();
    void chunkedBodyIsRefusedWithLengthRequired();
    void oversizedHeadIsRefused();
    void requestsOneAfterAnotherOnAConnectionPassTheGuard();

private:
    [[nodiscard]] QByteArray host() const { return HttpClient::hostOf(m_f->server.url()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Fixture> m_f;
};

void ServerBodyLimitsTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_f = std::make_unique<Fixture>();
    QVERIFY(m_f->setUp({QStringLiteral("--data"), m_dir->path()}));
}

void ServerBodyLimitsTest::cleanup() {
    m_f.reset();
    m_dir.reset();
}

void ServerBodyLimitsTest::fourGiBEnrolmentIsRefusedBeforeItsBodyIsRead() {
    // POST /v1/enrol needs no signature: anyone can send it. The body is made as it goes out,
    // 64 KiB of zeros at a time, and never held. A plain socket keeps sending after the answer
    // (and after the server's end of the stream), until the server resets the connection: what
    // it managed to send shows how much the server read.
    constexpr qint64 BodyBytes = 4ll * 1024 * 1024 * 1024;
    // Without the guard the server would take all of it; the test gives up well before that.
    constexpr qint64 GiveUpAfterBytes = 512ll * 1024 * 1024;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(m_f->server.url().port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    const timeval wait{0, 200 * 1000};
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wait, sizeof wait);

    QElapsedTimer clock;
    clock.start();
    const QByteArray head = rawRequest("POST", "/v1/enrol",
                                       {{"Host", host()},
                                        {"Content-Type", "application/cbor"},
                                        {"Content-Length", QByteArray::number(BodyBytes)}});
    QCOMPARE(::send(fd, head.constData(), size_t(head.size()), MSG_NOSIGNAL), head.size());
    const QByteArray piece(64 * 1024, '\0');
    qint64 sent = 0;
    QByteArray received;
    qint64 answeredAfterMs = -1;
    qint64 sentWhenAnswered = -1;
    while (sent < GiveUpAfterBytes && clock.elapsed() < 60000) {
        const ssize_t n = ::send(fd, piece.constData(), size_t(piece.size()), MSG_NOSIGNAL);
        if (n > 0)
            sent += n;
        else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            break; // reset by the server
        char buffer[4096];
        for (ssize_t r; (r = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT)) > 0;)
            received.append(buffer, r);
        if (answeredAfterMs < 0 && received.contains("\r\n\r\n")) {
            answeredAfterMs = clock.elapsed();
            sentWhenAnswered = sent;
        }
    }
    const qint64 elapsed = clock.elapsed();
    const qint64 rss = peakRss(m_f->server.processId());
    qInfo("answered after %lld ms and %lld body bytes; the server reset the connection after "
          "%lld ms and %lld body bytes; server peak RSS %.1f MB",
          answeredAfterMs, sentWhenAnswered, elapsed, sent, double(rss) / (1024 * 1024));

    const std::optional<RawAnswer> answer = takeRawAnswer(received);
    QVERIFY2(answer, received.constData());
    QCOMPARE(answer->status, 413);
    QCOMPARE(answer->error(), QStringLiteral("body_too_large"));
    QCOMPARE(answer->header("Connection"), QByteArray("close"));
    QVERIFY2(sent < 64 * 1024 * 1024, "the server went on reading the refused body");
    QVERIFY(rss > 0);
    QVERIFY2(rss < 100 * 1024 * 1024, qPrintable(QString::number(rss)));
    // And the server goes on serving.
    QCOMPARE(m_f->http->raw("GET", "/v1/health").status, 200);
}

void ServerBodyLimitsTest::eachRouteHasItsCap_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<qint64>("cap");
    QTest::addColumn<bool>("tus");
    QTest::newRow("enrol") << QByteArray("POST") << QByteArray("/v1/enrol") << 64ll * 1024 << false;
    QTest::newRow("enrol code") << QByteArray("POST") << QByteArray("/v1/enrol-codes")
                                << 64ll * 1024 << false;
    QTest::newRow("campaign") << QByteArray("PUT") << QByteArray("/v1/campaigns") << 1024ll * 1024
                              << false;
    QTest::newRow("push") << QByteArray("POST") << QByteArray("/v1/push?x=1") << 16ll * 1024 * 1024
                          << false;
    QTest::newRow("tus chunk") << QByteArray("PATCH")
                               << QByteArray("/v1/blobs/uploads/0123456789abcdef0123456789abcdef")
                               << 16ll * 1024 * 1024 << true;
    QTest::newRow("tus creation") << QByteArray("POST") << QByteArray("/v1/blobs") << 64ll * 1024
                                  << true;
    QTest::newRow("pull") << QByteArray("GET") << QByteArray("/v1/pull") << 64ll * 1024 << false;
}

void ServerBodyLimitsTest::eachRouteHasItsCap() {
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(qint64, cap);
    QFETCH(bool, tus);
    // One byte over the cap is refused from the head alone: no body byte is sent.
    RawConnection over;
    QVERIFY(over.open(m_f->server.url()));
    over.write(rawRequest(method, target,
                          {{"Host", host()}, {"Content-Length", QByteArray::number(cap + 1)}}));
    const auto refused = over.readAnswer();
    QVERIFY(refused);
    QCOMPARE(refused->status, 413);
    QCOMPARE(refused->error(), QStringLiteral("body_too_large"));
    QCOMPARE(refused->header("Tus-Resumable"), tus ? QByteArray("1.0.0") : QByteArray());

    // A body of exactly the cap goes on to the route, which answers it (unsigned here: 401).
    RawConnection at;
    QVERIFY(at.open(m_f->server.url()));
    at.write(rawRequest(method, target,
                        {{"Host", host()}, {"Content-Length", QByteArray::number(cap)}},
                        QByteArray(cap, 'x')));
    const auto passed = at.readAnswer(30000);
    QVERIFY(passed);
    QVERIFY2(passed->status != 413, qPrintable(passed->error()));
}

void ServerBodyLimitsTest::chunkedBodyIsRefusedWithLengthRequired() {
    RawConnection c;
    QVERIFY(c.open(m_f->server.url()));
    c.write(rawRequest(
        "POST", "/v1/push",
        {{"Host", host()}, {"Content-Type", "application/cbor"}, {"Transfer-Encoding", "chunked"}},
        "5\r\nhello\r\n"));
    const auto a = c.readAnswer();
    QVERIFY(a);
    QCOMPARE(a->status, 411);
    QCOMPARE(a->error(), QStringLiteral("length_required"));
}

void ServerBodyLimitsTest::oversizedHeadIsRefused() {
    RawConnection big;
    QVERIFY(big.open(m_f->server.url()));
    big.write(rawRequest("GET", "/v1/health",
                         {{"Host", host()}, {"X-Filler", QByteArray(20 * 1024, 'a')}}));
    const auto a = big.readAnswer();
    QVERIFY(a);
    QCOMPARE(a->status, 431);
    QCOMPARE(a->error(), QStringLiteral("headers_too_large"));

    // A head that never ends is cut off at the same size, not collected.
    RawConnection endless;
    QVERIFY(endless.open(m_f->server.url()));
    endless.write("GET /v1/health HTTP/1.1\r\nX-Filler: " + QByteArray(64 * 1024, 'a'));
    const auto b = endless.readAnswer();
    QVERIFY(b);
    QCOMPARE(b->status, 431);

    RawConnection twice;
    QVERIFY(twice.open(m_f->server.url()));
    twice.write(rawRequest("POST", "/v1/enrol",
                           {{"Host", host()}, {"Content-Length", "1"}, {"Content-Length", "100"}},
                           "x"));
    const auto c = twice.readAnswer();
    QVERIFY(c);
    QCOMPARE(c->status, 400);
}

void ServerBodyLimitsTest::requestsOneAfterAnotherOnAConnectionPassTheGuard() {
    // Three requests in one stream, cut into pieces that split heads and bodies anywhere: the
    // guard must find each request's end where Qt's parser does.
    const QByteArray push = fl::wire::encodePush(
        m_f->alice.id, m_f->alice.sealed({makeChange(m_f->alice, 1, m_f->campaign, newUuid())}));
    const auto stream = [&] {
        // Signed anew each time: a nonce is good once.
        Headers signedPush = m_f->http->signedHeaders(m_f->alice, "POST", "/v1/push", push, nowMs(),
                                                      {{"Content-Type", "application/cbor"}});
        signedPush.append({"Content-Length", QByteArray::number(push.size())});
        return "\r\n" + rawRequest("POST", "/v1/push", signedPush, push) +
               rawRequest("GET", "/v1/health", {{"Host", host()}}) +
               rawRequest("POST", "/v1/enrol",
                          {{"Host", host()}, {"Content-Length", QByteArray::number(70 * 1024)}}) +
               QByteArray(70 * 1024, 'x');
    };
    for (const qsizetype piece : {1, 7, 333, 1 << 20}) {
        const QByteArray bytes = stream();
        RawConnection c;
        QVERIFY(c.open(m_f->server.url()));
        // The heads and the small bodies are in the first few KiB.
        for (qsizetype at = 0; at < bytes.size(); at += piece) {
            const qsizetype n = at < 4096 ? piece : bytes.size() - at;
            c.write(bytes.mid(at, n));
            c.poll();
            at += n - piece;
        }
        const auto first = c.readAnswer();
        QVERIFY(first);
        QCOMPARE(first->status, 200); // stored, or stored before: answered the same
        QVERIFY(fl::wire::decodePushResult(first->body));
        const auto second = c.readAnswer();
        QVERIFY(second);
        QCOMPARE(second->status, 200);
        const auto third = c.readAnswer();
        QVERIFY(third);
        QCOMPARE(third->status, 413);
    }
}

QTEST_GUILESS_MAIN(ServerBodyLimitsTest)
#include "tst_server_bodylimits.moc"
