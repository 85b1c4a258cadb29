#pragma once

#include "change/hlc.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace fl {

/// One field's new value inside a change set. The change of DESIGN.md invariant 3 is
/// (change set metadata + one FieldChange); its id is (change set id, field).
struct FieldChange {
    QString field;
    QByteArray value;       ///< XChaCha20-Poly1305 ciphertext under the campaign key
    QList<QByteArray> prev; ///< ids of the change sets whose value of this field it replaces
};

/// The changes one transaction made to one record, as journalled, pushed and pulled.
/// Everything but the field values is plaintext metadata (ids, clock, device).
struct ChangeSet {
    QByteArray id; ///< origin device id (16 bytes) || per-device sequence (8 bytes, BE)
    QString recordType;
    QString recordId;
    QString campaignId;
    QString parentId; ///< the record this one belongs to (a finding's visit...), may be empty
    Hlc hlc = 0;
    QByteArray device; ///< origin device id, 16 bytes
    QList<FieldChange> fields;
    // Provenance (provenance.h): the author's place in its chain of change sets for this
    // campaign and its Ed25519 signature over canonical::encode(). Empty on a legacy change set
    // made before signing existed.
    quint64 chainIndex = 0; ///< 1 for the author's first change set in the campaign
    QByteArray chainPrev;   ///< canonical::digest() of the one before (empty for the first)
    QByteArray signature;   ///< 64 bytes
    qint64 serverSeq = 0;   ///< set once the server stored it (0 = not yet)
    [[nodiscard]] bool isSigned() const { return !signature.isEmpty(); }
};

/// Field names with a meaning to the store itself.
namespace storefield {
inline constexpr char Deleted[] = "_deleted"; ///< tombstone: true when the record is deleted
}

} // namespace fl
