#include "cli/syncsupport.h"

#include "sync/client/syncengine.h"

namespace fl::cli {

int exitCodeFor(const sync::SyncFailure &failure) {
    // Whatever a later attempt can fix on its own is "try again later".
    if (failure.error != sync::SyncError::None && failure.retryable())
        return ExitServer;
    switch (failure.error) {
    case sync::SyncError::None:
        return ExitOk;
    case sync::SyncError::Network:
    case sync::SyncError::Timeout:
    case sync::SyncError::ServerError:
    case sync::SyncError::Protocol:
        return ExitServer;
    case sync::SyncError::Unauthorized:
    case sync::SyncError::Forbidden:
        return ExitAuth;
    case sync::SyncError::BadRequest:
        return ExitValidation;
    case sync::SyncError::NotEnrolled:
        return ExitNotFound;
    case sync::SyncError::Local:
        return exitCodeFor(failure.localCode);
    case sync::SyncError::Cancelled:
    case sync::SyncError::Tls:
        return ExitError;
    }
    return ExitError;
}

QJsonValue failureJson(const sync::SyncFailure &f) {
    if (f.error == sync::SyncError::None)
        return QJsonValue(QJsonValue::Null);
    return QJsonObject{{QStringLiteral("code"), sync::errorName(f.error)},
                       {QStringLiteral("reason"), f.code},
                       {QStringLiteral("http_status"), f.httpStatus},
                       {QStringLiteral("retryable"), f.retryable()},
                       {QStringLiteral("message"), f.message}};
}

Reply failureReply(const sync::SyncFailure &f) {
    return Reply{QJsonObject{{QStringLiteral("error"), failureJson(f)}}, QString(), exitCodeFor(f),
                 f.message};
}

std::unique_ptr<sync::SyncEngine> syncEngine(Session &s) {
    return std::make_unique<sync::SyncEngine>(s.vault(), s.databasePath(), s.blobDir());
}

} // namespace fl::cli
