#pragma once

#include "change/changeset.h"
#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace fl::provenance {

// Who made a change set, and that nothing was taken out of its author's history: each change
// set is signed by its author (Ed25519 over canonical::encode()) and names the digest of the
// author's previous change set in the same campaign. A device checks both before it merges;
// the server, which relays change sets, can then neither forge, alter, re-attribute nor
// reorder them, and withholding one shows as a gap in the chain.

inline constexpr qsizetype SignatureSize = 64;
inline constexpr qsizetype PublicKeySize = 32;

/// The verdict on one pulled change set. Everything but Verified keeps it out of the store.
enum class Verdict {
    Verified,      ///< signed by its author's pinned key and next in its author's chain
    Unsigned,      ///< no signature: refused (a legacy change set the office did not attest)
    UnknownAuthor, ///< no key is pinned for its device yet: kept, retried once there is one
    BadSignature,  ///< forged, altered or re-attributed: refused for good
    ChainGap,      ///< an earlier change set of its author is missing: kept until it arrives
    ChainBroken,   ///< claims a place in its author's chain that another change set holds
};

/// A stable lower-case name ("bad_signature", "chain_gap", ...) for logs, JSON and reasons.
[[nodiscard]] QString code(Verdict v);
/// The verdict in plain words for the person at the screen: what happened, what to do.
[[nodiscard]] QString describe(Verdict v);
/// Whether a later sync can turn the verdict into Verified without anyone acting (the missing
/// change set or key may still come); the others are final.
[[nodiscard]] bool mayResolveLater(Verdict v);

/// The last verified change set of one author in one campaign.
struct ChainHead {
    quint64 index = 0; ///< 0: none yet
    QByteArray digest; ///< canonical::digest() of that change set
};

using Signer = std::function<Result<QByteArray>(QByteArrayView message)>;

/// Places `cs` after `head` in its author's chain and signs it. `cs` must be complete (fields
/// encrypted, prev ids set); returns the new head.
Result<ChainHead> seal(ChangeSet &cs, const ChainHead &head, const Signer &signer);

/// Whether the signature is the author's over everything that defines the change set.
[[nodiscard]] bool signatureValid(const ChangeSet &cs, QByteArrayView publicKey);

/// The chain part of the verdict, for a change set whose signature verified: Verified when
/// it is next after `head` (then `next` is the new head), ChainGap when it lies further on,
/// ChainBroken when it claims a place at or before the head or names another predecessor.
[[nodiscard]] Verdict followChain(const ChangeSet &cs, const ChainHead &head, ChainHead *next);

} // namespace fl::provenance
