#include "apptestsupport.h"
#include "media/blobstore.h"
#include "media/photolibrary.h"
#include "photoimageprovider.h"
#include "photolistmodel.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QFile>
#include <QImageReader>
#include <QQuickTextureFactory>
#include <QSignalSpy>

#include <memory>

using namespace fl;
using namespace fl::app;

namespace {
constexpr auto Report = QAbstractItemModelTester::FailureReportingMode::QtTest;

const QString GpsPhoto = QStringLiteral(FL_TEST_DATA "/photo_gps.jpg");
const QString RotatedPhoto = QStringLiteral(FL_TEST_DATA "/photo_rotated.jpg");

QString errorOf(const QImage &image) {
    return image.text(QLatin1String(PhotoImageProvider::ErrorKey));
}

QStringList filesUnder(const QString &dir) {
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(it.next());
    out.sort();
    return out;
}
} // namespace

class TstPhotoImageProvider : public QObject {
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
        auto f = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[0],
                                  QStringLiteral("有照片的问题"));
        FL_VERIFY_OK(f);
        m_finding = *f;
    }

    void init() {
        if (!m_fx.services().isUnlocked())
            QVERIFY(m_fx.unlock());
    }

    void givesTheDecryptedPixelsOfAnImportedPhoto() {
        auto photo = m_fx.services().photos().importFile(m_finding.id, GpsPhoto, QString());
        FL_VERIFY_OK(photo);
        const QStringList filesBefore = filesUnder(m_fx.dataDir());

        const QImage full =
            PhotoImageProvider::render(m_fx.services(), photo->id + QStringLiteral("/full"), {});
        QVERIFY2(errorOf(full).isEmpty(), qPrintable(errorOf(full)));
        // Metadata stripping is lossless: the same pixels as the original file decodes to.
        const QImage original(GpsPhoto);
        QCOMPARE(full.size(), QSize(480, 360));
        QCOMPARE(full.convertToFormat(QImage::Format_RGB32),
                 original.convertToFormat(QImage::Format_RGB32));

        const QImage thumb =
            PhotoImageProvider::render(m_fx.services(), photo->id + QStringLiteral("/thumb"), {});
        QVERIFY(errorOf(thumb).isEmpty());
        QCOMPARE(thumb.size(), QSize(320, 240));

        // Decoded at the size asked for (either edge may follow the aspect).
        QCOMPARE(PhotoImageProvider::render(m_fx.services(), photo->id + QStringLiteral("/full"),
                                            QSize(240, 0))
                     .size(),
                 QSize(240, 180));
        QCOMPARE(PhotoImageProvider::render(m_fx.services(), photo->id + QStringLiteral("/full"),
                                            QSize(1000, 1000))
                     .size(),
                 QSize(480, 360)); // never enlarged

        // Decrypted in memory only: not one file more in the data folder.
        QCOMPARE(filesUnder(m_fx.dataDir()), filesBefore);
    }

    void theFullImageIsTurnedByItsStoredOrientation() {
        auto photo = m_fx.services().photos().importFile(m_finding.id, RotatedPhoto, QString());
        FL_VERIFY_OK(photo);
        QCOMPARE(photo->orientation, 6);
        QCOMPARE(QSize(photo->width, photo->height), QSize(480, 240)); // as stored
        const QImage full =
            PhotoImageProvider::render(m_fx.services(), photo->id + QStringLiteral("/full"), {});
        QVERIFY(errorOf(full).isEmpty());
        QCOMPARE(full.size(), QSize(240, 480)); // as viewed: portrait
        // The size asked for is the turned one.
        QCOMPARE(PhotoImageProvider::render(m_fx.services(), photo->id + QStringLiteral("/full"),
                                            QSize(0, 240))
                     .size(),
                 QSize(120, 240));
        const QImage thumb =
            PhotoImageProvider::render(m_fx.services(), photo->id + QStringLiteral("/thumb"), {});
        QVERIFY(thumb.height() > thumb.width());
        // Same pixels as Qt's own EXIF auto-transform of the original file.
        QImageReader reader(RotatedPhoto);
        reader.setAutoTransform(true);
        QCOMPARE(full.convertToFormat(QImage::Format_RGB32),
                 reader.read().convertToFormat(QImage::Format_RGB32));
    }

    void aMissingOrBrokenPhotoGivesAnImageSayingSo() {
        PhotoLibrary &library = m_fx.services().photos();
        auto good = library.importFile(m_finding.id, GpsPhoto, QString());
        auto gone = library.importFile(m_finding.id, RotatedPhoto, QStringLiteral("删掉文件的"));
        FL_VERIFY_OK(good);
        FL_VERIFY_OK(gone);
        QVERIFY(QFile::remove(m_fx.services().blobs().pathFor(gone->blobId)));

        const QImage missing = PhotoImageProvider::render(
            m_fx.services(), gone->id + QStringLiteral("/full"), QSize(320, 240));
        QVERIFY(!missing.isNull());
        QCOMPARE(missing.size(), QSize(320, 240));
        QVERIFY(errorOf(missing).contains(QStringLiteral("sync")));
        // The others still show.
        QVERIFY(errorOf(PhotoImageProvider::render(m_fx.services(),
                                                   good->id + QStringLiteral("/full"), {}))
                    .isEmpty());

        // A blob that decrypts but is no image: "could not be decoded".
        auto key = m_fx.store().campaignKey(m_round.campaign.id);
        FL_VERIFY_OK(key);
        auto blob = m_fx.services().blobs().put(**key, QByteArray("this is not a JPEG at all"));
        FL_VERIFY_OK(blob);
        Photo bad;
        bad.recordId = m_finding.id;
        bad.mimeType = QStringLiteral("image/jpeg");
        bad.blobId = blob->contentId;
        bad.thumbnailBlobId = blob->contentId;
        auto badId = m_fx.store().create(QLatin1String(recordtype::Photo), m_round.campaign.id,
                                         m_finding.id, toFields(bad));
        FL_VERIFY_OK(badId);
        const QImage undecodable =
            PhotoImageProvider::render(m_fx.services(), *badId + QStringLiteral("/thumb"), {});
        QVERIFY(!undecodable.isNull());
        QVERIFY(errorOf(undecodable).contains(QStringLiteral("decoded")));

        // A damaged blob file.
        auto fresh = library.importFile(m_finding.id,
                                        QStringLiteral(FL_TEST_DATA "/photo_text.png"), QString());
        FL_VERIFY_OK(fresh);
        QFile thumbFile(m_fx.services().blobs().pathFor(fresh->thumbnailBlobId));
        QVERIFY(thumbFile.open(QIODevice::ReadWrite));
        thumbFile.seek(thumbFile.size() / 2);
        thumbFile.write("XXXX");
        thumbFile.close();
        QVERIFY(errorOf(PhotoImageProvider::render(m_fx.services(),
                                                   fresh->id + QStringLiteral("/thumb"), {}))
                    .contains(QStringLiteral("damaged")));

        // No such photo, a bad address, and a locked vault.
        QVERIFY(
            !errorOf(PhotoImageProvider::render(m_fx.services(), QStringLiteral("nope/full"), {}))
                 .isEmpty());
        QVERIFY(!errorOf(PhotoImageProvider::render(m_fx.services(), good->id, {})).isEmpty());
        m_fx.services().lock();
        QVERIFY(errorOf(PhotoImageProvider::render(m_fx.services(),
                                                   good->id + QStringLiteral("/thumb"), {}))
                    .contains(QStringLiteral("Unlock")));
    }

    void answersThroughAnAsyncResponse() {
        auto photo = m_fx.services().photos().importFile(m_finding.id, GpsPhoto, QString());
        FL_VERIFY_OK(photo);
        PhotoImageProvider provider(m_fx.services());
        std::unique_ptr<QQuickImageResponse> response(
            provider.requestImageResponse(photo->id + QStringLiteral("/thumb"), QSize(160, 120)));
        QSignalSpy finished(response.get(), &QQuickImageResponse::finished);
        QVERIFY(finished.wait(5000));
        std::unique_ptr<QQuickTextureFactory> factory(response->textureFactory());
        QVERIFY(factory);
        const QImage image = factory->image();
        QCOMPARE(image.size(), QSize(160, 120));
        QVERIFY(errorOf(image).isEmpty());
        QVERIFY(response->errorString().isEmpty());
    }

    void photoListImportsAndFollowsTheRecord() {
        auto f = test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[1],
                                  QStringLiteral("照片列表"));
        FL_VERIFY_OK(f);
        PhotoListModel model;
        QAbstractItemModelTester tester(&model, Report);
        model.setServices(&m_fx.services());
        model.setRecordId(f->id);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        const QString id = model.importFile(QUrl::fromLocalFile(GpsPhoto), QStringLiteral("现场"));
        QVERIFY2(!id.isEmpty(), qPrintable(model.errorString()));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), PhotoListModel::PhotoIdRole).toString(), id);
        QCOMPARE(model.data(model.index(0), PhotoListModel::CaptionRole).toString(),
                 QStringLiteral("现场"));
        QCOMPARE(model.data(model.index(0), PhotoListModel::ThumbnailSourceRole).toUrl(),
                 QUrl(QStringLiteral("image://photos/%1/thumb").arg(id)));
        QVERIFY(model.data(model.index(0), PhotoListModel::AvailableRole).toBool());

        // Not a photo: said, nothing added.
        QVERIFY(
            model.importFile(QUrl::fromLocalFile(QStringLiteral(FL_TEST_DATA "/not_an_image.jpg")))
                .isEmpty());
        QVERIFY(model.errorString().contains(QStringLiteral("JPEG")));
        QVERIFY(
            model.importFile(QUrl::fromLocalFile(QStringLiteral("/no/such/file.jpg"))).isEmpty());
        QCOMPARE(model.rowCount(), 1);

        // The portrait photo reports its size as viewed.
        QVERIFY(!model.importFile(QUrl::fromLocalFile(RotatedPhoto)).isEmpty());
        QCOMPARE(model.data(model.index(1), PhotoListModel::SizeTextRole).toString(),
                 PhotoListModel::tr("%1 × %2", "photo size in pixels").arg(240).arg(480));

        // Without a saved record there is nothing to attach to.
        PhotoListModel unsaved;
        unsaved.setServices(&m_fx.services());
        QVERIFY(unsaved.importFile(QUrl::fromLocalFile(GpsPhoto)).isEmpty());
        QVERIFY(!unsaved.errorString().isEmpty());
    }
};

QTEST_MAIN(TstPhotoImageProvider)
#include "tst_photoimageprovider.moc"
