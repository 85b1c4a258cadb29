// End to end, through the real UI: the app's QML loaded in this process (offscreen), the real
// fieldledger-server on a free loopback port, and fieldledger-cli as the office's console.
// The test drives the UI by its objects (objectName, properties, invokable functions), as a
// person would by tapping: first start (vault, enrolment), sync, a finding with a photo on an
// assigned visit, an edit while the server is down, sync when it is back. The office's device
// then holds the edited finding and the very same photo bytes.
#include "../integration/clirunner.h"
#include "../server/servertestsupport.h"
#include "appservices.h"
#include "media/photolibrary.h"
#include "photoimageprovider.h"
#include "preferences.h"
#include "store/inspection.h"
#include "syncstatus.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(FieldLedgerPlugin)

using namespace fl;
using namespace fl::app;

namespace {

const QByteArray OfficePass = "office console passphrase\n";
const QString TabletPass = QStringLiteral("tablet passphrase 2026");

/// The first object named `name` under `root`, looking through both the object tree and the
/// visual tree (QML puts some items in only one of them).
QObject *findNamed(QObject *root, const QString &name) {
    if (!root)
        return nullptr;
    if (root->objectName() == name)
        return root;
    for (QObject *child : root->children()) {
        if (QObject *found = findNamed(child, name))
            return found;
    }
    if (auto *item = qobject_cast<QQuickItem *>(root)) {
        for (QQuickItem *child : item->childItems()) {
            if (QObject *found = findNamed(child, name))
                return found;
        }
    }
    return nullptr;
}

/// QML warnings of the app's own files (binding errors, missing properties) fail the test.
QStringList s_qmlWarnings;
QtMessageHandler s_previousHandler = nullptr;
void collectQmlWarnings(QtMsgType type, const QMessageLogContext &context, const QString &text) {
    if (type != QtDebugMsg && type != QtInfoMsg && text.contains(QLatin1String("qrc:/qt/qml/")))
        s_qmlWarnings.append(text);
    if (s_previousHandler)
        s_previousHandler(type, context, text);
}

} // namespace

class TstEndToEnd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        s_previousHandler = qInstallMessageHandler(collectQmlWarnings);
    }
    void cleanupTestCase() {
        qInstallMessageHandler(s_previousHandler);
        QVERIFY2(s_qmlWarnings.isEmpty(), qPrintable(s_qmlWarnings.join(QLatin1Char('\n'))));
    }
    void tabletWorksOfflineAndSyncsThroughTheUi();

private:
    // ---- the app, as a person sees it ---------------------------------------------------------
    [[nodiscard]] QQuickItem *currentPage() const {
        QObject *stack = findNamed(m_window, QStringLiteral("pageStack"));
        return stack ? stack->property("currentItem").value<QQuickItem *>() : nullptr;
    }
    /// An object on the page on top (several pages have objects of the same name).
    QObject *onPage(const QString &name) {
        QObject *o = findNamed(currentPage(), name);
        if (!o)
            qWarning() << "no" << name << "on the current page";
        return o;
    }
    QObject *inWindow(const QString &name) {
        QObject *o = findNamed(m_window, name);
        if (!o)
            qWarning() << "no" << name << "in the window";
        return o;
    }
    /// A tap: what the button's onClicked does.
    static bool tap(QObject *button) {
        return button && button->property("enabled").toBool() &&
               QMetaObject::invokeMethod(button, "clicked");
    }
    static void type(QObject *field, const QString &text) {
        QVERIFY(field);
        QVERIFY(field->setProperty("text", text));
    }
    bool navigate(const char *function, const QVariantList &args = {}) {
        QVariant unused;
        switch (args.size()) {
        case 0:
            return QMetaObject::invokeMethod(m_window, function, Q_RETURN_ARG(QVariant, unused));
        case 1:
            return QMetaObject::invokeMethod(m_window, function, Q_RETURN_ARG(QVariant, unused),
                                             Q_ARG(QVariant, args[0]));
        default:
            return QMetaObject::invokeMethod(m_window, function, Q_RETURN_ARG(QVariant, unused),
                                             Q_ARG(QVariant, args[0]), Q_ARG(QVariant, args[1]),
                                             Q_ARG(QVariant, args.value(2)));
        }
    }
    /// Taps "Sync now" on the sync page and waits for the sync to end; returns whether it
    /// went well.
    bool syncThroughTheUi() {
        SyncStatus &status = m_services->sync();
        QSignalSpy finished(&status, &SyncStatus::syncFinished);
        if (!navigate("openSync") || !QTest::qWaitFor(
                                         [&] {
                                             return findNamed(currentPage(),
                                                              QStringLiteral("syncNowButton")) &&
                                                    !status.isSyncing();
                                         },
                                         10000))
            return false;
        finished.clear(); // an automatic sync may have ended meanwhile
        // Ended, and the state says what came after (the engine reports it right after).
        const bool ended =
            tap(onPage(QStringLiteral("syncNowButton"))) &&
            QTest::qWaitFor([&] { return !finished.isEmpty() && !status.isSyncing(); }, 30000);
        return ended && finished.first().at(0).toBool();
    }

    // ---- the office console
    // ----------------------------------------------------------------------
    CliResult office(const QStringList &args) {
        return runCli(
            QStringList{QStringLiteral("--data"), m_officeDir.path(), QStringLiteral("--json")} +
                args,
            OfficePass);
    }
    static QString idOf(const CliResult &r) {
        return r.json().object().value(QStringLiteral("id")).toString();
    }
    QString enrolCode(const QString &role) {
        const auto r = fltest::runServerCommand(
            m_storage + QStringList{QStringLiteral("admin"), QStringLiteral("enrol-code"),
                                    QStringLiteral("--role"), role});
        return QString::fromLatin1(r.out.trimmed());
    }

    QTemporaryDir m_serverDir;
    QTemporaryDir m_officeDir;
    QTemporaryDir m_tabletDir;
    QStringList m_storage;
    std::unique_ptr<AppServices> m_services;
    QQuickWindow *m_window = nullptr;
};

void TstEndToEnd::tabletWorksOfflineAndSyncsThroughTheUi() {
    m_storage = {QStringLiteral("--data"), m_serverDir.path()};
    auto server = std::make_unique<fltest::ServerProcess>();
    QVERIFY(server->start(m_storage));
    const QString url = server->url().toString();

    // ---- the app starts on an empty folder --------------------------------------------------
    m_services = std::make_unique<AppServices>(m_tabletDir.path());
    m_services->setKdfParams(KdfParams::minimum());
    SyncStatus &status = m_services->sync();
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.addImageProvider(QLatin1String(PhotoImageProvider::Name),
                            new PhotoImageProvider(*m_services)); // as main() does
    engine.loadData("import FieldLedger\nMain {}");
    QCOMPARE(engine.rootObjects().size(), 1);
    m_window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    QVERIFY(m_window);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));

    // First start: choose a passphrase.
    type(inWindow(QStringLiteral("passphraseField")), TabletPass);
    type(inWindow(QStringLiteral("repeatField")), TabletPass);
    QVERIFY(tap(inWindow(QStringLiteral("submitButton"))));
    QTRY_VERIFY_WITH_TIMEOUT(m_services->isUnlocked(), 10000);

    // The app offers enrolment; the inspector enters the office's address and code.
    QTRY_VERIFY(currentPage() && findNamed(currentPage(), QStringLiteral("skipButton")));
    type(onPage(QStringLiteral("serverField")), url);
    type(onPage(QStringLiteral("codeField")), enrolCode(QStringLiteral("inspector")));
    type(onPage(QStringLiteral("deviceNameField")), QStringLiteral("第一督查组平板"));
    QVERIFY(tap(onPage(QStringLiteral("enrolButton"))));
    QTRY_VERIFY_WITH_TIMEOUT(status.isEnrolled(), 10000);
    QCOMPARE(status.role(), QStringLiteral("inspector"));
    QTRY_VERIFY(!findNamed(currentPage(), QStringLiteral("skipButton"))); // back to the visits

    // ---- the office plans a round and hands it to the enrolled devices ------------------------
    QCOMPARE(
        runCli({"--data", m_officeDir.path(), "init", "--kdf", "minimum"}, OfficePass).exitCode, 0);
    const CliResult enrolled =
        office({"enrol", "--server", url, "--code", enrolCode(QStringLiteral("office"))});
    QVERIFY2(enrolled.exitCode == 0, enrolled.err.constData());
    const QString campaign = idOf(office({"campaign", "create", "--name", "第四轮"}));
    const QString item =
        idOf(office({"checklist", "add", "--campaign", campaign, "--level", "grassroots", "--code",
                     "3.1", "--text", "三会一课", "--max", "10"}));
    const QString unit =
        idOf(office({"unit", "create", "--campaign", campaign, "--name", "省交通运输厅"}));
    const QString visit = idOf(
        office({"visit", "create", "--unit", unit, "--date", "2026-11-20", "--team", "张明,李华"}));
    QVERIFY(!visit.isEmpty() && !item.isEmpty());
    const CliResult shared = office({"share", "--campaign", campaign});
    QVERIFY2(shared.exitCode == 0, shared.err.constData());
    QCOMPARE(office({"sync"}).exitCode, 0);

    // ---- the tablet syncs, opens the visit and records a finding with a photo ------------------
    QVERIFY2(syncThroughTheUi(), qPrintable(status.errorString()));
    QVERIFY(m_services->inspection().visit(visit));
    QVERIFY(findNamed(currentPage(), QStringLiteral("stateLabel")));
    QCOMPARE(onPage(QStringLiteral("stateLabel"))->property("text").toString(), status.stateText());
    QCOMPARE(status.state(), SyncStatus::State::Online);
    QVERIFY(!onPage(QStringLiteral("errorPane"))->property("visible").toBool());
    QVERIFY(navigate("goBack"));

    QVERIFY(navigate("openVisit", {visit}));
    QTRY_VERIFY(currentPage() && currentPage()->property("visitId").toString() == visit);
    QVERIFY(navigate("openFinding", {QString(), visit, item}));
    QTRY_VERIFY(currentPage() && currentPage()->property("editor").value<QObject *>());
    QObject *editor = currentPage()->property("editor").value<QObject *>();
    QVERIFY(editor->setProperty("title", QStringLiteral("第二党支部未按期召开组织生活会")));
    QVERIFY(editor->setProperty("deduction", 2.0));
    QTRY_VERIFY(editor->property("saved").toBool());
    const QString finding = editor->property("findingId").toString();
    QVERIFY(!finding.isEmpty());
    // The photo screen is another page's work; its import is the same library call.
    auto photo = m_services->photos().importFile(
        finding, QStringLiteral(FL_TEST_DATA "/photo_gps.jpg"), QStringLiteral("会议记录"));
    QVERIFY(photo);
    QTRY_COMPARE(status.pendingPhotos(), 2);
    QVERIFY(navigate("goBack"));
    QVERIFY(navigate("goBack"));

    QVERIFY2(syncThroughTheUi(), qPrintable(status.errorString()));
    QCOMPARE(status.pendingChanges(), 0);
    QCOMPARE(status.pendingPhotos(), 0);
    QCOMPARE(onPage(QStringLiteral("pendingLabel"))->property("text").toString().isEmpty(), false);
    QVERIFY(navigate("goBack"));

    // ---- the server goes down; the inspector keeps working -------------------------------------
    const int port = server->url().port();
    server->stop();
    QVERIFY(navigate("openFinding", {finding, visit, QString()}));
    QTRY_VERIFY(currentPage() && currentPage()->property("editor").value<QObject *>());
    editor = currentPage()->property("editor").value<QObject *>();
    QTRY_COMPARE(editor->property("findingId").toString(), finding);
    const QString edited = QStringLiteral("第二党支部全年未召开组织生活会（离线修改）");
    QVERIFY(editor->setProperty("title", edited));
    QTRY_VERIFY(editor->property("saved").toBool());
    QTRY_COMPARE(status.pendingChanges(), 1);
    QVERIFY(navigate("goBack"));

    QVERIFY(!syncThroughTheUi());
    QCOMPARE(status.state(), SyncStatus::State::Offline);
    QCOMPARE(onPage(QStringLiteral("stateLabel"))->property("text").toString(), status.stateText());
    QVERIFY(onPage(QStringLiteral("errorPane"))->property("visible").toBool());
    QCOMPARE(onPage(QStringLiteral("errorLabel"))->property("text").toString(),
             SyncStatus::describe(sync::makeFailure(sync::SyncError::Network)).first);
    QCOMPARE(status.pendingChanges(), 1); // nothing lost
    QVERIFY(navigate("goBack"));

    // ---- back online: the same address, the same data -----------------------------------------
    server = std::make_unique<fltest::ServerProcess>();
    QVERIFY(server->start(m_storage, {QStringLiteral("--port"), QString::number(port)}));
    QCOMPARE(server->url().port(), port);
    QVERIFY2(syncThroughTheUi(), qPrintable(status.errorString()));
    QCOMPARE(status.state(), SyncStatus::State::Online);
    QCOMPARE(status.pendingChanges(), 0);
    QVERIFY(!onPage(QStringLiteral("errorPane"))->property("visible").toBool());

    // ---- the server and the office hold what the tablet recorded -------------------------------
    const auto stats = fltest::runServerCommand(m_storage + QStringList{QStringLiteral("admin"),
                                                                        QStringLiteral("stats"),
                                                                        QStringLiteral("--json")});
    QCOMPARE(stats.exitCode, 0);
    QVERIFY2(!stats.out.isEmpty(), stats.err.constData());
    const CliResult officeSync = office({"sync"});
    QVERIFY2(officeSync.exitCode == 0, officeSync.err.constData());
    const CliResult shown = office({"finding", "show", finding});
    QVERIFY2(shown.exitCode == 0, shown.err.constData());
    QCOMPARE(shown.json().object().value(QStringLiteral("title")).toString(), edited);
    QCOMPARE(shown.json().object().value(QStringLiteral("deduction")).toDouble(), 2.0);
    const CliResult photos = office({"photo", "list", "--record", finding});
    QCOMPARE(photos.exitCode, 0);
    const QJsonArray list = photos.json().array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(QStringLiteral("id")).toString(), photo->id);
    const QString exported = m_officeDir.filePath(QStringLiteral("exported.jpg"));
    const CliResult exportRun = office({"photo", "export", photo->id, "--out", exported});
    QVERIFY2(exportRun.exitCode == 0, exportRun.err.constData());
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto onTablet = m_services->photos().image(photo->id);
    QVERIFY(onTablet);
    QCOMPARE(file.readAll(), *onTablet); // byte for byte

    // ---- the inspector switches the UI to Chinese, at run time and for the next start ---------
    QVERIFY(navigate("goBack"));
    QVERIFY(navigate("openSettings"));
    QTRY_VERIFY(findNamed(currentPage(), QStringLiteral("language_zh_CN")));
    QObject *settingsPage = currentPage();
    QObject *chinese = onPage(QStringLiteral("language_zh_CN"));
    QVERIFY(chinese->setProperty("checked", true));
    QVERIFY(QMetaObject::invokeMethod(chinese, "toggled"));
    // The pages are built again in the new language, the settings on top.
    QTRY_VERIFY(currentPage() && currentPage() != settingsPage &&
                findNamed(currentPage(), QStringLiteral("language_zh_CN")));
    QObject *stack = findNamed(m_window, QStringLiteral("pageStack"));
    QCOMPARE(stack->property("depth").toInt(), 2);
    QCOMPARE(status.stateText(), QStringLiteral("在线"));
    QVERIFY(
        findNamed(currentPage(), QStringLiteral("language_zh_CN"))->property("checked").toBool());
    QCOMPARE(Preferences(m_tabletDir.path()).language(), QStringLiteral("zh_CN"));
    QVERIFY(navigate("goBack"));
    QTRY_VERIFY(findNamed(currentPage(), QStringLiteral("syncButton")));
    QVERIFY(onPage(QStringLiteral("syncButton"))
                ->property("text")
                .toString()
                .startsWith(QStringLiteral("同步")));

    // The app closes cleanly with its sync thread.
    engine.clearComponentCache();
}

QTEST_MAIN(TstEndToEnd)
#include "tst_e2e.moc"
