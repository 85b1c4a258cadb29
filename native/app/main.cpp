// FieldLedger 督查台账: the tablet app. Wires the services together and loads the UI; the
// rest lives in the FieldLedger QML module (qml/) and its C++ types (this folder).

#include "appservices.h"
#include "firstframeprobe.h"
#include "pagetour.h"
#include "photoimageprovider.h"
#include "preferences.h"
#include "startup.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(FieldLedgerPlugin)

int main(int argc, char *argv[]) {
    QElapsedTimer sinceMain; // for --exit-after-first-frame
    sinceMain.start();
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("FieldLedger"));
    QGuiApplication::setOrganizationName(QStringLiteral("FieldLedger"));
    QGuiApplication::setApplicationVersion(QStringLiteral(FL_VERSION));
    const fl::app::StartupOptions options = fl::app::parseCommandLine(app);
    const fl::app::Preferences preferences(options.dataDir); // --lang wins over the saved one
    const QString language = fl::app::installTranslator(
        app, options.language.isEmpty() ? preferences.language() : options.language);
    QQuickStyle::setStyle(QStringLiteral("Material"));

    fl::app::AppServices services(options.dataDir); // the one instance QML sees
    services.setAutoLockTimeout(std::chrono::minutes(preferences.autoLockMinutes()));
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml")); // where the module lives; default in 6.5+
    // image://photos/...: photos decrypted in memory (the engine owns the provider).
    engine.addImageProvider(QLatin1String(fl::app::PhotoImageProvider::Name),
                            new fl::app::PhotoImageProvider(services));
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    fl::app::PageTour tour(engine, services, options, language); // --self-test, --screenshot-dir
    fl::app::FirstFrameProbe probe(engine, services, options, sinceMain); // bench_app
    engine.loadData("import FieldLedger\nMain {}");
    return QGuiApplication::exec();
}
