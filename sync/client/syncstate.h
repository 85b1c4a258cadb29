#pragma once

#include "change/changeset.h"
#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace fl {
class Store;
}

namespace fl::sync {

/// Keys of the sync bookkeeping in the device database's meta table (Store::setting). All of
/// it is plaintext metadata by DESIGN.md invariant 2: ids, cursors, reason codes, addresses.
namespace settingkey {
inline constexpr char ServerUrl[] = "sync.server_url";
inline constexpr char Role[] = "sync.role";
inline constexpr char Cursor[] = "sync.cursor";     ///< decimal server sequence
inline constexpr char Rejected[] = "sync.rejected"; ///< CBOR: change sets set aside
inline constexpr char Parked[] = "sync.parked";     ///< CBOR: pulled change sets not applied
inline constexpr char BlobPrefix[] = "sync.blob.";  ///< + content id: "done" or "up <url>"
} // namespace settingkey

/// A local change set the server refused for good (conflicting_record, malformed, ...). It is
/// set aside: out of the outbox so it cannot block later pushes, still in the journal and the
/// record, and listed to the person until they retry it (SyncEngine::retryRejected).
struct RejectedChange {
    QByteArray changeId;
    QString recordType;
    QString recordId;
    QString reason; ///< the server's reason code
    qint64 atMs = 0;
};

/// A pulled change set this device could not apply: not yet (no key for its campaign yet, a
/// clock too far ahead, an earlier change of its author missing), kept and retried at every
/// sync; or never (a signature that does not verify), kept to be shown and reported.
struct ParkedChange {
    ChangeSet changeSet;
    QString reason;     ///< in plain words
    QString code;       ///< stable: "chain_gap", "bad_signature", "no_key", ...
    bool final = false; ///< refused for good (forged, altered): kept to be seen, not retried
};

/// Reads and writes the sync bookkeeping through a Store's settings.
class SyncState {
public:
    explicit SyncState(Store &store)
        : m_store(store) {}

    [[nodiscard]] Result<QString> serverUrl() const;
    [[nodiscard]] Result<QString> role() const;
    /// Records the enrolment. A different server than before starts the bookkeeping afresh
    /// (cursor, parked change sets, upload state belong to the old one).
    Result<void> setEnrolment(const QString &serverUrl, const QString &role);

    [[nodiscard]] Result<qint64> cursor() const;
    Result<void> setCursor(qint64 cursor);

    [[nodiscard]] Result<QList<RejectedChange>> rejected() const;
    Result<void> setRejected(const QList<RejectedChange> &rejected);

    [[nodiscard]] Result<QList<ParkedChange>> parked() const;
    Result<void> setParked(const QList<ParkedChange> &parked);

    /// Upload bookkeeping of one blob: "done" once the server holds it, "up <url>" while a tus
    /// upload is open, empty when nothing is known.
    [[nodiscard]] Result<QByteArray> blobState(const QByteArray &contentId) const;
    Result<void> setBlobState(const QByteArray &contentId, const QByteArray &state);

private:
    Store &m_store;
};

} // namespace fl::sync
