// The finding editor's location: a fix taken from a real position plugin (Qt's "nmea" plugin
// replaying an NMEA log with known coordinates), saved encrypted with the finding, refreshed
// and cleared; and the paths where there is no position source, which leave the finding
// editable. Positions are sensitive: nothing said while locating may contain them.

#include "apptestsupport.h"
#include "findingeditor.h"
#include "positionfinder.h"

#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

using namespace fl;
using namespace fl::app;

namespace {

// "$<body>*<checksum>", the checksum being the XOR of the body's bytes.
QByteArray sentence(const QByteArray &body) {
    quint8 sum = 0;
    for (const char c : body)
        sum ^= quint8(c);
    return '$' + body + '*' + QByteArray::number(sum, 16).rightJustified(2, '0').toUpper() + "\r\n";
}

// 30.274150° N, 120.155150° E (杭州), 12.5 m up, HDOP 0.9; GST: 1σ errors 3.0 m north and
// 4.0 m east. Several epochs, so that a source reading ahead still finds a fix.
QByteArray hangzhouLog(const QByteArray &lat = "3016.4490", const QByteArray &lon = "12009.3090",
                       const QByteArray &hhmm = "0215") {
    QByteArray log;
    for (int s = 10; s < 16; ++s) {
        const QByteArray t = hhmm + QByteArray::number(s) + ".00";
        log += sentence("GPGGA," + t + "," + lat + ",N," + lon + ",E,1,09,0.9,12.5,M,7.0,M,,");
        log += sentence("GPGSA,A,3,04,05,09,12,17,20,24,25,28,1.6,0.9,1.3");
        log += sentence("GPGST," + t + ",5.0,3.0,2.0,30.0,3.0,4.0,6.0");
        log += sentence("GPRMC," + t + ",A," + lat + ",N," + lon + ",E,0.0,0.0,261126,,,A");
    }
    return log;
}

// Every message Qt or the app prints while the test runs.
QStringList s_messages;
QtMessageHandler s_previous = nullptr;
void collect(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    s_messages.append(message);
    if (s_previous)
        s_previous(type, context, message);
}

} // namespace

class TstFindingLocation : public QObject {
    Q_OBJECT

    test::AppFixture m_fx;
    test::Round m_round;
    QTemporaryDir m_logs;

    QString writeLog(const QString &name, const QByteArray &content) {
        const QString path = m_logs.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            return {};
        return path;
    }

    QString newFinding(const QString &title) {
        auto f = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[0], title);
        return f ? f->id : QString();
    }

private Q_SLOTS:
    void initTestCase() {
        // QtPositioning hides the plugins marked "Testable": false (nmea, geoclue2) from
        // processes that QtTest runs; this test means to run the real nmea plugin.
        qunsetenv("QT_QTESTLIB_RUNNING");
        QVERIFY(m_fx.start());
        auto round = test::makeRound(m_fx.inspection());
        FL_VERIFY_OK(round);
        m_round = *round;
        s_previous = qInstallMessageHandler(collect);
    }

    void cleanupTestCase() { qInstallMessageHandler(s_previous); }

    void fixFromNmeaLogIsSavedWithTheFindingAndNeverLogged() {
        const QString log = writeLog(QStringLiteral("hangzhou.nmea"), hangzhouLog());
        QVERIFY(!log.isEmpty());
        const QString id = newFinding(QStringLiteral("宣传栏内容未更新"));
        QVERIFY(!id.isEmpty());
        FindingEditor editor;
        editor.setServices(&m_fx.services());
        editor.setFindingId(id);
        QVERIFY(!editor.hasLocation());
        // With the receiver's range error, Qt reports 2 × HDOP × UERE = 2 × 0.9 × 5 m.
        editor.positionFinder()->usePlugin(QStringLiteral("nmea"),
                                           {{QStringLiteral("nmea.source"), log},
                                            {QLatin1String(PositionFinder::UereParameter), 5.0}});
        editor.positionFinder()->setTimeout(10'000);
        s_messages.clear();

        editor.locate();
        QVERIFY2(editor.positionFinder()->isBusy() || editor.hasLocation(),
                 qPrintable(editor.positionFinder()->message()));
        QTRY_VERIFY_WITH_TIMEOUT(editor.hasLocation(), 15'000);
        QVERIFY(!editor.positionFinder()->isBusy());
        QVERIFY2(editor.positionFinder()->message().isEmpty(),
                 qPrintable(editor.positionFinder()->message()));
        QVERIFY(editor.isSaved());

        // In the store (encrypted, with the finding), as the log said.
        const Finding stored = test::storedFinding(m_fx.inspection(), id);
        QVERIFY(stored.location.has_value());
        QVERIFY(qAbs(stored.location->latitude - 30.274150) < 1e-6);
        QVERIFY(qAbs(stored.location->longitude - 120.155150) < 1e-6);
        QVERIFY(qAbs(stored.location->altitude - 12.5) < 1e-6);
        QCOMPARE(stored.location->accuracy, 9.0);
        QVERIFY(editor.locationText().contains(QStringLiteral("30.274150° N")));
        QVERIFY(editor.locationText().contains(QStringLiteral("120.155150° E")));
        QCOMPARE(editor.accuracyText(), QStringLiteral("± 9.0 m"));

        // Nothing said while locating carries the position.
        for (const QString &m : std::as_const(s_messages)) {
            QVERIFY2(!m.contains(QStringLiteral("30.27")) && !m.contains(QStringLiteral("3016.")),
                     qPrintable(m));
            QVERIFY2(!m.contains(QStringLiteral("120.15")) && !m.contains(QStringLiteral("12009.")),
                     qPrintable(m));
        }
        // Nor is it in the database file in plaintext.
        QFile db(m_fx.dataDir() + QStringLiteral("/fieldledger.db"));
        QVERIFY(db.open(QIODevice::ReadOnly));
        const QByteArray bytes = db.readAll();
        QVERIFY(!bytes.contains("30.27415"));
        QVERIFY(!bytes.contains("120.15515"));
    }

    void refreshReplacesAndClearRemovesTheLocation() {
        const QString first = writeLog(QStringLiteral("a.nmea"), hangzhouLog());
        const QString second =
            writeLog(QStringLiteral("b.nmea"), hangzhouLog("3954.2400", "11623.4400"));
        const QString id = newFinding(QStringLiteral("党员活动室未开放"));
        FindingEditor editor;
        editor.setServices(&m_fx.services());
        editor.setFindingId(id);
        editor.positionFinder()->usePlugin(QStringLiteral("nmea"),
                                           {{QStringLiteral("nmea.source"), first}});
        editor.locate();
        QTRY_VERIFY_WITH_TIMEOUT(editor.hasLocation(), 15'000);
        // Without the receiver's range error there is no accuracy, and the editor says so.
        QCOMPARE(test::storedFinding(m_fx.inspection(), id).location->accuracy, 0.0);
        QCOMPARE(editor.accuracyText(),
                 QStringLiteral("accuracy not given by the position source"));

        // Refresh: a new fix (39.904° N, 116.391° E) replaces the old one.
        editor.positionFinder()->usePlugin(QStringLiteral("nmea"),
                                           {{QStringLiteral("nmea.source"), second}});
        QSignalSpy changed(&editor, &FindingEditor::locationChanged);
        editor.locate();
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() > 0, 15'000);
        Finding stored = test::storedFinding(m_fx.inspection(), id);
        QVERIFY(stored.location.has_value());
        QVERIFY(qAbs(stored.location->latitude - 39.904) < 1e-6);
        QVERIFY(qAbs(stored.location->longitude - (116 + 23.44 / 60)) < 1e-6);

        editor.clearLocation();
        QVERIFY(!editor.hasLocation());
        QVERIFY(editor.locationText().isEmpty());
        QVERIFY(editor.isSaved());
        QVERIFY(!test::storedFinding(m_fx.inspection(), id).location.has_value());
    }

    void fixAskedForOneFindingIsNotGivenToTheNext() {
        // A receiver on a socket (the plugin's socket:// source) that answers only when told.
        QTcpServer receiver;
        QVERIFY(receiver.listen(QHostAddress::LocalHost));
        QPointer<QTcpSocket> client;
        connect(&receiver, &QTcpServer::newConnection, this,
                [&] { client = receiver.nextPendingConnection(); });
        const QString first = newFinding(QStringLiteral("第一条问题"));
        const QString second = newFinding(QStringLiteral("第二条问题"));
        FindingEditor editor;
        editor.setServices(&m_fx.services());
        editor.setFindingId(first);
        editor.positionFinder()->usePlugin(
            QStringLiteral("nmea"),
            {{QStringLiteral("nmea.source"),
              QStringLiteral("socket://127.0.0.1:%1").arg(receiver.serverPort())}});
        editor.locate();
        QTRY_VERIFY(client);
        QVERIFY(editor.positionFinder()->isBusy());
        editor.setFindingId(second); // the inspector moved on before the fix came
        QVERIFY(!editor.positionFinder()->isBusy());
        client->write(hangzhouLog());
        QTest::qWait(1500);
        QVERIFY(!editor.hasLocation());
        QVERIFY(!test::storedFinding(m_fx.inspection(), first).location.has_value());
        QVERIFY(!test::storedFinding(m_fx.inspection(), second).location.has_value());

        // Asked again, on this finding, the receiver's next fix is taken.
        editor.locate();
        client->write(hangzhouLog("3016.4490", "12009.3090", "0216")); // later epochs
        QTRY_VERIFY_WITH_TIMEOUT(editor.hasLocation(), 10'000);
        QVERIFY(test::storedFinding(m_fx.inspection(), second).location.has_value());
        QVERIFY(!test::storedFinding(m_fx.inspection(), first).location.has_value());
    }

    void noPositionSourceSaysSoAndTheFindingStaysEditable() {
        const QString id = newFinding(QStringLiteral("会议记录不全"));
        FindingEditor editor;
        editor.setServices(&m_fx.services());
        editor.setFindingId(id);
        editor.positionFinder()->usePlugin(QStringLiteral("no-such-position-plugin"));
        editor.locate();
        QVERIFY(!editor.positionFinder()->isBusy());
        QVERIFY(!editor.hasLocation());
        QVERIFY(editor.positionFinder()->message().contains(QStringLiteral("no location service")));
        // Asking again gives the same answer, not a hang.
        editor.locate();
        QVERIFY(!editor.positionFinder()->isBusy());
        QVERIFY(!editor.positionFinder()->message().isEmpty());

        editor.setTitle(QStringLiteral("会议记录缺两页"));
        QVERIFY(editor.isSaved());
        QCOMPARE(test::storedFinding(m_fx.inspection(), id).title,
                 QStringLiteral("会议记录缺两页"));
        QVERIFY(!test::storedFinding(m_fx.inspection(), id).location.has_value());
    }

    void sourceWithoutAFixTimesOutWithAPlainMessage() {
        // A receiver that is there but has no fix yet (status V, quality 0): no position is
        // made up; the request ends with advice.
        QByteArray noFix;
        for (int s = 10; s < 13; ++s) {
            const QByteArray t = "0215" + QByteArray::number(s) + ".00";
            noFix += sentence("GPGGA," + t + ",,,,,0,00,,,M,,M,,");
            noFix += sentence("GPRMC," + t + ",V,,,,,,,261126,,,N");
        }
        const QString log = writeLog(QStringLiteral("nofix.nmea"), noFix);
        const QString id = newFinding(QStringLiteral("台账缺失"));
        FindingEditor editor;
        editor.setServices(&m_fx.services());
        editor.setFindingId(id);
        editor.positionFinder()->usePlugin(QStringLiteral("nmea"),
                                           {{QStringLiteral("nmea.source"), log}});
        editor.positionFinder()->setTimeout(1500);
        editor.locate();
        QTRY_VERIFY_WITH_TIMEOUT(!editor.positionFinder()->isBusy(), 10'000);
        QVERIFY(!editor.hasLocation());
        QVERIFY(!editor.positionFinder()->message().isEmpty());
        QVERIFY(!test::storedFinding(m_fx.inspection(), id).location.has_value());
    }

    void locationTakenBeforeTheTitleIsSavedWithTheNewFinding() {
        const QString log = writeLog(QStringLiteral("new.nmea"), hangzhouLog());
        FindingEditor editor;
        editor.setServices(&m_fx.services());
        editor.setVisitId(m_round.visit.id);
        editor.setChecklistItemId(m_round.items[4].id);
        editor.positionFinder()->usePlugin(QStringLiteral("nmea"),
                                           {{QStringLiteral("nmea.source"), log}});
        editor.locate();
        QTRY_VERIFY_WITH_TIMEOUT(editor.hasLocation(), 15'000);
        QVERIFY(editor.isNew()); // no title yet: kept in the editor
        editor.setTitle(QStringLiteral("“三会一课”记录不全"));
        QVERIFY(!editor.isNew());
        const Finding stored = test::storedFinding(m_fx.inspection(), editor.findingId());
        QVERIFY(stored.location.has_value());
        QVERIFY(qAbs(stored.location->latitude - 30.274150) < 1e-6);
    }
};

QTEST_GUILESS_MAIN(TstFindingLocation)
#include "tst_findinglocation.moc"
