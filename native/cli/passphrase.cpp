#include "cli/passphrase.h"

#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>

namespace fl::cli {

void wipe(QByteArray &secret) {
    if (!secret.isEmpty())
        sodium_memzero(secret.data(), size_t(secret.size()));
    secret.clear();
}

PassphraseReader::~PassphraseReader() {
    wipe(m_buffer);
}

Result<QByteArray> PassphraseReader::read(const QString &prompt) {
    const bool tty = isatty(m_fd);
    termios saved{};
    if (tty) {
        std::fprintf(stderr, "%s", prompt.toLocal8Bit().constData());
        std::fflush(stderr);
        tcgetattr(m_fd, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(m_fd, TCSANOW, &quiet);
    }
    QByteArray line;
    bool gotLine = false;
    while (!gotLine) {
        const qsizetype nl = m_buffer.indexOf('\n');
        if (nl >= 0) {
            line = m_buffer.left(nl);
            sodium_memzero(m_buffer.data(), size_t(nl + 1));
            m_buffer.remove(0, nl + 1);
            gotLine = true;
            break;
        }
        char chunk[256];
        const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
        if (n <= 0) {
            if (!m_buffer.isEmpty()) {
                line = m_buffer;
                wipe(m_buffer);
                gotLine = true;
            }
            break;
        }
        m_buffer.append(chunk, n);
        sodium_memzero(chunk, sizeof chunk);
    }
    if (tty) {
        tcsetattr(m_fd, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    if (!gotLine)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("No passphrase given: write it on standard input (or the "
                                        "descriptor named by --passphrase-fd), one per line."));
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace fl::cli
