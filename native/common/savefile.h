#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QString>

#include <optional>

namespace fl {

/// Why saveWhole() wrote nothing, for the caller to put in its own words.
struct SaveFailure {
    QFileDevice::FileError error = QFileDevice::NoError;
    int errorNumber = 0; ///< errno right after the failing call (0 if none was set)
    QString errorString;
    /// Out of space, over a quota or over a file size limit.
    [[nodiscard]] bool diskFull() const;
};

/// Writes `bytes` to `path` whole or not at all: a temporary file beside it, written, flushed
/// and synced to disk, then renamed over `path`. On failure the temporary file is gone and an
/// earlier file at `path` is untouched. Qt 6.4's QSaveFile::commit() does neither check a
/// failed flush of its buffer (it renames a cut-off file into place) nor fsync, where some
/// file systems report a full disk: this does both first. `permissions` apply when non-zero.
[[nodiscard]] std::optional<SaveFailure> saveWhole(const QString &path, const QByteArray &bytes,
                                                   QFileDevice::Permissions permissions = {});

} // namespace fl
