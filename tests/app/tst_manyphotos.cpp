// 1,000 photos on one finding: the model lists them all (QAbstractItemModelTester), and the
// photo strip, shown in a real window (offscreen), asks the "photos" provider for the
// thumbnails on screen only: scrolling to the end asks for those there, not for the 1,000.
// The time to open such a finding is measured by tests/bench/bench_photostrip.

#include "apptestsupport.h"
#include "media/photolibrary.h"
#include "photoimageprovider.h"
#include "photolistmodel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickView>
#include <QtQml/qqmlextensionplugin.h>

#include <atomic>
#include <mutex>

Q_IMPORT_QML_PLUGIN(FieldLedgerPlugin)

using namespace fl;
using namespace fl::app;

namespace {

constexpr int PhotoCount = 1000;

// The app's provider, counting what is asked of it (from Qt's loader thread).
class CountingProvider : public QQuickAsyncImageProvider {
public:
    explicit CountingProvider(AppServices &services)
        : m_inner(services) {}
    QQuickImageResponse *requestImageResponse(const QString &id, const QSize &size) override {
        {
            const std::lock_guard lock(m_mutex);
            m_ids.insert(id);
        }
        ++m_requests;
        return m_inner.requestImageResponse(id, size);
    }
    [[nodiscard]] int requests() const { return m_requests.load(); }
    [[nodiscard]] bool asked(const QString &id) const {
        const std::lock_guard lock(m_mutex);
        return m_ids.contains(id);
    }

private:
    PhotoImageProvider m_inner;
    std::atomic<int> m_requests{0};
    mutable std::mutex m_mutex;
    QSet<QString> m_ids;
};

QByteArray smallJpeg(int k) {
    QImage image(96, 72, QImage::Format_RGB32);
    image.fill(QColor::fromHsv((k * 37) % 360, 200, 220));
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 80);
    return out;
}

} // namespace

class TstManyPhotos : public QObject {
    Q_OBJECT

    test::AppFixture m_fx;
    Finding m_finding;
    QStringList m_ids; // oldest first, as the strip lists them

private Q_SLOTS:
    void initTestCase() {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        QVERIFY(m_fx.start());
        auto round = test::makeRound(m_fx.inspection());
        FL_VERIFY_OK(round);
        auto f = test::addFinding(m_fx.inspection(), round->visit, round->items[0],
                                  QStringLiteral("一千张照片的问题"));
        FL_VERIFY_OK(f);
        m_finding = *f;
        QList<QByteArray> jpegs;
        for (int k = 0; k < 8; ++k)
            jpegs.append(smallJpeg(k));
        for (int i = 0; i < PhotoCount; ++i) {
            auto p = m_fx.services().photos().importBytes(m_finding.id, jpegs.at(i % jpegs.size()),
                                                          QStringLiteral("照片 %1").arg(i));
            FL_VERIFY_OK(p);
            m_ids.append(p->id);
        }
    }

    void modelListsEveryPhoto() {
        PhotoListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&m_fx.services());
        model.setRecordId(m_finding.id);
        QCOMPARE(model.rowCount(), PhotoCount);
        QCOMPARE(model.property("count").toInt(), PhotoCount);
        QCOMPARE(model.data(model.index(PhotoCount - 1), PhotoListModel::CaptionRole).toString(),
                 QStringLiteral("照片 %1").arg(PhotoCount - 1));
        QVERIFY(model.data(model.index(500), PhotoListModel::AvailableRole).toBool());
    }

    void stripDecodesOnlyTheThumbnailsOnScreen() {
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        auto *provider = new CountingProvider(m_fx.services()); // the engine owns it
        engine.addImageProvider(QLatin1String(PhotoImageProvider::Name), provider);
        QQuickView view(&engine, nullptr);
        QQmlComponent component(&engine);
        component.setData(QStringLiteral("import QtQuick\nimport FieldLedger\n"
                                         "PhotoStrip { width: 1280; recordId: \"%1\" }")
                              .arg(m_finding.id)
                              .toUtf8(),
                          QUrl(QStringLiteral("qrc:/tst_manyphotos/Strip.qml")));
        QObject *object = component.create();
        QVERIFY2(object, qPrintable(component.errorString()));
        view.setContent(component.url(), &component, object);
        view.resize(1280, 220);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        auto *strip = object->findChild<QQuickItem *>(QStringLiteral("photoStrip"));
        QVERIFY(strip);
        QTRY_COMPARE(strip->property("count").toInt(), PhotoCount);
        // The first screenful (160 px a photo in 1280 px, plus the view's small cache).
        QTRY_VERIFY(provider->requests() > 0);
        QTest::qWait(500);
        const int first = provider->requests();
        QVERIFY2(first >= 8 && first <= 20, qPrintable(QString::number(first)));
        QVERIFY(provider->asked(m_ids.first() + QStringLiteral("/thumb")));
        QVERIFY(!provider->asked(m_ids.at(100) + QStringLiteral("/thumb")));
        QVERIFY(!provider->asked(m_ids.last() + QStringLiteral("/thumb")));

        // To the end in one jump: the last screenful is asked for, not the 980 in between.
        QMetaObject::invokeMethod(strip, "positionViewAtEnd");
        QTRY_VERIFY(provider->asked(m_ids.last() + QStringLiteral("/thumb")));
        QTest::qWait(500);
        const int total = provider->requests();
        QVERIFY2(total <= first + 20, qPrintable(QString::number(total)));
        QVERIFY(!provider->asked(m_ids.at(PhotoCount / 2) + QStringLiteral("/thumb")));
        delete object;
    }
};

QTEST_MAIN(TstManyPhotos)
#include "tst_manyphotos.moc"
