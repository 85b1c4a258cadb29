#include "change/provenance.h"

#include "change/canonical.h"
#include "common/sodiumready.h"

#include <sodium.h>

namespace fl::provenance {

QString code(Verdict v) {
    switch (v) {
    case Verdict::Verified:
        return QStringLiteral("verified");
    case Verdict::Unsigned:
        return QStringLiteral("unsigned");
    case Verdict::UnknownAuthor:
        return QStringLiteral("unknown_author");
    case Verdict::BadSignature:
        return QStringLiteral("bad_signature");
    case Verdict::ChainGap:
        return QStringLiteral("chain_gap");
    case Verdict::ChainBroken:
        return QStringLiteral("chain_broken");
    }
    return QStringLiteral("unknown");
}

QString describe(Verdict v) {
    switch (v) {
    case Verdict::Verified:
        return QStringLiteral("signed by its author and in order");
    case Verdict::Unsigned:
        return QStringLiteral("it carries no author signature; it was not applied. Ask the "
                              "office to check the server");
    case Verdict::UnknownAuthor:
        return QStringLiteral("the key of the device that made it is not known here yet; it is "
                              "kept and checked again at the next sync");
    case Verdict::BadSignature:
        return QStringLiteral("its author's signature does not match: it was altered, forged or "
                              "attributed to another device on the way. It was not applied; "
                              "report it to the office");
    case Verdict::ChainGap:
        return QStringLiteral("an earlier change of the same device has not arrived (held back "
                              "or reordered by the server); it is kept and applied once that "
                              "one arrives");
    case Verdict::ChainBroken:
        return QStringLiteral("it claims a place in its device's history that another change "
                              "holds (replayed or forked). It was not applied; report it to "
                              "the office");
    }
    return {};
}

bool mayResolveLater(Verdict v) {
    return v == Verdict::UnknownAuthor || v == Verdict::ChainGap;
}

Result<ChainHead> seal(ChangeSet &cs, const ChainHead &head, const Signer &signer) {
    cs.chainIndex = head.index + 1;
    cs.chainPrev = head.digest;
    const QByteArray bytes = canonical::encode(cs);
    auto sig = signer(bytes);
    if (!sig)
        return sig.error();
    if (sig->size() != SignatureSize)
        return makeError(ErrorCode::Io, QStringLiteral("the device key gave no signature"));
    cs.signature = *sig;
    ChainHead next;
    next.index = cs.chainIndex;
    next.digest.resize(canonical::DigestSize);
    crypto_generichash(reinterpret_cast<unsigned char *>(next.digest.data()),
                       size_t(next.digest.size()),
                       reinterpret_cast<const unsigned char *>(bytes.constData()),
                       quint64(bytes.size()), nullptr, 0);
    return next;
}

bool signatureValid(const ChangeSet &cs, QByteArrayView publicKey) {
    ensureSodium();
    if (cs.signature.size() != SignatureSize || publicKey.size() != PublicKeySize)
        return false;
    const QByteArray bytes = canonical::encode(cs);
    return crypto_sign_verify_detached(
               reinterpret_cast<const unsigned char *>(cs.signature.constData()),
               reinterpret_cast<const unsigned char *>(bytes.constData()), quint64(bytes.size()),
               reinterpret_cast<const unsigned char *>(publicKey.data())) == 0;
}

Verdict followChain(const ChangeSet &cs, const ChainHead &head, ChainHead *next) {
    if (cs.chainIndex == 0 || cs.chainIndex <= head.index)
        return Verdict::ChainBroken;
    if (cs.chainIndex > head.index + 1)
        return Verdict::ChainGap;
    if (cs.chainPrev != head.digest)
        return Verdict::ChainBroken;
    if (next) {
        next->index = cs.chainIndex;
        next->digest = canonical::digest(cs);
    }
    return Verdict::Verified;
}

} // namespace fl::provenance
