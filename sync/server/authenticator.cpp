#include "sync/server/authenticator.h"

#include "sync/protocol/requestsigning.h"
#include "sync/server/serverdatabase.h"

#include <QHttpServerRequest>

namespace fl::server {

namespace {

http::Failure unauthorized(const char *code, const QString &message) {
    return {http::Status::Unauthorized, QString::fromLatin1(code), message};
}

http::Failure databaseFailure() {
    return {http::Status::InternalServerError, QStringLiteral("internal"),
            QStringLiteral("the server could not check the request")};
}

} // namespace

std::optional<http::Failure> Authenticator::readHeaders(const QHttpServerRequest &request,
                                                        Signed &out) const {
    out.deviceHex = http::header(request, signing::DeviceHeader);
    const QByteArray time = http::header(request, signing::TimeHeader);
    out.nonceHex = http::header(request, signing::NonceHeader);
    const QByteArray signature = http::header(request, signing::SignatureHeader);
    if (out.deviceHex.isEmpty() || time.isEmpty() || out.nonceHex.isEmpty() || signature.isEmpty())
        return unauthorized("missing_auth", QStringLiteral("the request is not signed"));
    bool ok = false;
    out.timeMs = time.toLongLong(&ok);
    if (!ok || !isLowerHex(out.deviceHex, 32) || !isLowerHex(out.nonceHex, 32))
        return unauthorized("missing_auth", QStringLiteral("the signature headers are malformed"));
    if (qAbs(http::nowMs() - out.timeMs) > signing::MaxSkewMs)
        return unauthorized("stale_timestamp",
                            QStringLiteral("the request time is more than 5 minutes from the "
                                           "server clock"));
    if (signing::repeatsSignedHeader(request.headers()))
        return unauthorized("bad_signature",
                            QStringLiteral("a signed header appears more than once"));
    auto decoded =
        QByteArray::fromBase64Encoding(signature, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return unauthorized("bad_signature", QStringLiteral("the signature is not base64"));
    out.signature = *decoded;
    return std::nullopt;
}

bool Authenticator::signatureValid(const QHttpServerRequest &request, const Signed &s,
                                   const QByteArray &key) {
    const QByteArray message =
        signing::canonical(http::methodName(request.method()), http::pathAndQuery(request),
                           s.timeMs, s.nonceHex, request.headers(), request.body());
    return signing::verify(key, s.signature, message);
}

std::optional<http::Failure> Authenticator::consumeNonce(const Signed &s) {
    auto fresh = m_db.useNonce(QString::fromLatin1(s.deviceHex), QString::fromLatin1(s.nonceHex),
                               http::nowMs());
    if (!fresh)
        return databaseFailure();
    if (!*fresh)
        return unauthorized("replayed_nonce", QStringLiteral("this nonce was used before"));
    return std::nullopt;
}

std::optional<http::Failure> Authenticator::authenticate(const QHttpServerRequest &request,
                                                         Caller &caller) {
    Signed s;
    if (auto f = readHeaders(request, s))
        return f;
    auto device = m_db.device(QString::fromLatin1(s.deviceHex));
    if (!device)
        return databaseFailure();
    if (!*device)
        return unauthorized("unknown_device", QStringLiteral("this device is not enrolled"));
    if (!signatureValid(request, s, (*device)->signKey))
        return unauthorized("bad_signature", QStringLiteral("the signature does not verify"));
    if ((*device)->revoked)
        return unauthorized("revoked_device", QStringLiteral("this device has been revoked"));
    if (auto f = consumeNonce(s))
        return f;
    caller.device = QByteArray::fromHex(s.deviceHex);
    caller.deviceHex = QString::fromLatin1(s.deviceHex);
    caller.role = (*device)->role;
    return std::nullopt;
}

std::optional<http::Failure> Authenticator::verifyWithKey(const QHttpServerRequest &request,
                                                          const QByteArray &device,
                                                          const QByteArray &signingKey) {
    Signed s;
    if (auto f = readHeaders(request, s))
        return f;
    if (s.deviceHex != device.toHex())
        return unauthorized("bad_signature",
                            QStringLiteral("the signature header names another device"));
    if (!signatureValid(request, s, signingKey))
        return unauthorized("bad_signature", QStringLiteral("the signature does not verify"));
    return consumeNonce(s);
}

} // namespace fl::server
