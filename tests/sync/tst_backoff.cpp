// The retry schedule of the sync engine: exponential, capped, jittered, reset on success.
#include "sync/client/backoff.h"

#include <QtTest>

using namespace fl::sync;
using std::chrono::milliseconds;

class BackoffTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void doublesFromTheBaseUpToTheCap();
    void jitterOnlyShortensTheWaitWithinItsShare();
    void noFailureMeansNoWait();
    void hugeFailureCountsStayAtTheCap();
    void backoffCountsFailuresAndResets();
    void capBelowBaseWaitsTheBase();
};

void BackoffTest::doublesFromTheBaseUpToTheCap() {
    const RetryPolicy p; // 2 s base, 5 min cap
    QCOMPARE(retryDelay(p, 1, 0.0), milliseconds(2000));
    QCOMPARE(retryDelay(p, 2, 0.0), milliseconds(4000));
    QCOMPARE(retryDelay(p, 3, 0.0), milliseconds(8000));
    QCOMPARE(retryDelay(p, 8, 0.0), milliseconds(256000));
    QCOMPARE(retryDelay(p, 9, 0.0), milliseconds(300000));
    QCOMPARE(retryDelay(p, 20, 0.0), milliseconds(300000));
}

void BackoffTest::jitterOnlyShortensTheWaitWithinItsShare() {
    const RetryPolicy p;
    // With 50 % jitter the wait lies in [half, all] of the nominal delay.
    QCOMPARE(retryDelay(p, 3, 0.999999), milliseconds(4000));
    QCOMPARE(retryDelay(p, 3, 0.5), milliseconds(6000));
    for (double r : {0.0, 0.1, 0.37, 0.5, 0.9, 0.999}) {
        const auto d = retryDelay(p, 4, r);
        QVERIFY(d >= milliseconds(8000) && d <= milliseconds(16000));
        QVERIFY(retryDelay(p, 30, r) <= p.cap);
    }
    // Out-of-range random values are clamped, not trusted.
    QCOMPARE(retryDelay(p, 1, -3.0), milliseconds(2000));
    QCOMPARE(retryDelay(p, 1, 7.0), milliseconds(1000));
    RetryPolicy none = p;
    none.jitter = 0;
    QCOMPARE(retryDelay(none, 2, 0.8), milliseconds(4000));
}

void BackoffTest::noFailureMeansNoWait() {
    QCOMPARE(retryDelay(RetryPolicy(), 0, 0.5), milliseconds(0));
    QCOMPARE(retryDelay(RetryPolicy(), -4, 0.5), milliseconds(0));
}

void BackoffTest::hugeFailureCountsStayAtTheCap() {
    QCOMPARE(retryDelay(RetryPolicy(), 5000, 0.0), milliseconds(300000));
    QCOMPARE(retryDelay(RetryPolicy(), std::numeric_limits<int>::max(), 0.0), milliseconds(300000));
}

void BackoffTest::backoffCountsFailuresAndResets() {
    RetryPolicy p;
    p.base = milliseconds(100);
    p.cap = milliseconds(1000);
    Backoff b(p);
    QCOMPARE(b.failures(), 0);
    const auto first = b.fail();
    QVERIFY(first >= milliseconds(50) && first <= milliseconds(100));
    b.fail();
    const auto third = b.fail();
    QCOMPARE(b.failures(), 3);
    QVERIFY(third >= milliseconds(200) && third <= milliseconds(400));
    for (int i = 0; i < 50; ++i)
        QVERIFY(b.fail() <= milliseconds(1000));
    b.reset();
    QCOMPARE(b.failures(), 0);
    QVERIFY(b.fail() <= milliseconds(100));
}

void BackoffTest::capBelowBaseWaitsTheBase() {
    RetryPolicy p;
    p.base = milliseconds(500);
    p.cap = milliseconds(100);
    p.jitter = 0;
    QCOMPARE(retryDelay(p, 3, 0.0), milliseconds(500));
}

QTEST_GUILESS_MAIN(BackoffTest)
#include "tst_backoff.moc"
