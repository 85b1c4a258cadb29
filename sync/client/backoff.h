#pragma once

#include <QtGlobal>

#include <chrono>

namespace fl::sync {

/// How long to wait before retrying after retryable failures.
struct RetryPolicy {
    std::chrono::milliseconds base{2000};  ///< the wait after the first failure
    std::chrono::milliseconds cap{300000}; ///< never wait longer than this (5 minutes)
    /// The share of each wait that is random: 0.5 waits between half and all of the nominal
    /// delay, so devices that failed together do not all come back at the same instant.
    double jitter = 0.5;
};

/// The wait before the next attempt after `failures` consecutive retryable failures (1 = after
/// the first): base * 2^(failures - 1), capped, then reduced by up to `jitter` of itself with
/// `random01` in [0, 1). Zero when failures < 1.
[[nodiscard]] std::chrono::milliseconds retryDelay(const RetryPolicy &policy, int failures,
                                                   double random01);

/// Counts consecutive failures and hands out jittered delays; reset on success.
class Backoff {
public:
    explicit Backoff(RetryPolicy policy = {})
        : m_policy(policy) {}

    /// Records a failure and returns the wait before the next attempt.
    std::chrono::milliseconds fail();
    void reset() { m_failures = 0; }
    [[nodiscard]] int failures() const { return m_failures; }
    [[nodiscard]] const RetryPolicy &policy() const { return m_policy; }
    void setPolicy(const RetryPolicy &policy) { m_policy = policy; }

private:
    RetryPolicy m_policy;
    int m_failures = 0;
};

} // namespace fl::sync
