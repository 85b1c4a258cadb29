#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace fl {

/// What went wrong, as a category the caller can act on (retry, ask again, give up).
enum class ErrorCode {
    InvalidArgument, ///< the caller passed something malformed
    Validation,      ///< a domain rule was broken; the message says which
    NotFound,        ///< no such record, file or key
    WrongPassphrase, ///< the passphrase did not open the vault
    LockedOut,       ///< too many wrong passphrases: wait before trying again
    Locked,          ///< the vault is locked; unlock first
    Integrity,       ///< ciphertext was tampered with, truncated or moved
    Corrupt,         ///< a file is damaged or not what it claims to be
    ForeignFile,     ///< a valid file of some other application
    DiskFull,        ///< out of space (or over a file size limit); nothing was written
    Io,              ///< any other read or write failure
    Unsupported,     ///< a format or version this build does not handle
    Conflict,        ///< the operation clashes with the record's current state
};

/// An error with a message written for the person at the screen (never sensitive values).
struct Error {
    ErrorCode code;
    QString message;
};

/// A value or an error; the core returns these instead of throwing.
template<typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::move(value)) {}
    Result(Error error)
        : m_state(std::move(error)) {}

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T &value() & { return std::get<T>(m_state); }
    [[nodiscard]] const T &value() const & { return std::get<T>(m_state); }
    [[nodiscard]] T &&value() && { return std::get<T>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    [[nodiscard]] const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

/// Success or an error, with nothing to return.
template<> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true) {}

    [[nodiscard]] bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error &error() const { return m_error; }

private:
    Error m_error{ErrorCode::InvalidArgument, {}};
    bool m_failed = false;
};

/// Shorthand for building an error result.
inline Error makeError(ErrorCode code, QString message) {
    return Error{code, std::move(message)};
}

} // namespace fl
