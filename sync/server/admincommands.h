#pragma once

#include "sync/server/serveroptions.h"

class QTextStream;

namespace fl::server {

/// Runs `admin ...` directly on the database (no server needed); returns an ExitCode.
/// Results go to `out`, errors to `err`.
[[nodiscard]] int runAdmin(const ServerOptions &options, QTextStream &out, QTextStream &err);

} // namespace fl::server
