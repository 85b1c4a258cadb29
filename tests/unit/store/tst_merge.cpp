#include "store/merge.h"

#include <QSet>
#include <QtTest>

#include <algorithm>

using namespace fl;
using merge::Head;

namespace {

/// A change id: 16 bytes of device (all `device`) then an 8-byte sequence.
QByteArray changeId(quint8 device, quint8 sequence) {
    QByteArray id(16, char(device));
    id.append(QByteArray(7, '\0'));
    id.append(char(sequence));
    return id;
}

Head head(quint8 device, quint8 sequence, Hlc clock, const char *value) {
    return Head{changeId(device, sequence), clock, QByteArray(value)};
}

QSet<QByteArray> idsOf(const QList<Head> &heads) {
    QSet<QByteArray> ids;
    for (const Head &h : heads)
        ids.insert(h.changeId);
    return ids;
}

/// One field change in a test history.
struct Step {
    Head head;
    QList<QByteArray> prev;
};

/// Applies changes the way the store does: a prev naming a change not seen yet is remembered,
/// so that change does not become a head when it arrives.
QList<Head> replay(const QList<Step> &steps) {
    QList<Head> heads;
    QSet<QByteArray> known;
    QSet<QByteArray> superseded;
    for (const Step &s : steps) {
        known.insert(s.head.changeId);
        const bool sup = superseded.remove(s.head.changeId);
        for (const QByteArray &p : merge::apply(heads, s.head, s.prev, sup)) {
            if (!known.contains(p))
                superseded.insert(p);
        }
    }
    return heads;
}

} // namespace

class TestMerge : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void higherClockWinsWhateverTheDevice();
    void equalClocksAreBrokenByDeviceId();
    void deviceTieBreakIgnoresTheSequenceBytes();
    void deviceTieBreakComparesBytesUnsigned();
    void winnerOfNoHeadsIsNone();
    void winnerIsTheMaximumHead();
    void firstValueBecomesTheOnlyHead();
    void changeNamingTheHeadReplacesIt();
    void concurrentChangesBothStayHeads();
    void changeNamingAllHeadsResolvesThem();
    void unknownPrevIdsAreReturned();
    void supersededChangeDoesNotBecomeAHead();
    void supersededChangeStillReplacesTheHeadsItNames();
    void reapplyingAHeadDoesNotDuplicateIt();
    void outOfOrderArrivalGivesTheSameHeads();
    void everyArrivalOrderGivesTheSameHeadsAndWinner();
};

void TestMerge::higherClockWinsWhateverTheDevice() {
    const Head low = head(0xff, 1, 100, "low"); // highest device, lower clock
    const Head high = head(0x01, 1, 101, "high");
    QVERIFY(merge::before(low, high));
    QVERIFY(!merge::before(high, low));
}

void TestMerge::equalClocksAreBrokenByDeviceId() {
    const Head a = head(0x10, 1, 500, "a");
    const Head b = head(0x20, 1, 500, "b");
    QVERIFY(merge::before(a, b));
    QVERIFY(!merge::before(b, a));
    // Strict: a head is not before itself.
    QVERIFY(!merge::before(a, a));
    QCOMPARE(merge::winner({a, b}), 1);
    QCOMPARE(merge::winner({b, a}), 0);
}

void TestMerge::deviceTieBreakIgnoresTheSequenceBytes() {
    // Same clock: device 0x02 wins even though device 0x01's sequence bytes are larger.
    const Head a = head(0x01, 0xff, 500, "a");
    const Head b = head(0x02, 0x00, 500, "b");
    QVERIFY(merge::before(a, b));
    QVERIFY(!merge::before(b, a));
}

void TestMerge::deviceTieBreakComparesBytesUnsigned() {
    // The server and other clients compare device ids as unsigned bytes; 0x80 > 0x7f.
    const Head a = head(0x7f, 1, 500, "a");
    const Head b = head(0x80, 1, 500, "b");
    QVERIFY(merge::before(a, b));
    QVERIFY(!merge::before(b, a));
}

void TestMerge::winnerOfNoHeadsIsNone() {
    QCOMPARE(merge::winner({}), -1);
}

void TestMerge::winnerIsTheMaximumHead() {
    const QList<Head> heads = {head(1, 1, 300, "x"), head(2, 1, 700, "y"), head(3, 1, 700, "z"),
                               head(4, 1, 200, "w")};
    QCOMPARE(merge::winner(heads), 2); // 700 ties 700, device 3 > device 2
    QCOMPARE(merge::winner({heads[0]}), 0);
}

void TestMerge::firstValueBecomesTheOnlyHead() {
    QList<Head> heads;
    const QList<QByteArray> missing = merge::apply(heads, head(1, 1, 10, "v1"), {}, false);
    QVERIFY(missing.isEmpty());
    QCOMPARE(heads.size(), 1);
    QCOMPARE(heads[0].value, QByteArray("v1"));
}

void TestMerge::changeNamingTheHeadReplacesIt() {
    QList<Head> heads = {head(1, 1, 10, "v1")};
    // An edit with a LOWER clock still replaces the value it names: prev is causality.
    const QList<QByteArray> missing =
        merge::apply(heads, head(2, 1, 5, "v2"), {changeId(1, 1)}, false);
    QVERIFY(missing.isEmpty());
    QCOMPARE(heads.size(), 1);
    QCOMPARE(heads[0].changeId, changeId(2, 1));
    QCOMPARE(heads[0].value, QByteArray("v2"));
}

void TestMerge::concurrentChangesBothStayHeads() {
    QList<Head> heads = {head(1, 1, 10, "base")};
    (void)merge::apply(heads, head(1, 2, 20, "from A"), {changeId(1, 1)}, false);
    (void)merge::apply(heads, head(2, 1, 25, "from B"), {changeId(1, 1)}, false);
    QCOMPARE(idsOf(heads), (QSet<QByteArray>{changeId(1, 2), changeId(2, 1)}));
    QCOMPARE(heads[merge::winner(heads)].value, QByteArray("from B"));
}

void TestMerge::changeNamingAllHeadsResolvesThem() {
    QList<Head> heads = {head(1, 2, 20, "from A"), head(2, 1, 25, "from B")};
    (void)merge::apply(heads, head(1, 3, 30, "chosen"), {changeId(1, 2), changeId(2, 1)}, false);
    QCOMPARE(heads.size(), 1);
    QCOMPARE(heads[0].value, QByteArray("chosen"));
}

void TestMerge::unknownPrevIdsAreReturned() {
    QList<Head> heads = {head(1, 1, 10, "v1")};
    const QList<QByteArray> missing =
        merge::apply(heads, head(2, 2, 30, "v3"), {changeId(1, 1), changeId(2, 1)}, false);
    QCOMPARE(missing, QList<QByteArray>{changeId(2, 1)});
    QCOMPARE(idsOf(heads), QSet<QByteArray>{changeId(2, 2)});
}

void TestMerge::supersededChangeDoesNotBecomeAHead() {
    QList<Head> heads = {head(2, 2, 30, "newer")};
    // (2,1) arrives late; (2,2) already named it, so it must not come back as a head,
    // although its clock is irrelevant to that decision.
    (void)merge::apply(heads, head(2, 1, 20, "older"), {}, true);
    QCOMPARE(idsOf(heads), QSet<QByteArray>{changeId(2, 2)});
}

void TestMerge::supersededChangeStillReplacesTheHeadsItNames() {
    // Known: base (1,1) is a head; (2,2) named (2,1) which named (1,1). (2,1) arrives last.
    QList<Head> heads = {head(1, 1, 10, "base"), head(2, 2, 30, "newer")};
    const QList<QByteArray> missing =
        merge::apply(heads, head(2, 1, 20, "older"), {changeId(1, 1)}, true);
    QVERIFY(missing.isEmpty());
    QCOMPARE(idsOf(heads), QSet<QByteArray>{changeId(2, 2)});
}

void TestMerge::reapplyingAHeadDoesNotDuplicateIt() {
    QList<Head> heads;
    (void)merge::apply(heads, head(1, 1, 10, "v1"), {}, false);
    (void)merge::apply(heads, head(1, 1, 10, "v1"), {}, false);
    QCOMPARE(heads.size(), 1);
}

void TestMerge::outOfOrderArrivalGivesTheSameHeads() {
    const Step a{head(1, 1, 10, "a"), {}};
    const Step b{head(2, 1, 20, "b"), {changeId(1, 1)}};
    QCOMPARE(idsOf(replay({a, b})), QSet<QByteArray>{changeId(2, 1)});
    // b before a: a was already replaced when it arrives.
    QCOMPARE(idsOf(replay({b, a})), QSet<QByteArray>{changeId(2, 1)});
    // Without the superseded bookkeeping, a would wrongly come back as a concurrent head.
    QList<Head> naive;
    (void)merge::apply(naive, b.head, b.prev, false);
    (void)merge::apply(naive, a.head, a.prev, false);
    QCOMPARE(naive.size(), 2);
}

void TestMerge::everyArrivalOrderGivesTheSameHeadsAndWinner() {
    // a ← b ← d, a ← c ← e: two branches; d (clock 13) and e (clock 9) are the heads.
    QList<Step> steps = {
        {head(1, 1, 10, "a"), {}},
        {head(2, 1, 11, "b"), {changeId(1, 1)}},
        {head(3, 1, 12, "c"), {changeId(1, 1)}},
        {head(1, 2, 13, "d"), {changeId(2, 1)}},
        {head(2, 2, 9, "e"), {changeId(3, 1)}},
        // f names a head of one branch and an already replaced value of the other.
        {head(3, 2, 14, "f"), {changeId(1, 2), changeId(3, 1)}},
    };
    const QSet<QByteArray> expected = {changeId(2, 2), changeId(3, 2)};
    std::sort(steps.begin(), steps.end(),
              [](const Step &x, const Step &y) { return x.head.changeId < y.head.changeId; });
    int orders = 0;
    do {
        const QList<Head> heads = replay(steps);
        QCOMPARE(idsOf(heads), expected);
        QCOMPARE(heads[merge::winner(heads)].value, QByteArray("f"));
        ++orders;
    } while (std::next_permutation(steps.begin(), steps.end(), [](const Step &x, const Step &y) {
        return x.head.changeId < y.head.changeId;
    }));
    QCOMPARE(orders, 720);
}

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
