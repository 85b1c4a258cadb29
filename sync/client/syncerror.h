#pragma once

#include "common/result.h"

#include <QMetaType>
#include <QString>

#include <utility>
#include <variant>

namespace fl::sync {

Q_NAMESPACE

/// What stopped a sync, as a category the caller can act on. Retryable ones are retried with
/// back-off; the others stop automatic syncing until the person has done something.
enum class SyncError {
    None,
    Network,      ///< no connection, server unreachable, connection dropped before an answer
    Timeout,      ///< the server stopped answering in the middle of a request
    ServerError,  ///< 5xx, 408 or 429: the server is failing or busy
    Unauthorized, ///< 401: the server does not accept this device's signature (see code)
    Forbidden,    ///< 403: not a member, not an office device, bad enrolment code
    BadRequest,   ///< another 4xx: the server refused the request itself (version mismatch?)
    Protocol,     ///< garbage, a cut-off or undecodable answer, an unexpected status
    Cancelled,    ///< cancel() was called; the next sync resumes where this one stopped
    NotEnrolled,  ///< no server configured on this device yet
    Tls,          ///< the server's certificate was not accepted
    Local,        ///< this device's own storage or vault failed (locked, disk full...)
};
Q_ENUM_NS(SyncError)

/// A typed sync failure: the category, the server's reason code when it gave one (401
/// "stale_timestamp", 403 "not_member"...), the HTTP status (0 when none) and a message for the
/// person at the screen that says what to do next.
struct SyncFailure {
    SyncError error = SyncError::None;
    QString code;
    int httpStatus = 0;
    QString message;
    /// For SyncError::Local: what the store or vault reported (locked, not found, disk full...).
    ErrorCode localCode = ErrorCode::Io;

    /// Whether trying again later (with back-off) can succeed without anyone acting.
    [[nodiscard]] bool retryable() const;
    [[nodiscard]] QString errorString() const { return message; }
};

/// The default retryability of a category (SyncFailure::retryable() refines it by reason code).
[[nodiscard]] bool retryable(SyncError error);
/// A stable lowercase name ("network", "server_error", ...) for logs and JSON output.
[[nodiscard]] QString errorName(SyncError error);

/// A failure with its plain-words message built from the category, reason code and detail.
[[nodiscard]] SyncFailure makeFailure(SyncError error, const QString &code = {}, int httpStatus = 0,
                                      const QString &detail = {});
/// A local storage or vault error during a sync.
[[nodiscard]] SyncFailure localFailure(const Error &error);

/// Classifies an HTTP status that was not the expected one, with the server's error body code
/// and message when it sent one.
[[nodiscard]] SyncFailure classifyStatus(int httpStatus, const QString &code,
                                         const QString &serverMessage);

/// Classifies a transfer that ended without a complete answer. `qtError` is the
/// QNetworkReply::NetworkError value, `httpStatus` 0 when no status line was received.
[[nodiscard]] SyncFailure classifyTransport(int qtError, int httpStatus, bool timedOut,
                                            bool cancelled);

/// A value or a SyncFailure (the sync counterpart of fl::Result).
template<typename T> class [[nodiscard]] SyncResult {
public:
    SyncResult(T value)
        : m_state(std::move(value)) {}
    SyncResult(SyncFailure failure)
        : m_state(std::move(failure)) {}

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] T &value() & { return std::get<T>(m_state); }
    [[nodiscard]] const T &value() const & { return std::get<T>(m_state); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    [[nodiscard]] const SyncFailure &failure() const { return std::get<SyncFailure>(m_state); }

private:
    std::variant<T, SyncFailure> m_state;
};

/// Success or a SyncFailure.
template<> class [[nodiscard]] SyncResult<void> {
public:
    SyncResult() = default;
    SyncResult(SyncFailure failure)
        : m_failure(std::move(failure)) {}
    [[nodiscard]] bool ok() const { return m_failure.error == SyncError::None; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const SyncFailure &failure() const { return m_failure; }

private:
    SyncFailure m_failure;
};

} // namespace fl::sync

Q_DECLARE_METATYPE(fl::sync::SyncFailure)
