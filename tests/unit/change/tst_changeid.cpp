#include "change/changeid.h"

#include <QTest>

using namespace fl;

class TestChangeId : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void idIsDeviceThenBigEndianSequence() {
        const QByteArray device(16, '\x5a');
        const QByteArray id = changeid::make(device, 0x0102030405060708ull);
        QCOMPARE(id.size(), changeid::Size);
        QCOMPARE(id.left(16), device);
        QCOMPARE(id.mid(16), QByteArray::fromHex("0102030405060708"));
        QVERIFY(changeid::isValid(id));
        QCOMPARE(changeid::device(id), device);
        QCOMPARE(changeid::sequence(id), 0x0102030405060708ull);
    }

    void idsOfOneDeviceSortBySequence() {
        const QByteArray device = QByteArray::fromHex("00112233445566778899aabbccddeeff");
        QVERIFY(changeid::make(device, 255) < changeid::make(device, 256));
        QVERIFY(changeid::make(device, 1) < changeid::make(device, ~quint64(0)));
    }

    void malformedIdHasNoSequence() {
        QVERIFY(!changeid::isValid(QByteArray(23, 'x')));
        QCOMPARE(changeid::sequence(QByteArray(23, 'x')), 0u);
        QCOMPARE(changeid::sequence(QByteArray(25, 'x')), 0u);
    }
};

QTEST_GUILESS_MAIN(TestChangeId)
#include "tst_changeid.moc"
