#include "sync/client/syncerror.h"

#include <QNetworkReply>

namespace fl::sync {

namespace {

const QString NothingLost = QStringLiteral("Nothing was lost: your changes stay on this device.");

QString withDetail(const QString &text, const QString &detail) {
    return detail.isEmpty() ? text : QStringLiteral("%1 (%2)").arg(text, detail);
}

QString unauthorizedMessage(const QString &code) {
    if (code == QLatin1String("stale_timestamp"))
        return QStringLiteral("This device's clock is more than 5 minutes off the server's. "
                              "Correct the date and time, then sync again.");
    if (code == QLatin1String("revoked_device"))
        return QStringLiteral("The office has revoked this device: it can no longer sync. "
                              "Contact the office; your unsynced changes stay on this device.");
    if (code == QLatin1String("unknown_device"))
        return QStringLiteral("The server does not know this device. Enrol it again with a "
                              "new code from the office.");
    if (code == QLatin1String("replayed_nonce"))
        return QStringLiteral("The server saw this request twice and refused the repeat. Sync "
                              "will try again.");
    return QStringLiteral("The server did not accept this device's signature. Check that the "
                          "server address is right, or enrol the device again.");
}

QString forbiddenMessage(const QString &code) {
    if (code == QLatin1String("not_member"))
        return QStringLiteral("This device is not a member of that campaign. Ask the office to "
                              "share the campaign with this device.");
    if (code == QLatin1String("bad_code"))
        return QStringLiteral("The enrolment code is wrong, already used or expired. Ask the "
                              "office for a new code.");
    return QStringLiteral("Only an office device may do this.");
}

} // namespace

bool retryable(SyncError error) {
    switch (error) {
    case SyncError::Network:
    case SyncError::Timeout:
    case SyncError::ServerError:
    case SyncError::Protocol:
        return true;
    case SyncError::None:
    case SyncError::Unauthorized:
    case SyncError::Forbidden:
    case SyncError::BadRequest:
    case SyncError::Cancelled:
    case SyncError::NotEnrolled:
    case SyncError::Tls:
    case SyncError::Local:
        return false;
    }
    return false;
}

bool SyncFailure::retryable() const {
    // A replayed nonce is a repeat of one request (a proxy retrying it): a new request with a
    // fresh nonce goes through.
    if (error == SyncError::Unauthorized && code == QLatin1String("replayed_nonce"))
        return true;
    return sync::retryable(error);
}

QString errorName(SyncError error) {
    switch (error) {
    case SyncError::None:
        return QStringLiteral("none");
    case SyncError::Network:
        return QStringLiteral("network");
    case SyncError::Timeout:
        return QStringLiteral("timeout");
    case SyncError::ServerError:
        return QStringLiteral("server_error");
    case SyncError::Unauthorized:
        return QStringLiteral("unauthorized");
    case SyncError::Forbidden:
        return QStringLiteral("forbidden");
    case SyncError::BadRequest:
        return QStringLiteral("bad_request");
    case SyncError::Protocol:
        return QStringLiteral("protocol");
    case SyncError::Cancelled:
        return QStringLiteral("cancelled");
    case SyncError::NotEnrolled:
        return QStringLiteral("not_enrolled");
    case SyncError::Tls:
        return QStringLiteral("tls");
    case SyncError::Local:
        return QStringLiteral("local");
    }
    return QStringLiteral("unknown");
}

SyncFailure makeFailure(SyncError error, const QString &code, int httpStatus,
                        const QString &detail) {
    QString text;
    switch (error) {
    case SyncError::None:
        break;
    case SyncError::Network:
        text = QStringLiteral("The server could not be reached or the connection was cut (no "
                              "network, or the server is down). %1 Sync will try again when the "
                              "server is in reach.")
                   .arg(NothingLost);
        break;
    case SyncError::Timeout:
        text = QStringLiteral("The server stopped answering. %1 Sync will try again.")
                   .arg(NothingLost);
        break;
    case SyncError::ServerError:
        text = QStringLiteral("The server is failing or busy (HTTP %1). %2 Sync will try again "
                              "later.")
                   .arg(httpStatus)
                   .arg(NothingLost);
        break;
    case SyncError::Unauthorized:
        text = unauthorizedMessage(code);
        break;
    case SyncError::Forbidden:
        text = forbiddenMessage(code);
        break;
    case SyncError::BadRequest:
        text = code == QLatin1String("unsupported_version")
                   ? QStringLiteral("The server speaks another version of the sync protocol. "
                                    "Update the app (or ask the office to update the server). "
                                    "%1")
                         .arg(NothingLost)
                   : QStringLiteral("The server refused the request (HTTP %1%2). This usually "
                                    "means the app and the server do not match: update the "
                                    "app. %3")
                         .arg(httpStatus)
                         .arg(code.isEmpty() ? QString() : QStringLiteral(", ") + code)
                         .arg(NothingLost);
        break;
    case SyncError::Protocol:
        text = QStringLiteral("The server's answer was cut off or not understood, so nothing "
                              "from it was used. %1 Sync will try again; if this keeps "
                              "happening, check the server address.")
                   .arg(NothingLost);
        break;
    case SyncError::Cancelled:
        text = QStringLiteral("Sync was cancelled. The next sync continues where this one "
                              "stopped.");
        break;
    case SyncError::NotEnrolled:
        text = QStringLiteral("This device is not enrolled with a server yet. Enrol it with "
                              "the server address and a code from the office.");
        break;
    case SyncError::Tls:
        text = QStringLiteral("The server's identity could not be verified, so nothing was "
                              "sent. Check the server address and this device's date and "
                              "time, or ask the office.");
        break;
    case SyncError::Local:
        text = QStringLiteral("Sync stopped because this device could not read or write its "
                              "own data.");
        break;
    }
    return SyncFailure{error, code, httpStatus, withDetail(text, detail)};
}

SyncFailure localFailure(const Error &error) {
    SyncFailure f = makeFailure(SyncError::Local, {}, 0, error.message);
    f.localCode = error.code;
    return f;
}

SyncFailure classifyStatus(int httpStatus, const QString &code, const QString &serverMessage) {
    // The server's own message is for logs and developers; the plain-words text comes first.
    const QString detail = serverMessage.left(200);
    if (httpStatus == 401)
        return makeFailure(SyncError::Unauthorized, code, httpStatus);
    if (httpStatus == 403)
        return makeFailure(SyncError::Forbidden, code, httpStatus);
    if (httpStatus == 408 || httpStatus == 429 || (httpStatus >= 500 && httpStatus <= 599))
        return makeFailure(SyncError::ServerError, code, httpStatus);
    if (httpStatus >= 400 && httpStatus <= 499)
        return makeFailure(SyncError::BadRequest, code, httpStatus, detail);
    // 1xx, an unexpected 2xx, 3xx (redirects are not followed: they would change the signed
    // path) or anything outside HTTP's range.
    return makeFailure(SyncError::Protocol, code, httpStatus,
                       QStringLiteral("unexpected HTTP status %1").arg(httpStatus));
}

SyncFailure classifyTransport(int qtError, int httpStatus, bool timedOut, bool cancelled) {
    if (cancelled)
        return makeFailure(SyncError::Cancelled);
    if (timedOut)
        return makeFailure(SyncError::Timeout, {}, httpStatus);
    switch (QNetworkReply::NetworkError(qtError)) {
    case QNetworkReply::SslHandshakeFailedError:
        return makeFailure(SyncError::Tls);
    case QNetworkReply::TimeoutError:
        return makeFailure(SyncError::Timeout, {}, httpStatus);
    case QNetworkReply::OperationCanceledError:
        // Aborted by someone other than this client's timer or cancel(): treat as a dropped
        // connection.
        return makeFailure(SyncError::Network);
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return makeFailure(SyncError::Protocol, {}, httpStatus,
                           QStringLiteral("the answer was not valid HTTP"));
    default:
        break;
    }
    // Once the status line arrived, a transfer failure means the body was cut off.
    if (httpStatus > 0)
        return makeFailure(SyncError::Protocol, {}, httpStatus,
                           QStringLiteral("the answer was cut off"));
    return makeFailure(SyncError::Network);
}

} // namespace fl::sync
