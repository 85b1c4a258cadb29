#pragma once

#include <QtGlobal>

namespace fl::wire {

// One set of numbers for both sides, so that whatever a server accepts in a push it can also
// serve in a pull page that every device accepts (PROTOCOL.md, "Body sizes").

/// The largest push body a server takes and a device sends.
inline constexpr qsizetype MaxPushBodyBytes = 16 * 1024 * 1024;
/// What a pull page may carry beyond its change sets' own bytes: the page's keys and cursor,
/// its device list, each change set's device index and server sequence. A change set that fit
/// in a push body fits in a page on its own, with room to spare.
inline constexpr qsizetype PullPageAllowanceBytes = 64 * 1024;
/// The largest pull page a server sends and a device accepts.
inline constexpr qsizetype MaxPullPageBytes = MaxPushBodyBytes + PullPageAllowanceBytes;

} // namespace fl::wire
