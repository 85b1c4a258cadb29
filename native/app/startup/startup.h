#pragma once

#include <QByteArray>
#include <QString>

class QCoreApplication;

namespace fl::app {

/// What the command line asked for.
struct StartupOptions {
    QString dataDir;       ///< --data DIR, else the platform's app data folder
    QString language;      ///< --lang zh_CN|en, else empty: follow the system
    bool selfTest = false; ///< --self-test: load every page once, exit non-zero on a warning
    QString screenshotDir; ///< --screenshot-dir DIR: walk the pages, save a PNG of each
    QByteArray passphrase; ///< --passphrase-stdin: one line from standard input, for the tour
    /// --exit-after-first-frame: unlock at once (with --passphrase-stdin), print the startup
    /// times at the first frame of the visits page and exit (tests/bench/bench_app)
    bool exitAfterFirstFrame = false;
};

/// Parses the arguments (exits on --help or a bad option).
[[nodiscard]] StartupOptions parseCommandLine(const QCoreApplication &app);

/// Loads the UI translation for `language`, or for the system's languages; Simplified Chinese
/// when none of them has a translation. Also makes it the default locale for dates and numbers.
/// Returns the language used ("zh_CN" or "en").
QString installTranslator(QCoreApplication &app, const QString &language);

/// Replaces the installed UI translation at run time ("zh_CN" or "en"; anything else is
/// refused and returns false). Sends QEvent::LanguageChange; QML engines still need
/// QQmlEngine::retranslate().
bool switchLanguage(const QString &language);

/// The language installTranslator() or switchLanguage() chose last.
[[nodiscard]] QString currentLanguage();

} // namespace fl::app
