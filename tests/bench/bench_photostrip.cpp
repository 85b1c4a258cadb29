// A finding with 1,000 photos (640×480 JPEGs; smaller ones would flatter the thumbnails),
// offscreen:
//   - PhotoListModel opening the finding's photos (reads and decrypts 1,000 photo records);
//   - the photo strip shown at 1280 px: from creating it to every thumbnail on screen painted,
//     and how many thumbnails were decrypted for that (the rest wait until scrolled to);
//   - the longest the GUI thread was busy in one go while the thumbnails loaded.
// The data folder is kept in /tmp between runs.
#include "appservices.h"
#include "benchutil.h"
#include "media/photolibrary.h"
#include "photoimageprovider.h"
#include "photolistmodel.h"
#include "store/inspection.h"
#include "store/store.h"
#include "vault/vault.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickView>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <atomic>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(FieldLedgerPlugin)

using namespace fl;

namespace {

constexpr const char *Passphrase = "bench passphrase 督查";
constexpr int Photos = 1000;
constexpr int Runs = 7;

QByteArray jpeg(int k) {
    QImage image(640, 480, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = qRgb((x + 31 * k) & 255, (y * 2 + k) & 255, ((x ^ y) + 17 * k) & 255);
    }
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return out;
}

// The folder and the finding's id (in a file next to it).
QString buildFolder(const QString &dir) {
    QFile idFile(dir + "/finding-id");
    if (idFile.open(QIODevice::ReadOnly))
        return QString::fromLatin1(idFile.readAll());
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    app::AppServices services(dir);
    if (!services.vault().create(Passphrase, KdfParams::minimum()) || !services.store().isOpen())
        return {};
    Inspection &in = services.inspection();
    Campaign c;
    c.name = QStringLiteral("第四轮巡察（照片基准）");
    c.startDate = QDate(2026, 11, 1);
    c.endDate = c.startDate.addDays(60);
    auto campaign = in.createCampaign(c);
    ChecklistItem item;
    item.campaignId = campaign->id;
    item.code = QStringLiteral("1.1");
    item.text = QStringLiteral("党组理论学习中心组学习不规范");
    item.maxDeduction = 5;
    auto added = in.addChecklistItem(item);
    Unit u;
    u.campaignId = campaign->id;
    u.name = QStringLiteral("省交通运输厅");
    auto unit = in.createUnit(u);
    Visit v;
    v.unitId = unit->id;
    v.date = c.startDate.addDays(3);
    auto visit = in.createVisit(v);
    Finding f;
    f.visitId = visit->id;
    f.checklistItemId = added->id;
    f.title = QStringLiteral("一千张照片的问题");
    f.deduction = 1;
    auto finding = in.createFinding(f);
    if (!finding)
        return {};
    QList<QByteArray> samples;
    for (int k = 0; k < 8; ++k)
        samples.append(jpeg(k));
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < Photos; ++i) {
        if (!services.photos().importBytes(finding->id, samples.at(i % samples.size()),
                                           QStringLiteral("照片 %1").arg(i)))
            return {};
    }
    reportValue("photostrip: import 1,000 photos (once)", double(t.elapsed()), "ms");
    if (!idFile.open(QIODevice::WriteOnly))
        return {};
    idFile.write(finding->id.toLatin1());
    return finding->id;
}

// The app's provider, counting the thumbnails it delivered.
class CountingProvider : public QQuickAsyncImageProvider {
public:
    explicit CountingProvider(app::AppServices &services)
        : m_inner(services) {}
    QQuickImageResponse *requestImageResponse(const QString &id, const QSize &size) override {
        ++requested;
        QQuickImageResponse *response = m_inner.requestImageResponse(id, size);
        QObject::connect(
            response, &QQuickImageResponse::finished, response, [this] { ++delivered; },
            Qt::DirectConnection);
        return response;
    }
    std::atomic<int> requested{0};
    std::atomic<int> delivered{0};

private:
    app::PhotoImageProvider m_inner;
};

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Material"));
    const QString dir = QDir::tempPath() + "/fl-bench-photostrip-v1";
    QString findingId;
    { findingId = buildFolder(dir); }
    if (findingId.isEmpty()) {
        std::fprintf(stderr, "bench_photostrip: could not build %s\n", qPrintable(dir));
        return 1;
    }
    app::AppServices services(dir);
    services.unlock(QString::fromUtf8(Passphrase));
    QElapsedTimer wait;
    wait.start();
    while ((services.isBusy() || !services.isUnlocked()) && wait.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!services.isUnlocked()) {
        std::fprintf(stderr, "bench_photostrip: could not unlock\n");
        return 1;
    }

    QList<double> modelUs;
    for (int r = 0; r < Runs; ++r) {
        QElapsedTimer t;
        t.start();
        app::PhotoListModel model;
        model.setServices(&services);
        model.setRecordId(findingId);
        modelUs.append(t.nsecsElapsed() / 1000.0);
        if (model.rowCount() != Photos) {
            std::fprintf(stderr, "bench_photostrip: %d rows\n", model.rowCount());
            return 1;
        }
    }
    report("photostrip: model opens 1,000 photos", statsOf(modelUs));
    // Of which: reading and decrypting the records alone.
    QList<double> readUs;
    for (int r = 0; r < Runs; ++r) {
        QElapsedTimer t;
        t.start();
        auto photos = services.photos().photos(findingId);
        readUs.append(t.nsecsElapsed() / 1000.0);
        if (!photos || photos->size() != Photos)
            return 1;
    }
    report("photostrip: of which records read+decrypted", statsOf(readUs));

    QList<double> shownUs, longestUs;
    int decrypted = 0;
    for (int r = 0; r < Runs; ++r) {
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        auto *provider = new CountingProvider(services);
        engine.addImageProvider(QLatin1String(app::PhotoImageProvider::Name), provider);
        QQuickView view(&engine, nullptr);
        view.resize(1280, 220);
        view.show();
        // The GUI thread's longest stretch without returning to the event loop.
        QElapsedTimer beat;
        double longest = 0;
        QTimer ticker;
        ticker.setInterval(0);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            longest = std::max(longest, beat.nsecsElapsed() / 1000.0);
            beat.restart();
        });
        QElapsedTimer t;
        t.start();
        QQmlComponent component(&engine);
        component.setData(QStringLiteral("import QtQuick\nimport FieldLedger\n"
                                         "PhotoStrip { width: 1280; recordId: \"%1\" }")
                              .arg(findingId)
                              .toUtf8(),
                          QUrl(QStringLiteral("qrc:/bench/Strip.qml")));
        QObject *object = component.create();
        if (!object) {
            std::fprintf(stderr, "%s\n", qPrintable(component.errorString()));
            return 1;
        }
        view.setContent(component.url(), &component, object);
        beat.start();
        ticker.start();
        // Every thumbnail asked for is delivered, and nothing more is asked for a while.
        int lastRequested = -1;
        QElapsedTimer stable;
        stable.start();
        while (t.elapsed() < 20000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            const int req = provider->requested.load();
            if (req != lastRequested) {
                lastRequested = req;
                stable.restart();
            }
            if (req > 0 && provider->delivered.load() == req && stable.elapsed() > 300)
                break;
        }
        const double doneUs = t.nsecsElapsed() / 1000.0 - stable.nsecsElapsed() / 1000.0;
        ticker.stop();
        shownUs.append(doneUs);
        longestUs.append(longest);
        decrypted = provider->requested.load();
        delete object;
    }
    report("photostrip: strip shown, thumbnails on screen", statsOf(shownUs));
    report("photostrip: longest GUI-thread stretch", statsOf(longestUs));
    reportValue("photostrip: thumbnails decrypted to show it", double(decrypted), "of 1000");
    return 0;
}
