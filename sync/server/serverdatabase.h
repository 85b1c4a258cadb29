#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace fl::server {

/// Where the server keeps its state: a database (SQLite in the data folder, or PostgreSQL)
/// and a blob folder. Nothing else survives a request.
struct StorageConfig {
    QString dataDir; ///< holds server.db (SQLite) and, by default, blobs/
    QString
        databaseUrl; ///< postgresql://user[:password]@host[:port]/dbname[?opt=val]; empty = SQLite
    QString blobDir; ///< overrides <dataDir>/blobs
    /// The blob folder in use.
    [[nodiscard]] QString blobPath() const;
};

/// An enrolled device as stored.
struct DeviceRow {
    QString id; ///< 32 lowercase hex characters
    QByteArray signKey;
    QByteArray boxKey;
    QString role; ///< "inspector" or "office"
    QString name;
    bool revoked = false;
    qint64 enrolledAt = 0; ///< Unix ms
};

enum class EnrolStatus {
    Enrolled,    ///< new device, or the same request repeated
    BadCode,     ///< unknown, used or expired code
    DeviceTaken, ///< the device id is enrolled already with other keys or another code
};

enum class GrantStatus { Granted, NotMember, UnknownDevice, Malformed };

/// A tus upload in progress (or finished).
struct UploadRow {
    QString id;
    QString contentId;
    QString campaignId;
    QString createdBy;
    qint64 length = 0;
    qint64 offset = 0;
    bool complete = false;
    qint64 createdAt = 0;
};

/// What `admin stats` reports.
struct Stats {
    qint64 devices = 0;
    qint64 revokedDevices = 0;
    qint64 campaigns = 0;
    qint64 changes = 0;
    qint64 changeBytes = 0; ///< bytes of stored field lists
    qint64 blobs = 0;
    qint64 blobBytes = 0;
};

/// The server's one database connection, its schema migrations and every SQL statement but the
/// change log's. The same SQL serves QSQLITE and QPSQL; only a few type names differ.
class ServerDatabase {
public:
    enum class Dialect { Sqlite, Postgres };
    /// What a transaction serialises on: pushes (so sequence order = commit order) or schema.
    enum class Lock { None, Push, Schema };

    ServerDatabase();
    ~ServerDatabase();
    Q_DISABLE_COPY_MOVE(ServerDatabase)

    /// Connects (creating the SQLite data folder if needed) and applies pending migrations.
    Result<void> open(const StorageConfig &config);
    [[nodiscard]] Dialect dialect() const { return m_dialect; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
    /// The latest schema version this build knows.
    [[nodiscard]] static int latestSchemaVersion();

    /// Runs one statement with positional values.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {});
    /// Multi-row INSERT in chunks (QPSQL pays a round trip per statement, not per row).
    /// `tail` is appended to each statement (ON CONFLICT ..., RETURNING ...); `onRow` sees each
    /// returned row.
    Result<void> insertRows(const QString &table, const QStringList &columns,
                            const QList<QVariantList> &rows, const QString &tail = {},
                            const std::function<void(const QSqlQuery &)> &onRow = {});
    /// Values for `IN (...)` lookups in chunks: calls `run` with the placeholder list and values.
    Result<void> forChunks(const QVariantList &values,
                           const std::function<Result<void>(const QString &placeholders,
                                                            const QVariantList &chunk)> &run);

    /// Transactions; SQLite takes the write lock at once (BEGIN IMMEDIATE), PostgreSQL a
    /// transaction-level advisory lock for Lock::Push and Lock::Schema.
    Result<void> begin(Lock lock = Lock::None);
    Result<void> commit();
    void rollback();

    /// Can the database answer? Reconnects a lost connection.
    [[nodiscard]] bool ping();

    // ---- devices and enrolment ---------------------------------------------------------------
    Result<std::optional<DeviceRow>> device(const QString &id);
    Result<QList<DeviceRow>> devices();
    /// False when no such device.
    Result<bool> revoke(const QString &id, qint64 nowMs);
    /// A new one-time code; only its SHA-256 is stored.
    Result<QString> createEnrolCode(const QString &role, qint64 expiresAtMs, qint64 nowMs);
    /// Enrols `device` with `code`; on success `device.role` is filled in.
    Result<EnrolStatus> enrol(DeviceRow &device, const QString &code, qint64 nowMs);
    /// Records a request nonce; false when the device used it before (a replay).
    Result<bool> useNonce(const QString &device, const QString &nonce, qint64 nowMs);
    Result<void> pruneNonces(qint64 olderThanMs);

    // ---- campaigns, members, key envelopes --------------------------------------------------
    Result<QStringList> campaignsOf(const QString &device);
    Result<bool> isMember(const QString &campaign, const QString &device);
    /// Registers a campaign and its members and envelopes (PUT /v1/campaigns).
    struct Envelope {
        QString campaignId;
        QString device; ///< hex
        QByteArray sealed;
    };
    Result<GrantStatus> grant(const QString &campaign, const QString &office,
                              const QStringList &members, const QList<Envelope> &envelopes,
                              qint64 nowMs, QString *why);
    Result<QList<Envelope>> envelopesFor(const QString &device);
    /// Adds a member (admin); creates the campaign if needed. False when the device is unknown.
    Result<bool> addMember(const QString &campaign, const QString &device, qint64 nowMs);

    // ---- blobs --------------------------------------------------------------------------------
    Result<void> insertUpload(const UploadRow &upload);
    Result<std::optional<UploadRow>> upload(const QString &id);
    /// Moves an upload's offset from `from` to `to`; false when another request moved it first.
    Result<bool> advanceUpload(const QString &id, qint64 from, qint64 to);
    /// Marks the upload complete and registers the blob for its campaign, in one transaction.
    Result<void> completeUpload(const UploadRow &upload, qint64 nowMs);
    Result<void> deleteUpload(const QString &id);
    /// Unfinished uploads created before `olderThanMs` (to delete with their files).
    Result<QStringList> staleUploads(qint64 olderThanMs);
    /// The blob's length when a campaign of `device` holds it.
    Result<std::optional<qint64>> blobLengthFor(const QString &contentId, const QString &device);
    /// Whether `device` may register the blob for another campaign without sending its bytes:
    /// a campaign of the device holds it already, or the device uploaded it.
    Result<bool> mayAdoptBlob(const QString &contentId, const QString &device);

    Result<Stats> stats();

private:
    Result<void> migrate();
    [[nodiscard]] QString dialectSql(QString sql) const;
    Error failure(const QSqlQuery &q, const QString &what);

    QString m_connectionName;
    QSqlDatabase m_db;
    Dialect m_dialect = Dialect::Sqlite;
    int m_schemaVersion = 0;
    bool m_inTransaction = false;
};

/// Rolls back unless committed.
class Transaction {
public:
    explicit Transaction(ServerDatabase &db)
        : m_db(db) {}
    ~Transaction() {
        if (m_open)
            m_db.rollback();
    }
    Q_DISABLE_COPY_MOVE(Transaction)
    Result<void> begin(ServerDatabase::Lock lock = ServerDatabase::Lock::None) {
        auto r = m_db.begin(lock);
        m_open = r.ok();
        return r;
    }
    Result<void> commit() {
        m_open = false;
        return m_db.commit();
    }

private:
    ServerDatabase &m_db;
    bool m_open = false;
};

/// Lowercase hex of `bytes`.
[[nodiscard]] QString hex(QByteArrayView bytes);
/// A campaign id as the server stores it: a UUID in lowercase without braces, other ids as is.
[[nodiscard]] QString normaliseCampaignId(const QString &id);
/// True for `size` lowercase hex characters.
[[nodiscard]] bool isLowerHex(QByteArrayView s, qsizetype size);

} // namespace fl::server
