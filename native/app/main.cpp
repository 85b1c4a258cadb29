// FieldLedger 督查台账: the tablet app. Wires the services together and loads the UI; the
// rest lives in the FieldLedger QML module (qml/) and its C++ types (this folder).

#include "appservices.h"
#include "pagetour.h"
#include "startup.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(FieldLedgerPlugin)

int main(int argc, char *argv[]) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("FieldLedger"));
    QGuiApplication::setOrganizationName(QStringLiteral("FieldLedger"));
    QGuiApplication::setApplicationVersion(QStringLiteral(FL_VERSION));
    const fl::app::StartupOptions options = fl::app::parseCommandLine(app);
    const QString language = fl::app::installTranslator(app, options.language);
    QQuickStyle::setStyle(QStringLiteral("Material"));

    fl::app::AppServices services(options.dataDir); // the one instance QML sees
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml")); // where the module lives; default in 6.5+
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    fl::app::PageTour tour(engine, services, options, language); // --self-test, --screenshot-dir
    engine.loadData("import FieldLedger\nMain {}");
    return QGuiApplication::exec();
}
