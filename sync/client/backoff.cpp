#include "sync/client/backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace fl::sync {

std::chrono::milliseconds retryDelay(const RetryPolicy &policy, int failures, double random01) {
    if (failures < 1 || policy.base.count() <= 0)
        return std::chrono::milliseconds(0);
    const double cap = double(std::max(policy.cap, policy.base).count());
    // Doubling stops mattering long before the exponent could overflow a double.
    const double nominal =
        std::min(cap, double(policy.base.count()) * std::exp2(double(std::min(failures - 1, 62))));
    const double jitter = std::clamp(policy.jitter, 0.0, 1.0);
    const double r = std::clamp(random01, 0.0, 1.0);
    return std::chrono::milliseconds(qint64(std::llround(nominal * (1.0 - jitter * r))));
}

std::chrono::milliseconds Backoff::fail() {
    if (m_failures < 1000)
        ++m_failures;
    return retryDelay(m_policy, m_failures, QRandomGenerator::global()->generateDouble());
}

} // namespace fl::sync
