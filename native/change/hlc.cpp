#include "change/hlc.h"

#include <QDateTime>

namespace fl {

HybridClock::HybridClock(WallClock wall)
    : m_wall(std::move(wall)) {}

quint64 HybridClock::wallMs() const {
    return m_wall ? m_wall() : quint64(QDateTime::currentMSecsSinceEpoch());
}

Hlc HybridClock::next() {
    const quint64 wall = wallMs();
    const quint64 lastMs = hlc::physicalMs(m_last);
    if (wall > lastMs)
        m_last = hlc::make(wall, 0);
    else if (hlc::counter(m_last) < 0xffff)
        m_last += 1;
    else
        m_last = hlc::make(lastMs + 1, 0); // counter exhausted: borrow the next millisecond
    return m_last;
}

bool HybridClock::acceptable(Hlc remote) const {
    return hlc::physicalMs(remote) <= wallMs() + m_maxDriftMs;
}

bool HybridClock::observe(Hlc remote) {
    if (!acceptable(remote))
        return false;
    if (remote > m_last)
        m_last = remote;
    return true;
}

void HybridClock::restore(Hlc last) {
    if (last > m_last)
        m_last = last;
}

} // namespace fl
