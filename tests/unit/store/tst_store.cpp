#include "store/schema.h"
#include "storetestsupport.h"

#include <QCborArray>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtEndian>
#include <QtTest>

using namespace fl;
using namespace fl::test;

namespace {

const QString Campaign = QStringLiteral("campaign-1");
const QString Note = QStringLiteral("note");

QByteArray readFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

quint64 sequenceOf(const QByteArray &changeId) {
    return qFromBigEndian<quint64>(changeId.constData() + 16);
}

RecordFilter inCampaign(bool includeDeleted = false) {
    RecordFilter f;
    f.campaignId = Campaign;
    f.includeDeleted = includeDeleted;
    return f;
}

QStringList idsOf(const QList<Record> &records) {
    QStringList ids;
    for (const Record &r : records)
        ids.append(r.id);
    return ids;
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createThenGetReturnsTheFields();
    void updateChangesOnlyTheGivenFields();
    void getOfAnUnknownIdIsNotFound();
    void everyWriteAppendsExactlyOneChangeSet();
    void oneWriteOfTwoRecordsIsTwoChangeSetsInOneTransaction();
    void failedWriteLeavesNeitherRowNorJournalEntry();
    void failedWriteDoesNotKeepACampaignKeyItRolledBack();
    void createWithAnExistingIdIsAConflict();
    void writeWithoutACampaignKeyIsRefused();
    void listPagesInCreationOrder();
    void listFiltersByCampaignAndParent();
    void deletedRecordsAreHiddenUnlessAsked();
    void lockedVaultRefusesReadsAndWritesUntilUnlocked();
    void reopeningKeepsDataIdsAndClock();
    void clockOfPulledChangesSurvivesARestart();
    void foreignSqliteFileIsRefusedUntouched();
    void nonDatabaseFileIsCorruptAndUntouched();
    void newerSchemaIsUnsupportedAndUntouched();
    void tamperedCiphertextIsAnIntegrityError();
    void checkIsOkOnAHealthyStore();
    void checkReportsARolledBackRecordState();
    void checkReportsARecordMissingFromTheTable();
    void pendingAndMarkSyncedBookkeeping();
    void pendingUnderCountsARecordItsChildrenAndGrandchildren();
    void outboxHasItsCountingIndexes();
    void serverEchoOfOwnChangeMarksItSynced();
    void noPlaintextInAnyFileOfTheStore();

private:
    QString createNote(const QCborMap &fields, const QString &parent = {});

    std::unique_ptr<Device> m_dev;
};

void TestStore::init() {
    m_dev = std::make_unique<Device>();
    QVERIFY(m_dev->valid());
    auto r = m_dev->create();
    FL_VERIFY_OK(r);
    auto k = m_dev->store().write([](Writer &w) { return w.createCampaignKey(Campaign); });
    FL_VERIFY_OK(k);
}

void TestStore::cleanup() {
    m_dev.reset();
}

QString TestStore::createNote(const QCborMap &fields, const QString &parent) {
    auto id = m_dev->store().create(Note, Campaign, parent, fields);
    if (!id) {
        qWarning() << errorText(id.error());
        return {};
    }
    return *id;
}

void TestStore::createThenGetReturnsTheFields() {
    Store &s = m_dev->store();
    const QCborMap fields{{QStringLiteral("title"), QStringLiteral("漏水 in room 3")},
                          {QStringLiteral("count"), 3},
                          {QStringLiteral("score"), 2.5},
                          {QStringLiteral("flag"), true},
                          {QStringLiteral("tags"), QCborArray{QStringLiteral("a"), 2}},
                          {QStringLiteral("where"), QCborMap{{QStringLiteral("lat"), 31.2}}},
                          {QStringLiteral("none"), QCborValue(nullptr)}};
    auto id = s.create(Note, Campaign, QStringLiteral("parent-1"), fields);
    FL_VERIFY_OK(id);
    QVERIFY(!id->isEmpty());

    auto rec = s.get(*id);
    FL_VERIFY_OK(rec);
    QCOMPARE(rec->id, *id);
    QCOMPARE(rec->type, Note);
    QCOMPARE(rec->campaignId, Campaign);
    QCOMPARE(rec->parentId, QStringLiteral("parent-1"));
    QCOMPARE(rec->fields, fields);
    QVERIFY(!rec->deleted);
    QVERIFY(rec->createdHlc > 0);
    QCOMPARE(rec->updatedHlc, rec->createdHlc);
    // Every field comes from the one change set that created the record, made on this device.
    QCOMPARE(rec->origins.size(), fields.size());
    const QByteArray changeId = rec->origins.value(QStringLiteral("title")).changeId;
    QCOMPARE(changeId.size(), 24);
    for (const FieldOrigin &o : std::as_const(rec->origins)) {
        QCOMPARE(o.changeId, changeId);
        QCOMPARE(o.device(), s.deviceId());
        QCOMPARE(o.hlc, rec->createdHlc);
    }
}

void TestStore::updateChangesOnlyTheGivenFields() {
    Store &s = m_dev->store();
    const QString id = createNote({{QStringLiteral("title"), QStringLiteral("first")},
                                   {QStringLiteral("body"), QStringLiteral("unchanged")}});
    QVERIFY(!id.isEmpty());
    const Record before = *s.get(id);

    auto u = s.update(
        id, {{QStringLiteral("title"), QStringLiteral("second")}, {QStringLiteral("extra"), 7}});
    FL_VERIFY_OK(u);
    auto after = s.get(id);
    QVERIFY(after);
    QCOMPARE(after->fields.value(QStringLiteral("title")).toString(), QStringLiteral("second"));
    QCOMPARE(after->fields.value(QStringLiteral("body")).toString(), QStringLiteral("unchanged"));
    QCOMPARE(after->fields.value(QStringLiteral("extra")).toInteger(), 7);
    QCOMPARE(after->createdHlc, before.createdHlc);
    QVERIFY(after->updatedHlc > before.updatedHlc);
    QCOMPARE(after->origins.value(QStringLiteral("body")).changeId,
             before.origins.value(QStringLiteral("body")).changeId);
    QVERIFY(after->origins.value(QStringLiteral("title")).changeId !=
            before.origins.value(QStringLiteral("title")).changeId);
    QCOMPARE(after->origins.value(QStringLiteral("title")).hlc, after->updatedHlc);
}

void TestStore::getOfAnUnknownIdIsNotFound() {
    auto r = m_dev->store().get(QStringLiteral("no-such-id"));
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::NotFound);
    auto u = m_dev->store().update(QStringLiteral("no-such-id"), {{QStringLiteral("a"), 1}});
    QVERIFY(!u);
    QCOMPARE(u.error().code, ErrorCode::NotFound);
}

void TestStore::everyWriteAppendsExactlyOneChangeSet() {
    Store &s = m_dev->store();
    QSignalSpy changed(&s, &Store::changed);
    QCOMPARE(journalLength(s), 0);

    const QCborMap fields{{QStringLiteral("title"), QStringLiteral("t")},
                          {QStringLiteral("body"), QStringLiteral("b")}};
    const QString id = createNote(fields);
    QVERIFY(!id.isEmpty());
    QCOMPARE(journalLength(s), 1);
    auto j = s.journal();
    QVERIFY(j);
    const JournalEntry created = j->first();
    QVERIFY(created.local);
    QCOMPARE(created.change.recordId, id);
    QCOMPARE(created.change.recordType, Note);
    QCOMPARE(created.change.campaignId, Campaign);
    QCOMPARE(created.change.device, s.deviceId());
    QCOMPARE(created.change.id.left(16), s.deviceId());
    QCOMPARE(created.values, fields);
    for (const FieldChange &f : created.change.fields)
        QVERIFY(f.prev.isEmpty());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), Note);
    QCOMPARE(changed.at(0).at(1).toStringList(), QStringList{id});

    QVERIFY(s.update(id, {{QStringLiteral("title"), QStringLiteral("t2")}}));
    QCOMPARE(journalLength(s), 2);
    const JournalEntry updated = s.journal()->first();
    QCOMPARE(updated.values, (QCborMap{{QStringLiteral("title"), QStringLiteral("t2")}}));
    QCOMPARE(updated.change.fields.size(), 1);
    // The new value names the value it replaced.
    QCOMPARE(updated.change.fields[0].prev, QList<QByteArray>{created.change.id});
    QVERIFY(updated.change.hlc > created.change.hlc);
    QCOMPARE(sequenceOf(updated.change.id), sequenceOf(created.change.id) + 1);

    QVERIFY(s.remove(id));
    QCOMPARE(journalLength(s), 3);
    const JournalEntry removed = s.journal()->first();
    QCOMPARE(removed.values, (QCborMap{{QLatin1String(storefield::Deleted), true}}));
    QCOMPARE(journalLength(s, id), 3);
    QCOMPARE(changed.size(), 3);

    // An update with no fields is no change at all.
    QVERIFY(s.update(id, {}));
    QCOMPARE(journalLength(s), 3);
}

void TestStore::oneWriteOfTwoRecordsIsTwoChangeSetsInOneTransaction() {
    Store &s = m_dev->store();
    QString a, b;
    auto r = s.write([&](Writer &w) -> Result<void> {
        auto x = w.create(Note, Campaign, {}, {{QStringLiteral("n"), 1}});
        if (!x)
            return x.error();
        auto y = w.create(Note, Campaign, {}, {{QStringLiteral("n"), 2}});
        if (!y)
            return y.error();
        a = *x;
        b = *y;
        return w.update(a, {{QStringLiteral("n"), 3}});
    });
    FL_VERIFY_OK(r);
    QCOMPARE(journalLength(s), 3);
    QCOMPARE(s.get(a)->fields.value(QStringLiteral("n")).toInteger(), 3);
    QCOMPARE(s.get(b)->fields.value(QStringLiteral("n")).toInteger(), 2);
    QCOMPARE(*s.count(Note, inCampaign()), 2);
}

void TestStore::failedWriteLeavesNeitherRowNorJournalEntry() {
    Store &s = m_dev->store();
    const QString existing = createNote({{QStringLiteral("title"), QStringLiteral("kept")}});
    QVERIFY(!existing.isEmpty());
    const int countBefore = *s.count(Note, inCampaign(true));
    const int journalBefore = journalLength(s);
    const QByteArray lastIdBefore = s.journal()->first().change.id;
    QSignalSpy changed(&s, &Store::changed);

    QString createdInside;
    auto r = s.write([&](Writer &w) -> Result<void> {
        auto id = w.create(Note, Campaign, {}, {{QStringLiteral("title"), QStringLiteral("x")}});
        if (!id)
            return id.error();
        createdInside = *id;
        if (auto u = w.update(existing, {{QStringLiteral("title"), QStringLiteral("changed")}}); !u)
            return u;
        return w.update(QStringLiteral("missing-id"), {{QStringLiteral("title"), 1}});
    });
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::NotFound);
    QVERIFY(!createdInside.isEmpty()); // the create itself succeeded before the failure

    QCOMPARE(*s.count(Note, inCampaign(true)), countBefore);
    QCOMPARE(journalLength(s), journalBefore);
    QCOMPARE(s.journal()->first().change.id, lastIdBefore);
    auto gone = s.get(createdInside);
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, ErrorCode::NotFound);
    QCOMPARE(s.get(existing)->fields.value(QStringLiteral("title")).toString(),
             QStringLiteral("kept"));
    QCOMPARE(changed.size(), 0);
    QVERIFY(s.check()->ok());

    // The change ids counted inside the rolled-back write are reused, never duplicated.
    const QString next = createNote({{QStringLiteral("title"), QStringLiteral("after")}});
    QVERIFY(!next.isEmpty());
    const QByteArray nextId = s.journal()->first().change.id;
    QCOMPARE(sequenceOf(nextId), sequenceOf(lastIdBefore) + 1);
    QCOMPARE(journalLength(s), journalBefore + 1);
}

void TestStore::failedWriteDoesNotKeepACampaignKeyItRolledBack() {
    Store &s = m_dev->store();
    const QString other = QStringLiteral("campaign-rolled-back");
    auto r = s.write([&](Writer &w) -> Result<void> {
        if (auto k = w.createCampaignKey(other); !k)
            return k;
        // Using the key inside the write unwraps (and may cache) it.
        auto id = w.create(Note, other, {}, {{QStringLiteral("title"), QStringLiteral("x")}});
        if (!id)
            return id.error();
        return makeError(ErrorCode::Validation, QStringLiteral("abort"));
    });
    QVERIFY(!r);
    QVERIFY(!s.hasCampaignKey(other));
    auto key = s.campaignKey(other);
    QVERIFY2(!key, "a rolled-back campaign key must not stay usable");
    QCOMPARE(key.error().code, ErrorCode::NotFound);
    // Otherwise data would be written under a key that is stored nowhere and lost on restart.
    auto created = s.create(Note, other, {}, {{QStringLiteral("title"), QStringLiteral("y")}});
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::NotFound);
}

void TestStore::createWithAnExistingIdIsAConflict() {
    Store &s = m_dev->store();
    auto first = s.write([](Writer &w) -> Result<void> {
        auto id = w.create(Note, Campaign, {}, {{QStringLiteral("v"), 1}}, QStringLiteral("fixed"));
        if (!id)
            return id.error();
        return {};
    });
    QVERIFY(first);
    const int journalBefore = journalLength(s);
    auto again = s.write([](Writer &w) -> Result<void> {
        auto id = w.create(Note, Campaign, {}, {{QStringLiteral("v"), 2}}, QStringLiteral("fixed"));
        if (!id)
            return id.error();
        return {};
    });
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(journalLength(s), journalBefore);
    QCOMPARE(s.get(QStringLiteral("fixed"))->fields.value(QStringLiteral("v")).toInteger(), 1);
}

void TestStore::writeWithoutACampaignKeyIsRefused() {
    Store &s = m_dev->store();
    auto id = s.create(Note, QStringLiteral("unknown-campaign"), {}, {{QStringLiteral("a"), 1}});
    QVERIFY(!id);
    QCOMPARE(id.error().code, ErrorCode::NotFound);
    auto noType = s.create(QString(), Campaign, {}, {{QStringLiteral("a"), 1}});
    QVERIFY(!noType);
    QCOMPARE(noType.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(journalLength(s), 0);
}

void TestStore::listPagesInCreationOrder() {
    Store &s = m_dev->store();
    QStringList ids;
    for (int i = 0; i < 7; ++i) {
        ids.append(createNote({{QStringLiteral("n"), i}}));
        QVERIFY(!ids.last().isEmpty());
    }
    // Another type in the same campaign is not listed with notes.
    QVERIFY(s.create(QStringLiteral("other"), Campaign, {}, {{QStringLiteral("n"), 99}}));

    auto all = s.list(Note, inCampaign());
    QVERIFY(all);
    QCOMPARE(idsOf(*all), ids);
    for (int i = 0; i < 7; ++i)
        QCOMPARE(all->at(i).fields.value(QStringLiteral("n")).toInteger(), i);

    QCOMPARE(idsOf(*s.list(Note, inCampaign(), 2, 3)), ids.mid(2, 3));
    QCOMPARE(idsOf(*s.list(Note, inCampaign(), 0, 2)), ids.mid(0, 2));
    QCOMPARE(idsOf(*s.list(Note, inCampaign(), 6, 10)), ids.mid(6));
    QVERIFY(s.list(Note, inCampaign(), 7, 10)->isEmpty());
    QCOMPARE(idsOf(*s.list(Note, {}, 1, 2)), ids.mid(1, 2)); // no campaign filter
    QCOMPARE(*s.count(Note, inCampaign()), 7);
    QCOMPARE(*s.count(Note, {}), 7);
    QCOMPARE(*s.count(QStringLiteral("other"), {}), 1);

    // Updating a record does not move it: the order is creation order.
    QVERIFY(s.update(ids[0], {{QStringLiteral("n"), 100}}));
    QCOMPARE(idsOf(*s.list(Note, inCampaign(), 0, 1)), ids.mid(0, 1));
}

void TestStore::listFiltersByCampaignAndParent() {
    Store &s = m_dev->store();
    QVERIFY(s.write([](Writer &w) { return w.createCampaignKey(QStringLiteral("campaign-2")); }));
    const QString a1 = createNote({{QStringLiteral("n"), 1}}, QStringLiteral("visit-a"));
    const QString b1 = createNote({{QStringLiteral("n"), 2}}, QStringLiteral("visit-b"));
    const QString a2 = createNote({{QStringLiteral("n"), 3}}, QStringLiteral("visit-a"));
    auto c2 = s.create(Note, QStringLiteral("campaign-2"), QStringLiteral("visit-a"),
                       {{QStringLiteral("n"), 4}});
    QVERIFY(c2);

    RecordFilter byParent;
    byParent.parentId = QStringLiteral("visit-a");
    QCOMPARE(idsOf(*s.list(Note, byParent)), (QStringList{a1, a2, *c2}));
    QCOMPARE(*s.count(Note, byParent), 3);
    byParent.campaignId = Campaign;
    QCOMPARE(idsOf(*s.list(Note, byParent)), (QStringList{a1, a2}));
    QCOMPARE(idsOf(*s.list(Note, inCampaign())), (QStringList{a1, b1, a2}));
    RecordFilter second;
    second.campaignId = QStringLiteral("campaign-2");
    QCOMPARE(idsOf(*s.list(Note, second)), QStringList{*c2});
    QCOMPARE(*s.count(Note, second), 1);
}

void TestStore::deletedRecordsAreHiddenUnlessAsked() {
    Store &s = m_dev->store();
    QStringList ids;
    for (int i = 0; i < 4; ++i)
        ids.append(createNote({{QStringLiteral("n"), i}}));
    QVERIFY(s.remove(ids[1]));

    QCOMPARE(idsOf(*s.list(Note, inCampaign())), (QStringList{ids[0], ids[2], ids[3]}));
    QCOMPARE(*s.count(Note, inCampaign()), 3);
    QCOMPARE(idsOf(*s.list(Note, inCampaign(), 1, 1)), QStringList{ids[2]});

    auto all = s.list(Note, inCampaign(true));
    QCOMPARE(idsOf(*all), ids);
    QVERIFY(all->at(1).deleted);
    QVERIFY(!all->at(0).deleted);
    QCOMPARE(*s.count(Note, inCampaign(true)), 4);

    // The tombstoned record is still readable (history), flagged, with its values.
    auto rec = s.get(ids[1]);
    QVERIFY(rec);
    QVERIFY(rec->deleted);
    QCOMPARE(rec->fields.value(QStringLiteral("n")).toInteger(), 1);
    QVERIFY(!rec->fields.contains(QLatin1String(storefield::Deleted)));

    // Writing the tombstone back to false restores it.
    QVERIFY(s.update(ids[1], {{QLatin1String(storefield::Deleted), false}}));
    QCOMPARE(*s.count(Note, inCampaign()), 4);
    QVERIFY(!s.get(ids[1])->deleted);
}

void TestStore::lockedVaultRefusesReadsAndWritesUntilUnlocked() {
    Store &s = m_dev->store();
    const QString id = createNote({{QStringLiteral("title"), QStringLiteral("t")}});
    QVERIFY(!id.isEmpty());
    const int journalBefore = journalLength(s);

    m_dev->vault().lock();
    QVERIFY(!m_dev->vault().isUnlocked());
    const auto expectLocked = [](const Error &e) {
        return e.code == ErrorCode::Locked;
    };

    auto get = s.get(id);
    QVERIFY(!get && expectLocked(get.error()));
    auto list = s.list(Note, inCampaign());
    QVERIFY(!list && expectLocked(list.error()));
    auto journal = s.journal();
    QVERIFY(!journal && expectLocked(journal.error()));
    auto create = s.create(Note, Campaign, {}, {{QStringLiteral("a"), 1}});
    QVERIFY(!create && expectLocked(create.error()));
    auto update = s.update(id, {{QStringLiteral("title"), QStringLiteral("x")}});
    QVERIFY(!update && expectLocked(update.error()));
    auto remove = s.remove(id);
    QVERIFY(!remove && expectLocked(remove.error()));
    auto key = s.campaignKey(Campaign);
    QVERIFY(!key && expectLocked(key.error()));
    auto apply = s.applyRemote({});
    QVERIFY(!apply && expectLocked(apply.error()));

    auto unlocked = m_dev->vault().unlock(Passphrase);
    FL_VERIFY_OK(unlocked);
    QCOMPARE(journalLength(s), journalBefore);
    QCOMPARE(s.get(id)->fields.value(QStringLiteral("title")).toString(), QStringLiteral("t"));
    QVERIFY(s.update(id, {{QStringLiteral("title"), QStringLiteral("after unlock")}}));
    QCOMPARE(s.get(id)->fields.value(QStringLiteral("title")).toString(),
             QStringLiteral("after unlock"));
}

void TestStore::reopeningKeepsDataIdsAndClock() {
    QStringList ids;
    for (int i = 0; i < 3; ++i)
        ids.append(createNote({{QStringLiteral("n"), i}}));
    QVERIFY(m_dev->store().update(ids[0], {{QStringLiteral("n"), 10}}));
    // A clock 20 minutes ahead (observed from a remote device) must survive the restart, or
    // the next local edit would order before values this device already holds.
    QVERIFY(m_dev->store().clock().observe(hlc::make(nowMs() + 20 * 60 * 1000, 0)));
    ids.append(createNote({{QStringLiteral("n"), 3}}));
    const QList<JournalEntry> before = *m_dev->store().journal();
    QSet<QByteArray> changeIds;
    Hlc maxHlc = 0;
    quint64 maxSeq = 0;
    for (const JournalEntry &e : before) {
        changeIds.insert(e.change.id);
        maxHlc = std::max(maxHlc, e.change.hlc);
        maxSeq = std::max(maxSeq, sequenceOf(e.change.id));
    }
    const QByteArray device = m_dev->store().deviceId();

    FL_VERIFY_OK(m_dev->reopen());
    Store &s = m_dev->store();
    QCOMPARE(s.deviceId(), device);
    QCOMPARE(journalLength(s), int(before.size()));
    QCOMPARE(s.get(ids[0])->fields.value(QStringLiteral("n")).toInteger(), 10);
    QCOMPARE(s.get(ids[3])->fields.value(QStringLiteral("n")).toInteger(), 3);
    QCOMPARE(*s.count(Note, inCampaign()), 4);

    const QString fresh = createNote({{QStringLiteral("n"), 4}});
    QVERIFY(!fresh.isEmpty());
    const JournalEntry e = s.journal()->first();
    QVERIFY(!changeIds.contains(e.change.id));
    QCOMPARE(sequenceOf(e.change.id), maxSeq + 1);
    QVERIFY2(e.change.hlc > maxHlc, "clock went back across a restart");
    QVERIFY(s.update(ids[1], {{QStringLiteral("n"), 11}}));
    QVERIFY(s.journal()->first().change.hlc > e.change.hlc);
    QVERIFY(s.check()->ok());
}

void TestStore::clockOfPulledChangesSurvivesARestart() {
    // A device whose clock runs 20 minutes ahead (within the drift limit) sends a change.
    Device ahead;
    QVERIFY(ahead.create());
    QVERIFY(ahead.shareKeyFrom(*m_dev, Campaign));
    QVERIFY(ahead.store().clock().observe(hlc::make(nowMs() + 20 * 60 * 1000, 0)));
    auto id = ahead.store().create(Note, Campaign, {}, {{QStringLiteral("n"), 1}});
    QVERIFY(id);
    QVERIFY(introduce(*m_dev, ahead));
    const QList<ChangeSet> pulled = outbox(ahead.store());
    auto report = m_dev->store().applyRemote(pulled);
    QVERIFY(report);
    QCOMPARE(report->applied, 1);

    FL_VERIFY_OK(m_dev->reopen());
    // An edit made after the restart replaces the pulled value, so it must order after it.
    QVERIFY(m_dev->store().update(*id, {{QStringLiteral("n"), 2}}));
    QVERIFY(m_dev->store().journal()->first().change.hlc > pulled.first().hlc);
    QCOMPARE(m_dev->store().get(*id)->origins.value(QStringLiteral("n")).device(),
             m_dev->store().deviceId());
}

void TestStore::foreignSqliteFileIsRefusedUntouched() {
    const QString path = m_dev->dirPath() + QStringLiteral("/foreign.sqlite");
    {
        RawDb raw(path);
        QVERIFY(raw.isOpen());
        QVERIFY(raw.exec("CREATE TABLE contacts (name TEXT, phone TEXT);"
                         "INSERT INTO contacts VALUES ('x', '1');"));
    }
    const QByteArray bytes = readFile(path);
    QVERIFY(!bytes.isEmpty());

    Store other(m_dev->vault());
    auto r = other.open(path);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::ForeignFile);
    QVERIFY(!other.isOpen());
    other.close();
    QCOMPARE(readFile(path), bytes);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
}

void TestStore::nonDatabaseFileIsCorruptAndUntouched() {
    const QString path = m_dev->dirPath() + QStringLiteral("/random.db");
    QByteArray noise(8192, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(noise.data()),
                                          noise.size() / 4);
    QVERIFY(writeFile(path, noise));

    Store other(m_dev->vault());
    auto r = other.open(path);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Corrupt);
    QVERIFY(!other.isOpen());
    other.close();
    QCOMPARE(readFile(path), noise);
}

void TestStore::newerSchemaIsUnsupportedAndUntouched() {
    const QString id = createNote({{QStringLiteral("n"), 1}});
    QVERIFY(!id.isEmpty());
    m_dev->store().close();
    {
        RawDb raw(m_dev->dbPath());
        QVERIFY(raw.isOpen());
        const QByteArray sql =
            "PRAGMA user_version=" + QByteArray::number(schema::latestVersion() + 1);
        QVERIFY(raw.exec(sql.constData()));
    }
    const QByteArray bytes = readFile(m_dev->dbPath());
    auto r = m_dev->store().open(m_dev->dbPath());
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Unsupported);
    QVERIFY(!m_dev->store().isOpen());
    QCOMPARE(readFile(m_dev->dbPath()), bytes);
}

void TestStore::tamperedCiphertextIsAnIntegrityError() {
    const QString victim = createNote(
        {{QStringLiteral("title"), QStringLiteral("genuine")}, {QStringLiteral("n"), 1}});
    const QString bystander = createNote({{QStringLiteral("title"), QStringLiteral("other")}});
    m_dev->store().close();
    {
        RawDb raw(m_dev->dbPath());
        QVERIFY(raw.isOpen());
        QCborMap state =
            QCborValue::fromCbor(raw.blob("SELECT state FROM records WHERE id = ?", victim))
                .toMap();
        QCborArray entry = state.value(QStringLiteral("title")).toArray();
        QVERIFY(entry.size() >= 3);
        QByteArray ct = entry.last().toByteArray();
        QVERIFY(ct.size() > recordcipher::Overhead);
        ct[ct.size() / 2] = char(ct[ct.size() / 2] ^ 0x01);
        entry[entry.size() - 1] = ct;
        state[QStringLiteral("title")] = entry;
        QCOMPARE(raw.setBlob("UPDATE records SET state = ?1 WHERE id = ?2",
                             QCborValue(state).toCbor(), victim),
                 1);
    }
    QVERIFY(m_dev->store().open(m_dev->dbPath()));
    Store &s = m_dev->store();
    auto rec = s.get(victim);
    QVERIFY2(!rec, "a tampered value must not decrypt to anything");
    QCOMPARE(rec.error().code, ErrorCode::Integrity);
    auto page = s.list(Note, inCampaign());
    QVERIFY(!page);
    QCOMPARE(page.error().code, ErrorCode::Integrity);
    // Other records are unaffected.
    QCOMPARE(s.get(bystander)->fields.value(QStringLiteral("title")).toString(),
             QStringLiteral("other"));
}

void TestStore::checkIsOkOnAHealthyStore() {
    Store &s = m_dev->store();
    const QString a = createNote({{QStringLiteral("n"), 1}});
    const QString b = createNote({{QStringLiteral("n"), 2}});
    QVERIFY(s.update(a, {{QStringLiteral("n"), 3}, {QStringLiteral("m"), 1}}));
    QVERIFY(s.remove(b));
    auto report = s.check();
    FL_VERIFY_OK(report);
    QCOMPARE(report->integrity, QStringLiteral("ok"));
    QVERIFY2(report->ok(), qPrintable(report->mismatches.join(QLatin1Char('\n'))));
    QCOMPARE(report->records, 2);
    QCOMPARE(report->changeSets, 4);
}

void TestStore::checkReportsARolledBackRecordState() {
    Store &s = m_dev->store();
    const QString id = createNote({{QStringLiteral("title"), QStringLiteral("v1")}});
    const QString other = createNote({{QStringLiteral("title"), QStringLiteral("o")}});
    RawDb raw(m_dev->dbPath());
    QVERIFY(raw.isOpen());
    const QByteArray oldState = raw.blob("SELECT state FROM records WHERE id = ?", id);
    QVERIFY(!oldState.isEmpty());
    QVERIFY(s.update(id, {{QStringLiteral("title"), QStringLiteral("v2")}}));
    QVERIFY(s.check()->ok());

    // Put the earlier (valid, decryptable) state back: the row no longer matches the journal.
    QCOMPARE(raw.setBlob("UPDATE records SET state = ?1 WHERE id = ?2", oldState, id), 1);
    QCOMPARE(s.get(id)->fields.value(QStringLiteral("title")).toString(), QStringLiteral("v1"));
    auto report = s.check();
    QVERIFY(report);
    QCOMPARE(report->integrity, QStringLiteral("ok"));
    QVERIFY(!report->ok());
    QVERIFY(!report->mismatches.isEmpty());
    for (const QString &m : std::as_const(report->mismatches)) {
        QVERIFY2(m.contains(id), qPrintable(m));
        QVERIFY(!m.contains(other));
    }
}

void TestStore::checkReportsARecordMissingFromTheTable() {
    Store &s = m_dev->store();
    const QString id = createNote({{QStringLiteral("title"), QStringLiteral("v1")}});
    QVERIFY(!createNote({{QStringLiteral("title"), QStringLiteral("o")}}).isEmpty());
    RawDb raw(m_dev->dbPath());
    QCOMPARE(raw.setBlob("DELETE FROM records WHERE ?1 IS NOT NULL AND id = ?2", "x", id), 1);
    auto report = s.check();
    QVERIFY(report);
    QVERIFY(!report->ok());
    QCOMPARE(report->mismatches.size(), 1);
    QVERIFY(report->mismatches.first().contains(id));
}

void TestStore::pendingUnderCountsARecordItsChildrenAndGrandchildren() {
    Store &s = m_dev->store();
    const QString visit = createNote({{QStringLiteral("n"), 1}});
    const QString other = createNote({{QStringLiteral("n"), 2}});
    const QString finding = createNote({{QStringLiteral("n"), 3}}, visit);
    QVERIFY(s.update(finding, {{QStringLiteral("n"), 4}}));
    createNote({{QStringLiteral("n"), 5}}, finding); // a grandchild
    createNote({{QStringLiteral("n"), 6}}, createNote({{QStringLiteral("n"), 7}}, other));
    auto counts = s.pendingUnder({visit, other, QStringLiteral("unknown")});
    FL_VERIFY_OK(counts);
    QCOMPARE(counts->value(visit), 4); // itself, the finding twice, the grandchild
    QCOMPARE(counts->value(other), 3);
    QVERIFY(!counts->contains(QStringLiteral("unknown")));

    // Confirmed changes no longer count.
    const QList<ChangeSet> all = *s.pending(100);
    QList<QPair<QByteArray, qint64>> confirmed;
    for (const ChangeSet &cs : all) {
        if (cs.recordId == finding)
            confirmed.append({cs.id, 100 + confirmed.size()});
    }
    QVERIFY(s.markSynced(confirmed));
    QCOMPARE(s.pendingUnder({visit})->value(visit), 2);
}

void TestStore::outboxHasItsCountingIndexes() {
    // Schema 2: the visits page counts the outbox by record and by parent from two partial
    // indexes instead of the journal's rows (tens of MB with 50,000 changes waiting).
    QVERIFY(!createNote({{QStringLiteral("n"), 1}}).isEmpty());
    m_dev->store().close();
    RawDb raw(m_dev->dbPath());
    QVERIFY(raw.isOpen());
    QCOMPARE(raw.blob("PRAGMA user_version", {}), QByteArray::number(schema::latestVersion()));
    QVERIFY(schema::latestVersion() >= 2);
    for (const char *index : {"journal_pending_by_record", "journal_pending_by_parent"}) {
        const QByteArray sql =
            raw.blob("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?",
                     QLatin1String(index));
        QVERIFY2(sql.contains("WHERE local = 1 AND server_seq IS NULL"), index);
    }
}

void TestStore::pendingAndMarkSyncedBookkeeping() {
    Store &s = m_dev->store();
    QCOMPARE(*s.pendingCount(), 0);
    QVERIFY(s.pending(10)->isEmpty());
    const QString a = createNote({{QStringLiteral("n"), 1}});
    QVERIFY(s.update(a, {{QStringLiteral("n"), 2}}));
    const QString b = createNote({{QStringLiteral("n"), 3}});
    QCOMPARE(*s.pendingCount(), 3);

    const QList<JournalEntry> journal = *s.journal(); // newest first
    auto firstTwo = s.pending(2);
    QVERIFY(firstTwo);
    QCOMPARE(firstTwo->size(), 2);
    QCOMPARE(firstTwo->at(0).id, journal.at(2).change.id); // oldest first
    QCOMPARE(firstTwo->at(1).id, journal.at(1).change.id);
    QCOMPARE(firstTwo->at(0).recordId, a);
    QCOMPARE(firstTwo->at(0).serverSeq, 0);
    QVERIFY(!firstTwo->at(0).fields.isEmpty());

    QVERIFY(s.markSynced({{firstTwo->at(0).id, 11}, {firstTwo->at(1).id, 12}}));
    QCOMPARE(*s.pendingCount(), 1);
    auto rest = s.pending(10);
    QCOMPARE(rest->size(), 1);
    QCOMPARE(rest->first().recordId, b);
    QHash<QByteArray, qint64> seqs;
    const QList<JournalEntry> entries = *s.journal();
    for (const JournalEntry &e : entries)
        seqs.insert(e.change.id, e.change.serverSeq);
    QCOMPARE(seqs.value(firstTwo->at(0).id), 11);
    QCOMPARE(seqs.value(firstTwo->at(1).id), 12);
    QCOMPARE(seqs.value(rest->first().id), 0);

    // Confirming an id this store never had, or confirming again, changes nothing.
    QVERIFY(s.markSynced({{QByteArray(24, 'z'), 99}}));
    QVERIFY(s.markSynced({{firstTwo->at(0).id, 11}}));
    QCOMPARE(*s.pendingCount(), 1);

    // Changes pulled from another device are never pending here.
    Device other;
    QVERIFY(other.create());
    QVERIFY(other.shareKeyFrom(*m_dev, Campaign));
    QVERIFY(other.store().create(Note, Campaign, {}, {{QStringLiteral("n"), 7}}));
    QVERIFY(introduce(*m_dev, other));
    auto report = s.applyRemote(outbox(other.store()));
    QVERIFY(report);
    QCOMPARE(report->applied, 1);
    QCOMPARE(*s.pendingCount(), 1);
    QCOMPARE(journalLength(s), 4);
}

void TestStore::serverEchoOfOwnChangeMarksItSynced() {
    Store &s = m_dev->store();
    QVERIFY(!createNote({{QStringLiteral("n"), 1}}).isEmpty());
    QVERIFY(!createNote({{QStringLiteral("n"), 2}}).isEmpty());
    QList<ChangeSet> mine = *s.pending(10);
    QCOMPARE(mine.size(), 2);
    mine[0].serverSeq = 41; // the server stored it; the confirmation comes back in a pull
    auto report = s.applyRemote({mine[0]});
    QVERIFY(report);
    QCOMPARE(report->applied, 0);
    QCOMPARE(report->duplicates, 1);
    QVERIFY(report->rejected.isEmpty());
    QCOMPARE(*s.pendingCount(), 1);
    QCOMPARE(s.pending(10)->first().id, mine[1].id);
    QCOMPARE(journalLength(s), 2);
}

void TestStore::noPlaintextInAnyFileOfTheStore() {
    const QString secret = QStringLiteral("机密-ZEBRA-4417");
    Store &s = m_dev->store();
    QString marker;
    for (int i = 0; i < 20; ++i) {
        const QString id =
            createNote({{QStringLiteral("title"), secret + QString::number(i)},
                        {QStringLiteral("where"), QCborMap{{QStringLiteral("note"), secret}}},
                        {QStringLiteral("tags"), QCborArray{secret}}});
        QVERIFY(!id.isEmpty());
        QVERIFY(s.update(id, {{QStringLiteral("body"), QStringLiteral("about ") + secret}}));
        marker = id;
    }
    QVERIFY(s.get(marker)->fields.value(QStringLiteral("title")).toString().startsWith(secret));

    const QByteArray utf8 = secret.toUtf8();
    const QByteArray ascii("ZEBRA-4417");
    const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
    const auto scan = [&](const char *when) {
        int files = 0;
        bool sawMarker = false;
        QDirIterator it(m_dev->dirPath(), QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QByteArray bytes = readFile(path);
            ++files;
            QVERIFY2(!bytes.contains(utf8), qPrintable(path + QLatin1String(" ") + when));
            QVERIFY2(!bytes.contains(ascii), qPrintable(path + QLatin1String(" ") + when));
            QVERIFY2(!bytes.contains(utf16), qPrintable(path + QLatin1String(" ") + when));
            sawMarker = sawMarker || bytes.contains(marker.toUtf8());
        }
        QVERIFY(files >= 2); // the vault and the database at least
        // Positive control: the scan does see plaintext metadata (record ids) in the files.
        QVERIFY2(sawMarker, when);
    };
    scan("while open");
    QVERIFY(QFile::exists(m_dev->dbPath() + QStringLiteral("-wal")));
    m_dev->store().close();
    scan("after close");
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
