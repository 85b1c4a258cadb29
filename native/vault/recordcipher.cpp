#include "vault/recordcipher.h"

#include <QtEndian>

#include <sodium.h>

#include <cstring>

namespace fl::recordcipher {

namespace {

constexpr qsizetype NonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype TagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(Overhead == NonceBytes + TagBytes);
static_assert(SecretKey::Size == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

// Leads every record AD so it can never equal bytes built for another purpose (wrapped keys,
// vault secrets) or for a later version of this encoding.
constexpr QByteArrayView AdLabel = "fieldledger/record/v1";

// libsodium accepts a null pointer only together with a zero length; an empty view may carry
// either, so hand it a real address.
const unsigned char *bytesOf(QByteArrayView view) {
    static const unsigned char empty = 0;
    return view.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(view.data());
}

void appendBigEndian64(QByteArray &out, quint64 value) {
    char raw[8];
    qToBigEndian<quint64>(value, raw);
    out.append(raw, sizeof raw);
}

// 8-byte length before each part: no split point between parts can be shifted, and no part
// is long enough to overflow the prefix.
void appendPart(QByteArray &out, QByteArrayView part) {
    appendBigEndian64(out, quint64(part.size()));
    out.append(part);
}

Error integrityError() {
    return makeError(ErrorCode::Integrity,
                     QStringLiteral("The data could not be decrypted: it was changed, cut short "
                                    "or does not belong here."));
}

} // namespace

QByteArray associatedData(QByteArrayView recordType, QByteArrayView recordId, QByteArrayView field,
                          quint64 hlc) {
    QByteArray out;
    out.reserve(4 * 8 + AdLabel.size() + recordType.size() + recordId.size() + field.size() + 8);
    appendPart(out, AdLabel);
    appendPart(out, recordType);
    appendPart(out, recordId);
    appendPart(out, field);
    appendBigEndian64(out, hlc);
    return out;
}

QByteArray encrypt(const SecretKey &key, QByteArrayView plaintext, QByteArrayView associatedData) {
    if (!ensureSodium())
        return {};
    unsigned char nonce[NonceBytes];
    randombytes_buf(nonce, sizeof nonce);
    return detail::encryptWithNonce(
        key, plaintext, associatedData,
        QByteArrayView(reinterpret_cast<const char *>(nonce), qsizetype(sizeof nonce)));
}

Result<QByteArray> decrypt(const SecretKey &key, QByteArrayView sealed,
                           QByteArrayView associatedData) {
    if (!ensureSodium() || key.isNull())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("No key to decrypt with."));
    if (sealed.size() < Overhead)
        return integrityError();

    const auto *in = reinterpret_cast<const unsigned char *>(sealed.data());
    QByteArray plaintext(sealed.size() - Overhead, Qt::Uninitialized);
    unsigned long long plaintextLength = 0;
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
        reinterpret_cast<unsigned char *>(plaintext.data()), &plaintextLength, nullptr,
        in + NonceBytes, quint64(sealed.size() - NonceBytes), bytesOf(associatedData),
        quint64(associatedData.size()), in, key.data());
    if (rc != 0) {
        // Nothing unauthenticated may leave this function, not even in freed heap memory.
        sodium_memzero(plaintext.data(), size_t(plaintext.size()));
        return integrityError();
    }
    Q_ASSERT(plaintextLength == quint64(plaintext.size()));
    return plaintext;
}

} // namespace fl::recordcipher

namespace fl::recordcipher::detail {

QByteArray encryptWithNonce(const SecretKey &key, QByteArrayView plaintext,
                            QByteArrayView associatedData, QByteArrayView nonce) {
    if (!ensureSodium() || key.isNull() || nonce.size() != NonceBytes)
        return {};

    QByteArray out(NonceBytes + plaintext.size() + TagBytes, Qt::Uninitialized);
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    std::memcpy(o, nonce.data(), size_t(NonceBytes));
    unsigned long long ciphertextLength = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        o + NonceBytes, &ciphertextLength, bytesOf(plaintext), quint64(plaintext.size()),
        bytesOf(associatedData), quint64(associatedData.size()), nullptr, o, key.data());
    Q_ASSERT(ciphertextLength == quint64(plaintext.size() + TagBytes));
    return out;
}

} // namespace fl::recordcipher::detail
