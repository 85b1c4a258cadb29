#include "cli/commands.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fieldledger"));
    QCoreApplication::setOrganizationName(QStringLiteral("FieldLedger"));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return fl::cli::run(args);
}
