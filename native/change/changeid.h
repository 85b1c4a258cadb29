#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace fl::changeid {

// A change set's id is its origin device id followed by that device's sequence number, so any
// holder can tell who wrote it and in which order, without a lookup.

inline constexpr qsizetype DeviceIdSize = 16; ///< a device id: 16 random bytes
inline constexpr qsizetype Size = 24;         ///< device id (16) || sequence (8, big-endian)

/// The id of the `sequence`-th change set of `device`.
[[nodiscard]] QByteArray make(QByteArrayView device, quint64 sequence);
/// True for a well-formed change set id (the right length).
[[nodiscard]] inline bool isValid(QByteArrayView id) {
    return id.size() == Size;
}
/// The device that wrote it (its first 16 bytes).
[[nodiscard]] inline QByteArray device(QByteArrayView id) {
    return id.first(qMin(id.size(), DeviceIdSize)).toByteArray();
}
/// Its per-device sequence number; 0 for a malformed id.
[[nodiscard]] quint64 sequence(QByteArrayView id);

} // namespace fl::changeid
