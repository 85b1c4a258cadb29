// A picture from the camera (the QImage ImageCapture hands to the page) becomes an encrypted
// photo record through PhotoListModel::importImage, with no plaintext written to any file.
// No camera is needed for this half; tst_camerapage.qml covers the page without one.

#include "apptestsupport.h"
#include "media/photolibrary.h"
#include "photolistmodel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QDirIterator>
#include <QFile>
#include <QImageReader>
#include <QPainter>
#include <QSignalSpy>

using namespace fl;
using namespace fl::app;

namespace {
QStringList filesUnder(const QString &dir) {
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(it.next());
    out.sort();
    return out;
}

// What a camera frame looks like to the page: a 1280 × 960 picture with a recognisable
// pattern (a red square on the left half, blue on the right).
QImage cameraFrame() {
    QImage image(1280, 960, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QPainter p(&image);
    p.fillRect(QRect(0, 0, 640, 960), Qt::red);
    return image;
}
} // namespace

class TstPhotoCapture : public QObject {
    Q_OBJECT

    test::AppFixture m_fx;
    test::Round m_round;
    Finding m_finding;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_fx.start());
        auto round = test::makeRound(m_fx.inspection());
        FL_VERIFY_OK(round);
        m_round = *round;
        auto f = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[1],
                                  QStringLiteral("现场拍照的问题"));
        FL_VERIFY_OK(f);
        m_finding = *f;
    }

    void capturedImageBecomesAnEncryptedPhotoRecord() {
        PhotoListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&m_fx.services());
        model.setRecordId(m_finding.id);
        QCOMPARE(model.rowCount(), 0);
        const QStringList before = filesUnder(m_fx.dataDir());

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const QString id = model.importImage(cameraFrame(), QStringLiteral(" 门口公示栏 "));
        QVERIFY2(!id.isEmpty(), qPrintable(model.errorString()));
        QVERIFY(model.errorString().isEmpty());
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(inserted.count() >= 1);
        QCOMPARE(model.data(model.index(0), PhotoListModel::PhotoIdRole).toString(), id);
        QCOMPARE(model.data(model.index(0), PhotoListModel::CaptionRole).toString(),
                 QStringLiteral("门口公示栏"));

        // The record: a JPEG of the frame's size, attached to the finding.
        auto photo = m_fx.services().photos().photo(id);
        FL_VERIFY_OK(photo);
        QCOMPARE(photo->recordId, m_finding.id);
        QCOMPARE(photo->mimeType, QStringLiteral("image/jpeg"));
        QCOMPARE(photo->width, 1280);
        QCOMPARE(photo->height, 960);

        // The image decrypts to the picture taken (JPEG is lossy: compare colours roughly).
        auto bytes = m_fx.services().photos().image(id);
        FL_VERIFY_OK(bytes);
        QVERIFY(bytes->startsWith("\xFF\xD8\xFF"));
        QImage back = QImage::fromData(*bytes, "JPEG");
        QCOMPARE(back.size(), QSize(1280, 960));
        const QColor left = back.pixelColor(100, 480);
        const QColor right = back.pixelColor(1180, 480);
        QVERIFY2(left.red() > 200 && left.blue() < 60, qPrintable(left.name()));
        QVERIFY2(right.blue() > 200 && right.red() < 60, qPrintable(right.name()));
        auto thumb = m_fx.services().photos().thumbnail(id);
        FL_VERIFY_OK(thumb);
        QVERIFY(QImage::fromData(*thumb).width() <= 320);

        // Only encrypted blobs (and the database) were written: no file holds a JPEG.
        const QStringList after = filesUnder(m_fx.dataDir());
        QVERIFY(after.size() > before.size());
        for (const QString &path : after) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray content = f.readAll();
            QVERIFY2(!content.contains("\xFF\xD8\xFF"), qPrintable(path));
            QVERIFY2(!content.contains("JFIF"), qPrintable(path));
        }
    }

    void emptyPictureOrUnsavedRecordIsRefusedWithAMessage() {
        PhotoListModel model;
        model.setServices(&m_fx.services());
        QVERIFY(model.importImage(cameraFrame()).isEmpty()); // no record yet
        QVERIFY(!model.errorString().isEmpty());

        model.setRecordId(m_finding.id);
        const int rows = model.rowCount();
        QVERIFY(model.importImage(QImage()).isEmpty());
        QVERIFY(!model.errorString().isEmpty());
        QCOMPARE(model.rowCount(), rows);

        // The next good picture clears the message.
        QVERIFY(!model.importImage(cameraFrame()).isEmpty());
        QVERIFY(model.errorString().isEmpty());
        QCOMPARE(model.rowCount(), rows + 1);
    }

    void lockedVaultRefusesTheCaptureWithoutLosingEarlierPhotos() {
        PhotoListModel model;
        model.setServices(&m_fx.services());
        model.setRecordId(m_finding.id);
        const int rows = model.rowCount();
        QVERIFY(rows > 0);
        m_fx.services().lock();
        QVERIFY(model.importImage(cameraFrame()).isEmpty());
        QVERIFY(!model.errorString().isEmpty());
        QVERIFY(m_fx.unlock());
        QCOMPARE(model.rowCount(), rows);
        auto photos = m_fx.services().photos().photos(m_finding.id);
        FL_VERIFY_OK(photos);
        QCOMPARE(int(photos->size()), rows);
    }
};

QTEST_GUILESS_MAIN(TstPhotoCapture)
#include "tst_photocapture.moc"
