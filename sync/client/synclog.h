#pragma once

#include <QLoggingCategory>

namespace fl::sync {

/// The sync client library's one logging category, "fl.sync"; info and debug are off unless
/// QT_LOGGING_RULES asks for them.
Q_DECLARE_LOGGING_CATEGORY(lcSync)

} // namespace fl::sync
