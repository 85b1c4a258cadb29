#include "pendingphotos.h"

#include "domain/entities.h"
#include "media/blobstore.h"
#include "store/store.h"
#include "sync/client/syncstate.h"

#include <QSet>

namespace fl::app {

namespace {

constexpr int PhotoPage = 500;

Result<int> countInSnapshot(Store &store, const BlobStore &blobs) {
    const sync::SyncState state(store);
    RecordFilter filter;
    filter.onlyFields = {QLatin1String(fieldkey::BlobId), QLatin1String(fieldkey::ThumbnailBlobId)};
    QSet<QByteArray> seen;
    int count = 0;
    for (int offset = 0;; offset += PhotoPage) {
        auto page = store.list(QLatin1String(recordtype::Photo), filter, offset, PhotoPage);
        if (!page)
            return page.error();
        for (const Record &r : std::as_const(*page)) {
            Photo p;
            fromFields(r.fields, p);
            for (const QByteArray &id : {p.thumbnailBlobId, p.blobId}) {
                if (id.isEmpty() || seen.contains(id) || !blobs.contains(id))
                    continue;
                seen.insert(id);
                const auto blobState = state.blobState(id);
                if (!blobState)
                    return blobState.error();
                if (*blobState != "done")
                    ++count;
            }
        }
        if (page->size() < PhotoPage)
            break;
    }
    return count;
}

} // namespace

Result<int> countPendingPhotoFiles(Store &store, const BlobStore &blobs) {
    int count = 0;
    auto r = store.read([&]() -> Result<void> {
        auto n = countInSnapshot(store, blobs);
        if (!n)
            return n.error();
        count = *n;
        return {};
    });
    if (!r)
        return r.error();
    return count;
}

} // namespace fl::app
