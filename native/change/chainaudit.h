#pragma once

#include "change/changeset.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace fl::audit {

// The verifier behind `fieldledger-cli verify`: given every change set the server holds for a
// campaign, checks each author's signature and each author's chain from its first place to its
// last, and (when the checking device holds copies) that the server kept what it once served,
// byte for byte. Pure: no network, no store.

/// One thing wrong, naming the change set (or the place in a chain) it concerns.
struct Finding {
    QString code;        ///< bad_signature, unsigned, unknown_author, chain_gap, chain_broken,
                         ///< altered_on_server, missing_on_server
    QByteArray changeId; ///< empty for a gap (then `place` names it)
    QByteArray device;
    quint64 place = 0; ///< the chain place concerned, when there is one
    QString detail;    ///< in plain words
};

/// One author's chain in the campaign.
struct DeviceChain {
    QByteArray device;
    int verified = 0;   ///< change sets whose signature and place both check out
    int changeSets = 0; ///< all of this author's change sets the server holds
    quint64 headIndex = 0;
    QByteArray headDigest;
};

struct Report {
    QList<DeviceChain> devices; ///< by device id
    QList<Finding> findings;
    int changeSets = 0;
    [[nodiscard]] bool ok() const { return findings.isEmpty(); }
};

/// The public signing key of a device; empty when not known.
using KeyLookup = std::function<QByteArray(const QByteArray &device)>;

/// Audits `serverCopy` (every change set of one campaign, any order). `localCopy` holds the
/// change sets the checking device has of that campaign (its own and pulled ones), to catch a
/// server that dropped or changed what it had served before; it may be empty.
[[nodiscard]] Report run(const QList<ChangeSet> &serverCopy, const KeyLookup &keys,
                         const QList<ChangeSet> &localCopy = {});

} // namespace fl::audit
