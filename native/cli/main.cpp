#include "cli/commands.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

namespace {

/// The PDF report lays out text, which needs fonts and so a QGuiApplication; every other
/// command runs without one. The CLI never shows a window: offscreen unless told otherwise.
bool needsGui(int argc, char *argv[]) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "report") == 0)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[]) {
    std::unique_ptr<QCoreApplication> app;
    if (needsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("fieldledger"));
    QCoreApplication::setOrganizationName(QStringLiteral("FieldLedger"));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return fl::cli::run(args);
}
