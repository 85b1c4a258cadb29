#pragma once

#include "change/changeset.h"
#include "common/result.h"
#include "sync/protocol/wire.h"

namespace fl::server {

class ServerDatabase;

/// The server's copy of every change set: stored once, in commit order, served by cursor.
class ChangeLog {
public:
    explicit ChangeLog(ServerDatabase &db)
        : m_db(db) {}

    /// How far ahead of the server clock a change set's clock may be.
    static constexpr qint64 MaxClockAheadMs = 60ll * 60 * 1000;

    /// Stores the change sets `device` may write; answers every one (see PROTOCOL.md, Push).
    Result<wire::PushResult> push(const QList<ChangeSet> &changeSets, const QString &device,
                                  qint64 nowMs);
    /// Change sets after `after` of the campaigns `device` is a member of (of `campaign` only,
    /// when it is not empty): at most `limit`, and no more than fit in wire::MaxPullPageBytes
    /// once encoded (always at least one).
    Result<wire::PullPage> pull(const QString &device, qint64 after, int limit,
                                const QString &campaign = {});

    /// The stored form of a change set's fields: CBOR [[name, value, [prev...]]...], the
    /// ciphertext byte for byte as received.
    [[nodiscard]] static QByteArray encodeFields(const QList<FieldChange> &fields);
    [[nodiscard]] static std::optional<QList<FieldChange>> decodeFields(const QByteArray &cbor);

private:
    ServerDatabase &m_db;
};

} // namespace fl::server
