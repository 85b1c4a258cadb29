// The verifier behind `fieldledger-cli verify`: an honest round passes; any byte changed, any
// change set deleted, re-attributed or doubled is found and named.
#include "change/canonical.h"
#include "change/chainaudit.h"
#include "change/changeid.h"
#include "change/provenance.h"

#include <QRandomGenerator>
#include <QTest>

#include <sodium.h>

using namespace fl;

namespace {

const QString Campaign = QStringLiteral("0b0e5a43-8a53-4c1e-a4f3-5c2f1d6b7e01");

struct Author {
    QByteArray id = QByteArray(16, Qt::Uninitialized);
    QByteArray pk = QByteArray(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized);
    QByteArray sk = QByteArray(crypto_sign_SECRETKEYBYTES, Qt::Uninitialized);
    provenance::ChainHead head;
    quint64 seq = 0;
    Author() {
        randombytes_buf(id.data(), size_t(id.size()));
        crypto_sign_keypair(reinterpret_cast<unsigned char *>(pk.data()),
                            reinterpret_cast<unsigned char *>(sk.data()));
    }
    ChangeSet next(quint64 clock) {
        ChangeSet cs;
        cs.device = id;
        cs.id = changeid::make(id, ++seq);
        cs.recordType = QStringLiteral("finding");
        cs.recordId = QStringLiteral("record-%1").arg(seq % 50);
        cs.campaignId = Campaign;
        cs.hlc = hlc::make(clock, 0);
        QByteArray value(48, Qt::Uninitialized);
        randombytes_buf(value.data(), size_t(value.size()));
        cs.fields = {{QStringLiteral("title"), value, {}}};
        head = *provenance::seal(cs, head, [this](QByteArrayView m) {
            QByteArray sig(crypto_sign_BYTES, Qt::Uninitialized);
            crypto_sign_detached(reinterpret_cast<unsigned char *>(sig.data()), nullptr,
                                 reinterpret_cast<const unsigned char *>(m.data()),
                                 quint64(m.size()),
                                 reinterpret_cast<const unsigned char *>(sk.constData()));
            return Result<QByteArray>(sig);
        });
        cs.serverSeq = qint64(clock);
        return cs;
    }
};

} // namespace

class TestChainAudit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(sodium_init() >= 0);
        m_authors.resize(4);
        // 10,000 change sets of four authors, interleaved as a server stores them.
        for (quint64 i = 1; i <= 10'000; ++i)
            m_round.append(m_authors[int(i % 4)].next(1'767'225'600'000ull + i));
    }

    void honestRoundPasses() {
        const audit::Report r = audit::run(m_round, keys(), m_round);
        QVERIFY2(r.ok(), qPrintable(r.findings.value(0).detail));
        QCOMPARE(r.changeSets, 10'000);
        QCOMPARE(r.devices.size(), 4);
        for (const audit::DeviceChain &d : r.devices) {
            QCOMPARE(d.verified, 2'500);
            QCOMPARE(d.headIndex, quint64(2'500));
        }
        // The order the server hands them out in does not matter.
        QList<ChangeSet> shuffled = m_round;
        std::shuffle(shuffled.begin(), shuffled.end(), *QRandomGenerator::global());
        QVERIFY(audit::run(shuffled, keys()).ok());
    }

    void anyFlippedByteIsNamed_data() {
        QTest::addColumn<int>("part");
        int part = 0;
        for (const char *name :
             {"value", "clock", "record", "prev", "chainPrev", "signature", "place", "type"})
            QTest::newRow(name) << part++;
    }
    void anyFlippedByteIsNamed() {
        QFETCH(int, part);
        QList<ChangeSet> tampered = m_round;
        const int victim = 1 + int(QRandomGenerator::global()->bounded(9'998));
        ChangeSet &cs = tampered[victim];
        switch (part) {
        case 0:
            cs.fields[0].value[7] = char(cs.fields[0].value[7] ^ 0x01);
            break;
        case 1:
            cs.hlc ^= 1;
            break;
        case 2:
            cs.recordId[0] = QLatin1Char('R');
            break;
        case 3:
            cs.fields[0].prev.append(changeid::make(cs.device, 1));
            break;
        case 4:
            cs.chainPrev[0] = char(cs.chainPrev[0] ^ 0x01);
            break;
        case 5:
            cs.signature[3] = char(cs.signature[3] ^ 0x01);
            break;
        case 6:
            cs.chainIndex += 1;
            break;
        case 7:
            cs.recordType = QStringLiteral("findinh");
            break;
        }
        const audit::Report r = audit::run(tampered, keys());
        QVERIFY(!r.ok());
        QCOMPARE(r.findings.first().code, QStringLiteral("bad_signature"));
        QCOMPARE(r.findings.first().changeId, m_round[victim].id);
    }

    void deletedChangeSetIsNamed() {
        // Mid-chain: the gap names the author and the place.
        QList<ChangeSet> withheld = m_round;
        const ChangeSet gone = withheld.takeAt(5'001);
        audit::Report r = audit::run(withheld, keys());
        QVERIFY(!r.ok());
        QCOMPARE(r.findings.size(), 1);
        QCOMPARE(r.findings.first().code, QStringLiteral("chain_gap"));
        QCOMPARE(r.findings.first().device, gone.device);
        QCOMPARE(r.findings.first().place, gone.chainIndex);

        // The last of a chain leaves no gap; the checking device's own copy names it.
        QList<ChangeSet> cut = m_round;
        const ChangeSet last = cut.takeLast();
        QVERIFY(audit::run(cut, keys()).ok());
        r = audit::run(cut, keys(), m_round);
        QCOMPARE(r.findings.size(), 1);
        QCOMPARE(r.findings.first().code, QStringLiteral("missing_on_server"));
        QCOMPARE(r.findings.first().changeId, last.id);
    }

    void reattributedDoubledAndUnsignedAreNamed() {
        QList<ChangeSet> round = m_round;
        round[10].device = m_authors[0].id == round[10].device ? m_authors[1].id : m_authors[0].id;
        round[10].id = changeid::make(round[10].device, 90'000);
        round[20].signature.clear();
        const audit::Report r = audit::run(round, keys());
        QStringList codes;
        for (const audit::Finding &f : r.findings)
            codes.append(f.code);
        QVERIFY(codes.contains(QStringLiteral("bad_signature")));
        QVERIFY(codes.contains(QStringLiteral("unsigned")));
        // The places they held are now missing from their authors' chains.
        QVERIFY(codes.contains(QStringLiteral("chain_gap")));

        // A change set copied to a second row of the server's log holds a place twice.
        QList<ChangeSet> doubled = m_round;
        ChangeSet copy = doubled[40];
        doubled.append(copy);
        const audit::Report d = audit::run(doubled, keys());
        QCOMPARE(d.findings.size(), 1);
        QCOMPARE(d.findings.first().code, QStringLiteral("chain_broken"));
    }

    void unknownKeyIsNamed() {
        const audit::Report r =
            audit::run(m_round.mid(0, 8), [](const QByteArray &) { return QByteArray(); });
        QCOMPARE(r.findings.size(), 8);
        QCOMPARE(r.findings.first().code, QStringLiteral("unknown_author"));
    }

private:
    audit::KeyLookup keys() const {
        return [this](const QByteArray &device) {
            for (const Author &a : m_authors) {
                if (a.id == device)
                    return a.pk;
            }
            return QByteArray();
        };
    }
    QList<Author> m_authors;
    QList<ChangeSet> m_round;
};

QTEST_GUILESS_MAIN(TestChainAudit)
#include "tst_chainaudit.moc"
