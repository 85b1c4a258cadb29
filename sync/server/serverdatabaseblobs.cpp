// ServerDatabase: tus uploads in progress and the blobs each campaign holds.
#include "sync/server/serverdatabase.h"

namespace fl::server {

// ---- blobs -------------------------------------------------------------------------------------

Result<void> ServerDatabase::insertUpload(const UploadRow &u) {
    auto q = exec(QStringLiteral("INSERT INTO uploads (id, content_id, campaign_id, length, "
                                 "upload_offset, complete, created_by, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                  {u.id, u.contentId, u.campaignId, u.length, u.offset, u.complete ? 1 : 0,
                   u.createdBy, u.createdAt});
    if (!q)
        return q.error();
    return {};
}

Result<std::optional<UploadRow>> ServerDatabase::upload(const QString &id) {
    auto q = exec(QStringLiteral("SELECT id, content_id, campaign_id, created_by, length, "
                                 "upload_offset, complete, created_at FROM uploads WHERE id = ?"),
                  {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<UploadRow>();
    UploadRow u;
    u.id = q->value(0).toString();
    u.contentId = q->value(1).toString();
    u.campaignId = q->value(2).toString();
    u.createdBy = q->value(3).toString();
    u.length = q->value(4).toLongLong();
    u.offset = q->value(5).toLongLong();
    u.complete = q->value(6).toInt() != 0;
    u.createdAt = q->value(7).toLongLong();
    return std::optional<UploadRow>(u);
}

Result<bool> ServerDatabase::advanceUpload(const QString &id, qint64 from, qint64 to) {
    auto q = exec(QStringLiteral("UPDATE uploads SET upload_offset = ? "
                                 "WHERE id = ? AND upload_offset = ? AND complete = 0"),
                  {to, id, from});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Result<void> ServerDatabase::completeUpload(const UploadRow &u, qint64 nowMs) {
    Transaction tx(*this);
    if (auto r = tx.begin(); !r)
        return r;
    if (auto q = exec(QStringLiteral("UPDATE uploads SET upload_offset = length, complete = 1 "
                                     "WHERE id = ?"),
                      {u.id});
        !q)
        return q.error();
    if (auto q = exec(QStringLiteral("INSERT INTO blobs (content_id, campaign_id, length, "
                                     "created_by, created_at) VALUES (?, ?, ?, ?, ?) "
                                     "ON CONFLICT DO NOTHING"),
                      {u.contentId, u.campaignId, u.length, u.createdBy, nowMs});
        !q)
        return q.error();
    return tx.commit();
}

Result<void> ServerDatabase::deleteUpload(const QString &id) {
    auto q = exec(QStringLiteral("DELETE FROM uploads WHERE id = ?"), {id});
    if (!q)
        return q.error();
    return {};
}

Result<QStringList> ServerDatabase::staleUploads(qint64 olderThanMs) {
    auto q = exec(QStringLiteral("SELECT id FROM uploads WHERE complete = 0 AND created_at < ?"),
                  {olderThanMs});
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out.append(q->value(0).toString());
    return out;
}

Result<std::optional<qint64>> ServerDatabase::blobLengthFor(const QString &contentId,
                                                            const QString &device) {
    auto q = exec(QStringLiteral("SELECT b.length FROM blobs b JOIN members m "
                                 "ON m.campaign_id = b.campaign_id "
                                 "WHERE b.content_id = ? AND m.device_id = ?"),
                  {contentId, device});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<qint64>();
    return std::optional<qint64>(q->value(0).toLongLong());
}

Result<bool> ServerDatabase::mayAdoptBlob(const QString &contentId, const QString &device) {
    auto q = exec(QStringLiteral("SELECT 1 FROM blobs b WHERE b.content_id = ? AND "
                                 "(b.created_by = ? OR EXISTS (SELECT 1 FROM members m "
                                 "WHERE m.campaign_id = b.campaign_id AND m.device_id = ?))"),
                  {contentId, device, device});
    if (!q)
        return q.error();
    return q->next();
}

} // namespace fl::server
