#include "sync/protocol/requestsigning.h"

#include "common/sodiumready.h"

#include <sodium.h>

namespace fl::signing {

QByteArray canonical(QByteArrayView method, QByteArrayView pathAndQuery, qint64 timeMs,
                     QByteArrayView nonceHex, QByteArrayView body) {
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char *>(body.data()),
                       quint64(body.size()));
    QByteArray out("FL-SIG-1\n");
    out += method;
    out += '\n';
    out += pathAndQuery;
    out += '\n';
    out += QByteArray::number(timeMs);
    out += '\n';
    out += nonceHex;
    out += '\n';
    out += QByteArray(reinterpret_cast<const char *>(hash), sizeof hash).toHex();
    return out;
}

Result<SignedHeaders> sign(const Signer &signer, const QByteArray &deviceId, QByteArrayView method,
                           QByteArrayView pathAndQuery, QByteArrayView body, qint64 nowMs) {
    ensureSodium();
    QByteArray nonce(16, Qt::Uninitialized);
    randombytes_buf(nonce.data(), size_t(nonce.size()));
    const QByteArray nonceHex = nonce.toHex();
    auto sig = signer(canonical(method, pathAndQuery, nowMs, nonceHex, body));
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
