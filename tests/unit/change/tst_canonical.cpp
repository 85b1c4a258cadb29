#include "change/canonical.h"
#include "change/changeid.h"

#include <QCborArray>
#include <QCborValue>
#include <QTest>
#include <QUuid>

using namespace fl;

namespace {

ChangeSet sample() {
    ChangeSet cs;
    cs.device = QByteArray(16, '\x11');
    cs.id = changeid::make(cs.device, 7);
    cs.recordType = QStringLiteral("finding");
    cs.recordId = QStringLiteral("8d3a6a0e-6a44-4f5b-9d7e-0c1a2b3c4d5e");
    cs.campaignId = QStringLiteral("c0ffee00-0000-4000-8000-000000000001");
    cs.parentId = QStringLiteral("visit-1");
    cs.hlc = hlc::make(1'767'225'600'000ull, 3);
    cs.chainIndex = 4;
    cs.chainPrev = QByteArray(32, '\x33');
    cs.fields = {
        FieldChange{
            QStringLiteral("title"),
            QByteArray("ciphertext-a"),
            {changeid::make(QByteArray(16, '\x22'), 9), changeid::make(QByteArray(16, '\x11'), 2)}},
        FieldChange{QStringLiteral("deduction"), QByteArray("ciphertext-b"), {}},
    };
    return cs;
}

} // namespace

class TestCanonical : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void encodingIsValidCborInTheDocumentedLayout() {
        const ChangeSet cs = sample();
        QCborParserError err;
        const QCborValue v = QCborValue::fromCbor(canonical::encode(cs), &err);
        QCOMPARE(err.error, QCborError::NoError);
        const QCborArray a = v.toArray();
        QCOMPARE(a.size(), 12);
        QCOMPARE(a.at(0).toString(), QStringLiteral("fl-changeset"));
        QCOMPARE(a.at(1).toInteger(), canonical::Version);
        QCOMPARE(a.at(2).toByteArray(), cs.id);
        QCOMPARE(a.at(3).toByteArray(), cs.device);
        QCOMPARE(a.at(4).toString(), cs.recordType);
        // UUIDs as their 16 bytes, as the wire carries them; other ids as text.
        QCOMPARE(a.at(5).toByteArray(), QUuid::fromString(cs.recordId).toRfc4122());
        QCOMPARE(a.at(6).toByteArray(), QUuid::fromString(cs.campaignId).toRfc4122());
        QCOMPARE(a.at(7).toString(), cs.parentId);
        QCOMPARE(a.at(8).toInteger(), qint64(cs.hlc));
        QCOMPARE(a.at(9).toInteger(), qint64(cs.chainIndex));
        QCOMPARE(a.at(10).toByteArray(), cs.chainPrev);
        const QCborArray fields = a.at(11).toArray();
        QCOMPARE(fields.size(), 2);
        // Field-name order, whatever order the author wrote them in.
        QCOMPARE(fields.at(0).toArray().at(0).toString(), QStringLiteral("deduction"));
        QCOMPARE(fields.at(1).toArray().at(0).toString(), QStringLiteral("title"));
        // Replaced ids in byte order.
        const QCborArray prev = fields.at(1).toArray().at(2).toArray();
        QVERIFY(prev.at(0).toByteArray() < prev.at(1).toByteArray());
    }

    void orderOfFieldsAndPrevDoesNotChangeTheBytes() {
        ChangeSet a = sample();
        ChangeSet b = sample();
        std::swap(b.fields[0], b.fields[1]);
        std::swap(b.fields[1].prev[0], b.fields[1].prev[1]);
        QCOMPARE(canonical::encode(a), canonical::encode(b));
        QCOMPARE(canonical::digest(a), canonical::digest(b));
        QCOMPARE(canonical::digest(a).size(), canonical::DigestSize);
    }

    void serverSequenceIsNotPartOfIt() {
        ChangeSet a = sample();
        ChangeSet b = sample();
        b.serverSeq = 42;
        QCOMPARE(canonical::digest(a), canonical::digest(b));
    }

    void everyDefiningPartChangesTheDigest_data() {
        QTest::addColumn<int>("part");
        const char *names[] = {"id",           "device",     "recordType", "recordId", "campaign",
                               "parent",       "clock",      "fieldName",  "value",    "prev",
                               "fieldDropped", "chainIndex", "chainPrev"};
        for (int i = 0; i < int(std::size(names)); ++i)
            QTest::newRow(names[i]) << i;
    }
    void everyDefiningPartChangesTheDigest() {
        QFETCH(int, part);
        const ChangeSet original = sample();
        ChangeSet cs = original;
        switch (part) {
        case 0:
            cs.id = changeid::make(cs.device, 8);
            break;
        case 1:
            cs.device[0] = '\x12';
            break;
        case 2:
            cs.recordType = QStringLiteral("interview");
            break;
        case 3:
            cs.recordId[0] = QLatin1Char('9');
            break;
        case 4:
            cs.campaignId[0] = QLatin1Char('d');
            break;
        case 5:
            cs.parentId = QString();
            break;
        case 6:
            cs.hlc += 1;
            break;
        case 7:
            cs.fields[0].field = QStringLiteral("titlf");
            break;
        case 8:
            cs.fields[1].value[0] = 'C';
            break;
        case 9:
            cs.fields[0].prev.removeLast();
            break;
        case 10:
            cs.fields.removeLast();
            break;
        case 11:
            cs.chainIndex += 1;
            break;
        case 12:
            cs.chainPrev[0] = '\x01';
            break;
        }
        QVERIFY(canonical::encode(cs) != canonical::encode(original));
        QVERIFY(canonical::digest(cs) != canonical::digest(original));
    }

    void signatureAndServerSequenceAreNotPartOfIt() {
        ChangeSet a = sample();
        ChangeSet b = sample();
        b.signature = QByteArray(64, '\x5a');
        b.serverSeq = 7;
        QCOMPARE(canonical::encode(a), canonical::encode(b));
    }

    void uuidSpellingDoesNotChangeTheBytes() {
        // The wire carries a UUID as 16 bytes and gives it back in lower case: an author who
        // wrote it in upper case must still be verified by those who pull it.
        ChangeSet a = sample();
        ChangeSet b = sample();
        b.recordId = b.recordId.toUpper();
        b.campaignId = b.campaignId.toUpper();
        QCOMPARE(canonical::encode(a), canonical::encode(b));
    }

    void emptyAndAbsentTextAreTheSame() {
        // A parent-less record encodes its parent as null, so a null QString and an empty one
        // (as a decoder may give either) sign alike.
        ChangeSet a = sample();
        ChangeSet b = sample();
        a.parentId = QString();
        b.parentId = QStringLiteral("");
        QCOMPARE(canonical::encode(a), canonical::encode(b));
    }
};

QTEST_GUILESS_MAIN(TestCanonical)
#include "tst_canonical.moc"
