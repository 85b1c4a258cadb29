#include "sync/protocol/requestsigning.h"

#include "common/sodiumready.h"

#include <sodium.h>

namespace fl::signing {

QByteArray hostHeader(const QUrl &url) {
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']'; // IPv6
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());
    return host;
}

QByteArray headerValue(const HeaderList &headers, QByteArrayView name) {
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return {};
}

bool repeatsSignedHeader(const HeaderList &headers) {
    for (const char *name : CoveredHeaders) {
        int seen = 0;
        for (const auto &entry : headers) {
            if (entry.first.compare(name, Qt::CaseInsensitive) == 0 && ++seen > 1)
                return true;
        }
    }
    return false;
}

QByteArray canonical(QByteArrayView method, QByteArrayView pathAndQuery, qint64 timeMs,
                     QByteArrayView nonceHex, const HeaderList &headers, QByteArrayView body) {
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char *>(body.data()),
                       quint64(body.size()));
    QByteArray out(Scheme);
    out += '\n';
    out += method;
    out += '\n';
    out += pathAndQuery;
    out += '\n';
    out += QByteArray::number(timeMs);
    out += '\n';
    out += nonceHex;
    out += '\n';
    out += QByteArray(reinterpret_cast<const char *>(hash), sizeof hash).toHex();
    for (const char *name : CoveredHeaders) {
        out += '\n';
        out += name;
        out += ':';
        out += headerValue(headers, name);
    }
    return out;
}

Result<SignedHeaders> sign(const Signer &signer, const QByteArray &deviceId, QByteArrayView method,
                           QByteArrayView pathAndQuery, const HeaderList &headers,
                           QByteArrayView body, qint64 nowMs) {
    ensureSodium();
    if (headerValue(headers, "host").isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a signed request must name its Host"));
    HeaderList sent;
    sent.reserve(headers.size() + 1);
    sent.append({DeviceHeader, deviceId.toHex()});
    for (const auto &entry : headers) {
        if (entry.first.compare(DeviceHeader, Qt::CaseInsensitive) != 0)
            sent.append(entry);
    }
    QByteArray nonce(16, Qt::Uninitialized);
    randombytes_buf(nonce.data(), size_t(nonce.size()));
    const QByteArray nonceHex = nonce.toHex();
    auto sig = signer(canonical(method, pathAndQuery, nowMs, nonceHex, sent, body));
    if (!sig)
        return sig.error();
    return SignedHeaders{deviceId.toHex(), QByteArray::number(nowMs), nonceHex, sig->toBase64()};
}

bool verify(QByteArrayView publicKey, QByteArrayView signature, QByteArrayView message) {
    ensureSodium();
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
        return false;
    return crypto_sign_verify_detached(
               reinterpret_cast<const unsigned char *>(signature.data()),
               reinterpret_cast<const unsigned char *>(message.data()), quint64(message.size()),
               reinterpret_cast<const unsigned char *>(publicKey.data())) == 0;
}

} // namespace fl::signing
