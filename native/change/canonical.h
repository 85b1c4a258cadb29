#pragma once

#include "change/changeset.h"

#include <QByteArray>

namespace fl::canonical {

// The one byte string that defines a change set, the same on every device and on the server
// whatever order its fields or replaced ids arrived in. Author signatures and the chain of a
// device's change sets cover these bytes; the wire format and the store's tables are free to
// lay the same data out differently.

/// Bumped when the layout below changes; it is part of the bytes.
inline constexpr int Version = 2;
inline constexpr qsizetype DigestSize = 32;

/// Deterministic CBOR (RFC 8949 §4.2: shortest integer forms, definite lengths):
/// ["fl-changeset", Version, id, device, recordType, recordId, campaignId, parentId, hlc,
///  chainIndex, chainPrev, [[field, ciphertext, [prev ids in byte order]] in field-name order]].
/// Ids are written as the wire carries them (a UUID as its 16 bytes, whatever its spelling;
/// other ids as text), so a server that re-spells an id cannot break a signature, and an empty
/// parent is null. The server sequence and the signature itself are left out.
[[nodiscard]] QByteArray encode(const ChangeSet &cs);
/// BLAKE2b-256 (crypto_generichash) of encode(cs).
[[nodiscard]] QByteArray digest(const ChangeSet &cs);

} // namespace fl::canonical
