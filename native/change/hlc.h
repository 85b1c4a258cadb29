#pragma once

#include <QtGlobal>

#include <functional>
#include <optional>

namespace fl {

/// A hybrid logical clock value: 48 bits of Unix milliseconds, 16 bits of counter.
/// Ordered as a plain integer; ties between devices are broken by device id elsewhere.
using Hlc = quint64;

namespace hlc {
constexpr int CounterBits = 16;
[[nodiscard]] constexpr quint64 physicalMs(Hlc h) {
    return h >> CounterBits;
}
[[nodiscard]] constexpr quint32 counter(Hlc h) {
    return quint32(h & 0xffff);
}
[[nodiscard]] constexpr Hlc make(quint64 ms, quint32 counter) {
    return (ms << CounterBits) | (counter & 0xffff);
}
} // namespace hlc

/// Issues strictly increasing clocks that follow wall time and absorb remote clocks.
/// Persistence is the owner's job: it stores ceiling() and passes it back to restore(),
/// which makes the clock monotonic across restarts even if the wall clock went back.
class HybridClock {
public:
    using WallClock = std::function<quint64()>; ///< Unix ms

    explicit HybridClock(WallClock wall = {});

    /// The next clock for a local event.
    [[nodiscard]] Hlc next();
    /// Accounts for a remote clock so later local clocks order after it. Returns false (and
    /// changes nothing) when it is further than maxDriftMs ahead of the wall clock.
    [[nodiscard]] bool observe(Hlc remote);
    /// Would observe() accept this clock?
    [[nodiscard]] bool acceptable(Hlc remote) const;

    /// Continues after a persisted clock.
    void restore(Hlc last);
    [[nodiscard]] Hlc last() const { return m_last; }

    void setMaxDriftMs(quint64 ms) { m_maxDriftMs = ms; }
    [[nodiscard]] quint64 maxDriftMs() const { return m_maxDriftMs; }
    [[nodiscard]] quint64 wallMs() const;

private:
    WallClock m_wall;
    Hlc m_last = 0;
    quint64 m_maxDriftMs = 60ull * 60 * 1000;
};

} // namespace fl
