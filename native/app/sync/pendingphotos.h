#pragma once

#include "common/result.h"

namespace fl {
class BlobStore;
class Store;
} // namespace fl

namespace fl::app {

/// Photo files (images and thumbnails) held on this device that the server does not hold yet,
/// by the engine's own rule (SyncEngine's blob transfer): a file here and not marked done.
/// Reads one snapshot and decrypts only the two content ids of every photo record; meant for
/// the background reader (5,000 photo records take a few hundred milliseconds).
[[nodiscard]] Result<int> countPendingPhotoFiles(Store &store, const BlobStore &blobs);

} // namespace fl::app
