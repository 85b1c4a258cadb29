#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QString>

#include <optional>

namespace fl::server::http {

using Status = QHttpServerResponse::StatusCode;
/// tus checksum extension: the chunk (or the finished blob) does not match its checksum.
constexpr Status ChecksumMismatch = Status(460);

/// A refusal: the HTTP status, the protocol's error code (PROTOCOL.md) and a message.
struct Failure {
    Status status;
    QString code;
    QString message;
};

[[nodiscard]] QHttpServerResponse cbor(const QByteArray &body, Status status = Status::Ok);
[[nodiscard]] QHttpServerResponse refuse(const Failure &f);
/// A database or file error: logged, answered 500 internal.
[[nodiscard]] QHttpServerResponse internalError(const Error &e);
/// internalError() as a refusal to answer later.
[[nodiscard]] Failure internalFailure(const Error &e);
/// A wire decoding error: 400 malformed, or 400 unsupported_version.
[[nodiscard]] Failure decodeFailure(const Error &e);

/// A request header, matched without regard to case.
[[nodiscard]] QByteArray header(const QHttpServerRequest &r, QByteArrayView name);
[[nodiscard]] QByteArray methodName(QHttpServerRequest::Method m);
/// The path and query as the client signed them.
[[nodiscard]] QByteArray pathAndQuery(const QHttpServerRequest &r);
/// True when the media type (before any parameters) is `type`.
[[nodiscard]] bool hasContentType(const QHttpServerRequest &r, QByteArrayView type);
/// 413 body_too_large above `maxBytes` (RequestGuard refuses those first), 415 wrong_content_type
/// unless application/cbor.
[[nodiscard]] std::optional<Failure> checkCborBody(const QHttpServerRequest &r, qsizetype maxBytes);

/// Server clock, Unix milliseconds.
[[nodiscard]] qint64 nowMs();

} // namespace fl::server::http
