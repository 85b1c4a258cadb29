#pragma once

#include "change/changeset.h"
#include "change/hlc.h"
#include "common/result.h"
#include "store/checkpointer.h"
#include "store/database.h"

#include <QCborMap>
#include <QCborValue>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace fl {

class SecretKey;
class Store;
class Vault;
namespace merge {
struct Head;
}

/// Which records a list covers. Empty strings mean "any".
struct RecordFilter {
    QString campaignId;
    QString parentId;
    bool includeDeleted = false;
    /// When not empty, list() decrypts only these fields (a count over thousands of records
    /// that needs two of their ten fields); the others are absent from Record::fields.
    QStringList onlyFields;
};

/// Where a field's current value came from.
struct FieldOrigin {
    QByteArray changeId;
    Hlc hlc = 0;
    [[nodiscard]] QByteArray device() const { return changeId.left(16); }
};

/// A record as stored, its field values decrypted.
struct Record {
    QString id;
    QString type;
    QString campaignId;
    QString parentId;
    Hlc createdHlc = 0;
    Hlc updatedHlc = 0;
    bool deleted = false;
    QCborMap fields;
    QHash<QString, FieldOrigin> origins;
};

/// A field two devices changed concurrently: the value that lost last-writer-wins, kept.
struct Conflict {
    QString recordId;
    QString recordType;
    QString field;
    QCborValue current; ///< the value in force
    FieldOrigin currentOrigin;
    QCborValue other; ///< the concurrent value that lost
    FieldOrigin otherOrigin;
};

/// A journal entry with its values decrypted, for the audit trail.
struct JournalEntry {
    qint64 seq = 0;
    bool local = false;
    ChangeSet change;
    QCborMap values;
};

/// A change set applyRemote() did not apply, and why.
struct RejectedChangeSet {
    QByteArray id;
    QString code;       ///< stable reason: provenance::code() or "no_key", "integrity", ...
    Error error;        ///< in plain words
    bool final = false; ///< no later sync can make it apply (forged, altered, malformed)
};

/// What applyRemote() did with a batch.
struct ApplyReport {
    int applied = 0;
    int duplicates = 0;
    QList<RejectedChangeSet> rejected;
};

/// Where one device's chain of change sets in a campaign stands on this device.
struct ChainHeadInfo {
    QByteArray device;
    quint64 index = 0; ///< change sets in the chain (its last one's place)
    QByteArray digest; ///< canonical digest of the last one
};

/// What check() found.
struct CheckReport {
    QString integrity; ///< "ok" or SQLite's findings
    int records = 0;
    int changeSets = 0;
    QStringList mismatches; ///< rows that the journal does not explain
    [[nodiscard]] bool ok() const {
        return integrity == QLatin1String("ok") && mismatches.isEmpty();
    }
};

/// Writes inside one Store::write() transaction.
class Writer {
public:
    /// Creates a record; `id` may be given (a campaign's id is its key's id), else a UUID.
    Result<QString> create(const QString &type, const QString &campaignId, const QString &parentId,
                           const QCborMap &fields, const QString &id = {});
    /// Writes the given fields (only those) as one change set.
    Result<void> update(const QString &id, const QCborMap &fields);
    /// Deletes by tombstone: the record stays in the journal, hidden from lists.
    Result<void> remove(const QString &id);
    /// Makes and stores a new campaign key (office side).
    Result<void> createCampaignKey(const QString &campaignId);

private:
    friend class Store;
    explicit Writer(Store &store)
        : m_store(store) {}
    Store &m_store;
    QHash<QString, QStringList> m_touched; // type -> ids, for Store::changed
};

/// The encrypted local store: records and their journal in one SQLite file (WAL).
/// Every write updates the record rows and appends the change set to the journal in one
/// transaction (DESIGN.md invariant 1). Values are encrypted with the campaign key, bound to
/// (type, id, field, clock); the same ciphertext is journalled and synced.
class Store : public QObject {
    Q_OBJECT
public:
    explicit Store(Vault &vault, QObject *parent = nullptr);
    ~Store() override;

    /// Opens or creates the database and brings its schema up to date. The vault may be
    /// locked; reads and writes of values then fail with ErrorCode::Locked.
    Result<void> open(const QString &path);
    void close();
    [[nodiscard]] bool isOpen() const { return m_db.isOpen(); }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QByteArray deviceId() const { return m_device; }
    [[nodiscard]] HybridClock &clock() { return m_clock; }

    // Keys
    Result<void> addCampaignKey(const QString &campaignId, const SecretKey &key);
    [[nodiscard]] bool hasCampaignKey(const QString &campaignId) const;
    /// The campaign key sealed to another device's X25519 key, for enrolment.
    [[nodiscard]] Result<QByteArray> sealCampaignKey(const QString &campaignId,
                                                     QByteArrayView boxPublicKey) const;
    /// The campaign key itself (unwrapped; guarded memory).
    [[nodiscard]] Result<std::shared_ptr<const SecretKey>>
    campaignKey(const QString &campaignId) const;

    // Writes: each call is one transaction.
    Result<void> write(const std::function<Result<void>(Writer &)> &body);
    Result<QString> create(const QString &type, const QString &campaignId, const QString &parentId,
                           const QCborMap &fields);
    Result<void> update(const QString &id, const QCborMap &fields);
    Result<void> remove(const QString &id);
    /// Settles a conflict with the value a person chose; it replaces every concurrent value.
    Result<void> resolveConflict(const QString &recordId, const QString &field,
                                 const QCborValue &chosen);

    // Reads
    /// Runs `body` in one read transaction: one snapshot and one lock for many small reads
    /// (thousands of settings looked up in a count) instead of one each.
    Result<void> read(const std::function<Result<void>()> &body) const;
    [[nodiscard]] Result<Record> get(const QString &id) const;
    /// One page of records of a type, oldest first, decrypting only that page.
    [[nodiscard]] Result<QList<Record>> list(const QString &type, const RecordFilter &filter,
                                             int offset = 0, int limit = -1) const;
    [[nodiscard]] Result<int> count(const QString &type, const RecordFilter &filter) const;
    [[nodiscard]] Result<QList<Conflict>> conflicts() const;
    /// The audit trail, newest first; all records when recordId is empty.
    [[nodiscard]] Result<QList<JournalEntry>> journal(const QString &recordId = {},
                                                      int limit = 1000) const;

    // Sync
    /// Local change sets the server has not confirmed, oldest first.
    [[nodiscard]] Result<QList<ChangeSet>> pending(int limit) const;
    [[nodiscard]] Result<int> pendingCount() const;
    /// Local change sets not yet confirmed, counted for each of `ids`: those of the record
    /// itself, of its children and of its grandchildren (a visit: its findings, interviews and
    /// their photos and transitions). Reads plaintext columns only: cheap on a long outbox.
    [[nodiscard]] Result<QHash<QString, int>> pendingUnder(const QSet<QString> &ids) const;
    /// Records the server's confirmation; only then does a change count as synced.
    Result<void> markSynced(const QList<QPair<QByteArray, qint64>> &confirmed);
    /// Merges change sets from elsewhere (same rules as local writes); idempotent. Each must be
    /// signed by its author's pinned key and come next in its author's chain (provenance.h);
    /// the others are reported, not applied.
    Result<ApplyReport> applyRemote(const QList<ChangeSet> &changeSets);

    // Provenance (storeprovenance.cpp)
    /// Seals this device's change sets in `batch` that are not sealed yet, in order: each gets
    /// its place in this device's chain for its campaign and this device's signature, stored
    /// in the journal in one transaction. Done at push, so that only what the server took is
    /// in the chain.
    Result<void> sealForPush(QList<ChangeSet> &batch);
    /// Forgets the seals of these own change sets the server did not store (and of any of
    /// this device's unconfirmed ones after them in the same campaign): the next push places
    /// them anew after what the server holds.
    Result<void> unseal(const QList<QByteArray> &changeIds);
    /// Pins a device's public signing key the first time it is learnt; ErrorCode::Conflict
    /// when another key is pinned for it already (a key swapped on the way).
    Result<void> pinSigner(const QByteArray &device, const QByteArray &signingKey);
    /// The pinned signing key of a device (this device's own included); empty when none is.
    [[nodiscard]] Result<QByteArray> signerKey(const QByteArray &device) const;
    /// Whether the change set of this id is journalled here.
    [[nodiscard]] Result<bool> hasChangeSet(const QByteArray &changeId) const;
    /// Every change set of a campaign journalled here (local and pulled), in arrival order,
    /// values left encrypted: what the verifier compares with the server's copy.
    [[nodiscard]] Result<QList<ChangeSet>> changeSets(const QString &campaignId) const;
    /// Every device's chain head in a campaign as this device holds it.
    [[nodiscard]] Result<QList<ChainHeadInfo>> chainHeads(const QString &campaignId) const;
    /// A device setting from the meta table (sync bookkeeping: never sensitive plaintext);
    /// empty when not set.
    [[nodiscard]] Result<QByteArray> setting(const QString &key) const;
    /// Stores a device setting in its own transaction; an empty value removes it.
    Result<void> setSetting(const QString &key, const QByteArray &value);

    /// SQLite's integrity check plus a replay of the journal compared with the records.
    [[nodiscard]] Result<CheckReport> check() const;

Q_SIGNALS:
    /// After a commit that touched records of this type.
    void changed(const QString &recordType, const QStringList &ids);

private:
    friend class Writer;
    struct Stored; // a records row, decoded (storeinternal.h)

    // Reading rows (storeread.cpp)
    Result<std::optional<Stored>> loadRow(const QString &id) const;
    Result<Record> decryptRow(const Stored &row, const QStringList &onlyFields = {}) const;
    Result<QCborValue> decryptValue(const SecretKey &key, const QString &type, const QString &id,
                                    const QString &field, Hlc hlc, QByteArrayView ct) const;

    // Local writes (storewrite.cpp)
    /// A change set of this device for the record, with the next clock and sequence.
    ChangeSet newLocalChangeSet(const Stored &row);
    Result<void> writeFields(Writer &w, Stored &row, bool isNew, const QCborMap &fields);
    /// Keeps the clock as far as pulled changes moved it (in the applying transaction).
    Result<void> persistObservedClock();
    /// Continues the clock after the last clock issued here or seen from others.
    Result<void> restoreClock();

    // Applying a change set, local or remote (storeapply.cpp)
    Result<void> applyChangeSet(const ChangeSet &cs, bool local, bool fullMerge,
                                std::optional<Stored> *row);
    Result<void> journalChangeSet(const ChangeSet &cs, bool local);
    Result<void> mergeField(Stored &row, const ChangeSet &cs, const FieldChange &f, bool fullMerge);
    /// Whether an earlier change named this one as replaced before it arrived (and forgets it).
    Result<bool> takeSuperseded(const QByteArray &changeId, const QString &field);
    /// Remembers the replaced changes not seen yet, so they never become heads when they come.
    Result<void> rememberSuperseded(const QList<QByteArray> &notHeads, const QString &field);
    Result<void> refreshDeleted(Stored &row) const;
    Result<void> saveRow(Stored &row);
    /// Whether the change set is already journalled; then records its server sequence if new.
    Result<bool> takeDuplicate(const ChangeSet &cs);
    /// Why a remote change set must be rejected, or nothing (and `row` is its record).
    Result<std::optional<RejectedChangeSet>> vetRemote(const ChangeSet &cs,
                                                       std::optional<Stored> &row) const;
    /// The last change set of `device`'s chain in a campaign held here (index 0 when none).
    Result<ChainHeadInfo> chainHead(const QByteArray &device, const QString &campaignId) const;
    /// Signature and chain of a remote change set against the heads seen so far in this
    /// batch (filled from the journal on first use); `next` is its head if it is applied.
    struct ChainCursor;
    Result<std::optional<RejectedChangeSet>> vetProvenance(const ChangeSet &cs,
                                                           ChainCursor &heads) const;

    // The kept concurrent values (conflicts.cpp)
    Result<void> loadConflictHeads(const QString &recordId, const QString &field,
                                   QList<merge::Head> &heads);
    Result<void> keepConflicts(const QString &recordId, const QString &field,
                               const QList<merge::Head> &heads, int winner);
    /// The change ids of every head of a field: the winner's and each kept conflict's.
    Result<QList<QByteArray>> fieldHeads(const Stored &row, const QString &field);

    Vault &m_vault;
    mutable Database m_db;
    Checkpointer m_checkpointer; // after m_db: destroyed first, so it unhooks before the close
    QString m_path;
    QByteArray m_device;
    HybridClock m_clock;
    quint64 m_sequence = 0;      // last per-device change sequence used
    Hlc m_observedPersisted = 0; // the clock_observed row as last committed
    mutable QHash<QString, std::shared_ptr<const SecretKey>> m_keys;
};

} // namespace fl
