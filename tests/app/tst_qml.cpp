// Qt Quick Test runner for the FieldLedger QML module (static: imported here, which
// qmltestrunner cannot do). Each tst_*.qml in qml/ gets the app's services over one
// throw-away data folder holding a locked vault and a small round.

#include "apptestsupport.h"
#include "photoimageprovider.h"

#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(FieldLedgerPlugin)

class Setup : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable() {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        if (!m_fx.start() || !fl::test::makeRound(m_fx.inspection()).ok())
            qFatal("could not prepare the test data folder");
        m_fx.services().lock(); // the pages start where the app starts: at the unlock page
    }
    void qmlEngineAvailable(QQmlEngine *engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml")); // the module's resources
        engine->addImageProvider(QLatin1String(fl::app::PhotoImageProvider::Name),
                                 new fl::app::PhotoImageProvider(m_fx.services()));
    }

private:
    fl::test::AppFixture m_fx;
};

QUICK_TEST_MAIN_WITH_SETUP(fieldledger, Setup)
#include "tst_qml.moc"
