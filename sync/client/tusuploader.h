#pragma once

#include "sync/client/syncerror.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <optional>

namespace fl::sync {

class SyncClient;

/// A tus 1.0 uploader (core protocol plus creation and checksum) over SyncClient: creates an
/// upload, sends the bytes in PATCH chunks with a sha256 `Upload-Checksum` each, and resumes
/// from the server's offset (HEAD) after a connection cut, an offset mismatch (409) or a
/// refused chunk (460). A chunk cut off on its way is not sent again whole by the network
/// layer: servers that keep what arrived (tusd, @tus/server) would refuse it as a mismatch, so a
/// cut costs at most one chunk. It is what the sync engine uploads photo files with, and it
/// speaks to any tus 1.0 server (servers without the checksum extension ignore the header).
///
/// Requests go through the client, so they are signed, time out and cancel like every other
/// request (SyncClient::cancel() stops an upload at once; calling upload() again resumes it).
/// upload() runs to its end in the client's local event loops: same threading rule as
/// SyncClient::execute().
class TusUploader : public QObject {
    Q_OBJECT
public:
    /// The failure code (SyncError::Protocol) when the server keeps refusing this upload's parts
    /// or discarding it: trying again at once will not help, the next upload may.
    static constexpr char IntegrityCode[] = "integrity";

    explicit TusUploader(SyncClient &client, QObject *parent = nullptr);

    /// Where uploads are created: a path below the client's server ("/v1/blobs", the default),
    /// or a full address on that same server.
    void setEndpoint(const QUrl &endpoint) { m_endpoint = endpoint; }
    [[nodiscard]] QUrl endpoint() const { return m_endpoint; }
    /// Bytes per PATCH (default 1 MiB); a cut costs at most this much sent again.
    void setChunkBytes(qint64 bytes) { m_chunkBytes = std::max<qint64>(1, bytes); }
    [[nodiscard]] qint64 chunkBytes() const { return m_chunkBytes; }

    /// Called once a new upload exists on the server and is not complete, before any of its
    /// bytes are sent, so the caller can keep its address and resume it after a restart. A
    /// failure stops the upload with that failure.
    using CreatedHandler = std::function<SyncResult<void>(const QUrl &location)>;

    /// Uploads `data` to its end. `location` is the address of an upload begun earlier, which is
    /// resumed from the offset the server reports, or empty to create one (with `metadata` as
    /// `Upload-Metadata`; an upload that is gone or has another length is created again). On
    /// return, success or not, `location` holds the upload's address, so that calling upload()
    /// again resumes where this call stopped.
    SyncResult<void> upload(const QByteArray &data, const QByteArray &metadata, QUrl &location,
                            const CreatedHandler &created = {});

    /// PATCH body bytes this uploader handed to the network, a chunk that was cut off on its
    /// way counted whole: at most what uploads cost, resumed ones included.
    [[nodiscard]] qint64 bytesSent() const { return m_bytesSent; }

Q_SIGNALS:
    /// The server took `bytes` more bytes of the running upload (its offset moved).
    void acknowledged(qint64 bytes);

private:
    /// What a PATCH came to: the next offset, or ask the server where it stands.
    enum class ChunkOutcome { Advanced, Refused };
    /// tus creation; returns the offset the server already holds (all of it for a blob it has).
    SyncResult<qint64> create(qint64 size, const QByteArray &metadata, QUrl &location,
                              const CreatedHandler &created);
    /// HEAD: the server's offset, or nullopt when the upload expired or was discarded.
    SyncResult<std::optional<qint64>> askOffset(const QUrl &location, qint64 size);
    /// PATCH of the chunk at `offset`; on Advanced, `offset` moves on.
    SyncResult<ChunkOutcome> sendChunk(const QByteArray &data, const QUrl &location,
                                       qint64 &offset);

    SyncClient &m_client;
    QUrl m_endpoint = QUrl(QStringLiteral("/v1/blobs"));
    qint64 m_chunkBytes = 1024 * 1024;
    qint64 m_bytesSent = 0;
};

} // namespace fl::sync
