#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace fl::signing {

// Every request but enrolment's code check carries these headers; the signature covers
// method, path (with query), timestamp, nonce and the SHA-256 of the body.
inline constexpr char DeviceHeader[] = "X-FL-Device";       ///< hex device id
inline constexpr char TimeHeader[] = "X-FL-Time";           ///< Unix milliseconds
inline constexpr char NonceHeader[] = "X-FL-Nonce";         ///< 32 hex characters, random
inline constexpr char SignatureHeader[] = "X-FL-Signature"; ///< base64 Ed25519 signature

/// How far a request's timestamp may be from the server's clock.
constexpr qint64 MaxSkewMs = 5 * 60 * 1000;

/// The exact bytes that are signed.
[[nodiscard]] QByteArray canonical(QByteArrayView method, QByteArrayView pathAndQuery,
                                   qint64 timeMs, QByteArrayView nonceHex, QByteArrayView body);

/// Headers for one request, made with a signer (the vault's Ed25519 key).
struct SignedHeaders {
    QByteArray device;
    QByteArray time;
    QByteArray nonce;
    QByteArray signature;
};
using Signer = std::function<Result<QByteArray>(QByteArrayView message)>;
[[nodiscard]] Result<SignedHeaders> sign(const Signer &signer, const QByteArray &deviceId,
                                         QByteArrayView method, QByteArrayView pathAndQuery,
                                         QByteArrayView body, qint64 nowMs);

/// Checks a detached Ed25519 signature over canonical(...).
[[nodiscard]] bool verify(QByteArrayView publicKey, QByteArrayView signature,
                          QByteArrayView message);

} // namespace fl::signing
