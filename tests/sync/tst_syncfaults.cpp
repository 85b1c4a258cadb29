// Faults a real server does not produce on request: garbage, half answers, 503, a hang, an
// answer that does not match the request. A tiny in-process HTTP fake serves them; the engine
// must report the right typed error, apply nothing and keep every pending change.
#include "store/store.h"
#include "sync/client/syncengine.h"
#include "sync/client/syncstate.h"
#include "sync/protocol/wire.h"
#include "vault/vault.h"

#include <QCborMap>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QtTest>

#include <functional>
#include <memory>

using namespace fl;
using namespace fl::sync;

namespace {

const QByteArray Passphrase("sync fault test passphrase");

struct HttpCall {
    QByteArray method;
    QByteArray path; // with query
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
};

QByteArray httpAnswer(int status, const QByteArray &body,
                      const QByteArray &contentType = "application/cbor",
                      const QByteArray &extra = {}) {
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n" + extra + "\r\n";
    return out + body;
}

/// What the fake does with one request: write bytes, then close or keep the socket.
using Handler = std::function<void(const HttpCall &, QTcpSocket *)>;

/// A minimal HTTP/1.1 server: parses one request at a time per connection and hands it to a
/// handler chosen by path prefix.
class FakeServer : public QObject {
public:
    FakeServer() {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    [[nodiscard]] QString url() const {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
    }
    void on(const QByteArray &prefix, Handler h) { m_handlers.prepend({prefix, std::move(h)}); }
    QList<HttpCall> calls;

private:
    void onData(QTcpSocket *s) {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        while (true) {
            const qsizetype end = buf.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buf.left(end).split('\n');
            HttpCall call;
            const QList<QByteArray> first = lines.first().trimmed().split(' ');
            call.method = first.value(0);
            call.path = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    call.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                        lines[i].mid(colon + 1).trimmed());
            }
            const qint64 length = call.headers.value("content-length").toLongLong();
            if (buf.size() < end + 4 + length)
                return;
            call.body = buf.mid(end + 4, length);
            buf.remove(0, end + 4 + length);
            calls.append(call);
            for (const auto &[prefix, handler] : std::as_const(m_handlers)) {
                if (call.path.startsWith(prefix)) {
                    handler(call, s);
                    break;
                }
            }
        }
    }

    QTcpServer m_server;
    QList<QPair<QByteArray, Handler>> m_handlers;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

Handler answer(int status, const QByteArray &body,
               const QByteArray &contentType = "application/cbor") {
    return [=](const HttpCall &, QTcpSocket *s) {
        s->write(httpAnswer(status, body, contentType));
    };
}

/// Announces the whole body, sends only part of it, then hangs up.
Handler halfAnswer(const QByteArray &body) {
    return [=](const HttpCall &, QTcpSocket *s) {
        QByteArray bytes = httpAnswer(200, body);
        bytes.chop(body.size() / 2);
        s->write(bytes);
        s->flush();
        s->disconnectFromHost();
    };
}

Handler hang() {
    return [](const HttpCall &, QTcpSocket *) {
    };
}

/// Answers a push as a correct server would: every change set stored.
Handler storeAll(qint64 *nextSeq) {
    return [=](const HttpCall &call, QTcpSocket *s) {
        const QByteArray device = QByteArray::fromHex(call.headers.value("x-fl-device"));
        auto changes = wire::decodePush(call.body, device);
        wire::PushResult r;
        for (const ChangeSet &cs : std::as_const(*changes))
            r.stored.append({cs.id, ++*nextSeq});
        s->write(httpAnswer(200, wire::encodePushResult(r)));
    };
}

} // namespace

class SyncFaultsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pushFaultsKeepEveryPendingChange_data();
    void pushFaultsKeepEveryPendingChange();
    void pullFaultsApplyNothing_data();
    void pullFaultsApplyNothing();
    void unauthorizedCarriesTheReasonAndStopsAutomaticSync();
    void retryableFailureIsRetriedWithBackoffUntilItSucceeds();
    void unreachableServerIsOfflineNotAnError();
    void engineOnItsOwnThreadNeverBlocksTheCaller();
    void aRepeatAnsweredFirstIsSentAgainWithAFreshNonce();

private:
    std::unique_ptr<SyncEngine> engine(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    void enrolWith(const QString &url);
    [[nodiscard]] QByteArray emptyPage() const;
    /// A page of change sets from another device of the same campaign.
    [[nodiscard]] QByteArray remotePage();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Vault> m_vault;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<FakeServer> m_fake;
    QString m_campaign;
    int m_pending = 0;
};

void SyncFaultsTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_vault = std::make_unique<Vault>(m_dir->filePath("vault.json"));
    QVERIFY(m_vault->create(Passphrase, KdfParams::minimum()));
    m_store = std::make_unique<Store>(*m_vault);
    QVERIFY(m_store->open(m_dir->filePath("fieldledger.db")));
    m_campaign = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(m_store->write([&](Writer &w) -> Result<void> {
        if (auto r = w.createCampaignKey(m_campaign); !r)
            return r;
        auto id = w.create("campaign", m_campaign, {}, QCborMap{{"name", "R4"}}, m_campaign);
        if (!id)
            return id.error();
        return {};
    }));
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_store->create("finding", m_campaign, m_campaign, QCborMap{{"title", i}}));
    m_pending = *m_store->pendingCount();
    QCOMPARE(m_pending, 4);
    m_fake = std::make_unique<FakeServer>();
    m_fake->on("/v1/keys", answer(200, wire::encode(QList<wire::KeyEnvelope>())));
    m_fake->on("/v1/health",
               answer(200, QCborValue(QCborMap{{"v", 1}, {"status", "ok"}}).toCbor()));
    enrolWith(m_fake->url());
}

void SyncFaultsTest::cleanup() {
    m_fake.reset();
    m_store.reset();
    m_vault.reset();
    m_dir.reset();
}

void SyncFaultsTest::enrolWith(const QString &url) {
    SyncState state(*m_store);
    QVERIFY(state.setEnrolment(url, "inspector"));
}

std::unique_ptr<SyncEngine> SyncFaultsTest::engine(std::chrono::milliseconds timeout) {
    SyncEngine::Options o;
    o.requestTimeout = timeout;
    o.retry.base = std::chrono::milliseconds(50);
    o.retry.cap = std::chrono::milliseconds(200);
    return std::make_unique<SyncEngine>(*m_vault, m_dir->filePath("fieldledger.db"),
                                        m_dir->filePath("blobs"), o);
}

QByteArray SyncFaultsTest::emptyPage() const {
    wire::PullPage page;
    return wire::encodePullPage(page);
}

QByteArray SyncFaultsTest::remotePage() {
    Vault other(m_dir->filePath("other.json"));
    if (!other.create(Passphrase, KdfParams::minimum()))
        return {};
    Store otherStore(other);
    if (!otherStore.open(m_dir->filePath("other.db")))
        return {};
    auto sealed = m_store->sealCampaignKey(m_campaign, other.boxPublicKey());
    auto key = other.openSealedKey(*sealed);
    if (!otherStore.addCampaignKey(m_campaign, *key))
        return {};
    for (int i = 0; i < 5; ++i) {
        if (!otherStore.create("finding", m_campaign, m_campaign, QCborMap{{"title", -i}}))
            return {};
    }
    wire::PullPage page;
    page.changeSets = *otherStore.pending(100);
    if (!otherStore.sealForPush(page.changeSets))
        return {};
    // The author's key, as GET /v1/signers gives it to the pulling device.
    m_fake->on("/v1/signers",
               answer(200, wire::encode(QList<wire::DeviceInfo>{{other.deviceId(),
                                                                 {},
                                                                 QStringLiteral("inspector"),
                                                                 other.boxPublicKey(),
                                                                 false,
                                                                 other.signingPublicKey()}})));
    qint64 seq = 0;
    for (ChangeSet &cs : page.changeSets)
        cs.serverSeq = ++seq;
    page.next = seq;
    return wire::encodePullPage(page);
}

void SyncFaultsTest::pushFaultsKeepEveryPendingChange_data() {
    QTest::addColumn<int>("fault");
    QTest::addColumn<SyncError>("expected");
    QTest::newRow("garbage body") << 0 << SyncError::Protocol;
    QTest::newRow("half answer, then close") << 1 << SyncError::Protocol;
    QTest::newRow("503") << 2 << SyncError::ServerError;
    QTest::newRow("hang") << 3 << SyncError::Timeout;
    // Qt 6.4 drops a connection whose answer is not HTTP (or has a broken status line) and
    // reports it as closed before any answer: indistinguishable from a dropped connection, and
    // retried the same way.
    QTest::newRow("not HTTP, then close") << 4 << SyncError::Network;
    QTest::newRow("broken status line") << 7 << SyncError::Network;
    QTest::newRow("answer names other change sets") << 5 << SyncError::Protocol;
    QTest::newRow("wrong content type") << 6 << SyncError::Protocol;
}

void SyncFaultsTest::pushFaultsKeepEveryPendingChange() {
    QFETCH(int, fault);
    QFETCH(SyncError, expected);
    wire::PushResult foreign;
    foreign.stored.append({QByteArray(24, 'x'), 1});
    const QByteArray valid = wire::encodePushResult(foreign);
    switch (fault) {
    case 0:
        m_fake->on("/v1/push", answer(200, "this is not CBOR at all \xff\xff"));
        break;
    case 1:
        m_fake->on("/v1/push", halfAnswer(valid));
        break;
    case 2:
        m_fake->on("/v1/push", answer(503, wire::encodeError("unavailable", "down")));
        break;
    case 3:
        m_fake->on("/v1/push", hang());
        break;
    case 4:
        m_fake->on("/v1/push", [](const HttpCall &, QTcpSocket *s) {
            s->write("SSH-2.0-OpenSSH_9.2\r\n\x01\x02\x03 garbage\r\n\r\n");
            s->flush();
            s->disconnectFromHost();
        });
        break;
    case 5:
        m_fake->on("/v1/push", answer(200, valid));
        break;
    case 6:
        m_fake->on("/v1/push", answer(200, valid, "text/html"));
        break;
    case 7:
        m_fake->on("/v1/push", [](const HttpCall &, QTcpSocket *s) {
            s->write("HTTP/1.1 2x0 what\r\nContent-Length: 3\r\n\r\nabc");
        });
        break;
    }
    auto e = engine(std::chrono::milliseconds(400));
    QSignalSpy finished(e.get(), &SyncEngine::syncFinished);
    const SyncReport report = e->runSync();
    QCOMPARE(report.failure.error, expected);
    QVERIFY(!report.failure.message.isEmpty());
    QCOMPARE(report.failure.retryable(), true);
    QCOMPARE(report.progress.pushed, 0);
    QCOMPARE(report.pending, m_pending);
    QCOMPARE(*m_store->pendingCount(), m_pending);
    QVERIFY(report.rejected.isEmpty());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(e->error(), expected);
    // Nothing was pulled or recorded either.
    QVERIFY(!m_fake->calls.isEmpty());
    QVERIFY(m_store->setting(settingkey::Cursor)->isEmpty());
}

void SyncFaultsTest::pullFaultsApplyNothing_data() {
    QTest::addColumn<int>("fault");
    QTest::addColumn<SyncError>("expected");
    QTest::newRow("half page, then close") << 0 << SyncError::Protocol;
    QTest::newRow("garbage page") << 1 << SyncError::Protocol;
    QTest::newRow("page going backwards") << 2 << SyncError::Protocol;
    QTest::newRow("hang") << 3 << SyncError::Timeout;
    QTest::newRow("503") << 4 << SyncError::ServerError;
}

void SyncFaultsTest::pullFaultsApplyNothing() {
    QFETCH(int, fault);
    QFETCH(SyncError, expected);
    qint64 seq = 100;
    m_fake->on("/v1/push", storeAll(&seq));
    const QByteArray page = remotePage();
    QVERIFY(!page.isEmpty());
    switch (fault) {
    case 0:
        m_fake->on("/v1/pull", halfAnswer(page));
        break;
    case 1:
        m_fake->on("/v1/pull", answer(200, page.left(page.size() / 3) + page));
        break;
    case 2: {
        SyncState state(*m_store);
        QVERIFY(state.setCursor(50)); // the page below ends at 5
        m_fake->on("/v1/pull", answer(200, page));
        break;
    }
    case 3:
        m_fake->on("/v1/pull", hang());
        break;
    case 4:
        m_fake->on("/v1/pull", answer(503, {}, {}));
        break;
    }
    const auto cursorBefore = *m_store->setting(settingkey::Cursor);
    const int findingsBefore = *m_store->count("finding", {});
    auto e = engine(std::chrono::milliseconds(400));
    const SyncReport report = e->runSync();
    QCOMPARE(report.failure.error, expected);
    // The push went through and is recorded...
    QCOMPARE(report.progress.pushed, m_pending);
    QCOMPARE(*m_store->pendingCount(), 0);
    // ...but nothing of the broken pull was applied and the cursor did not move.
    QCOMPARE(report.progress.pulled, 0);
    QCOMPARE(*m_store->count("finding", {}), findingsBefore);
    QCOMPARE(*m_store->setting(settingkey::Cursor), cursorBefore);

    // The same page, whole, is applied by the next sync.
    if (fault == 2)
        return;
    m_fake->on("/v1/pull", answer(200, page));
    const SyncReport again = e->runSync();
    QVERIFY2(again.ok(), qPrintable(again.failure.message));
    QCOMPARE(again.pulledApplied, 5);
    QCOMPARE(*m_store->count("finding", {}), findingsBefore + 5);
    QCOMPARE(*m_store->setting(settingkey::Cursor), QByteArray("5"));
}

void SyncFaultsTest::unauthorizedCarriesTheReasonAndStopsAutomaticSync() {
    m_fake->on("/v1/keys", answer(401, wire::encodeError("stale_timestamp", "clock")));
    auto e = engine();
    QSignalSpy states(e.get(), &SyncEngine::stateChanged);
    e->start();
    QCOMPARE(e->state(), SyncEngine::State::Stopped);
    QCOMPARE(e->error(), SyncError::Unauthorized);
    QCOMPARE(e->failure().code, QStringLiteral("stale_timestamp"));
    QVERIFY(e->errorString().contains("clock"));
    QVERIFY(!e->failure().retryable());
    QCOMPARE(*m_store->pendingCount(), m_pending);
    // Stopped means stopped: the timer and reconnects do not hammer the server.
    const qsizetype calls = m_fake->calls.size();
    e->setInterval(std::chrono::milliseconds(20));
    QTest::qWait(150);
    QCOMPARE(m_fake->calls.size(), calls);
    // Until the person asks again.
    m_fake->on("/v1/keys", answer(200, wire::encode(QList<wire::KeyEnvelope>())));
    qint64 seq = 0;
    m_fake->on("/v1/push", storeAll(&seq));
    m_fake->on("/v1/pull", answer(200, emptyPage()));
    e->syncNow();
    QCOMPARE(e->state(), SyncEngine::State::Idle);
    QCOMPARE(e->error(), SyncError::None);
    QCOMPARE(*m_store->pendingCount(), 0);
    e->stop();
}

void SyncFaultsTest::retryableFailureIsRetriedWithBackoffUntilItSucceeds() {
    int failuresLeft = 2;
    qint64 seq = 0;
    Handler good = storeAll(&seq);
    m_fake->on("/v1/push", [&](const HttpCall &call, QTcpSocket *s) {
        if (failuresLeft-- > 0)
            s->write(httpAnswer(503, wire::encodeError("unavailable", "busy")));
        else
            good(call, s);
    });
    m_fake->on("/v1/pull", answer(200, emptyPage()));
    auto e = engine();
    QSignalSpy finished(e.get(), &SyncEngine::syncFinished);
    e->start();
    QCOMPARE(e->state(), SyncEngine::State::WaitingToRetry);
    QCOMPARE(e->error(), SyncError::ServerError);
    QTRY_COMPARE_WITH_TIMEOUT(e->state(), SyncEngine::State::Idle, 5000);
    QCOMPARE(finished.size(), 3);
    QCOMPARE(e->error(), SyncError::None);
    QCOMPARE(*m_store->pendingCount(), 0);
    e->stop();
}

void SyncFaultsTest::unreachableServerIsOfflineNotAnError() {
    // Nothing listens here: the probe fails and the engine waits for a reconnect.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
    closed.close();
    enrolWith(url);
    auto e = engine();
    e->start();
    QCOMPARE(e->state(), SyncEngine::State::Offline);
    QCOMPARE(e->isOnline(), false);
    QCOMPARE(e->error(), SyncError::None);
    // An explicit sync reports what happened, in plain words, with nothing lost.
    const SyncReport report = e->runSync();
    QCOMPARE(report.failure.error, SyncError::Network);
    QVERIFY(report.failure.message.contains("Nothing was lost"));
    QCOMPARE(*m_store->pendingCount(), m_pending);
    e->stop();
}

void SyncFaultsTest::engineOnItsOwnThreadNeverBlocksTheCaller() {
    // The fake answers from this thread, 300 ms late: if the engine blocked this thread, the
    // answer could never be written and the sync would time out.
    qint64 seq = 0;
    const Handler good = storeAll(&seq);
    m_fake->on("/v1/push", [good](const HttpCall &call, QTcpSocket *s) {
        QTimer::singleShot(300, s, [good, call, s] { good(call, s); });
    });
    m_fake->on("/v1/pull", answer(200, emptyPage()));
    SyncEngine::Options o;
    o.requestTimeout = std::chrono::seconds(5);
    auto *engine =
        new SyncEngine(*m_vault, m_dir->filePath("fieldledger.db"), m_dir->filePath("blobs"), o);
    QThread thread;
    engine->moveToThread(&thread);
    connect(&thread, &QThread::finished, engine, &QObject::deleteLater);
    QSignalSpy finished(engine, &SyncEngine::syncFinished);
    QSignalSpy progress(engine, &SyncEngine::progressChanged);
    thread.start();

    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, this,
            [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
    sinceTick.start();
    tick.start(5);
    QMetaObject::invokeMethod(engine, &SyncEngine::syncNow, Qt::QueuedConnection);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    tick.stop();
    QVERIFY2(longestGap < 250, qPrintable(QString::number(longestGap)));

    const auto report = finished.at(0).at(0).value<SyncReport>();
    QVERIFY2(report.ok(), qPrintable(report.failure.message));
    QCOMPARE(report.progress.pushed, m_pending);
    QVERIFY(!progress.isEmpty());
    // The getters read a snapshot, safely, from this thread.
    QCOMPARE(engine->progress().pushed, m_pending);
    QCOMPARE(engine->error(), SyncError::None);
    QCOMPARE(*m_store->pendingCount(), 0);
    thread.quit();
    QVERIFY(thread.wait(5000));
}

void SyncFaultsTest::aRepeatAnsweredFirstIsSentAgainWithAFreshNonce() {
    // A network that duplicated the push can make the server answer the repeat first.
    bool first = true;
    qint64 seq = 0;
    const Handler good = storeAll(&seq);
    m_fake->on("/v1/push", [&](const HttpCall &call, QTcpSocket *s) {
        if (std::exchange(first, false))
            s->write(httpAnswer(401, wire::encodeError("replayed_nonce", "seen")));
        else
            good(call, s);
    });
    m_fake->on("/v1/pull", answer(200, emptyPage()));
    const SyncReport report = engine()->runSync();
    QVERIFY2(report.ok(), qPrintable(report.failure.message));
    QCOMPARE(report.progress.pushed, m_pending);
    QList<QByteArray> nonces;
    for (const HttpCall &c : std::as_const(m_fake->calls)) {
        if (c.path == "/v1/push")
            nonces.append(c.headers.value("x-fl-nonce"));
    }
    QCOMPARE(nonces.size(), 2);
    QVERIFY(nonces[0] != nonces[1]);
}

QTEST_GUILESS_MAIN(SyncFaultsTest)
#include "tst_syncfaults.moc"
