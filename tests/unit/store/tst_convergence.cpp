#include "storetestsupport.h"

#include <QCborArray>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace fl;
using namespace fl::test;

namespace {

const QString Campaign = QStringLiteral("campaign-c");
const QString FindingType = QStringLiteral("finding");
const QString NoteType = QStringLiteral("note");
const QString Title = QStringLiteral("title");

RecordFilter everything() {
    RecordFilter f;
    f.campaignId = Campaign;
    f.includeDeleted = true;
    return f;
}

/// The same map with its keys in sorted order: QCborMap equality depends on key order.
QCborMap sorted(const QCborMap &m) {
    QList<QCborValue> keys = m.keys();
    std::sort(keys.begin(), keys.end());
    QCborMap out;
    for (const QCborValue &k : std::as_const(keys)) {
        const QCborValue v = m.value(k);
        out.insert(k, v.isMap() ? QCborValue(sorted(v.toMap())) : v);
    }
    return out;
}

/// Everything a store shows about its records and conflicts, in a canonical, comparable form.
QCborMap snapshot(const Store &store, QString *error = nullptr) {
    QCborMap records;
    for (const QString &type : {FindingType, NoteType}) {
        auto list = store.list(type, everything());
        if (!list) {
            if (error)
                *error = errorText(list.error());
            return {};
        }
        for (const Record &r : std::as_const(*list)) {
            QCborMap origins;
            for (auto it = r.origins.cbegin(); it != r.origins.cend(); ++it)
                origins.insert(it.key(), QCborArray{it->changeId, qint64(it->hlc)});
            records.insert(r.id, QCborMap{{QStringLiteral("type"), r.type},
                                          {QStringLiteral("campaign"), r.campaignId},
                                          {QStringLiteral("parent"), r.parentId},
                                          {QStringLiteral("created"), qint64(r.createdHlc)},
                                          {QStringLiteral("updated"), qint64(r.updatedHlc)},
                                          {QStringLiteral("deleted"), r.deleted},
                                          {QStringLiteral("fields"), sorted(r.fields)},
                                          {QStringLiteral("origins"), sorted(origins)}});
        }
    }
    auto conflicts = store.conflicts();
    if (!conflicts) {
        if (error)
            *error = errorText(conflicts.error());
        return {};
    }
    QCborMap byKey;
    for (const Conflict &c : std::as_const(*conflicts)) {
        const QString key = c.recordId + QLatin1Char('/') + c.field + QLatin1Char('/') +
                            QString::fromLatin1(c.otherOrigin.changeId.toHex());
        byKey.insert(key, QCborMap{{QStringLiteral("type"), c.recordType},
                                   {QStringLiteral("current"), c.current},
                                   {QStringLiteral("currentChange"), c.currentOrigin.changeId},
                                   {QStringLiteral("other"), c.other},
                                   {QStringLiteral("otherChange"), c.otherOrigin.changeId},
                                   {QStringLiteral("otherHlc"), qint64(c.otherOrigin.hlc)}});
    }
    return QCborMap{{QStringLiteral("records"), sorted(records)},
                    {QStringLiteral("conflicts"), sorted(byKey)}};
}

/// The first difference between two snapshots, for a readable failure.
QString firstDifference(const QCborMap &a, const QCborMap &b) {
    for (const QString &part : {QStringLiteral("records"), QStringLiteral("conflicts")}) {
        const QCborMap x = a.value(part).toMap();
        const QCborMap y = b.value(part).toMap();
        if (x.size() != y.size())
            return QStringLiteral("%1: %2 vs %3 entries").arg(part).arg(x.size()).arg(y.size());
        for (auto it = x.constBegin(); it != x.constEnd(); ++it) {
            if (y.value(it.key()) != it.value()) {
                return QStringLiteral("%1 %2:\n  %3\nvs\n  %4")
                    .arg(part, it.key().toString(),
                         it.value().toDiagnosticNotation(QCborValue::Compact),
                         y.value(it.key()).toDiagnosticNotation(QCborValue::Compact));
            }
        }
    }
    return {};
}

QString titleOf(const Store &store, const QString &id) {
    auto r = store.get(id);
    return r ? r->fields.value(Title).toString() : QStringLiteral("<%1>").arg(r.error().message);
}

/// The newest journal entry of a record on a store.
/// The newest change set of a record, sealed as its author would push it.
ChangeSet newestChange(Store &store, const QString &recordId) {
    (void)outbox(store);
    auto j = store.journal(recordId, 1);
    return j && !j->isEmpty() ? j->first().change : ChangeSet{};
}

bool wins(const ChangeSet &a, const ChangeSet &b) {
    if (a.hlc != b.hlc)
        return a.hlc > b.hlc;
    return deviceLess(b.device, a.device);
}

} // namespace

class TestConvergence : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void concurrentEditsConvergeAndKeepTheLosingValue();
    void resolvingAConflictSettlesItOnEveryDevice();
    void ordinaryEditKeepsTheConflictOpen();
    void equalClocksAreBrokenByDeviceIdOnEveryDevice();
    void higherClockWinsOverHigherDeviceId();
    void sequentialEditMakesNoConflict();
    void concurrentEditsOfDifferentFieldsMakeNoConflict();
    void concurrentDeleteAndEditConverge();
    void randomHistoriesConvergeInEveryOrder();
    void tamperedChangeIsRejectedAndChangesNothing();
    void valueMovedToAnotherFieldOrRecordIsRejected();
    void farFutureClockIsRejectedAndDoesNotMoveTheClock();
    void changeOfAnUnknownCampaignIsRejected();
    void changeNamingARecordWithOtherTypeOrParentIsRejected();
    void malformedChangeSetsAreRejected();
    void duplicatesAreCountedAndIgnored();

private:
    /// Two devices sharing one campaign with one record both have.
    struct Pair {
        std::unique_ptr<Device> a = std::make_unique<Device>();
        std::unique_ptr<Device> b = std::make_unique<Device>();
        QString record;
    };
    static std::unique_ptr<Pair> makePair();
    static void exchange(Pair &p);
};

std::unique_ptr<TestConvergence::Pair> TestConvergence::makePair() {
    auto p = std::make_unique<Pair>();
    if (!p->a->create() || !p->b->create())
        return nullptr;
    if (!p->a->store().write([](Writer &w) { return w.createCampaignKey(Campaign); }))
        return nullptr;
    if (!p->b->shareKeyFrom(*p->a, Campaign) || !introduce(*p->a, *p->b) ||
        !introduce(*p->b, *p->a))
        return nullptr;
    auto id = p->a->store().create(
        FindingType, Campaign, QStringLiteral("visit-1"),
        {{Title, QStringLiteral("base")}, {QStringLiteral("severity"), QStringLiteral("minor")}});
    if (!id)
        return nullptr;
    p->record = *id;
    auto r = p->b->store().applyRemote(outbox(p->a->store()));
    if (!r || r->applied != 1)
        return nullptr;
    return p;
}

// Both directions, everything each has made locally and not yet confirmed.
void TestConvergence::exchange(Pair &p) {
    const QList<ChangeSet> fromA = outbox(p.a->store());
    const QList<ChangeSet> fromB = outbox(p.b->store());
    auto ra = p.a->store().applyRemote(fromB);
    auto rb = p.b->store().applyRemote(fromA);
    QVERIFY(ra && rb);
    QVERIFY(ra->rejected.isEmpty());
    QVERIFY(rb->rejected.isEmpty());
}

void TestConvergence::concurrentEditsConvergeAndKeepTheLosingValue() {
    auto p = makePair();
    QVERIFY(p);
    Store &a = p->a->store();
    Store &b = p->b->store();
    QVERIFY(a.update(p->record, {{Title, QStringLiteral("from A")}}));
    QVERIFY(b.update(p->record, {{Title, QStringLiteral("from B")}}));
    const ChangeSet changeA = newestChange(a, p->record);
    const ChangeSet changeB = newestChange(b, p->record);
    // Both replaced the same value: they are concurrent.
    QCOMPARE(changeA.fields[0].prev, changeB.fields[0].prev);

    const QList<ChangeSet> fromA = outbox(a);
    auto rb = b.applyRemote(fromA);
    QVERIFY(rb);
    QCOMPARE(rb->applied, 1);    // A's edit
    QCOMPARE(rb->duplicates, 1); // A's create, which B already has
    auto ra = a.applyRemote(outbox(b));
    QVERIFY(ra);
    QCOMPARE(ra->applied, 1);

    const bool aWins = wins(changeA, changeB);
    const QString winner = aWins ? QStringLiteral("from A") : QStringLiteral("from B");
    const QString loser = aWins ? QStringLiteral("from B") : QStringLiteral("from A");
    const ChangeSet &winning = aWins ? changeA : changeB;
    const ChangeSet &losing = aWins ? changeB : changeA;
    QCOMPARE(titleOf(a, p->record), winner);
    QCOMPARE(titleOf(b, p->record), winner);

    for (Store *s : {&a, &b}) {
        auto conflicts = s->conflicts();
        QVERIFY(conflicts);
        QCOMPARE(conflicts->size(), 1);
        const Conflict &c = conflicts->first();
        QCOMPARE(c.recordId, p->record);
        QCOMPARE(c.recordType, FindingType);
        QCOMPARE(c.field, Title);
        QCOMPARE(c.current.toString(), winner);
        QCOMPARE(c.other.toString(), loser);
        QCOMPARE(c.currentOrigin.changeId, winning.id);
        QCOMPARE(c.otherOrigin.changeId, losing.id);
        QCOMPARE(c.otherOrigin.hlc, losing.hlc);
        QVERIFY2(s->check()->ok(), qPrintable(s->check()->mismatches.join(QLatin1Char('\n'))));
    }
    QCOMPARE(snapshot(a), snapshot(b));
    // The untouched field is not in conflict and is the same everywhere.
    QCOMPARE(b.get(p->record)->fields.value(QStringLiteral("severity")).toString(),
             QStringLiteral("minor"));
}

void TestConvergence::resolvingAConflictSettlesItOnEveryDevice() {
    auto p = makePair();
    QVERIFY(p);
    Store &a = p->a->store();
    Store &b = p->b->store();
    QVERIFY(a.update(p->record, {{Title, QStringLiteral("from A")}}));
    QVERIFY(b.update(p->record, {{Title, QStringLiteral("from B")}}));
    exchange(*p);
    QCOMPARE(a.conflicts()->size(), 1);

    // No conflict on another field: nothing to resolve.
    auto none = a.resolveConflict(p->record, QStringLiteral("severity"), QStringLiteral("x"));
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::NotFound);

    const int journalBefore = journalLength(a);
    auto r = a.resolveConflict(p->record, Title, QStringLiteral("A and B agreed"));
    FL_VERIFY_OK(r);
    QCOMPARE(journalLength(a), journalBefore + 1);
    const ChangeSet resolution = newestChange(a, p->record);
    QCOMPARE(resolution.fields.size(), 1);
    QCOMPARE(resolution.fields[0].prev.size(), 2); // names both concurrent values
    QVERIFY(a.conflicts()->isEmpty());
    QCOMPARE(titleOf(a, p->record), QStringLiteral("A and B agreed"));

    auto rb = b.applyRemote(outbox(a));
    QVERIFY(rb);
    QCOMPARE(rb->applied, 1);
    QVERIFY(b.conflicts()->isEmpty());
    QCOMPARE(titleOf(b, p->record), QStringLiteral("A and B agreed"));
    QVERIFY(a.check()->ok());
    QVERIFY(b.check()->ok());
    QCOMPARE(snapshot(a), snapshot(b));
}

void TestConvergence::ordinaryEditKeepsTheConflictOpen() {
    auto p = makePair();
    QVERIFY(p);
    Store &a = p->a->store();
    Store &b = p->b->store();
    QVERIFY(a.update(p->record, {{Title, QStringLiteral("from A")}}));
    QVERIFY(b.update(p->record, {{Title, QStringLiteral("from B")}}));
    exchange(*p);
    const Conflict before = a.conflicts()->first();

    // An edit replaces only the value in force; the losing value stays visible.
    QVERIFY(b.update(p->record, {{Title, QStringLiteral("B again")}}));
    exchange(*p);
    for (Store *s : {&a, &b}) {
        auto conflicts = s->conflicts();
        QCOMPARE(conflicts->size(), 1);
        QCOMPARE(conflicts->first().current.toString(), QStringLiteral("B again"));
        QCOMPARE(conflicts->first().other, before.other);
        QVERIFY(s->check()->ok());
    }
    QCOMPARE(snapshot(a), snapshot(b));
}

void TestConvergence::equalClocksAreBrokenByDeviceIdOnEveryDevice() {
    auto p = makePair();
    QVERIFY(p);
    Store &a = p->a->store();
    Store &b = p->b->store();
    // Both clocks observed the same remote clock: their next edits carry the very same clock.
    const Hlc seen = hlc::make(nowMs() + 10 * 60 * 1000, 5);
    QVERIFY(a.clock().observe(seen));
    QVERIFY(b.clock().observe(seen));
    QVERIFY(a.update(p->record, {{Title, QStringLiteral("from A")}}));
    QVERIFY(b.update(p->record, {{Title, QStringLiteral("from B")}}));
    const ChangeSet changeA = newestChange(a, p->record);
    const ChangeSet changeB = newestChange(b, p->record);
    QCOMPARE(changeA.hlc, changeB.hlc);
    exchange(*p);

    const bool aHigher = deviceLess(b.deviceId(), a.deviceId());
    const QString expected = aHigher ? QStringLiteral("from A") : QStringLiteral("from B");
    QCOMPARE(titleOf(a, p->record), expected);
    QCOMPARE(titleOf(b, p->record), expected);
    QCOMPARE(a.conflicts()->size(), 1);
    QCOMPARE(snapshot(a), snapshot(b));
}

void TestConvergence::higherClockWinsOverHigherDeviceId() {
    auto p = makePair();
    QVERIFY(p);
    // Let the device with the LOWER id write with the higher clock.
    Device *low =
        deviceLess(p->a->store().deviceId(), p->b->store().deviceId()) ? p->a.get() : p->b.get();
    Device *high = low == p->a.get() ? p->b.get() : p->a.get();
    const quint64 base = nowMs() + 10 * 60 * 1000;
    QVERIFY(low->store().clock().observe(hlc::make(base, 9)));
    QVERIFY(high->store().clock().observe(hlc::make(base, 3)));
    QVERIFY(low->store().update(p->record, {{Title, QStringLiteral("low device, later")}}));
    QVERIFY(high->store().update(p->record, {{Title, QStringLiteral("high device, earlier")}}));
    exchange(*p);
    QCOMPARE(titleOf(low->store(), p->record), QStringLiteral("low device, later"));
    QCOMPARE(titleOf(high->store(), p->record), QStringLiteral("low device, later"));
    QCOMPARE(high->store().conflicts()->first().other.toString(),
             QStringLiteral("high device, earlier"));
}

void TestConvergence::sequentialEditMakesNoConflict() {
    auto p = makePair();
    QVERIFY(p);
    Store &a = p->a->store();
    Store &b = p->b->store();
    QVERIFY(a.update(p->record, {{Title, QStringLiteral("A first")}}));
    QVERIFY(b.applyRemote(outbox(a)));
    QCOMPARE(titleOf(b, p->record), QStringLiteral("A first"));
    // B saw A's value before editing: B's edit replaces it.
    QVERIFY(b.update(p->record, {{Title, QStringLiteral("B second")}}));
    const ChangeSet changeB = newestChange(b, p->record);
    QCOMPARE(changeB.fields[0].prev, QList<QByteArray>{newestChange(a, p->record).id});
    QVERIFY(a.applyRemote(outbox(b)));

    QCOMPARE(titleOf(a, p->record), QStringLiteral("B second"));
    QCOMPARE(titleOf(b, p->record), QStringLiteral("B second"));
    QVERIFY(a.conflicts()->isEmpty());
    QVERIFY(b.conflicts()->isEmpty());
    QCOMPARE(snapshot(a), snapshot(b));
}

void TestConvergence::concurrentEditsOfDifferentFieldsMakeNoConflict() {
    auto p = makePair();
    QVERIFY(p);
    Store &a = p->a->store();
    Store &b = p->b->store();
    QVERIFY(a.update(p->record, {{Title, QStringLiteral("A's title")}}));
    QVERIFY(b.update(p->record, {{QStringLiteral("severity"), QStringLiteral("serious")}}));
    exchange(*p);
    for (Store *s : {&a, &b}) {
        const Record r = *s->get(p->record);
        QCOMPARE(r.fields.value(Title).toString(), QStringLiteral("A's title"));
        QCOMPARE(r.fields.value(QStringLiteral("severity")).toString(), QStringLiteral("serious"));
        QVERIFY(s->conflicts()->isEmpty());
    }
    QCOMPARE(snapshot(a), snapshot(b));
}

void TestConvergence::concurrentDeleteAndEditConverge() {
    auto p = makePair();
    QVERIFY(p);
    Store &a = p->a->store();
    Store &b = p->b->store();
    QVERIFY(a.remove(p->record));
    QVERIFY(b.update(p->record, {{Title, QStringLiteral("edited meanwhile")}}));
    exchange(*p);
    for (Store *s : {&a, &b}) {
        const Record r = *s->get(p->record);
        QVERIFY(r.deleted);
        // The edit is not lost: it is the record's value, kept under the tombstone.
        QCOMPARE(r.fields.value(Title).toString(), QStringLiteral("edited meanwhile"));
        RecordFilter visible;
        visible.campaignId = Campaign;
        QCOMPARE(*s->count(FindingType, visible), 0);
    }
    QCOMPARE(snapshot(a), snapshot(b));
}

void TestConvergence::randomHistoriesConvergeInEveryOrder() {
    quint32 baseSeed = QRandomGenerator::global()->generate();
    if (qEnvironmentVariableIsSet("FL_CONVERGENCE_SEED"))
        baseSeed = quint32(qEnvironmentVariableIntValue("FL_CONVERGENCE_SEED"));
    qDebug("convergence base seed %u (replay with FL_CONVERGENCE_SEED=%u)", baseSeed, baseSeed);

    constexpr int Seeds = 12;
    constexpr int FreshStores = 4;
    int totalConflicts = 0;
    int totalDeleted = 0;
    int totalOutOfOrder = 0;
    QElapsedTimer timer;
    timer.start();

    for (int round = 0; round < Seeds; ++round) {
        const quint32 seed = baseSeed + quint32(round);
        QRandomGenerator rng(seed);
        const auto pick = [&](int n) {
            return int(rng.bounded(n));
        };
        const int deviceCount = 3 + pick(2);

        std::vector<std::unique_ptr<Device>> devices;
        for (int i = 0; i < deviceCount; ++i) {
            devices.push_back(std::make_unique<Device>());
            QVERIFY(devices.back()->create());
        }
        QVERIFY(devices[0]->store().write([](Writer &w) { return w.createCampaignKey(Campaign); }));
        for (int i = 1; i < deviceCount; ++i)
            QVERIFY(devices[i]->shareKeyFrom(*devices[0], Campaign));
        QVERIFY(introduceAll(devices));

        const QStringList fieldNames = {Title, QStringLiteral("severity"),
                                        QStringLiteral("deduction"), QStringLiteral("note"),
                                        QStringLiteral("location")};
        int valueCounter = 0;
        const auto randomValue = [&](int device) -> QCborValue {
            ++valueCounter;
            switch (pick(4)) {
            case 0:
                return QStringLiteral("d%1-v%2 问题").arg(device).arg(valueCounter);
            case 1:
                return qint64(valueCounter * 10 + device);
            case 2:
                return QCborMap{{QStringLiteral("lat"), 30.0 + valueCounter / 1000.0},
                                {QStringLiteral("by"), device}};
            default:
                return QCborArray{device, valueCounter};
            }
        };
        const auto randomFields = [&](int device, int max) {
            QCborMap fields;
            const int n = 1 + pick(max);
            for (int i = 0; i < n; ++i)
                fields.insert(fieldNames[pick(int(fieldNames.size()))], randomValue(device));
            return fields;
        };
        const auto recordsOf = [&](Store &s) {
            QStringList ids;
            for (const QString &type : {FindingType, NoteType}) {
                const QList<Record> records = *s.list(type, everything());
                for (const Record &r : records)
                    ids.append(r.id);
            }
            return ids;
        };
        const auto partialSync = [&](int from, int to) {
            QList<ChangeSet> all = allChangeSets(devices[from]->store());
            // A random start of each author's chain: a store takes an author's change sets in
            // chain order only, the authors interleaved in any way.
            QHash<QByteArray, quint64> cut;
            for (const ChangeSet &cs : std::as_const(all)) {
                const QByteArray author = cs.device + cs.campaignId.toUtf8();
                cut[author] = std::max(cut.value(author), cs.chainIndex);
            }
            for (quint64 &last : cut)
                last = quint64(pick(int(last) + 1));
            QList<ChangeSet> subset;
            for (const ChangeSet &cs : std::as_const(all)) {
                if (cs.chainIndex <= cut.value(cs.device + cs.campaignId.toUtf8()))
                    subset.append(cs);
            }
            std::shuffle(subset.begin(), subset.end(), rng);
            keepChainOrder(subset);
            auto r = devices[to]->store().applyRemote(subset);
            FL_VERIFY_OK(r);
            QVERIFY(r->rejected.isEmpty());
            QCOMPARE(r->applied + r->duplicates, int(subset.size()));
        };

        const int steps = deviceCount * (30 + pick(31));
        for (int step = 0; step < steps; ++step) {
            const int d = pick(deviceCount);
            Store &s = devices[d]->store();
            const QStringList ids = recordsOf(s);
            const int op = pick(100);
            if (ids.isEmpty() || op < 20) {
                const QString type = pick(3) == 0 ? NoteType : FindingType;
                const QString parent =
                    type == FindingType ? QStringLiteral("visit-%1").arg(pick(2)) : QString();
                auto id = s.create(type, Campaign, parent, randomFields(d, 3));
                FL_VERIFY_OK(id);
            } else if (op < 62) {
                QVERIFY(s.update(ids[pick(int(ids.size()))], randomFields(d, 2)));
            } else if (op < 67) {
                // Two records in one transaction: two change sets, one commit.
                const QString x = ids[pick(int(ids.size()))];
                const QString y = ids[pick(int(ids.size()))];
                QVERIFY(s.write([&](Writer &w) -> Result<void> {
                    if (auto r = w.update(x, randomFields(d, 2)); !r)
                        return r;
                    return w.update(y, randomFields(d, 2));
                }));
            } else if (op < 73) {
                QVERIFY(s.remove(ids[pick(int(ids.size()))]));
            } else if (op < 75) {
                QVERIFY(s.update(ids[pick(int(ids.size()))],
                                 {{QLatin1String(storefield::Deleted), false}}));
            } else if (op < 80) {
                const QList<Conflict> conflicts = *s.conflicts();
                if (!conflicts.isEmpty()) {
                    const Conflict &c = conflicts[pick(int(conflicts.size()))];
                    auto r = s.resolveConflict(c.recordId, c.field, randomValue(d));
                    FL_VERIFY_OK(r);
                }
            } else {
                int other = pick(deviceCount - 1);
                if (other >= d)
                    ++other;
                if (pick(2) == 0)
                    partialSync(d, other);
                else
                    partialSync(other, d);
                if (QTest::currentTestFailed())
                    return;
            }
        }

        // The union of everything every device made or pulled.
        QHash<QByteArray, ChangeSet> unionById;
        for (const auto &dev : devices) {
            for (const ChangeSet &cs : allChangeSets(dev->store())) {
                ChangeSet copy = cs;
                copy.serverSeq = 0;
                unionById.insert(cs.id, copy);
            }
        }
        const QList<ChangeSet> everything = unionById.values();
        QSet<QString> recordIds;
        for (const ChangeSet &cs : everything)
            recordIds.insert(cs.recordId);

        // Count arrivals where a change named a value not yet known: the hard case.
        {
            QList<ChangeSet> order = everything;
            std::shuffle(order.begin(), order.end(), rng);
            keepChainOrder(order);
            QSet<QByteArray> seen;
            for (const ChangeSet &cs : std::as_const(order)) {
                for (const FieldChange &f : cs.fields) {
                    for (const QByteArray &p : f.prev)
                        totalOutOfOrder += seen.contains(p) ? 0 : 1;
                }
                seen.insert(cs.id);
            }
        }

        // Fresh stores get the full set in different orders and batch sizes, with repeats.
        std::vector<std::unique_ptr<Device>> fresh;
        QList<QCborMap> snapshots;
        for (int f = 0; f < FreshStores; ++f) {
            fresh.push_back(std::make_unique<Device>());
            Device &dev = *fresh.back();
            QVERIFY(dev.create());
            QVERIFY(dev.shareKeyFrom(*devices[0], Campaign));
            for (const auto &author : devices)
                QVERIFY(introduce(dev, *author));
            QList<ChangeSet> order = everything;
            if (f == 1)
                std::reverse(order.begin(), order.end());
            else
                std::shuffle(order.begin(), order.end(), rng);
            keepChainOrder(order);
            int applied = 0;
            int duplicates = 0;
            int expectedDuplicates = 0;
            QList<ChangeSet> sent;
            for (qsizetype i = 0; i < order.size();) {
                const qsizetype n = std::min<qsizetype>(1 + pick(25), order.size() - i);
                QList<ChangeSet> batch = order.mid(i, n);
                i += n;
                // Re-send some change sets, as a repeated pull would.
                for (int k = 0; k < 3 && !sent.isEmpty(); ++k) {
                    if (pick(4) == 0) {
                        batch.insert(pick(int(batch.size()) + 1), sent[pick(int(sent.size()))]);
                        ++expectedDuplicates;
                    }
                }
                sent.append(order.mid(i - n, n));
                auto r = dev.store().applyRemote(batch);
                FL_VERIFY_OK(r);
                QVERIFY(r->rejected.isEmpty());
                applied += r->applied;
                duplicates += r->duplicates;
            }
            QCOMPARE(applied, int(everything.size()));
            QCOMPARE(duplicates, expectedDuplicates);
            auto check = dev.store().check();
            QVERIFY(check);
            QVERIFY2(check->ok(), qPrintable(check->mismatches.join(QLatin1Char('\n'))));
            QCOMPARE(check->changeSets, int(everything.size()));
            QCOMPARE(check->records, int(recordIds.size()));
            QString error;
            snapshots.append(snapshot(dev.store(), &error));
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }

        // The devices themselves, once they have everything, agree with the fresh stores too.
        for (const auto &dev : devices) {
            QList<ChangeSet> order = everything;
            std::shuffle(order.begin(), order.end(), rng);
            keepChainOrder(order);
            auto r = dev->store().applyRemote(order);
            QVERIFY(r);
            QVERIFY(r->rejected.isEmpty());
            auto check = dev->store().check();
            QVERIFY2(check->ok(), qPrintable(check->mismatches.join(QLatin1Char('\n'))));
            snapshots.append(snapshot(dev->store()));
        }

        const QCborMap reference = snapshots.first();
        QCOMPARE(reference.value(QStringLiteral("records")).toMap().size(),
                 qsizetype(recordIds.size()));
        for (int i = 1; i < snapshots.size(); ++i) {
            QVERIFY2(snapshots[i] == reference,
                     qPrintable(QStringLiteral("seed %1, store %2 differs: %3")
                                    .arg(seed)
                                    .arg(i)
                                    .arg(firstDifference(reference, snapshots[i]))));
        }
        const int conflicts = int(reference.value(QStringLiteral("conflicts")).toMap().size());
        int deleted = 0;
        const QCborMap recs = reference.value(QStringLiteral("records")).toMap();
        for (auto it = recs.constBegin(); it != recs.constEnd(); ++it)
            deleted += it.value().toMap().value(QStringLiteral("deleted")).toBool() ? 1 : 0;
        qDebug("seed %u: %d devices, %lld change sets, %lld records, %d deleted, %d conflicts",
               seed, deviceCount, qint64(everything.size()), qint64(recordIds.size()), deleted,
               conflicts);
        totalConflicts += conflicts;
        totalDeleted += deleted;
    }
    qDebug("convergence: %lld ms", qint64(timer.elapsed()));
    // The histories must exercise the hard parts, or the test proves little.
    QVERIFY(totalConflicts > 0);
    QVERIFY(totalDeleted > 0);
    QVERIFY(totalOutOfOrder > 0);
}

void TestConvergence::tamperedChangeIsRejectedAndChangesNothing() {
    auto p = makePair();
    QVERIFY(p);
    Store &a = p->a->store();
    Store &b = p->b->store();
    QVERIFY(a.update(p->record, {{Title, QStringLiteral("genuine")}}));
    const ChangeSet genuine = newestChange(a, p->record);
    const QCborMap before = snapshot(b);
    const int journalBefore = journalLength(b);
    const Hlc clockBefore = b.clock().last();

    ChangeSet tampered = genuine;
    QByteArray &ct = tampered.fields[0].value;
    ct[ct.size() - 1] = char(ct[ct.size() - 1] ^ 0x40);
    auto r = b.applyRemote({tampered});
    QVERIFY(r);
    QCOMPARE(r->applied, 0);
    QCOMPARE(r->rejected.size(), 1);
    QCOMPARE(r->rejected.first().id, genuine.id);
    QCOMPARE(r->rejected.first().error.code, ErrorCode::Integrity);
    QCOMPARE(snapshot(b), before);
    QCOMPARE(journalLength(b), journalBefore);
    QCOMPARE(b.clock().last(), clockBefore);
    QVERIFY(b.check()->ok());

    // A forged clock breaks the binding too.
    ChangeSet reclocked = genuine;
    reclocked.hlc += 1;
    r = b.applyRemote({reclocked});
    QCOMPARE(r->rejected.size(), 1);
    QCOMPARE(r->rejected.first().error.code, ErrorCode::Integrity);

    // The rejected copies did not burn the id: the genuine change still applies.
    r = b.applyRemote({genuine});
    QCOMPARE(r->applied, 1);
    QCOMPARE(r->duplicates, 0);
    QCOMPARE(titleOf(b, p->record), QStringLiteral("genuine"));
}

void TestConvergence::valueMovedToAnotherFieldOrRecordIsRejected() {
    auto p = makePair();
    QVERIFY(p);
    Store &a = p->a->store();
    Store &b = p->b->store();
    // A second record with the same type, campaign and parent, which B has too.
    auto other = a.create(FindingType, Campaign, QStringLiteral("visit-1"),
                          {{Title, QStringLiteral("other")}});
    QVERIFY(other);
    QVERIFY(a.update(p->record, {{Title, QStringLiteral("secret value")}}));
    const ChangeSet genuine = newestChange(a, p->record);
    QVERIFY(b.applyRemote({newestChange(a, *other)}));
    const QCborMap before = snapshot(b);

    ChangeSet movedField = genuine;
    movedField.fields[0].field = QStringLiteral("severity");
    movedField.fields[0].prev.clear();
    ChangeSet movedRecord = genuine;
    movedRecord.recordId = *other;
    movedRecord.fields[0].prev.clear();
    ChangeSet movedType = genuine;
    movedType.recordType = NoteType;
    movedType.recordId = QStringLiteral("brand-new-id");
    movedType.fields[0].prev.clear();

    auto r = b.applyRemote({movedField, movedRecord, movedType});
    QVERIFY(r);
    QCOMPARE(r->applied, 0);
    QCOMPARE(r->rejected.size(), 3);
    for (const auto &rejected : std::as_const(r->rejected))
        QCOMPARE(rejected.error.code, ErrorCode::Integrity);
    QCOMPARE(snapshot(b), before);
    QVERIFY(!b.get(QStringLiteral("brand-new-id")));
}

void TestConvergence::farFutureClockIsRejectedAndDoesNotMoveTheClock() {
    auto p = makePair();
    QVERIFY(p);
    Store &a = p->a->store();
    Store &b = p->b->store();
    // A's clock is two hours ahead (allowed on A only so it can make such a change).
    a.clock().setMaxDriftMs(24ull * 3600 * 1000);
    QVERIFY(a.clock().observe(hlc::make(nowMs() + 2 * 3600 * 1000, 0)));
    QVERIFY(a.update(p->record, {{Title, QStringLiteral("from the future")}}));
    const ChangeSet future = newestChange(a, p->record);
    QVERIFY(hlc::physicalMs(future.hlc) > nowMs() + b.clock().maxDriftMs());

    const QCborMap before = snapshot(b);
    const int journalBefore = journalLength(b);
    const Hlc clockBefore = b.clock().last();
    auto r = b.applyRemote({future});
    QVERIFY(r);
    QCOMPARE(r->applied, 0);
    QCOMPARE(r->rejected.size(), 1);
    QCOMPARE(r->rejected.first().error.code, ErrorCode::Validation);
    QCOMPARE(snapshot(b), before);
    QCOMPARE(journalLength(b), journalBefore);
    QCOMPARE(b.clock().last(), clockBefore);
    QVERIFY(b.update(p->record, {{Title, QStringLiteral("local")}}));
    QVERIFY(hlc::physicalMs(newestChange(b, p->record).hlc) < nowMs() + 60'000);

    // Within the limit, a clock ahead is accepted and absorbed: later local edits order after.
    Device c;
    QVERIFY(c.create());
    QVERIFY(c.shareKeyFrom(*p->a, Campaign));
    QVERIFY(introduce(c, *p->a) && introduce(c, *p->b) && introduce(*p->b, c));
    QVERIFY(c.store().applyRemote(outbox(a)));
    QVERIFY(c.store().applyRemote(outbox(b)));
    QVERIFY(c.store().clock().observe(hlc::make(nowMs() + 30 * 60 * 1000, 0)));
    QVERIFY(c.store().update(p->record, {{Title, QStringLiteral("half an hour ahead")}}));
    const ChangeSet ahead = newestChange(c.store(), p->record);
    r = b.applyRemote({ahead});
    QCOMPARE(r->applied, 1);
    QVERIFY(b.clock().last() >= ahead.hlc);
    QCOMPARE(titleOf(b, p->record), QStringLiteral("half an hour ahead"));
    QVERIFY(b.update(p->record, {{Title, QStringLiteral("after")}}));
    QVERIFY(newestChange(b, p->record).hlc > ahead.hlc);
    QCOMPARE(titleOf(b, p->record), QStringLiteral("after"));
    QVERIFY(b.conflicts()->isEmpty());
}

void TestConvergence::changeOfAnUnknownCampaignIsRejected() {
    auto p = makePair();
    QVERIFY(p);
    Store &a = p->a->store();
    Store &b = p->b->store();
    const QString secretCampaign = QStringLiteral("campaign-b-has-no-key-for");
    QVERIFY(a.write([&](Writer &w) { return w.createCampaignKey(secretCampaign); }));
    auto id = a.create(NoteType, secretCampaign, {}, {{Title, QStringLiteral("hidden")}});
    QVERIFY(id);
    const ChangeSet cs = newestChange(a, *id);
    const QCborMap before = snapshot(b);
    const int journalBefore = journalLength(b);

    auto r = b.applyRemote({cs});
    QVERIFY(r);
    QCOMPARE(r->applied, 0);
    QCOMPARE(r->rejected.size(), 1);
    QCOMPARE(r->rejected.first().error.code, ErrorCode::NotFound);
    QCOMPARE(journalLength(b), journalBefore);
    QCOMPARE(snapshot(b), before);
    auto missing = b.get(*id);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);

    // Once the key arrives, the same change applies.
    QVERIFY(p->b->shareKeyFrom(*p->a, secretCampaign));
    r = b.applyRemote({cs});
    QCOMPARE(r->applied, 1);
    QCOMPARE(titleOf(b, *id), QStringLiteral("hidden"));
}

void TestConvergence::changeNamingARecordWithOtherTypeOrParentIsRejected() {
    auto p = makePair();
    QVERIFY(p);
    Store &a = p->a->store();
    Store &b = p->b->store();
    // Genuine, decryptable change sets whose metadata clashes with a record B already has.
    const auto createWithId = [](Store &s, const QString &type, const QString &parent,
                                 const QString &id) {
        return s.write([&](Writer &w) -> Result<void> {
            auto r = w.create(type, Campaign, parent, {{Title, type + parent}}, id);
            if (!r)
                return r.error();
            return {};
        });
    };
    QVERIFY(createWithId(b, FindingType, QStringLiteral("visit-1"), QStringLiteral("same-id-1")));
    QVERIFY(createWithId(a, NoteType, QStringLiteral("visit-1"), QStringLiteral("same-id-1")));
    QVERIFY(createWithId(b, FindingType, QStringLiteral("visit-1"), QStringLiteral("same-id-2")));
    QVERIFY(createWithId(a, FindingType, QStringLiteral("visit-2"), QStringLiteral("same-id-2")));
    const ChangeSet otherType = newestChange(a, QStringLiteral("same-id-1"));
    const ChangeSet otherParent = newestChange(a, QStringLiteral("same-id-2"));
    const QCborMap before = snapshot(b);
    const int journalBefore = journalLength(b);

    auto r = b.applyRemote({otherType, otherParent});
    QVERIFY(r);
    QCOMPARE(r->applied, 0);
    QCOMPARE(r->rejected.size(), 2);
    QCOMPARE(r->rejected[0].id, otherType.id);
    QCOMPARE(r->rejected[1].id, otherParent.id);
    for (const auto &rejected : std::as_const(r->rejected))
        QCOMPARE(rejected.error.code, ErrorCode::Integrity);
    QCOMPARE(snapshot(b), before);
    QCOMPARE(journalLength(b), journalBefore);
    QCOMPARE(b.get(QStringLiteral("same-id-2"))->parentId, QStringLiteral("visit-1"));
    QVERIFY(b.check()->ok());
}

void TestConvergence::malformedChangeSetsAreRejected() {
    auto p = makePair();
    QVERIFY(p);
    Store &a = p->a->store();
    Store &b = p->b->store();
    QVERIFY(a.update(p->record, {{Title, QStringLiteral("x")}}));
    const ChangeSet genuine = newestChange(a, p->record);
    ChangeSet shortId = genuine;
    shortId.id.chop(1);
    ChangeSet wrongDevice = genuine;
    wrongDevice.device = QByteArray(16, '\x01');
    ChangeSet noFields = genuine;
    noFields.fields.clear();
    ChangeSet noRecord = genuine;
    noRecord.recordId.clear();
    const QCborMap before = snapshot(b);
    auto r = b.applyRemote({shortId, wrongDevice, noFields, noRecord, genuine});
    QVERIFY(r);
    QCOMPARE(r->rejected.size(), 4);
    for (const auto &rejected : std::as_const(r->rejected))
        QCOMPARE(rejected.error.code, ErrorCode::InvalidArgument);
    // The good one in the same batch still applies.
    QCOMPARE(r->applied, 1);
    QCOMPARE(titleOf(b, p->record), QStringLiteral("x"));
    QVERIFY(snapshot(b) != before);
}

void TestConvergence::duplicatesAreCountedAndIgnored() {
    auto p = makePair();
    QVERIFY(p);
    Store &a = p->a->store();
    Store &b = p->b->store();
    QVERIFY(a.update(p->record, {{Title, QStringLiteral("one")}}));
    QVERIFY(a.update(p->record, {{Title, QStringLiteral("two")}}));
    const QList<ChangeSet> batch = outbox(a); // create + two edits
    QCOMPARE(batch.size(), 3);

    auto first = b.applyRemote(batch);
    QVERIFY(first);
    QCOMPARE(first->applied, 2);
    QCOMPARE(first->duplicates, 1);
    const QCborMap after = snapshot(b);
    const int journalAfter = journalLength(b);

    auto again = b.applyRemote(batch + batch);
    QVERIFY(again);
    QCOMPARE(again->applied, 0);
    QCOMPARE(again->duplicates, 6);
    QVERIFY(again->rejected.isEmpty());
    QCOMPARE(snapshot(b), after);
    QCOMPARE(journalLength(b), journalAfter);
    QCOMPARE(titleOf(b, p->record), QStringLiteral("two"));

    // A duplicate within one batch, before it was ever applied, also counts once.
    Device c;
    QVERIFY(c.create());
    QVERIFY(c.shareKeyFrom(*p->a, Campaign));
    QVERIFY(introduce(c, *p->a));
    auto inOne = c.store().applyRemote({batch[0], batch[0], batch[1], batch[2], batch[1]});
    QVERIFY(inOne);
    QCOMPARE(inOne->applied, 3);
    QCOMPARE(inOne->duplicates, 2);
    QCOMPARE(snapshot(c.store()), after);
}

QTEST_GUILESS_MAIN(TestConvergence)
#include "tst_convergence.moc"
