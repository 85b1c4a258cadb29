#include "vault/recordcipher.h"

#include <QtTest>

#include <sodium.h>

using namespace fl;

namespace {

SecretKey keyFromHex(const char *hex) {
    const QByteArray raw = QByteArray::fromHex(hex);
    Q_ASSERT(raw.size() == qsizetype(SecretKey::Size));
    return SecretKey::fromBytes(reinterpret_cast<const unsigned char *>(raw.constData()));
}

} // namespace

class RecordCipherTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(ensureSodium()); }

    // draft-irtf-cfrg-xchacha-03, appendix A.3.1: proves we call the IETF XChaCha20-Poly1305
    // construction and lay out nonce || ciphertext || tag.
    void matchesXChaChaDraftKnownAnswerVector() {
        const SecretKey key = keyFromHex("808182838485868788898a8b8c8d8e8f"
                                         "909192939495969798999a9b9c9d9e9f");
        const QByteArray nonce = QByteArray::fromHex("404142434445464748494a4b4c4d4e4f"
                                                     "5051525354555657");
        const QByteArray aad = QByteArray::fromHex("50515253c0c1c2c3c4c5c6c7");
        const QByteArray plaintext("Ladies and Gentlemen of the class of '99: If I could offer "
                                   "you only one tip for the future, sunscreen would be it.");
        const QByteArray ciphertext =
            QByteArray::fromHex("bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
                                "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
                                "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
                                "21f9664c97637da9768812f615c68b13b52e");
        const QByteArray tag = QByteArray::fromHex("c0875924c1c7987947deafd8780acf49");

        const QByteArray sealed =
            recordcipher::detail::encryptWithNonce(key, plaintext, aad, nonce);
        QCOMPARE(sealed.toHex(), (nonce + ciphertext + tag).toHex());

        const auto opened = recordcipher::decrypt(key, sealed, aad);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QCOMPARE(opened.value(), plaintext);
    }

    void encryptWithNonceRejectsWrongNonceSize() {
        const SecretKey key = SecretKey::random();
        QVERIFY(
            recordcipher::detail::encryptWithNonce(key, "x", "", QByteArray(12, 'n')).isEmpty());
    }

    void roundTripRestoresPlaintext_data() {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("short") << QByteArray("Crack in north wall, 3 mm");
        QTest::newRow("binary") << QByteArray("\x00\x01\xff\x00", 4);
        QTest::newRow("large") << QByteArray(200000, 'z');
    }
    void roundTripRestoresPlaintext() {
        QFETCH(QByteArray, plaintext);
        const SecretKey key = SecretKey::random();
        const QByteArray ad = recordcipher::associatedData("finding", "f-1", "note", 42);
        const QByteArray sealed = recordcipher::encrypt(key, plaintext, ad);
        QCOMPARE(sealed.size(), plaintext.size() + recordcipher::Overhead);
        if (!plaintext.isEmpty())
            QVERIFY(!sealed.contains(plaintext));
        const auto opened = recordcipher::decrypt(key, sealed, ad);
        QVERIFY(opened.ok());
        QCOMPARE(opened.value(), plaintext);
    }

    void eachEncryptionUsesAFreshNonce() {
        const SecretKey key = SecretKey::random();
        const QByteArray a = recordcipher::encrypt(key, "same", "ad");
        const QByteArray b = recordcipher::encrypt(key, "same", "ad");
        QVERIFY(a != b);
        QVERIFY(a.left(24) != b.left(24));
    }

    void anyFlippedBitFailsIntegrity() {
        const SecretKey key = SecretKey::random();
        const QByteArray ad = recordcipher::associatedData("visit", "v-9", "status", 7);
        const QByteArray sealed = recordcipher::encrypt(key, "approved", ad);
        // Every byte: nonce, ciphertext and tag are all covered.
        for (qsizetype i = 0; i < sealed.size(); ++i) {
            QByteArray tampered = sealed;
            tampered[i] = char(tampered[i] ^ 0x01);
            const auto opened = recordcipher::decrypt(key, tampered, ad);
            QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("byte %1 not covered").arg(i)));
            QCOMPARE(opened.error().code, ErrorCode::Integrity);
        }
    }

    void truncatedOrExtendedCiphertextFailsIntegrity() {
        const SecretKey key = SecretKey::random();
        const QByteArray sealed = recordcipher::encrypt(key, "measurement 12.5", "ad");
        for (qsizetype n = 0; n < sealed.size(); ++n) {
            const auto opened = recordcipher::decrypt(key, sealed.left(n), "ad");
            QVERIFY(!opened.ok());
            QCOMPARE(opened.error().code, ErrorCode::Integrity);
        }
        const auto extended = recordcipher::decrypt(key, sealed + '\0', "ad");
        QVERIFY(!extended.ok());
        QCOMPARE(extended.error().code, ErrorCode::Integrity);
    }

    void integrityErrorMessageIsPlainAndLeaksNothing() {
        const SecretKey key = SecretKey::random();
        const auto opened = recordcipher::decrypt(key, QByteArray(10, 'x'), "ad");
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Integrity);
        QVERIFY(!opened.error().message.isEmpty());
        const QString keyHex = QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(key.data()), SecretKey::Size).toHex());
        QVERIFY(!opened.error().message.contains(keyHex));
    }

    void valueMovedToAnotherPlaceFailsIntegrity_data() {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<quint64>("hlc");
        QTest::newRow("other record type")
            << QByteArray("visit") << QByteArray("r-1") << QByteArray("note") << quint64(1000);
        QTest::newRow("other row")
            << QByteArray("finding") << QByteArray("r-2") << QByteArray("note") << quint64(1000);
        QTest::newRow("other field")
            << QByteArray("finding") << QByteArray("r-1") << QByteArray("title") << quint64(1000);
        QTest::newRow("older clock (replayed version)")
            << QByteArray("finding") << QByteArray("r-1") << QByteArray("note") << quint64(999);
        QTest::newRow("newer clock")
            << QByteArray("finding") << QByteArray("r-1") << QByteArray("note") << quint64(1001);
    }
    void valueMovedToAnotherPlaceFailsIntegrity() {
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, id);
        QFETCH(QByteArray, field);
        QFETCH(quint64, hlc);
        const SecretKey key = SecretKey::random();
        const QByteArray home = recordcipher::associatedData("finding", "r-1", "note", 1000);
        const QByteArray sealed = recordcipher::encrypt(key, "rusted bolt", home);
        QVERIFY(recordcipher::decrypt(key, sealed, home).ok());

        const auto moved =
            recordcipher::decrypt(key, sealed, recordcipher::associatedData(type, id, field, hlc));
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().code, ErrorCode::Integrity);
    }

    void wrongKeyFailsIntegrity() {
        const SecretKey key = SecretKey::random();
        const SecretKey other = SecretKey::random();
        const QByteArray sealed = recordcipher::encrypt(key, "secret", "ad");
        const auto opened = recordcipher::decrypt(other, sealed, "ad");
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Integrity);
    }

    // Concatenation without lengths would make these pairs collide.
    void associatedDataIsUnambiguous() {
        using recordcipher::associatedData;
        const QList<QByteArray> all{
            associatedData("ab", "c", "d", 1),  associatedData("a", "bc", "d", 1),
            associatedData("a", "b", "cd", 1),  associatedData("abc", "", "d", 1),
            associatedData("", "abc", "d", 1),  associatedData("a", "b", "c", 1),
            associatedData("a", "b", "c", 256), associatedData("a", "b", QByteArray("c\0", 2), 1),
            associatedData("a", "b", "", 1),
        };
        for (qsizetype i = 0; i < all.size(); ++i)
            for (qsizetype j = i + 1; j < all.size(); ++j)
                QVERIFY2(all[i] != all[j], qPrintable(QStringLiteral("%1 == %2").arg(i).arg(j)));
    }

    // Pins the byte layout: stored ciphertexts become unreadable if it ever changes.
    void associatedDataLayoutIsPinned() {
        const QByteArray ad =
            recordcipher::associatedData("visit", "id7", "f", 0x0102030405060708ULL);
        const QByteArray label("fieldledger/record/v1");
        QByteArray expected;
        const auto part = [&expected](const QByteArray &bytes) {
            expected +=
                QByteArray::fromHex(QByteArray::number(bytes.size(), 16).rightJustified(16, '0'));
            expected += bytes;
        };
        part(label);
        part("visit");
        part("id7");
        part("f");
        expected += QByteArray::fromHex("0102030405060708"); // big-endian clock
        QCOMPARE(ad.toHex(), expected.toHex());
    }

    void nullKeyIsRejected() {
        const SecretKey none;
        QVERIFY(recordcipher::encrypt(none, "x", "ad").isEmpty());
        const auto opened = recordcipher::decrypt(none, QByteArray(64, 'x'), "ad");
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(RecordCipherTest)
#include "tst_recordcipher.moc"
