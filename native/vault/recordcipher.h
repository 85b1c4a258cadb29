#pragma once

#include "common/result.h"
#include "vault/secretkey.h"

#include <QByteArray>
#include <QByteArrayView>

namespace fl::recordcipher {

/// Additional data that binds a value to its place: record type, record id, field and clock.
/// A value moved to another row, field or version fails to decrypt.
[[nodiscard]] QByteArray associatedData(QByteArrayView recordType, QByteArrayView recordId,
                                        QByteArrayView field, quint64 hlc);

/// XChaCha20-Poly1305 (IETF) with a random 24-byte nonce; returns nonce || ciphertext || tag.
[[nodiscard]] QByteArray encrypt(const SecretKey &key, QByteArrayView plaintext,
                                 QByteArrayView associatedData);

/// Opens what encrypt() produced; ErrorCode::Integrity if it was altered, truncated or moved.
[[nodiscard]] Result<QByteArray> decrypt(const SecretKey &key, QByteArrayView sealed,
                                         QByteArrayView associatedData);

/// Bytes that encrypt() adds to a plaintext.
constexpr int Overhead = 24 + 16;

} // namespace fl::recordcipher

namespace fl::recordcipher::detail {

/// encrypt() with a caller-chosen 24-byte nonce, for known-answer tests only: reusing a nonce
/// under one key destroys confidentiality. Returns an empty array if the nonce is not 24 bytes.
[[nodiscard]] QByteArray encryptWithNonce(const SecretKey &key, QByteArrayView plaintext,
                                          QByteArrayView associatedData, QByteArrayView nonce);

} // namespace fl::recordcipher::detail
