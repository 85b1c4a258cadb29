// The store's own CBOR encoder must produce what Qt's decoder reads back as the same values.
#include "change/cborwriter.h"

#include <QTest>

#include <limits>

class CborWriterTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripsThroughQtsDecoder_data();
    void roundTripsThroughQtsDecoder();
    void lengthsUseTheShortestHeader();
};

void CborWriterTest::roundTripsThroughQtsDecoder_data() {
    QTest::addColumn<QCborValue>("value");
    for (qint64 n : {qint64(0), qint64(23), qint64(24), qint64(255), qint64(256), qint64(65535),
                     qint64(65536), qint64(4294967295LL), qint64(4294967296LL),
                     std::numeric_limits<qint64>::max(), qint64(-1), qint64(-24), qint64(-25),
                     qint64(-256), qint64(-257), std::numeric_limits<qint64>::min()})
        QTest::addRow("int %lld", n) << QCborValue(n);
    QTest::newRow("double") << QCborValue(3.5);
    QTest::newRow("integral double stays double") << QCborValue(2.0);
    QTest::newRow("negative double") << QCborValue(-1e300);
    QTest::newRow("text") << QCborValue(QStringLiteral("第二党支部未按期召开组织生活会"));
    QTest::newRow("long text") << QCborValue(QString(70000, QChar(u'述')));
    QTest::newRow("empty text") << QCborValue(QString());
    QTest::newRow("bytes") << QCborValue(QByteArray("\x00\x01\xff", 3));
    QTest::newRow("true") << QCborValue(true);
    QTest::newRow("false") << QCborValue(false);
    QTest::newRow("null") << QCborValue(nullptr);
    QTest::newRow("nested") << QCborValue(
        QCborMap{{QStringLiteral("lat"), 31.23},
                 {QStringLiteral("ids"), QCborArray{QStringLiteral("a"), 7, QByteArray("x")}},
                 {QStringLiteral("empty"), QCborMap{}}});
}

void CborWriterTest::roundTripsThroughQtsDecoder() {
    QFETCH(QCborValue, value);
    const QByteArray encoded = fl::cbor::encode(value);
    QCborParserError err;
    const QCborValue decoded = QCborValue::fromCbor(encoded, &err);
    QCOMPARE(err.error, QCborError::NoError);
    QCOMPARE(decoded, value);
    QCOMPARE(decoded.type(), value.type());
}

void CborWriterTest::lengthsUseTheShortestHeader() {
    QCOMPARE(fl::cbor::encode(QCborValue(23)).size(), 1);
    QCOMPARE(fl::cbor::encode(QCborValue(24)).size(), 2);
    QCOMPARE(fl::cbor::encode(QCborValue(QByteArray(300, 'x'))).size(), 303);
    // Same bytes as Qt for the shapes the store writes.
    const QCborArray shape{QStringLiteral("title"), QByteArray(40, 'c'), QCborArray{}};
    QCOMPARE(fl::cbor::encode(shape), QCborValue(shape).toCbor());
}

QTEST_GUILESS_MAIN(CborWriterTest)
#include "tst_cborwriter.moc"
