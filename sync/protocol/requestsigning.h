#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <array>
#include <functional>

namespace fl::signing {

// Every request but GET /v1/health carries these headers; the signature covers method, path
// (with query), timestamp, nonce, the SHA-256 of the body and the headers in CoveredHeaders.
inline constexpr char DeviceHeader[] = "X-FL-Device";       ///< hex device id
inline constexpr char TimeHeader[] = "X-FL-Time";           ///< Unix milliseconds
inline constexpr char NonceHeader[] = "X-FL-Nonce";         ///< 32 hex characters, random
inline constexpr char SignatureHeader[] = "X-FL-Signature"; ///< base64 Ed25519 signature

/// The first line of the canonical string. FL-SIG-1 (no headers covered) is no longer accepted.
inline constexpr char Scheme[] = "FL-SIG-2";
/// The headers whose values are signed, lower case, in the order they are signed: every header
/// that changes what a request means (who sends it, to which server, what its body is, which
/// part of a blob, the tus upload's length, offset, campaign and checksum). An absent header
/// is signed as empty, so adding one later breaks the signature too.
inline constexpr std::array<const char *, 12> CoveredHeaders = {"host",
                                                                "x-fl-device",
                                                                "content-type",
                                                                "content-range",
                                                                "range",
                                                                "tus-resumable",
                                                                "upload-length",
                                                                "upload-offset",
                                                                "upload-metadata",
                                                                "upload-checksum",
                                                                "upload-defer-length",
                                                                "upload-concat"};

/// How long a request's timestamp may be from the server's clock.
constexpr qint64 MaxSkewMs = 5 * 60 * 1000;

/// Request headers as sent or received: name and value, names in any case.
using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// The Host header of a request to `url`, as Qt writes it: host (IPv6 in brackets), and the
/// port when the URL names one.
[[nodiscard]] QByteArray hostHeader(const QUrl &url);
/// The value of the first header called `name` (any case), without surrounding whitespace;
/// empty when there is none.
[[nodiscard]] QByteArray headerValue(const HeaderList &headers, QByteArrayView name);
/// True when a signed header appears more than once: which copy counts would be up to each
/// reader, so such a request is refused.
[[nodiscard]] bool repeatsSignedHeader(const HeaderList &headers);

/// The exact bytes that are signed (PROTOCOL.md, "Identity and request signing").
[[nodiscard]] QByteArray canonical(QByteArrayView method, QByteArrayView pathAndQuery,
                                   qint64 timeMs, QByteArrayView nonceHex,
                                   const HeaderList &headers, QByteArrayView body);

/// Headers for one request, made with a signer (the vault's Ed25519 key).
struct SignedHeaders {
    QByteArray device;
    QByteArray time;
    QByteArray nonce;
    QByteArray signature;
};
using Signer = std::function<Result<QByteArray>(QByteArrayView message)>;
/// Signs a request that will carry `headers` (Host among them: the value sent must be the value
/// signed) plus the four signature headers; the device header is `deviceId` whatever `headers`
/// say. InvalidArgument when Host is missing.
[[nodiscard]] Result<SignedHeaders> sign(const Signer &signer, const QByteArray &deviceId,
                                         QByteArrayView method, QByteArrayView pathAndQuery,
                                         const HeaderList &headers, QByteArrayView body,
                                         qint64 nowMs);

/// Checks a detached Ed25519 signature over canonical(...).
[[nodiscard]] bool verify(QByteArrayView publicKey, QByteArrayView signature,
                          QByteArrayView message);

} // namespace fl::signing
