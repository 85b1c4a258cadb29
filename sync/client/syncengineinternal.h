#pragma once

// Helpers shared by the files that implement SyncEngine; not for use outside sync/client.

#include "sync/client/syncerror.h"

#include <QString>

namespace fl::sync {

/// The server's answer did not decode or does not hold what it must.
inline SyncFailure protocolFailure(const QString &detail) {
    return makeFailure(SyncError::Protocol, {}, 0, detail);
}

} // namespace fl::sync
