#pragma once

#include <QCborMap>

namespace fl::app {

/// The bookkeeping of an autosaving editor: after a save of `changes`, the fields stored leave
/// `dirty`; refused ones stay in it, so they are kept on screen and tried again.
inline void settleChanges(QCborMap &dirty, const QCborMap &changes, bool stored) {
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        if (stored)
            dirty.remove(it.key());
        else
            dirty.insert(it.key(), it.value());
    }
}

} // namespace fl::app
