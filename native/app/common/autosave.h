#pragma once

#include "domain/entities.h"

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

/// What an editor shows: the record as the store has it, with the values not yet saved on top.
template<typename Entity> Entity withUnsaved(const Entity &stored, const QCborMap &dirty) {
    QCborMap fields = toFields(stored);
    for (auto it = dirty.constBegin(); it != dirty.constEnd(); ++it)
        fields.insert(it.key(), it.value());
    Entity next = stored;
    fromFields(fields, next);
    return next;
}

} // namespace fl::app
