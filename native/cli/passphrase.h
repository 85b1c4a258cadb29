#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace fl::cli {

/// Reads passphrases from a file descriptor (stdin by default), one per line, never from argv
/// where any user of the machine could read them in the process list. On a terminal it
/// prompts on stderr with echo off.
class PassphraseReader {
public:
    explicit PassphraseReader(int fd = 0)
        : m_fd(fd) {}
    ~PassphraseReader();

    /// The next line, without its line ending. ErrorCode::InvalidArgument at end of input.
    Result<QByteArray> read(const QString &prompt);

private:
    int m_fd;
    QByteArray m_buffer; // bytes read past the current line (wiped on destruction)
};

/// Overwrites a secret's bytes before it is released.
void wipe(QByteArray &secret);

} // namespace fl::cli
