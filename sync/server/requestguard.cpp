#include "sync/server/requestguard.h"

#include "sync/protocol/wire.h"
#include "sync/server/bodycaps.h"
#include "sync/server/serverdatabase.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace fl::server {

namespace {

/// Qt's parser skips these before a request line (left over from the request before).
bool isLeadingSpace(char c) {
    return c == '\v' || c == '\n' || c == '\r' || c == ' ' || c == '\t';
}

/// RFC 9110 token characters: the header names Qt's parser accepts.
bool isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Bad Request";
    }
}

/// What a head says about its body, or why it is refused.
struct HeadVerdict {
    qint64 bodyLength = 0;
    int status = 0; ///< non-zero: refused with this status
    QString code;
    QString message;
    QString why; ///< for the log
};

HeadVerdict refusal(int status, const char *code, const QString &message, const QString &why = {}) {
    return {0, status, QString::fromLatin1(code), message, why.isEmpty() ? message : why};
}

/// Reads the header block the way Qt's parser does (QHttpHeaderParser), refusing anything it
/// might read otherwise: folded lines, lines without a colon, names that are not tokens,
/// repeated Content-Length, and any Transfer-Encoding.
HeadVerdict judgeHeaders(const QByteArray &block, QByteArrayView method, QByteArrayView target) {
    int fields = 0;
    std::optional<QByteArray> contentLength;
    for (QByteArrayView rest = block; !rest.isEmpty();) {
        const qsizetype newline = rest.indexOf('\n');
        QByteArrayView line = rest.first(newline);
        rest = rest.sliced(newline + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break; // the empty line that ends the head
        if (line.startsWith(' ') || line.startsWith('\t'))
            return refusal(400, "malformed",
                           QStringLiteral("folded header lines are not accepted"));
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView name = colon > 0 ? line.first(colon) : QByteArrayView();
        if (name.isEmpty() || !std::all_of(name.begin(), name.end(), isTokenChar))
            return refusal(400, "malformed", QStringLiteral("a header line is malformed"));
        if (line.size() > RequestGuard::MaxHeaderLineBytes)
            return refusal(431, "headers_too_large",
                           QStringLiteral("a header line exceeds %1 bytes")
                               .arg(RequestGuard::MaxHeaderLineBytes));
        if (++fields > RequestGuard::MaxHeaderFields)
            return refusal(431, "headers_too_large",
                           QStringLiteral("a request has at most %1 header fields")
                               .arg(RequestGuard::MaxHeaderFields));
        const QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
        if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
            return refusal(411, "length_required",
                           QStringLiteral("a body needs Content-Length; Transfer-Encoding is not "
                                          "accepted"));
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            if (contentLength)
                return refusal(400, "malformed",
                               QStringLiteral("Content-Length appears more than once"));
            contentLength = value;
        }
    }
    HeadVerdict verdict;
    if (contentLength) {
        const QByteArray &v = *contentLength;
        if (v.isEmpty() || v.size() > 18 ||
            !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return refusal(400, "malformed", QStringLiteral("Content-Length is not a number"));
        verdict.bodyLength = v.toLongLong();
    }
    const qint64 cap = bodyCapFor(method, target);
    if (verdict.bodyLength > cap) {
        HeadVerdict refused =
            refusal(413, "body_too_large",
                    QStringLiteral("the body exceeds %1 bytes, the limit of this route").arg(cap),
                    QStringLiteral("Content-Length %1 over the cap of %2")
                        .arg(verdict.bodyLength)
                        .arg(cap));
        refused.bodyLength = verdict.bodyLength;
        return refused;
    }
    return verdict;
}

} // namespace

void RequestGuard::attach(QTcpSocket *socket) {
    new RequestGuard(socket);
}

RequestGuard::RequestGuard(QTcpSocket *socket)
    : QObject(socket)
    , m_socket(socket) {
    connect(socket, &QIODevice::readyRead, this, &RequestGuard::inspect);
}

void RequestGuard::inspect() {
    const qint64 available = m_socket->bytesAvailable();
    if (available < m_unreadSeen) {
        // Qt's parser read less than a complete request: it cannot, for a head the guard let
        // through. Where requests start is no longer known, so the connection goes.
        qCWarning(lcServer) << "request guard lost track of a connection; closing it";
        m_socket->abort();
        return;
    }
    // Bytes behind a refused request are never read.
    QByteArray unread; // peeked only when there is a head to read
    for (qint64 at = m_unreadSeen; at < available && !m_refusal;) {
        if (m_phase == Phase::Body) {
            const qint64 n = std::min(m_bodyLeft, available - at);
            m_bodyLeft -= n;
            at += n;
            if (m_bodyLeft == 0)
                endRequest(at);
            continue;
        }
        if (unread.isNull())
            unread = m_socket->peek(available);
        if (unread.size() < available) {
            m_socket->abort();
            return;
        }
        at = readHead(unread, at);
    }
    // Qt's parser runs next, in this same readyRead, and reads up to the end of the first
    // complete request. A refused request is answered when it would be the next one read.
    if (m_ends.isEmpty()) {
        if (m_refusal)
            return answerRefusal(available);
        m_unreadSeen = 0;
        return;
    }
    const qint64 parsed = m_ends.takeFirst();
    m_unreadSeen = available - parsed;
    for (qint64 &end : m_ends)
        end -= parsed;
    if (m_refusal)
        m_refusal->headEnd -= parsed;
}

qint64 RequestGuard::readHead(const QByteArray &unread, qint64 at) {
    while (at < unread.size() && m_phase != Phase::Body && !m_refusal) {
        const char c = unread.at(at++);
        if (++m_headBytes > MaxHeadBytes) {
            refuse(431, QStringLiteral("headers_too_large"),
                   QStringLiteral("the request line and headers exceed %1 bytes").arg(MaxHeadBytes),
                   QStringLiteral("head over %1 bytes").arg(MaxHeadBytes), at);
            break;
        }
        if (m_phase == Phase::Idle) {
            if (isLeadingSpace(c))
                continue;
            m_phase = Phase::RequestLine;
        }
        if (m_phase == Phase::RequestLine) {
            if (c != '\n') {
                m_line += c;
                continue;
            }
            if (m_line.endsWith('\r'))
                m_line.chop(1);
            m_phase = Phase::Header;
            continue;
        }
        // The head ends exactly where Qt's parser says it does.
        m_header += c;
        if (c == '\n' && (m_header.endsWith("\n\r\n") || m_header.endsWith("\n\n") ||
                          m_header == "\r\n" || m_header == "\n"))
            judgeHead(at);
    }
    return at;
}

void RequestGuard::judgeHead(qint64 end) {
    const QList<QByteArray> parts = m_line.split(' ');
    const bool lineOk = parts.size() == 3 && !parts.at(0).isEmpty() && !parts.at(1).isEmpty() &&
                        std::all_of(parts.at(0).begin(), parts.at(0).end(),
                                    [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                        (parts.at(2) == "HTTP/1.1" || parts.at(2) == "HTTP/1.0");
    if (!lineOk) {
        refuse(400, QStringLiteral("malformed"), QStringLiteral("the request line is malformed"),
               QStringLiteral("malformed request line"), end);
        return;
    }
    m_tusRoute = QUrl::fromEncoded(parts.at(1)).path().startsWith(QLatin1String("/v1/blobs"));
    const HeadVerdict verdict = judgeHeaders(m_header, parts.at(0), parts.at(1));
    if (verdict.status != 0) {
        refuse(verdict.status, verdict.code, verdict.message,
               QString::fromLatin1(parts.at(0)) + QLatin1Char(' ') + verdict.why, end,
               verdict.bodyLength);
        return;
    }
    m_line.clear();
    m_header.clear();
    m_headBytes = 0;
    m_phase = Phase::Body;
    m_bodyLeft = verdict.bodyLength;
    if (m_bodyLeft == 0)
        endRequest(end);
}

void RequestGuard::endRequest(qint64 end) {
    m_ends.append(end);
    m_phase = Phase::Idle;
    m_tusRoute = false;
}

void RequestGuard::refuse(int status, const QString &code, const QString &message,
                          const QString &why, qint64 headEnd, qint64 bodyLength) {
    m_refusal = Refusal{status, code, message, why, headEnd, bodyLength};
}

void RequestGuard::answerRefusal(qint64 available) {
    const Refusal r = *m_refusal;
    // What of the refused body is here already is dropped with the rest of the data.
    m_drainLeft = r.bodyLength - (available - r.headEnd);
    // Qt's parser does not read this connection again, from this very readyRead on.
    QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    // What it read of the refused request stays buffered until its transaction ends.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    const bool draining = m_drainLeft > 0 && m_drainLeft <= DrainLimitBytes;
    qCInfo(lcServer).noquote() << "refused a request from its head:" << r.status << r.code << "-"
                               << r.why;

    const QByteArray body = wire::encodeError(r.code, r.message);
    QByteArray answer = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) +
                        "\r\nContent-Type: " + QByteArray(wire::ContentType) +
                        "\r\nContent-Length: " + QByteArray::number(body.size()) +
                        "\r\nConnection: close\r\n";
    if (m_tusRoute)
        answer += "Tus-Resumable: 1.0.0\r\n";
    answer += "\r\n" + body;
    m_socket->write(answer);
    m_socket->flush();
    if (draining) {
        connect(m_socket, &QIODevice::readyRead, this, &RequestGuard::drain);
        QTimer::singleShot(DrainMs, m_socket, [socket = m_socket] { socket->abort(); });
        drain();
        return;
    }
    // The socket stops taking bytes from the network: the client's sending stalls.
    m_socket->setReadBufferSize(1);
#ifdef Q_OS_UNIX
    // The answer is complete: the client may stop sending as soon as it reads the end of it.
    if (!qobject_cast<QSslSocket *>(m_socket) && m_socket->bytesToWrite() == 0)
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#endif
    QTimer::singleShot(LingerMs, m_socket, [socket = m_socket] { socket->abort(); });
}

void RequestGuard::drain() {
    const bool ended = m_drainLeft <= 0;
    m_drainLeft -= m_socket->skip(m_socket->bytesAvailable());
    // The client reads the answer once it has sent its body, and then closes the connection
    // (the answer says Connection: close). Closed from here first, it might see the end of
    // the stream before the answer and take it for a failure.
    if (!ended && m_drainLeft <= 0)
        QTimer::singleShot(LingerMs, m_socket, &QAbstractSocket::disconnectFromHost);
}

} // namespace fl::server
