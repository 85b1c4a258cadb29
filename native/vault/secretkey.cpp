#include "vault/secretkey.h"

#include <sodium.h>

#include <cstdlib>
#include <new>
#include <utility>

namespace fl {

namespace {
unsigned char *allocateGuarded() {
    if (!ensureSodium())
        std::abort(); // no safe way on without a working CSPRNG
    auto *p = static_cast<unsigned char *>(sodium_malloc(SecretKey::Size));
    if (!p)
        throw std::bad_alloc();
    return p;
}
} // namespace

SecretKey::~SecretKey() {
    clear();
}

SecretKey::SecretKey(SecretKey &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)) {}

SecretKey &SecretKey::operator=(SecretKey &&other) noexcept {
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
    }
    return *this;
}

SecretKey SecretKey::random() {
    SecretKey key;
    key.m_data = allocateGuarded();
    randombytes_buf(key.m_data, Size);
    sodium_mprotect_readonly(key.m_data);
    return key;
}

SecretKey SecretKey::fromBytes(const unsigned char *raw) {
    SecretKey key;
    key.m_data = allocateGuarded();
    std::copy(raw, raw + Size, key.m_data);
    sodium_mprotect_readonly(key.m_data);
    return key;
}

void SecretKey::clear() {
    if (m_data) {
        // sodium_free zeroes the region before releasing it.
        sodium_mprotect_readwrite(m_data);
        sodium_free(m_data);
        m_data = nullptr;
    }
}

} // namespace fl
