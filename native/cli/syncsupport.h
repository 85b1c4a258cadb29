#pragma once

// Internal to fieldledger-cli: what the commands that talk to the server share (the sync
// engine over the session's store, and a sync failure as a reply with its exit code).

#include "cli/commandsupport.h"
#include "sync/client/syncerror.h"

#include <memory>

namespace fl::sync {
class SyncEngine;
}

namespace fl::cli {

/// The exit code of a sync failure (README, exit codes).
[[nodiscard]] int exitCodeFor(const sync::SyncFailure &failure);
[[nodiscard]] QJsonValue failureJson(const sync::SyncFailure &f);
/// A reply that is a failure: printed as {"error": ...} with --json, exit code by error type.
[[nodiscard]] Reply failureReply(const sync::SyncFailure &f);
/// A sync engine on the session's vault and store, for one command.
[[nodiscard]] std::unique_ptr<sync::SyncEngine> syncEngine(Session &s);

} // namespace fl::cli
