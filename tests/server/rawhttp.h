#pragma once
// HTTP/1.1 written by hand, for what Qt's network access will not send: repeated headers,
// chunked or endless bodies, several requests in one write.

#include "servertestsupport.h"

#include <QElapsedTimer>
#include <QTcpSocket>

#include <optional>

namespace fltest {

/// An answer read off a raw connection.
struct RawAnswer {
    int status = 0;
    Headers headers;
    QByteArray body;
    [[nodiscard]] QByteArray header(QByteArrayView name) const {
        for (const auto &[k, v] : headers) {
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
    [[nodiscard]] QString error() const {
        const auto e = fl::wire::decodeError(body);
        return e ? e->code : QString();
    }
};

/// A request's bytes: request line, headers (exactly these, in this order) and body.
inline QByteArray rawRequest(const QByteArray &method, const QByteArray &target,
                             const Headers &headers, const QByteArray &body = {}) {
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\n";
    for (const auto &[k, v] : headers)
        out += k + ": " + v + "\r\n";
    return out + "\r\n" + body;
}

/// Takes the first whole answer off the front of `in`, if it holds one.
inline std::optional<RawAnswer> takeRawAnswer(QByteArray &in) {
    const qsizetype headEnd = in.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    const QList<QByteArray> lines = in.left(headEnd).split('\n');
    RawAnswer a;
    a.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            a.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    const qint64 length = a.header("Content-Length").toLongLong();
    if (in.size() < headEnd + 4 + length)
        return std::nullopt;
    a.body = in.mid(headEnd + 4, length);
    in.remove(0, headEnd + 4 + length);
    return a;
}

/// One connection, driven by hand with the blocking socket calls (no event loop needed).
class RawConnection {
public:
    bool open(const QUrl &base) {
        m_socket.connectToHost(base.host(), quint16(base.port()));
        return m_socket.waitForConnected(10000);
    }
    void write(const QByteArray &bytes) {
        m_socket.write(bytes);
        while (m_socket.bytesToWrite() > 0 && m_socket.waitForBytesWritten(10000)) {
        }
    }
    /// Takes what arrived without waiting; true while the connection is open.
    bool poll() {
        m_in += m_socket.readAll();
        return m_socket.state() == QAbstractSocket::ConnectedState;
    }
    /// The next whole answer among the bytes read so far, if there is one.
    std::optional<RawAnswer> takeAnswer() { return takeRawAnswer(m_in); }
    /// Waits up to `timeoutMs` for the next whole answer.
    std::optional<RawAnswer> readAnswer(int timeoutMs = 10000) {
        QElapsedTimer clock;
        clock.start();
        for (;;) {
            const bool open = poll();
            if (auto a = takeAnswer())
                return a;
            if (!open || clock.elapsed() > timeoutMs)
                return std::nullopt;
            m_socket.waitForReadyRead(50);
        }
    }
    [[nodiscard]] QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_in;
};

} // namespace fltest
