#pragma once

#include "change/hlc.h"

#include <QByteArray>
#include <QList>

namespace fl::merge {

/// A value of one field that no other known change has replaced.
struct Head {
    QByteArray changeId; ///< the change set that wrote it; its first 16 bytes are the device
    Hlc hlc = 0;
    QByteArray value; ///< ciphertext
};

/// Last-writer-wins order: higher clock, then higher device id.
[[nodiscard]] bool before(const Head &a, const Head &b);

/// Index of the winning head (the maximum), -1 when there is none.
[[nodiscard]] int winner(const QList<Head> &heads);

/// Applies one field change to the field's heads (DESIGN.md invariant 3): the heads its `prev`
/// names are replaced; it becomes a head itself unless a known change already replaced it
/// (`alreadySuperseded`). Returns the prev ids that were not heads, so the caller can remember
/// the ones it has never seen (they may arrive later and must then not become heads).
/// The heads reached depend only on the set of changes applied, never on their order.
QList<QByteArray> apply(QList<Head> &heads, const Head &incoming, const QList<QByteArray> &prev,
                        bool alreadySuperseded);

} // namespace fl::merge
