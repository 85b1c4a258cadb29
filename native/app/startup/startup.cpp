#include "startup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QPointer>
#include <QStandardPaths>
#include <QTranslator>

#include <cstdio>

namespace fl::app {

namespace {
const QStringList Available{QStringLiteral("zh_CN"), QStringLiteral("en")};
QPointer<QTranslator> s_translator;
QString s_language;

void install(QCoreApplication &app, const QString &language) {
    QLocale::setDefault(QLocale(language));
    auto *translator = new QTranslator(&app);
    if (translator->load(QStringLiteral(":/i18n/fieldledger_%1.qm").arg(language))) {
        if (s_translator) {
            QCoreApplication::removeTranslator(s_translator);
            delete s_translator;
        }
        s_translator = translator;
        QCoreApplication::installTranslator(translator);
    } else {
        delete translator;
    }
    s_language = language;
}
} // namespace

StartupOptions parseCommandLine(const QCoreApplication &app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("FieldLedger 督查台账: offline-first field inspection ledger"));
    parser.addHelpOption();
    const QCommandLineOption data(
        QStringLiteral("data"), QStringLiteral("Data folder (vault.json, fieldledger.db, blobs/)."),
        QStringLiteral("DIR"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("UI language: zh_CN or en (default: system)."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption selfTest(
        QStringLiteral("self-test"),
        QStringLiteral("Load every page once; exit 0, or 1 on any QML warning or error."));
    const QCommandLineOption shots(QStringLiteral("screenshot-dir"),
                                   QStringLiteral("Walk the pages and save a PNG of each."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption stdinPass(
        QStringLiteral("passphrase-stdin"),
        QStringLiteral("Read the passphrase for --self-test/--screenshot-dir from stdin."));
    const QCommandLineOption firstFrame(
        QStringLiteral("exit-after-first-frame"),
        QStringLiteral("Unlock at the first frame (with --passphrase-stdin), print the startup "
                       "times at the first frame of the visits page and exit."));
    parser.addOptions({data, lang, selfTest, shots, stdinPass, firstFrame});
    parser.process(app);

    StartupOptions o;
    o.dataDir = parser.isSet(data)
                    ? parser.value(data)
                    : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    o.language = parser.value(lang);
    o.selfTest = parser.isSet(selfTest);
    o.screenshotDir = parser.value(shots);
    o.exitAfterFirstFrame = parser.isSet(firstFrame);
    if (parser.isSet(stdinPass)) {
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly))
            o.passphrase = in.readLine().trimmed();
    }
    return o;
}

QString installTranslator(QCoreApplication &app, const QString &language) {
    QString chosen;
    if (Available.contains(language)) {
        chosen = language;
    } else {
        for (const QString &ui : QLocale::system().uiLanguages()) {
            const QString name = QLocale(ui).name(); // "zh-Hans-CN" -> "zh_CN", "en-GB" -> "en_GB"
            if (name.startsWith(QLatin1String("zh"))) {
                chosen = QStringLiteral("zh_CN");
                break;
            }
            if (name.startsWith(QLatin1String("en"))) {
                chosen = QStringLiteral("en");
                break;
            }
        }
        if (chosen.isEmpty())
            chosen = QStringLiteral("zh_CN"); // the inspection offices' language comes first
    }
    install(app, chosen);
    return chosen;
}

bool switchLanguage(const QString &language) {
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || !Available.contains(language))
        return false;
    if (language != s_language)
        install(*app, language);
    return true;
}

QString currentLanguage() {
    return s_language;
}

} // namespace fl::app
