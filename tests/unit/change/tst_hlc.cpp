#include "change/hlc.h"

#include <QtTest>

#include <memory>

using namespace fl;

namespace {
/// A wall clock the test moves by hand.
struct ManualWall {
    std::shared_ptr<quint64> ms = std::make_shared<quint64>(1'000'000);
    HybridClock::WallClock fn() const {
        auto p = ms;
        return [p] {
            return *p;
        };
    }
    void set(quint64 v) { *ms = v; }
};
} // namespace

class TestHybridClock : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void packsMillisecondsAndCounter();
    void followsTheWallClockWhenItAdvances();
    void staysMonotonicWhenTheWallClockStandsStill();
    void staysMonotonicWhenTheWallClockGoesBack();
    void counterOverflowBorrowsTheNextMillisecond();
    void observedRemoteClockOrdersLaterLocalClocksAfterIt();
    void observingAnOlderRemoteClockChangesNothing();
    void farFutureRemoteClockIsRefusedAndIgnored();
    void driftLimitIsConfigurable();
    void restoreContinuesAfterAPersistedClock();
    void restoreNeverMovesTheClockBack();
    void defaultWallClockIsRealTime();
};

void TestHybridClock::packsMillisecondsAndCounter() {
    const Hlc h = hlc::make(1'700'000'000'123ull, 42);
    QCOMPARE(hlc::physicalMs(h), 1'700'000'000'123ull);
    QCOMPARE(hlc::counter(h), 42u);
    // Integer order is clock order: milliseconds first, then counter.
    QVERIFY(hlc::make(10, 0xffff) < hlc::make(11, 0));
    QVERIFY(hlc::make(10, 1) < hlc::make(10, 2));
}

void TestHybridClock::followsTheWallClockWhenItAdvances() {
    ManualWall wall;
    HybridClock clock(wall.fn());
    QCOMPARE(clock.next(), hlc::make(1'000'000, 0));
    QCOMPARE(clock.next(), hlc::make(1'000'000, 1));
    wall.set(1'000'500);
    // A new millisecond restarts the counter.
    QCOMPARE(clock.next(), hlc::make(1'000'500, 0));
    QCOMPARE(clock.last(), hlc::make(1'000'500, 0));
}

void TestHybridClock::staysMonotonicWhenTheWallClockStandsStill() {
    ManualWall wall;
    HybridClock clock(wall.fn());
    Hlc previous = clock.next();
    for (int i = 0; i < 1000; ++i) {
        const Hlc h = clock.next();
        QVERIFY2(h > previous, qPrintable(QString::number(i)));
        QCOMPARE(hlc::physicalMs(h), 1'000'000ull);
        previous = h;
    }
    QCOMPARE(hlc::counter(previous), 1000u);
}

void TestHybridClock::staysMonotonicWhenTheWallClockGoesBack() {
    ManualWall wall;
    HybridClock clock(wall.fn());
    const Hlc before = clock.next();
    wall.set(900'000); // NTP correction, or the user changed the time
    const Hlc after = clock.next();
    QVERIFY(after > before);
    QCOMPARE(hlc::physicalMs(after), 1'000'000ull);
    QCOMPARE(after, before + 1);
    wall.set(950'000);
    QVERIFY(clock.next() > after);
    // Once the wall clock passes the clock again, it follows it.
    wall.set(1'000'001);
    QCOMPARE(clock.next(), hlc::make(1'000'001, 0));
}

void TestHybridClock::counterOverflowBorrowsTheNextMillisecond() {
    ManualWall wall;
    HybridClock clock(wall.fn());
    Hlc previous = clock.next(); // (1'000'000, 0)
    for (int i = 0; i < 0xffff; ++i) {
        const Hlc h = clock.next();
        QVERIFY(h > previous);
        previous = h;
    }
    QCOMPARE(previous, hlc::make(1'000'000, 0xffff));
    const Hlc borrowed = clock.next();
    QCOMPARE(borrowed, hlc::make(1'000'001, 0));
    QVERIFY(borrowed > previous);
    // The wall clock catching up with the borrowed millisecond must not repeat it.
    wall.set(1'000'001);
    QCOMPARE(clock.next(), hlc::make(1'000'001, 1));
}

void TestHybridClock::observedRemoteClockOrdersLaterLocalClocksAfterIt() {
    ManualWall wall;
    HybridClock clock(wall.fn());
    (void)clock.next();
    // A remote device whose clock runs 30 s ahead (within the drift limit).
    const Hlc remote = hlc::make(1'030'000, 7);
    QVERIFY(clock.acceptable(remote));
    QVERIFY(clock.observe(remote));
    QCOMPARE(clock.last(), remote);
    const Hlc local = clock.next();
    QVERIFY(local > remote);
    QCOMPARE(local, hlc::make(1'030'000, 8));
    // An observed clock with an exhausted counter still orders strictly after.
    QVERIFY(clock.observe(hlc::make(1'040'000, 0xffff)));
    QCOMPARE(clock.next(), hlc::make(1'040'001, 0));
}

void TestHybridClock::observingAnOlderRemoteClockChangesNothing() {
    ManualWall wall;
    HybridClock clock(wall.fn());
    (void)clock.next();
    const Hlc last = clock.next();
    QVERIFY(clock.observe(hlc::make(10, 0)));
    QCOMPARE(clock.last(), last);
    QCOMPARE(clock.next(), last + 1);
}

void TestHybridClock::farFutureRemoteClockIsRefusedAndIgnored() {
    ManualWall wall;
    HybridClock clock(wall.fn());
    const Hlc last = clock.next();
    const quint64 limit = 1'000'000 + clock.maxDriftMs();
    QCOMPARE(clock.maxDriftMs(), 60ull * 60 * 1000);

    QVERIFY(clock.acceptable(hlc::make(limit, 0xffff))); // exactly at the limit: fine
    const Hlc tooFar = hlc::make(limit + 1, 0);
    QVERIFY(!clock.acceptable(tooFar));
    QVERIFY(!clock.observe(tooFar));
    QCOMPARE(clock.last(), last); // a bad clock must not drag ours into the future
    QCOMPARE(clock.next(), last + 1);

    // Absurd values (a year ahead, the top of the range) are refused the same way.
    QVERIFY(!clock.observe(hlc::make(1'000'000 + 365ull * 24 * 3600 * 1000, 0)));
    QVERIFY(!clock.observe(~Hlc(0)));
    QCOMPARE(hlc::physicalMs(clock.last()), 1'000'000ull);
}

void TestHybridClock::driftLimitIsConfigurable() {
    ManualWall wall;
    HybridClock clock(wall.fn());
    clock.setMaxDriftMs(1000);
    QCOMPARE(clock.maxDriftMs(), 1000ull);
    QVERIFY(clock.observe(hlc::make(1'001'000, 0)));
    QVERIFY(!clock.observe(hlc::make(1'001'001, 0)));
    // The limit is relative to the wall clock now, not to the last clock.
    wall.set(1'002'000);
    QVERIFY(clock.observe(hlc::make(1'003'000, 0)));
}

void TestHybridClock::restoreContinuesAfterAPersistedClock() {
    ManualWall wall;
    HybridClock first(wall.fn());
    wall.set(5'000'000);
    (void)first.next();
    const Hlc persisted = first.next();

    // Restart with the wall clock set back by an hour.
    wall.set(5'000'000 - 3'600'000);
    HybridClock second(wall.fn());
    second.restore(persisted);
    QCOMPARE(second.last(), persisted);
    const Hlc h = second.next();
    QVERIFY(h > persisted);
    QCOMPARE(h, persisted + 1);
}

void TestHybridClock::restoreNeverMovesTheClockBack() {
    ManualWall wall;
    HybridClock clock(wall.fn());
    (void)clock.next();
    const Hlc last = clock.next();
    clock.restore(hlc::make(10, 0));
    QCOMPARE(clock.last(), last);
    QVERIFY(clock.next() > last);
}

void TestHybridClock::defaultWallClockIsRealTime() {
    HybridClock clock;
    const quint64 before = quint64(QDateTime::currentMSecsSinceEpoch());
    const Hlc h = clock.next();
    const quint64 after = quint64(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(hlc::physicalMs(h) >= before);
    QVERIFY(hlc::physicalMs(h) <= after);
    QVERIFY(clock.next() > h);
}

QTEST_GUILESS_MAIN(TestHybridClock)
#include "tst_hlc.moc"
