#include "sync/server/httpsupport.h"

#include "sync/protocol/wire.h"
#include "sync/server/serverdatabase.h"

#include <QDateTime>

namespace fl::server::http {

QHttpServerResponse cbor(const QByteArray &body, Status status) {
    return QHttpServerResponse(QByteArray(wire::ContentType), body, status);
}

QHttpServerResponse refuse(const Failure &f) {
    return cbor(wire::encodeError(f.code, f.message), f.status);
}

Failure internalFailure(const Error &e) {
    qCWarning(lcServer).noquote() << "internal error:" << e.message;
    return {Status::InternalServerError, QStringLiteral("internal"),
            QStringLiteral("the server could not complete the request")};
}

QHttpServerResponse internalError(const Error &e) {
    return refuse(internalFailure(e));
}

Failure decodeFailure(const Error &e) {
    if (e.code == ErrorCode::Unsupported)
        return {Status::BadRequest, QStringLiteral("unsupported_version"), e.message};
    return {Status::BadRequest, QStringLiteral("malformed"), e.message};
}

QByteArray header(const QHttpServerRequest &r, QByteArrayView name) {
    const auto headers = r.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return {};
}

QByteArray methodName(QHttpServerRequest::Method m) {
    using M = QHttpServerRequest::Method;
    switch (m) {
    case M::Get:
        return "GET";
    case M::Put:
        return "PUT";
    case M::Delete:
        return "DELETE";
    case M::Post:
        return "POST";
    case M::Head:
        return "HEAD";
    case M::Options:
        return "OPTIONS";
    case M::Patch:
        return "PATCH";
    case M::Connect:
        return "CONNECT";
    case M::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

QByteArray pathAndQuery(const QHttpServerRequest &r) {
    const QUrl url = r.url();
    QByteArray out = url.path(QUrl::FullyEncoded).toLatin1();
    if (url.hasQuery())
        out += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    return out;
}

bool hasContentType(const QHttpServerRequest &r, QByteArrayView type) {
    QByteArray value = header(r, "Content-Type");
    const qsizetype semicolon = value.indexOf(';');
    if (semicolon >= 0)
        value.truncate(semicolon);
    return value.trimmed().compare(type, Qt::CaseInsensitive) == 0;
}

std::optional<Failure> checkCborBody(const QHttpServerRequest &r, qsizetype maxBytes) {
    if (r.body().size() > maxBytes)
        return Failure{Status::PayloadTooLarge, QStringLiteral("body_too_large"),
                       QStringLiteral("the body exceeds %1 bytes").arg(maxBytes)};
    if (!hasContentType(r, wire::ContentType))
        return Failure{Status::UnsupportedMediaType, QStringLiteral("wrong_content_type"),
                       QStringLiteral("the body must be application/cbor")};
    return std::nullopt;
}

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace fl::server::http
