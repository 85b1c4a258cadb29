#include "change/chainaudit.h"

#include "change/canonical.h"
#include "change/provenance.h"

#include <algorithm>
#include <map>

namespace fl::audit {

namespace {

Finding about(const ChangeSet &cs, const char *code, const QString &detail) {
    return {QString::fromLatin1(code), cs.id, cs.device, cs.chainIndex, detail};
}

/// Walks one author's signed, verified change sets in place order.
void walkChain(QList<const ChangeSet *> chain, DeviceChain &out, QList<Finding> &findings) {
    std::sort(chain.begin(), chain.end(),
              [](const ChangeSet *a, const ChangeSet *b) { return a->chainIndex < b->chainIndex; });
    provenance::ChainHead head;
    for (const ChangeSet *cs : std::as_const(chain)) {
        if (cs->chainIndex == head.index && head.index > 0) {
            findings.append(
                about(*cs, "chain_broken",
                      QStringLiteral("a second change set holds place %1").arg(cs->chainIndex)));
            continue;
        }
        if (cs->chainIndex > head.index + 1) {
            findings.append({QStringLiteral("chain_gap"),
                             {},
                             cs->device,
                             head.index + 1,
                             QStringLiteral("places %1 to %2 are missing on the server")
                                 .arg(head.index + 1)
                                 .arg(cs->chainIndex - 1)});
            // Go on from here: what follows can still be checked against this one.
            head = {cs->chainIndex, canonical::digest(*cs)};
            continue;
        }
        provenance::ChainHead next;
        if (provenance::followChain(*cs, head, &next) != provenance::Verdict::Verified) {
            findings.append(about(
                *cs, "chain_broken",
                QStringLiteral("it does not follow the change set at place %1").arg(head.index)));
            head = {cs->chainIndex, canonical::digest(*cs)};
            continue;
        }
        head = next;
        ++out.verified;
    }
    out.headIndex = head.index;
    out.headDigest = head.digest;
}

void compareWithLocal(const QList<ChangeSet> &serverCopy, const QList<ChangeSet> &localCopy,
                      QList<Finding> &findings) {
    QHash<QByteArray, const ChangeSet *> onServer;
    for (const ChangeSet &cs : serverCopy)
        onServer.insert(cs.id, &cs);
    for (const ChangeSet &mine : localCopy) {
        if (!mine.isSigned() || mine.serverSeq <= 0)
            continue; // never on the server as such: not yet pushed, or from before signing
        const ChangeSet *theirs = onServer.value(mine.id);
        if (!theirs)
            findings.append(about(mine, "missing_on_server",
                                  QStringLiteral("the server held it once and no longer does")));
        else if (canonical::encode(*theirs) != canonical::encode(mine) ||
                 theirs->signature != mine.signature)
            findings.append(about(mine, "altered_on_server",
                                  QStringLiteral("the server's copy differs from the one it "
                                                 "served before")));
    }
}

} // namespace

Report run(const QList<ChangeSet> &serverCopy, const KeyLookup &keys,
           const QList<ChangeSet> &localCopy) {
    Report report;
    report.changeSets = int(serverCopy.size());
    std::map<QByteArray, QList<const ChangeSet *>> chains; // ordered by device id
    std::map<QByteArray, DeviceChain> devices;
    QHash<QByteArray, QByteArray> keyCache;
    for (const ChangeSet &cs : serverCopy) {
        DeviceChain &d = devices[cs.device];
        d.device = cs.device;
        ++d.changeSets;
        if (!cs.isSigned()) {
            report.findings.append(
                about(cs, "unsigned", QStringLiteral("it carries no signature")));
            continue;
        }
        auto key = keyCache.constFind(cs.device);
        if (key == keyCache.cend())
            key = keyCache.insert(cs.device, keys(cs.device));
        if (key->isEmpty()) {
            report.findings.append(about(cs, "unknown_author",
                                         QStringLiteral("no signing key is known for its device")));
            continue;
        }
        if (!provenance::signatureValid(cs, *key)) {
            report.findings.append(about(cs, "bad_signature",
                                         QStringLiteral("its author's signature does not match: "
                                                        "altered, forged or re-attributed")));
            continue;
        }
        chains[cs.device].append(&cs);
    }
    for (auto &[device, chain] : chains)
        walkChain(chain, devices[device], report.findings);
    for (auto &[device, d] : devices)
        report.devices.append(d);
    compareWithLocal(serverCopy, localCopy, report.findings);
    return report;
}

} // namespace fl::audit
