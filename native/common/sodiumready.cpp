#include "common/sodiumready.h"

#include <sodium.h>

namespace fl {

bool ensureSodium() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace fl
