// fieldledger-server: serves PROTOCOL.md, or runs an admin command on its database.
#include "sync/server/admincommands.h"
#include "sync/server/serveroptions.h"
#include "sync/server/shutdownsignals.h"
#include "sync/server/syncserver.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

int main(int argc, char *argv[]) {
    using namespace fl::server;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fieldledger-server"));
    // The per-request access log is debug; QT_LOGGING_RULES="fl.server.debug=true"
    // turns it on (the environment overrides these rules).
    QLoggingCategory::setFilterRules(QStringLiteral("fl.server.debug=false"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    auto options = parseOptions(args);
    if (!options) {
        err << "fieldledger-server: " << options.error().message << "\n\n" << usage();
        return ExitUsage;
    }
    if (options->help || options->version) {
        out << (options->help ? usage() : QStringLiteral("fieldledger-server 1\n"));
        return ExitOk;
    }
    if (!options->admin.isEmpty())
        return runAdmin(*options, out, err);

    SyncServer server;
    if (auto r = server.open(options->storage); !r) {
        err << "fieldledger-server: " << r.error().message << Qt::endl;
        return r.error().code == fl::ErrorCode::InvalidArgument ? ExitUsage : ExitFailure;
    }
    auto url = server.listen(options->listen);
    if (!url) {
        err << "fieldledger-server: " << url.error().message << Qt::endl;
        return url.error().code == fl::ErrorCode::InvalidArgument ? ExitUsage : ExitFailure;
    }
    // A service manager's SIGTERM (or Ctrl+C) stops the server between two requests: a request
    // whose body is still arriving is dropped unanswered (the client repeats it; every request
    // may be repeated), none is left half-written, and the database closes cleanly.
    ShutdownSignals shutdown;
    QObject::connect(&shutdown, &ShutdownSignals::requested, &app, [&](const QString &name) {
        err << "fieldledger-server: " << name << ": stopping" << Qt::endl;
        server.stopListening();
        QCoreApplication::quit();
    });
    // The first line of stdout, flushed: tests and scripts read the port from it.
    out << "listening on " << url->toString() << Qt::endl;
    const int code = QCoreApplication::exec();
    server.close();
    err << "fieldledger-server: stopped" << Qt::endl;
    return code;
}
