// BodyBudget packs change sets into push bodies and pull pages that, once encoded, stay within
// their limit: its bound is never below what the encoders write.
#include "sync/protocol/bodybudget.h"
#include "sync/protocol/wire.h"

#include <QRandomGenerator>
#include <QtEndian>
#include <QTest>
#include <QUuid>

using namespace fl;

namespace {

QByteArray randomBytes(QRandomGenerator &rng, qsizetype n) {
    QByteArray b(n, Qt::Uninitialized);
    for (char &c : b)
        c = char(rng.generate());
    return b;
}

QString randomId(QRandomGenerator &rng) {
    // Mostly UUIDs (16 bytes on the wire), sometimes other text ids.
    if (rng.bounded(4) == 0)
        return QStringLiteral("id-") + QString::number(rng.generate64()) + QStringLiteral("-记录");
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// A change set of `device` with random ids, names, values and replaced values.
ChangeSet randomChange(QRandomGenerator &rng, const QByteArray &device, quint64 seq,
                       qsizetype maxValue) {
    ChangeSet cs;
    cs.device = device;
    cs.id = device;
    cs.id.resize(24);
    qToBigEndian(seq, cs.id.data() + 16);
    cs.recordType = QStringLiteral("type%1").arg(rng.bounded(5));
    cs.recordId = randomId(rng);
    cs.campaignId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    cs.parentId = rng.bounded(2) ? randomId(rng) : QString();
    cs.hlc = Hlc((quint64(1) << 62) + rng.generate64() % (quint64(1) << 40));
    const int fields = 1 + int(rng.bounded(6));
    for (int f = 0; f < fields; ++f) {
        FieldChange fc;
        fc.field = QStringLiteral("field_%1").arg(rng.bounded(40));
        fc.value = randomBytes(rng, rng.bounded(int(maxValue)));
        for (quint32 p = rng.bounded(3); p > 0; --p)
            fc.prev.append(randomBytes(rng, 24));
        cs.fields.append(fc);
    }
    // Sealed, as every change set is on the wire (place, previous digest, signature).
    cs.chainIndex = seq;
    cs.chainPrev = QByteArray(32, 'p'); // not from rng: the fields' draw stays as it was
    cs.signature = QByteArray(64, 's');
    return cs;
}

} // namespace

class BodyBudgetTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pagesAndPushesStayWithinTheirLimit_data();
    void pagesAndPushesStayWithinTheirLimit();
    void firstChangeSetAlwaysGoesIn();
    void changeSetAsLargeAsAPushFitsAPageAlone();
};

void BodyBudgetTest::pagesAndPushesStayWithinTheirLimit_data() {
    QTest::addColumn<qsizetype>("limit");
    QTest::addColumn<qsizetype>("maxValue");
    QTest::newRow("many small") << qsizetype(256 * 1024) << qsizetype(300);
    QTest::newRow("mixed") << qsizetype(2 * 1024 * 1024) << qsizetype(70000);
    QTest::newRow("large values") << qsizetype(4 * 1024 * 1024) << qsizetype(900000);
}

void BodyBudgetTest::pagesAndPushesStayWithinTheirLimit() {
    QFETCH(qsizetype, limit);
    QFETCH(qsizetype, maxValue);
    QRandomGenerator rng(quint32(limit ^ maxValue));
    const QList<QByteArray> devices = {randomBytes(rng, 16), randomBytes(rng, 16),
                                       randomBytes(rng, 16)};
    for (int round = 0; round < 5; ++round) {
        // A pull page of several devices' change sets, as the server packs it.
        wire::BodyBudget pageBudget(limit);
        wire::PullPage page;
        page.next = std::numeric_limits<qint64>::max();
        page.more = true;
        for (quint64 seq = 1;; ++seq) {
            ChangeSet cs = randomChange(rng, devices.at(rng.bounded(3)), seq, maxValue);
            cs.serverSeq = qint64(seq) << 40;
            if (!pageBudget.admit(cs))
                break;
            page.changeSets.append(cs);
        }
        const qsizetype pageBytes = wire::encodePullPage(page).size();
        QVERIFY2(pageBytes <= limit,
                 qPrintable(QStringLiteral("%1 > %2").arg(pageBytes).arg(limit)));
        QVERIFY(pageBytes <= pageBudget.used());
        QVERIFY(page.changeSets.size() > 1);

        // A push of one device's change sets, as the client batches it.
        wire::BodyBudget pushBudget(limit);
        QList<ChangeSet> batch;
        for (quint64 seq = 1;; ++seq) {
            const ChangeSet cs = randomChange(rng, devices.first(), seq, maxValue);
            if (!pushBudget.admit(cs))
                break;
            batch.append(cs);
        }
        const qsizetype pushBytes = wire::encodePush(devices.first(), batch).size();
        QVERIFY(pushBytes <= limit);
        QVERIFY(pushBytes <= pushBudget.used());
        // The bound costs little room: the body is filled to most of its limit.
        QVERIFY2(pushBytes > limit * 0.7 - maxValue * 6,
                 qPrintable(QStringLiteral("%1 of %2").arg(pushBytes).arg(limit)));
    }
}

void BodyBudgetTest::firstChangeSetAlwaysGoesIn() {
    QRandomGenerator rng(7);
    wire::BodyBudget budget(100);
    const QByteArray device = randomBytes(rng, 16);
    QVERIFY(budget.admit(randomChange(rng, device, 1, 5000)));
    QVERIFY(!budget.admit(randomChange(rng, device, 2, 10)));
}

void BodyBudgetTest::changeSetAsLargeAsAPushFitsAPageAlone() {
    // The largest change set a push can carry, served back in a page of its own.
    QRandomGenerator rng(11);
    const QByteArray device = randomBytes(rng, 16);
    ChangeSet cs = randomChange(rng, device, 1, 10);
    cs.fields.clear();
    for (int f = 0; f < 17; ++f) // values are limited to 1 MiB each
        cs.fields.append({QStringLiteral("f%1").arg(f), QByteArray(1000000, char(f)), {}});
    const qsizetype base = wire::encodePush(device, {cs}).size();
    cs.fields.last().value.resize(cs.fields.last().value.size() + wire::MaxPushBodyBytes - base);
    QCOMPARE(wire::encodePush(device, {cs}).size(), wire::MaxPushBodyBytes);
    QVERIFY(wire::decodePush(wire::encodePush(device, {cs}), device));

    cs.serverSeq = std::numeric_limits<qint64>::max();
    wire::PullPage page;
    page.changeSets = {cs};
    page.next = cs.serverSeq;
    const QByteArray encoded = wire::encodePullPage(page);
    QVERIFY(encoded.size() > wire::MaxPushBodyBytes);
    QVERIFY(encoded.size() <= wire::MaxPullPageBytes);
    QVERIFY(wire::decodePullPage(encoded)); // what a device accepts
    wire::BodyBudget budget(wire::MaxPullPageBytes);
    QVERIFY(budget.admit(cs));
    QVERIFY(budget.used() <= wire::MaxPullPageBytes);
}

QTEST_GUILESS_MAIN(BodyBudgetTest)
#include "tst_bodybudget.moc"
