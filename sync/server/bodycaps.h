#pragma once

#include "sync/protocol/bodylimits.h"

#include <QByteArrayView>

namespace fl::server {

/// The most body bytes each route takes. RequestGuard refuses a larger body from the request's
/// head, before any of it is read; the routes check again with the same numbers.
struct BodyCaps {
    /// Enrolment, enrolment codes, and every route without a cap of its own below.
    static constexpr qint64 SmallBytes = 64 * 1024;
    /// PUT /v1/campaigns: a member list with one sealed key (80 bytes) per member.
    static constexpr qint64 CampaignGrantBytes = 1024 * 1024;
    /// POST /v1/push.
    static constexpr qint64 PushBytes = wire::MaxPushBodyBytes;
    /// PATCH /v1/blobs/uploads/<id>: one tus chunk.
    static constexpr qint64 ChunkBytes = 16 * 1024 * 1024;
};

/// The cap of the route a request line names: `target` as sent (origin or absolute form). A
/// target that does not name a route with a larger cap gets the small one.
[[nodiscard]] qint64 bodyCapFor(QByteArrayView method, QByteArrayView target);

} // namespace fl::server
