// How the sync client classifies what went wrong, and what it tells the person to do.
#include "sync/client/syncclient.h"
#include "sync/client/syncerror.h"

#include <QNetworkReply>
#include <QtTest>

using namespace fl::sync;

class SyncErrorTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void statusesMapToTypedErrors_data();
    void statusesMapToTypedErrors();
    void transportFailuresMapToTypedErrors_data();
    void transportFailuresMapToTypedErrors();
    void unauthorizedReasonsSayWhatToDo();
    void everyErrorHasAMessageAndAName();
    void serverAddressesAreChecked_data();
    void serverAddressesAreChecked();
};

void SyncErrorTest::statusesMapToTypedErrors_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<SyncError>("error");
    QTest::addColumn<bool>("retryable");
    QTest::newRow("401 bad signature")
        << 401 << "bad_signature" << SyncError::Unauthorized << false;
    QTest::newRow("401 replayed nonce")
        << 401 << "replayed_nonce" << SyncError::Unauthorized << true;
    QTest::newRow("403 not member") << 403 << "not_member" << SyncError::Forbidden << false;
    QTest::newRow("403 bad code") << 403 << "bad_code" << SyncError::Forbidden << false;
    QTest::newRow("408") << 408 << "" << SyncError::ServerError << true;
    QTest::newRow("429") << 429 << "" << SyncError::ServerError << true;
    QTest::newRow("500") << 500 << "internal" << SyncError::ServerError << true;
    QTest::newRow("502 from a proxy") << 502 << "" << SyncError::ServerError << true;
    QTest::newRow("503") << 503 << "unavailable" << SyncError::ServerError << true;
    QTest::newRow("400 malformed") << 400 << "malformed" << SyncError::BadRequest << false;
    QTest::newRow("400 version") << 400 << "unsupported_version" << SyncError::BadRequest << false;
    QTest::newRow("404") << 404 << "not_found" << SyncError::BadRequest << false;
    QTest::newRow("413") << 413 << "too_large" << SyncError::BadRequest << false;
    QTest::newRow("415") << 415 << "wrong_content_type" << SyncError::BadRequest << false;
    QTest::newRow("301 redirect") << 301 << "" << SyncError::Protocol << true;
    QTest::newRow("unexpected 202") << 202 << "" << SyncError::Protocol << true;
}

void SyncErrorTest::statusesMapToTypedErrors() {
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(SyncError, error);
    QFETCH(bool, retryable);
    const SyncFailure f = classifyStatus(status, code, QStringLiteral("server text"));
    QCOMPARE(f.error, error);
    QCOMPARE(f.code, code);
    QCOMPARE(f.httpStatus, status);
    QCOMPARE(f.retryable(), retryable);
    QVERIFY(!f.errorString().isEmpty());
}

void SyncErrorTest::transportFailuresMapToTypedErrors_data() {
    QTest::addColumn<int>("qtError");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("timedOut");
    QTest::addColumn<bool>("cancelled");
    QTest::addColumn<SyncError>("error");
    QTest::newRow("refused") << int(QNetworkReply::ConnectionRefusedError) << 0 << false << false
                             << SyncError::Network;
    QTest::newRow("no host") << int(QNetworkReply::HostNotFoundError) << 0 << false << false
                             << SyncError::Network;
    QTest::newRow("closed before an answer")
        << int(QNetworkReply::RemoteHostClosedError) << 0 << false << false << SyncError::Network;
    QTest::newRow("closed in the body: a half answer")
        << int(QNetworkReply::RemoteHostClosedError) << 200 << false << false
        << SyncError::Protocol;
    QTest::newRow("not HTTP") << int(QNetworkReply::ProtocolFailure) << 0 << false << false
                              << SyncError::Protocol;
    QTest::newRow("our timer") << int(QNetworkReply::OperationCanceledError) << 0 << true << false
                               << SyncError::Timeout;
    QTest::newRow("Qt's timeout") << int(QNetworkReply::TimeoutError) << 0 << false << false
                                  << SyncError::Timeout;
    QTest::newRow("cancel wins") << int(QNetworkReply::OperationCanceledError) << 200 << true
                                 << true << SyncError::Cancelled;
    QTest::newRow("tls") << int(QNetworkReply::SslHandshakeFailedError) << 0 << false << false
                         << SyncError::Tls;
    QTest::newRow("proxy") << int(QNetworkReply::ProxyConnectionRefusedError) << 0 << false << false
                           << SyncError::Network;
}

void SyncErrorTest::transportFailuresMapToTypedErrors() {
    QFETCH(int, qtError);
    QFETCH(int, status);
    QFETCH(bool, timedOut);
    QFETCH(bool, cancelled);
    QFETCH(SyncError, error);
    const SyncFailure f = classifyTransport(qtError, status, timedOut, cancelled);
    QCOMPARE(f.error, error);
    QCOMPARE(f.retryable(), retryable(error));
}

void SyncErrorTest::unauthorizedReasonsSayWhatToDo() {
    QVERIFY(classifyStatus(401, "stale_timestamp", {}).message.contains("clock"));
    QVERIFY(classifyStatus(401, "revoked_device", {}).message.contains("revoked"));
    QVERIFY(classifyStatus(401, "unknown_device", {}).message.contains("Enrol"));
    QVERIFY(classifyStatus(403, "not_member", {}).message.contains("share"));
    QVERIFY(classifyStatus(400, "unsupported_version", {}).message.contains("Update"));
    QVERIFY(classifyStatus(503, {}, {}).message.contains("Nothing was lost"));
}

void SyncErrorTest::everyErrorHasAMessageAndAName() {
    QSet<QString> names;
    for (int e = int(SyncError::Network); e <= int(SyncError::Local); ++e) {
        const SyncFailure f = makeFailure(SyncError(e));
        QVERIFY2(!f.message.isEmpty(), qPrintable(errorName(SyncError(e))));
        names.insert(errorName(SyncError(e)));
    }
    QCOMPARE(names.size(), int(SyncError::Local));
    QVERIFY(makeFailure(SyncError::None).message.isEmpty());
    QVERIFY(!retryable(SyncError::Cancelled));
    QVERIFY(!retryable(SyncError::Local));
}

void SyncErrorTest::serverAddressesAreChecked_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::newRow("https") << "https://sync.example.org"
                           << "https://sync.example.org";
    QTest::newRow("trailing slash") << "https://sync.example.org/"
                                    << "https://sync.example.org";
    QTest::newRow("prefix") << "https://example.org/fl/"
                            << "https://example.org/fl";
    QTest::newRow("loopback http") << "http://127.0.0.1:8080"
                                   << "http://127.0.0.1:8080";
    QTest::newRow("localhost") << "http://localhost:9"
                               << "http://localhost:9";
    QTest::newRow("plain http elsewhere") << "http://sync.example.org"
                                          << "";
    QTest::newRow("ftp") << "ftp://example.org"
                         << "";
    QTest::newRow("query") << "https://example.org/?x=1"
                           << "";
    QTest::newRow("empty") << ""
                           << "";
}

void SyncErrorTest::serverAddressesAreChecked() {
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto url = SyncClient::checkServerUrl(input);
    if (expected.isEmpty()) {
        QVERIFY(!url);
        QCOMPARE(url.failure().error, SyncError::BadRequest);
        QVERIFY(url.failure().message.contains(QLatin1String("server address")));
    } else {
        QVERIFY(url);
        QCOMPARE(url->toString(), expected);
    }
}

QTEST_GUILESS_MAIN(SyncErrorTest)
#include "tst_syncerror.moc"
