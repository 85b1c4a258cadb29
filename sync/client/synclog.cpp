#include "sync/client/synclog.h"

namespace fl::sync {

Q_LOGGING_CATEGORY(lcSync, "fl.sync", QtWarningMsg)

} // namespace fl::sync
