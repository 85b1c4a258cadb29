#pragma once

#include <QList>
#include <QString>

#include <algorithm>
#include <cstdio>

/// Percentiles of a sample of durations in microseconds.
struct Stats {
    double p50 = 0, p99 = 0, mean = 0, max = 0;
    int n = 0;
};

inline Stats statsOf(QList<double> us) {
    Stats s;
    s.n = int(us.size());
    if (us.isEmpty())
        return s;
    std::sort(us.begin(), us.end());
    const auto at = [&](double q) {
        return us[std::min<qsizetype>(us.size() - 1, qsizetype(q * us.size()))];
    };
    s.p50 = at(0.50);
    s.p99 = at(0.99);
    s.max = us.last();
    double sum = 0;
    for (double v : us)
        sum += v;
    s.mean = sum / us.size();
    return s;
}

inline void report(const char *name, const Stats &s, const char *unit = "us") {
    std::printf("%-40s p50=%9.1f%s p99=%9.1f%s mean=%9.1f%s max=%9.1f%s n=%d\n", name, s.p50, unit,
                s.p99, unit, s.mean, unit, s.max, unit, s.n);
    std::fflush(stdout);
}

/// One figure on one line: what, how much of what, and the goal it is held against (if any).
inline void reportValue(const char *name, double value, const char *unit, const char *goal = "") {
    std::printf("%-40s value=%12.2f %s%s%s\n", name, value, unit, *goal ? "  goal " : "", goal);
    std::fflush(stdout);
}
