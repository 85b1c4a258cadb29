// Store: sealing this device's change sets into its chains, pinning signers, and checking the
// signature and chain of change sets from elsewhere before they merge.
#include "store/storeinternal.h"

#include "change/canonical.h"
#include "vault/vault.h"

#include <QHash>
#include <QSet>

namespace fl {

using namespace storeinternal;

namespace {

RejectedChangeSet rejection(const ChangeSet &cs, provenance::Verdict v) {
    return {cs.id, provenance::code(v), makeError(ErrorCode::Integrity, provenance::describe(v)),
            !provenance::mayResolveLater(v)};
}

} // namespace

Result<ChainHeadInfo> Store::chainHead(const QByteArray &device, const QString &campaignId) const {
    auto st = m_db.prepare("SELECT " FL_JOURNAL_CHANGE_COLUMNS " FROM journal WHERE device = ? "
                           "AND campaign_id = ? AND chain_index IS NOT NULL "
                           "ORDER BY chain_index DESC LIMIT 1");
    if (!st)
        return st.error();
    st->bindBlob(1, device).bind(2, campaignId);
    ChainHeadInfo head;
    head.device = device;
    const int rc = st->step();
    if (rc == SQLITE_ROW) {
        const ChangeSet cs = changeSetFromRow(*st, 0);
        head.index = cs.chainIndex;
        head.digest = canonical::digest(cs);
    } else if (rc != SQLITE_DONE) {
        return stepError(m_db, rc);
    }
    return head;
}

Result<QList<ChainHeadInfo>> Store::chainHeads(const QString &campaignId) const {
    auto st = m_db.prepare("SELECT DISTINCT device FROM journal WHERE campaign_id = ? "
                           "AND chain_index IS NOT NULL ORDER BY device");
    if (!st)
        return st.error();
    st->bind(1, campaignId);
    QList<QByteArray> devices;
    int rc = SQLITE_ROW;
    while ((rc = st->step()) == SQLITE_ROW)
        devices.append(st->blob(0));
    if (rc != SQLITE_DONE)
        return stepError(m_db, rc);
    QList<ChainHeadInfo> out;
    for (const QByteArray &d : std::as_const(devices)) {
        auto head = chainHead(d, campaignId);
        if (!head)
            return head.error();
        out.append(*head);
    }
    return out;
}

Result<void> Store::sealForPush(QList<ChangeSet> &batch) {
    const bool anyUnsealed = std::any_of(batch.cbegin(), batch.cend(), [&](const ChangeSet &cs) {
        return !cs.isSigned() && cs.device == m_device;
    });
    if (!anyUnsealed)
        return {};
    if (!m_vault.isUnlocked())
        return lockedError();
    Transaction tx(m_db);
    if (!tx.began())
        return tx.began().error();
    QHash<QString, provenance::ChainHead> heads;
    const provenance::Signer signer = [this](QByteArrayView m) {
        return m_vault.sign(m);
    };
    for (ChangeSet &cs : batch) {
        if (cs.isSigned() || cs.device != m_device)
            continue;
        if (!heads.contains(cs.campaignId)) {
            auto h = chainHead(m_device, cs.campaignId);
            if (!h)
                return h.error();
            heads.insert(cs.campaignId, {h->index, h->digest});
        }
        auto next = provenance::seal(cs, heads.value(cs.campaignId), signer);
        if (!next)
            return next.error();
        heads.insert(cs.campaignId, *next);
        auto st = m_db.prepare("UPDATE journal SET chain_index = ?, chain_prev = ?, signature = ? "
                               "WHERE change_id = ?");
        if (!st)
            return st.error();
        st->bind(1, qint64(cs.chainIndex))
            .bindBlob(2, cs.chainPrev)
            .bindBlob(3, cs.signature)
            .bindBlob(4, cs.id);
        if (const int rc = st->step(); rc != SQLITE_DONE)
            return stepError(m_db, rc);
    }
    return tx.commit();
}

Result<void> Store::unseal(const QList<QByteArray> &changeIds) {
    if (changeIds.isEmpty())
        return {};
    Transaction tx(m_db);
    if (!tx.began())
        return tx.began().error();
    // Everything of this device not confirmed from the first refused one on, per campaign:
    // a place in the chain is only kept by what the server stored.
    auto st =
        m_db.prepare("UPDATE journal SET chain_index = NULL, chain_prev = NULL, signature = NULL "
                     "WHERE device = ?1 AND server_seq IS NULL AND chain_index IS NOT NULL AND "
                     "EXISTS (SELECT 1 FROM journal r WHERE r.change_id = ?2 AND r.device = ?1 AND "
                     "r.server_seq IS NULL AND r.campaign_id = journal.campaign_id AND "
                     "r.chain_index <= journal.chain_index)");
    if (!st)
        return st.error();
    for (const QByteArray &id : changeIds) {
        st->reset();
        st->bindBlob(1, m_device).bindBlob(2, id);
        if (const int rc = st->step(); rc != SQLITE_DONE)
            return stepError(m_db, rc);
    }
    return tx.commit();
}

Result<void> Store::pinSigner(const QByteArray &device, const QByteArray &signingKey) {
    if (device.size() != DeviceIdSize || signingKey.size() != provenance::PublicKeySize)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("malformed signing key"));
    auto known = signerKey(device);
    if (!known)
        return known.error();
    if (!known->isEmpty()) {
        if (*known == signingKey)
            return {};
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("the server gave device %1 another signing key than the "
                                        "one pinned here: it was refused")
                             .arg(QString::fromLatin1(device.toHex())));
    }
    auto st = m_db.prepare("INSERT INTO signers (device, signing_key) VALUES (?, ?)");
    if (!st)
        return st.error();
    if (const int rc = st->bindBlob(1, device).bindBlob(2, signingKey).step(); rc != SQLITE_DONE)
        return stepError(m_db, rc);
    return {};
}

Result<QByteArray> Store::signerKey(const QByteArray &device) const {
    if (device == m_device)
        return m_vault.signingPublicKey();
    auto st = m_db.prepare("SELECT signing_key FROM signers WHERE device = ?");
    if (!st)
        return st.error();
    const int rc = st->bindBlob(1, device).step();
    if (rc == SQLITE_ROW)
        return st->blob(0);
    if (rc != SQLITE_DONE)
        return stepError(m_db, rc);
    return QByteArray();
}

Result<std::optional<RejectedChangeSet>> Store::vetProvenance(const ChangeSet &cs,
                                                              ChainCursor &cursor) const {
    using provenance::Verdict;
    if (!cs.isSigned())
        return std::optional(rejection(cs, Verdict::Unsigned));
    auto key = signerKey(cs.device);
    if (!key)
        return key.error();
    if (key->isEmpty())
        return std::optional(rejection(cs, Verdict::UnknownAuthor));
    if (!provenance::signatureValid(cs, *key))
        return std::optional(rejection(cs, Verdict::BadSignature));
    cursor.pendingKey = ChainCursor::keyOf(cs.device, cs.campaignId);
    auto it = cursor.heads.find(cursor.pendingKey);
    if (it == cursor.heads.end()) {
        auto h = chainHead(cs.device, cs.campaignId);
        if (!h)
            return h.error();
        it = cursor.heads.insert(cursor.pendingKey, {h->index, h->digest});
    }
    const Verdict v = provenance::followChain(cs, *it, &cursor.pendingHead);
    if (v != Verdict::Verified)
        return std::optional(rejection(cs, v));
    return std::optional<RejectedChangeSet>();
}

} // namespace fl
