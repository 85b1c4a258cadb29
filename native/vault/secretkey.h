#pragma once

#include "common/sodiumready.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>

namespace fl {

/// A 32-byte symmetric key held in libsodium guarded memory (sodium_malloc): guard pages
/// around it, read-only while held, zeroed when freed. Move-only.
class SecretKey {
public:
    static constexpr std::size_t Size = 32;

    SecretKey() = default;
    ~SecretKey();
    SecretKey(SecretKey &&other) noexcept;
    SecretKey &operator=(SecretKey &&other) noexcept;
    SecretKey(const SecretKey &) = delete;
    SecretKey &operator=(const SecretKey &) = delete;

    /// A fresh random key.
    [[nodiscard]] static SecretKey random();
    /// Copies `Size` bytes from raw; the caller wipes its own copy.
    [[nodiscard]] static SecretKey fromBytes(const unsigned char *raw);

    [[nodiscard]] bool isNull() const { return m_data == nullptr; }
    [[nodiscard]] const unsigned char *data() const { return m_data; }
    [[nodiscard]] static constexpr std::size_t size() { return Size; }
    /// Wipes and frees the key now.
    void clear();

private:
    unsigned char *m_data = nullptr;
};

} // namespace fl
