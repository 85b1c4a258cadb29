#pragma once

#include <QStringList>

namespace fl::cli {

/// Exit codes of fieldledger-cli (documented in the README).
enum ExitCode {
    ExitOk = 0,
    ExitError = 1,      ///< anything not listed below
    ExitUsage = 2,      ///< unknown command or option, malformed value
    ExitAuth = 3,       ///< wrong passphrase, locked out, vault locked; server refused device
    ExitValidation = 4, ///< input refused: a domain rule, an unsupported format (nothing written)
    ExitNotFound = 5,   ///< no such record, file or data folder
    ExitStorage = 6,    ///< damaged, foreign or full storage (nothing was lost)
    ExitIntegrity = 7,  ///< tampered or truncated ciphertext detected
    ExitServer = 8,     ///< sync: server unreachable or failing; nothing lost, try again later
};

/// Runs one command line (without the program name); prints to stdout/stderr.
int run(const QStringList &args);

} // namespace fl::cli
