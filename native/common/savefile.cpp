#include "common/savefile.h"

#include <QSaveFile>

#include <cerrno>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace fl {

bool SaveFailure::diskFull() const {
#ifdef EDQUOT
    if (errorNumber == EDQUOT)
        return true;
#endif
    return error == QFileDevice::ResourceError || errorNumber == ENOSPC || errorNumber == EFBIG;
}

namespace {

bool syncToDisk(QFileDevice &file) {
#ifdef Q_OS_UNIX
    return ::fsync(file.handle()) == 0;
#else
    Q_UNUSED(file);
    return true; // QSaveFile::commit() flushes file buffers on other systems
#endif
}

SaveFailure failure(const QSaveFile &file, int errorNumber) {
    return {file.error(), errorNumber, file.errorString()};
}

} // namespace

std::optional<SaveFailure> saveWhole(const QString &path, const QByteArray &bytes,
                                     QFileDevice::Permissions permissions) {
    QSaveFile file(path);
    errno = 0;
    if (!file.open(QIODevice::WriteOnly))
        return failure(file, errno);
    if (permissions)
        file.setPermissions(permissions);
    errno = 0;
    if (file.write(bytes) != bytes.size() || !file.flush() || !syncToDisk(file)) {
        const SaveFailure f = failure(file, errno);
        file.cancelWriting();
        (void)file.commit(); // with writing cancelled this only removes the temporary file
        return f;
    }
    errno = 0;
    if (!file.commit())
        return failure(file, errno);
    return std::nullopt;
}

} // namespace fl
