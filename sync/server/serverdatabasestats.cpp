// ServerDatabase: the figures `admin stats` reports.
#include "sync/server/serverdatabase.h"

namespace fl::server {

Result<Stats> ServerDatabase::stats() {
    auto q = exec(
        QStringLiteral("SELECT (SELECT COUNT(*) FROM devices),"
                       " (SELECT COUNT(*) FROM devices WHERE revoked <> 0),"
                       " (SELECT COUNT(*) FROM campaigns),"
                       " (SELECT COUNT(*) FROM changes),"
                       " (SELECT CAST(COALESCE(SUM(LENGTH(fields)), 0) AS BIGINT) FROM changes),"
                       " (SELECT COUNT(DISTINCT content_id) FROM blobs),"
                       " (SELECT CAST(COALESCE(SUM(l), 0) AS BIGINT) FROM"
                       "   (SELECT MAX(length) AS l FROM blobs GROUP BY content_id) AS b)"));
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::Io, QStringLiteral("no statistics"));
    Stats s;
    s.devices = q->value(0).toLongLong();
    s.revokedDevices = q->value(1).toLongLong();
    s.campaigns = q->value(2).toLongLong();
    s.changes = q->value(3).toLongLong();
    s.changeBytes = q->value(4).toLongLong();
    s.blobs = q->value(5).toLongLong();
    s.blobBytes = q->value(6).toLongLong();
    return s;
}

} // namespace fl::server
