#pragma once
// Push, pull and idempotency as a client sees them; run against SQLite and PostgreSQL alike.

#include "servertestsupport.h"

#include <QElapsedTimer>
#include <QTest>

namespace fltest {

/// Compares what was pushed with what was pulled: ids, metadata, and every value byte for byte.
inline bool sameChange(const fl::ChangeSet &pushed, const fl::ChangeSet &pulled) {
    if (pushed.id != pulled.id || pushed.device != pulled.device ||
        pushed.recordId != pulled.recordId || pushed.recordType != pulled.recordType ||
        pushed.campaignId != pulled.campaignId || pushed.parentId != pulled.parentId ||
        pushed.hlc != pulled.hlc || pushed.fields.size() != pulled.fields.size())
        return false;
    for (qsizetype i = 0; i < pushed.fields.size(); ++i) {
        const fl::FieldChange &a = pushed.fields.at(i);
        const fl::FieldChange &b = pulled.fields.at(i);
        if (a.field != b.field || a.value != b.value || a.prev != b.prev)
            return false;
    }
    return true;
}

inline qint64 storedChanges(Fixture &f) {
    return qint64(f.admin({QStringLiteral("stats"), QStringLiteral("--json")})
                      .json()
                      .value(QStringLiteral("changes"))
                      .toDouble(-1));
}

/// The core contract: stored with sequences, repeated pushes answered the same and stored once,
/// pulled back page by page in sequence order, identical to what was pushed.
inline void pushPullIdempotencyScenario(Fixture &f) {
    QList<fl::ChangeSet> batch;
    for (quint64 i = 1; i <= 30; ++i) {
        fl::ChangeSet cs = makeChange(f.alice, i, f.campaign, newUuid());
        if (i == 2)
            cs.fields[0].prev = {batch.first().id}; // replaced values travel too
        batch.append(cs);
    }
    const HttpReply first = f.http->push(f.alice, batch);
    QCOMPARE(first.status, 200);
    auto r1 = fl::wire::decodePushResult(first.body);
    QVERIFY(r1.ok());
    QCOMPARE(r1->stored.size(), 30);
    QVERIFY(r1->rejected.isEmpty());
    for (qsizetype i = 0; i < r1->stored.size(); ++i) {
        QCOMPARE(r1->stored.at(i).first, batch.at(i).id);
        if (i)
            QVERIFY(r1->stored.at(i).second > r1->stored.at(i - 1).second);
    }

    // The answer was lost: the device pushes the same batch again.
    const HttpReply again = f.http->push(f.alice, batch);
    QCOMPARE(again.status, 200);
    auto r2 = fl::wire::decodePushResult(again.body);
    QVERIFY(r2.ok());
    QCOMPARE(r2->stored, r1->stored);
    QCOMPARE(storedChanges(f), 30);

    // Old and new together: the old keep their sequences, the new get later ones.
    QList<fl::ChangeSet> mixed = batch.mid(20);
    for (quint64 i = 31; i <= 35; ++i)
        mixed.append(makeChange(f.alice, i, f.campaign, newUuid()));
    auto r3 = fl::wire::decodePushResult(f.http->push(f.alice, mixed).body);
    QVERIFY(r3.ok());
    QCOMPARE(r3->stored.size(), 15);
    QCOMPARE(r3->stored.mid(0, 10), r1->stored.mid(20));
    QVERIFY(r3->stored.at(10).second > r1->stored.last().second);
    batch += mixed.mid(10);
    QCOMPARE(storedChanges(f), 35);

    // The office pulls in pages of 10: four pages, in order, byte for byte what was pushed.
    int pages = 0;
    const auto pulled = f.http->pullAll(f.office, 10, &pages);
    QVERIFY(pulled.has_value());
    QCOMPARE(pages, 4);
    QCOMPARE(pulled->size(), 35);
    for (qsizetype i = 0; i < pulled->size(); ++i) {
        QVERIFY2(sameChange(batch.at(i), pulled->at(i)), qPrintable(QString::number(i)));
        if (i)
            QVERIFY(pulled->at(i).serverSeq > pulled->at(i - 1).serverSeq);
    }

    // A pull from the last cursor is empty and says so.
    auto last = fl::wire::decodePullPage(f.http->pull(f.office, pulled->last().serverSeq).body);
    QVERIFY(last.ok());
    QVERIFY(last->changeSets.isEmpty());
    QVERIFY(!last->more);
    QCOMPARE(last->next, pulled->last().serverSeq);
}

/// The largest batch the protocol allows: stored in one push (several multi-row statements and
/// lookups on the server), served back in one page of the largest size.
inline void fullBatchScenario(Fixture &f) {
    const int max = fl::wire::Limits{}.maxChangeSets;
    QList<fl::ChangeSet> batch;
    for (int i = 1; i <= max; ++i)
        batch.append(makeChange(f.alice, quint64(i), f.campaign, newUuid()));
    QElapsedTimer timer;
    timer.start();
    const HttpReply r = f.http->push(f.alice, batch);
    const qint64 pushMs = timer.restart();
    QCOMPARE(r.status, 200);
    auto result = fl::wire::decodePushResult(r.body);
    QVERIFY(result.ok());
    QCOMPARE(result->stored.size(), max);
    const HttpReply again = f.http->push(f.alice, batch);
    const qint64 repeatMs = timer.restart();
    QCOMPARE(fl::wire::decodePushResult(again.body)->stored, result->stored);
    auto page = fl::wire::decodePullPage(f.http->pull(f.office, 0, max).body);
    const qint64 pullMs = timer.elapsed();
    QVERIFY(page.ok());
    QCOMPARE(page->changeSets.size(), max);
    QVERIFY(!page->more);
    qInfo("%d change sets: push %lld ms, repeated push %lld ms, pull %lld ms", max, pushMs,
          repeatMs, pullMs);
}

} // namespace fltest
