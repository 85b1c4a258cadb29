#pragma once

#include "change/changeset.h"

#include <QByteArray>
#include <QSet>
#include <QString>

namespace fl::wire {

/// Packs change sets into a push body or a pull page that stays within `maxBytes` once
/// encoded. It counts an upper bound of what each change set adds (its array, and the first
/// time they appear its record type, field names and device), so it needs no encoding. The
/// first change set always goes in, so that a batch or a page always moves on.
class BodyBudget {
public:
    explicit BodyBudget(qsizetype maxBytes)
        : m_max(maxBytes) {}

    /// True when `cs` is counted in: it fits, or nothing was counted yet.
    bool admit(const ChangeSet &cs);
    /// The bytes counted so far, the body's own envelope included.
    [[nodiscard]] qsizetype used() const { return m_used; }

    /// Bytes a body spends besides its change sets and string tables, at most: its map, keys,
    /// version, cursor and the heads of its arrays.
    static constexpr qsizetype EnvelopeBytes = 256;

private:
    [[nodiscard]] qsizetype cost(const ChangeSet &cs) const;

    qsizetype m_max;
    qsizetype m_used = EnvelopeBytes;
    bool m_empty = true;
    QSet<QString> m_types;
    QSet<QString> m_fields;
    QSet<QByteArray> m_devices;
};

} // namespace fl::wire
