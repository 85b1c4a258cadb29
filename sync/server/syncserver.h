#pragma once

#include "common/result.h"
#include "sync/server/serverdatabase.h"

#include <QHttpServer>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace fl::server {

class Authenticator;
class BlobRoutes;
class SyncRoutes;

/// Where and how the server listens.
struct ListenConfig {
    QString address = QStringLiteral("127.0.0.1");
    quint16 port = 8080;         ///< 0 picks a free port
    QString certFile;            ///< PEM certificate (chain); with keyFile, the server speaks HTTPS
    QString keyFile;             ///< PEM private key (RSA or EC)
    bool allowPlainHttp = false; ///< plain HTTP on a non-loopback address
};

/// The reference server: one database, one blob folder, every route of PROTOCOL.md.
/// It keeps no state between requests, so several processes can serve one PostgreSQL database.
class SyncServer : public QObject {
    Q_OBJECT
public:
    explicit SyncServer(QObject *parent = nullptr);
    ~SyncServer() override;

    /// Opens (and migrates) the database and creates the blob folders.
    Result<void> open(const StorageConfig &storage);
    /// Starts listening; returns the base URL. ErrorCode::InvalidArgument for a refused
    /// configuration (plain HTTP off loopback, half a TLS set-up).
    Result<QUrl> listen(const ListenConfig &config);
    /// Accepts no new connections and stops the pruning; requests already handled stay
    /// answered. The owner then leaves the event loop: one handler runs at a time, so none
    /// is cut in the middle, and the database closes cleanly with this object.
    void stopListening();
    /// Closes the database, after the event loop has ended (the destructor does it too).
    void close();

    /// How often nonces and abandoned uploads are pruned.
    static constexpr int PruneIntervalMs = 60 * 1000;
    /// Unfinished uploads untouched for this long are deleted.
    static constexpr qint64 StaleUploadMs = 7ll * 24 * 60 * 60 * 1000;

private:
    void prune();

    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<Authenticator> m_auth;
    std::unique_ptr<SyncRoutes> m_sync;
    std::unique_ptr<BlobRoutes> m_blobs;
    QTimer m_pruneTimer;
    QHttpServer m_http; // last: destroyed first, before the routes it calls
};

} // namespace fl::server
