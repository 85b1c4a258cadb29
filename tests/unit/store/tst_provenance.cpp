// Signed, chained change sets in the store: what a device seals when it pushes, and what it
// refuses when it pulls (forged, altered, re-attributed, replayed, reordered, withheld).
#include "storetestsupport.h"

#include "change/canonical.h"
#include "change/changeid.h"
#include "change/provenance.h"

#include <QtTest>

using namespace fl;
using namespace fl::test;

namespace {

const QString Campaign = QStringLiteral("0b0e5a43-8a53-4c1e-a4f3-5c2f1d6b7e01");
const QString Note = QStringLiteral("note");

qint64 text(Store &s, const QString &id) {
    auto r = s.get(id);
    return r ? r->fields.value(QStringLiteral("text")).toInteger(-1) : -1;
}

} // namespace

class TestProvenance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        m_author = std::make_unique<Device>();
        m_reader = std::make_unique<Device>();
        QVERIFY(m_author->create());
        QVERIFY(m_reader->create());
        QVERIFY(m_author->store().write([](Writer &w) { return w.createCampaignKey(Campaign); }));
        QVERIFY(m_reader->shareKeyFrom(*m_author, Campaign));
        QVERIFY(introduce(*m_reader, *m_author));
        auto id = m_author->store().create(Note, Campaign, {}, {{QStringLiteral("text"), 1}});
        QVERIFY(id);
        m_record = *id;
        for (int i = 2; i <= 4; ++i)
            QVERIFY(m_author->store().update(m_record, {{QStringLiteral("text"), i}}));
        m_chain = outbox(m_author->store());
        QCOMPARE(m_chain.size(), 4);
    }

    void sealedOutboxIsOneSignedChain() {
        QByteArray prev;
        for (int i = 0; i < m_chain.size(); ++i) {
            const ChangeSet &cs = m_chain.at(i);
            QCOMPARE(cs.chainIndex, quint64(i + 1));
            QCOMPARE(cs.chainPrev, prev);
            QVERIFY(provenance::signatureValid(cs, m_author->vault().signingPublicKey()));
            prev = canonical::digest(cs);
        }
        // Sealing again changes nothing: a repeated push sends the same bytes.
        const QList<ChangeSet> again = outbox(m_author->store());
        for (int i = 0; i < again.size(); ++i)
            QCOMPARE(again.at(i).signature, m_chain.at(i).signature);
        // The seal is in the journal: it survives a restart.
        FL_VERIFY_OK(m_author->reopen());
        QCOMPARE(m_author->store().pending(10)->last().signature, m_chain.last().signature);
    }

    void honestChainApplies() {
        auto r = m_reader->store().applyRemote(m_chain);
        FL_VERIFY_OK(r);
        QCOMPARE(r->applied, 4);
        QVERIFY(r->rejected.isEmpty());
        QCOMPARE(text(m_reader->store(), m_record), 4);
        auto heads = m_reader->store().chainHeads(Campaign);
        QVERIFY(heads);
        QCOMPARE(heads->size(), 1);
        QCOMPARE(heads->first().index, quint64(4));
        QCOMPARE(heads->first().digest, canonical::digest(m_chain.last()));
    }

    void alteredValueIsRefusedForGood() {
        QVERIFY(m_reader->store().applyRemote(m_chain.mid(0, 1)));
        ChangeSet altered = m_chain.at(1);
        altered.fields[0].value[30] = char(altered.fields[0].value[30] ^ 1);
        expectRefused(altered, "bad_signature", true);
    }

    void reattributedChangeIsRefused() {
        // The server names another enrolled device as the author (and fixes the id to match).
        Device other;
        QVERIFY(other.create());
        QVERIFY(introduce(*m_reader, other));
        ChangeSet moved = m_chain.at(0);
        moved.device = other.vault().deviceId();
        moved.id = changeid::make(moved.device, changeid::sequence(moved.id));
        expectRefused(moved, "bad_signature", true);
    }

    void oldValueReplayedWithForgedPrevIsRefused() {
        // Revert: the first value again, claiming to replace the newest one.
        QVERIFY(m_reader->store().applyRemote(m_chain));
        ChangeSet replay = m_chain.at(0);
        replay.id = changeid::make(replay.device, 99);
        replay.fields[0].prev = {m_chain.last().id};
        replay.chainIndex = 5;
        replay.chainPrev = canonical::digest(m_chain.last());
        expectRefused(replay, "bad_signature", true);
        QCOMPARE(text(m_reader->store(), m_record), 4);
    }

    void reorderedChangeWaitsForItsPredecessor() {
        auto r = m_reader->store().applyRemote({m_chain.at(0), m_chain.at(2), m_chain.at(1)});
        FL_VERIFY_OK(r);
        QCOMPARE(r->applied, 2);
        QCOMPARE(r->rejected.size(), 1);
        QCOMPARE(r->rejected.first().id, m_chain.at(2).id);
        QCOMPARE(r->rejected.first().code, QStringLiteral("chain_gap"));
        QVERIFY(!r->rejected.first().final);
        // Offered again once its predecessor is in: it applies.
        r = m_reader->store().applyRemote({m_chain.at(2), m_chain.at(3)});
        FL_VERIFY_OK(r);
        QCOMPARE(r->applied, 2);
        QCOMPARE(text(m_reader->store(), m_record), 4);
        QVERIFY(m_reader->store().check()->ok());
    }

    void withheldChangeShowsAsAGap() {
        auto r = m_reader->store().applyRemote({m_chain.at(0), m_chain.at(1), m_chain.at(3)});
        FL_VERIFY_OK(r);
        QCOMPARE(r->applied, 2);
        QCOMPARE(r->rejected.first().code, QStringLiteral("chain_gap"));
        QCOMPARE(m_reader->store().chainHeads(Campaign)->first().index, quint64(2));
    }

    void secondChangeAtTheSamePlaceIsRefused() {
        // The author's key signs another change set for place 2 (a restored backup, or a
        // server replaying a signed change set into another chain position cannot do this
        // without the key): whichever comes second is refused.
        QVERIFY(m_reader->store().applyRemote(m_chain.mid(0, 2)));
        ChangeSet fork = m_chain.at(1);
        fork.id = changeid::make(fork.device, 77);
        fork.hlc += 1;
        auto key = m_author->store().campaignKey(Campaign);
        QVERIFY(key);
        const provenance::ChainHead head{1, canonical::digest(m_chain.at(0))};
        QVERIFY(provenance::seal(fork, head,
                                 [&](QByteArrayView m) { return m_author->vault().sign(m); }));
        expectRefused(fork, "chain_broken", true);
    }

    void unsignedAndUnknownAuthors() {
        ChangeSet bare = m_chain.at(0);
        bare.signature.clear();
        bare.chainIndex = 0;
        bare.chainPrev.clear();
        expectRefused(bare, "unsigned", true);

        Device stranger;
        QVERIFY(stranger.create());
        QVERIFY(stranger.shareKeyFrom(*m_author, Campaign));
        QVERIFY(stranger.store().create(Note, Campaign, {}, {{QStringLiteral("text"), 9}}));
        expectRefused(outbox(stranger.store()).first(), "unknown_author", false);
        // Once its key is known, the same change set applies.
        QVERIFY(introduce(*m_reader, stranger));
        auto r = m_reader->store().applyRemote(outbox(stranger.store()));
        QCOMPARE(r->applied, 1);
    }

    void aPinnedKeyIsNotReplaced() {
        Device other;
        QVERIFY(other.create());
        QVERIFY(introduce(*m_reader, other));
        auto swapped = m_reader->store().pinSigner(other.vault().deviceId(),
                                                   m_author->vault().signingPublicKey());
        QVERIFY(!swapped);
        QCOMPARE(swapped.error().code, ErrorCode::Conflict);
        QCOMPARE(*m_reader->store().signerKey(other.vault().deviceId()),
                 other.vault().signingPublicKey());
    }

    void refusedPushIsPlacedAnewAfterWhatTheServerKept() {
        // The server kept the first two and refused the third; the fourth, sent after it, was
        // refused as out of order. Both are sealed again from place 3.
        Store &s = m_author->store();
        QVERIFY(s.markSynced({{m_chain.at(0).id, 1}, {m_chain.at(1).id, 2}}));
        QVERIFY(s.unseal({m_chain.at(2).id, m_chain.at(3).id}));
        const QList<ChangeSet> resealed = outbox(s);
        QCOMPARE(resealed.size(), 2);
        QCOMPARE(resealed.at(0).chainIndex, quint64(3));
        QCOMPARE(resealed.at(0).chainPrev, canonical::digest(m_chain.at(1)));
        // Set aside the third for good: the fourth takes its place.
        QVERIFY(s.unseal({resealed.at(0).id}));
        QList<ChangeSet> onlyFourth = {*s.pending(10)};
        onlyFourth = onlyFourth.mid(1);
        QVERIFY(s.sealForPush(onlyFourth));
        QCOMPARE(onlyFourth.first().chainIndex, quint64(3));
        QVERIFY(
            provenance::signatureValid(onlyFourth.first(), m_author->vault().signingPublicKey()));
    }

private:
    void expectRefused(const ChangeSet &cs, const char *code, bool final) {
        const int journalBefore = journalLength(m_reader->store());
        auto r = m_reader->store().applyRemote({cs});
        FL_VERIFY_OK(r);
        QCOMPARE(r->applied, 0);
        QCOMPARE(r->rejected.size(), 1);
        QCOMPARE(r->rejected.first().code, QString::fromLatin1(code));
        QCOMPARE(r->rejected.first().final, final);
        QVERIFY(!r->rejected.first().error.message.isEmpty());
        QCOMPARE(journalLength(m_reader->store()), journalBefore);
    }

    std::unique_ptr<Device> m_author;
    std::unique_ptr<Device> m_reader;
    QString m_record;
    QList<ChangeSet> m_chain;
};

QTEST_GUILESS_MAIN(TestProvenance)
#include "tst_provenance.moc"
