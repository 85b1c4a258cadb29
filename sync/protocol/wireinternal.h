// Shared by the wire*.cpp files, not part of the protocol library's interface: CBOR body framing,
// id encoding, string tables and the change set array both push and pull carry.
#pragma once

#include "change/changeid.h"
#include "sync/protocol/wire.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QHash>

#include <optional>

namespace fl::wire::detail {

inline constexpr qsizetype DeviceIdSize = changeid::DeviceIdSize;
inline constexpr qsizetype ChangeIdSize = changeid::Size;

inline QCborValue key(const char *k) {
    return QCborValue(QLatin1String(k));
}

/// Ids travel as 16 bytes when they are UUIDs, as text otherwise.
[[nodiscard]] QCborValue idValue(const QString &id);
/// An id as idValue() wrote it; null (an empty id) only when `nullable`.
[[nodiscard]] std::optional<QString> idFrom(const QCborValue &v, const Limits &limits,
                                            bool nullable);

/// Interns strings so a batch names each record type and field once.
struct StringTable {
    QCborArray list;
    QHash<QString, int> index;
    int of(const QString &s) {
        auto it = index.constFind(s);
        if (it != index.cend())
            return *it;
        const int i = int(list.size());
        list.append(s);
        index.insert(s, i);
        return i;
    }
};

/// A list of short non-empty strings (a string table); `what` names it in the error.
[[nodiscard]] Result<QStringList> decodeNames(const QCborValue &v, const char *what,
                                              const Limits &limits);

/// Parses a body: CBOR, a map, within the size limit, of this protocol version.
[[nodiscard]] Result<QCborMap> openBody(const QByteArray &body, const Limits &limits);
/// Adds the protocol version and serialises.
[[nodiscard]] QByteArray closeBody(QCborMap m);

/// [seq, type, record, campaign, parent, hlc, fields, seal] — the device is implied or indexed;
/// seal is [chainIndex, chainPrev, signature] or null (a change set from before signing).
inline constexpr qsizetype ChangeElements = 8;
[[nodiscard]] QCborArray encodeChange(const ChangeSet &cs, StringTable &types, StringTable &fields);
/// The ChangeElements elements encodeChange() writes, starting at `offset` in `a`.
[[nodiscard]] Result<ChangeSet> decodeChange(const QCborArray &a, qsizetype offset,
                                             const QByteArray &device, const QStringList &types,
                                             const QStringList &fields, const Limits &limits);

} // namespace fl::wire::detail
