#pragma once

#include "common/result.h"
#include "sync/server/serverdatabase.h"
#include "sync/server/syncserver.h"

#include <QStringList>

namespace fl::server {

/// Process exit codes of fieldledger-server (documented in README.md).
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,  ///< database, file or network failure
    ExitUsage = 2,    ///< bad arguments or a refused configuration
    ExitNotFound = 3, ///< admin: no such device
};

/// The command line: storage, listening, and an optional `admin ...` command.
struct ServerOptions {
    StorageConfig storage;
    ListenConfig listen;
    QStringList admin; ///< the words after "admin"; empty when serving
    QString role;      ///< admin enrol-code --role
    int hours = 24;    ///< admin enrol-code --hours
    bool json = false;
    bool help = false;
    bool version = false;
};

/// Parses arguments (without the program name). ErrorCode::InvalidArgument = usage error.
[[nodiscard]] Result<ServerOptions> parseOptions(const QStringList &arguments);
/// The --help text.
[[nodiscard]] QString usage();

} // namespace fl::server
