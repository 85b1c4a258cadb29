#include "sync/server/bodycaps.h"

#include <QUrl>

namespace fl::server {

qint64 bodyCapFor(QByteArrayView method, QByteArrayView target) {
    // The path as Qt HttpServer routes it: decoded from the same bytes the same way.
    const QString path = QUrl::fromEncoded(target.toByteArray()).path();
    if (method == "POST" && path == QLatin1String("/v1/push"))
        return BodyCaps::PushBytes;
    if (method == "PATCH" && path.startsWith(QLatin1String("/v1/blobs/uploads/")))
        return BodyCaps::ChunkBytes;
    if (method == "PUT" && path == QLatin1String("/v1/campaigns"))
        return BodyCaps::CampaignGrantBytes;
    return BodyCaps::SmallBytes;
}

} // namespace fl::server
