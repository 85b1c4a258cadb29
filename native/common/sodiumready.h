#pragma once

namespace fl {

/// Initialises libsodium once (thread-safe); every entry point that uses it calls this.
/// False only when the library cannot start (no usable CSPRNG).
bool ensureSodium();

} // namespace fl
