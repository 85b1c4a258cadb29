#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class QTcpSocket;

namespace fl::server {

/// Watches one connection's HTTP/1.1 requests as their bytes arrive, before Qt HttpServer
/// reads them. Qt HttpServer 6.4 holds a whole request in memory before any handler runs, so
/// a route cannot refuse a large body in time; the guard reads each request's head and answers
/// at once, closing the connection without reading the rest:
/// - 413 body_too_large: Content-Length over the route's cap (bodycaps.h);
/// - 411 length_required: a body without Content-Length (Transfer-Encoding, chunked);
/// - 431 headers_too_large: a head over MaxHeadBytes or with more than MaxHeaderFields fields;
/// - 400 malformed: a head that Qt's parser might read differently from the guard.
///
/// The guard sees the bytes first because attach() runs in nextPendingConnection(), before Qt
/// HttpServer connects to readyRead. It only peeks, and follows where Qt's parser stands: in
/// each readyRead the parser reads up to the end of the first complete request, or everything
/// when none is complete. Since the guard lets through only heads that Qt parses exactly as it
/// does, both agree on where every request ends, keep-alive and pipelining included.
class RequestGuard : public QObject {
    Q_OBJECT
public:
    /// Starts watching `socket`, which then owns the guard. Call before anything else connects
    /// to the socket's readyRead.
    static void attach(QTcpSocket *socket);

    /// Request line and headers together, whitespace before the request line included.
    static constexpr qsizetype MaxHeadBytes = 16 * 1024;
    /// Below what Qt's header parser accepts (6.4: 100 fields, 8 KiB each), so that a head the
    /// guard accepts is never one Qt's parser gives up on.
    static constexpr int MaxHeaderFields = 100;
    static constexpr qsizetype MaxHeaderLineBytes = 8000;
    /// How long a refused connection stays open, unread, before it is reset: the answer then
    /// reaches a client that is still sending instead of being lost in the reset.
    static constexpr int LingerMs = 2000;
    /// A refused body up to this size is read to its end and thrown away, within DrainMs:
    /// clients that read no answer before they have sent their whole request (Qt's network
    /// access among them) then see the 413 instead of a cut connection, which they would
    /// take for a network failure and retry. A larger body is not read at all.
    static constexpr qint64 DrainLimitBytes = 64 * 1024 * 1024;
    static constexpr int DrainMs = 15000;

private:
    explicit RequestGuard(QTcpSocket *socket);

    void inspect();
    /// Reads head bytes of `unread` from `at`; returns where it stopped (the head's end, or the
    /// end of the data).
    qint64 readHead(const QByteArray &unread, qint64 at);
    /// The head is complete and ends at `end` (an offset in the unread data): refuse it, or
    /// expect its body.
    void judgeHead(qint64 end);
    /// A complete request ends at `end`.
    void endRequest(qint64 end);
    /// Refuses the request whose head ends at `headEnd` (an offset in the unread data), once
    /// Qt's parser has answered the requests before it on the connection.
    void refuse(int status, const QString &code, const QString &message, const QString &why,
                qint64 headEnd, qint64 bodyLength = 0);
    /// Answers the refusal and closes the connection; `available`: the socket's unread bytes.
    void answerRefusal(qint64 available);
    /// After a refusal: reads and drops what arrives until the refused body has ended.
    void drain();

    enum class Phase { Idle, RequestLine, Header, Body };

    QTcpSocket *m_socket;
    Phase m_phase = Phase::Idle;
    QByteArray m_line;   ///< the request line so far
    QByteArray m_header; ///< the header block so far
    qsizetype m_headBytes = 0;
    qint64 m_bodyLeft = 0;
    qint64 m_drainLeft = 0;  ///< refused body bytes still to come
    bool m_tusRoute = false; ///< answers on blob routes carry Tus-Resumable
    /// How many bytes at the start of the socket's unread data the guard has scanned already:
    /// those Qt's parser left for its next readyRead (a request that arrived behind another).
    qint64 m_unreadSeen = 0;
    /// Where scanned requests end that Qt's parser has not read yet, as offsets in the unread
    /// data.
    QList<qint64> m_ends;
    /// A request refused from its head, waiting for the requests before it to be answered.
    struct Refusal {
        int status = 0;
        QString code;
        QString message;
        QString why;        ///< for the log
        qint64 headEnd = 0; ///< in the unread data
        qint64 bodyLength = 0;
    };
    std::optional<Refusal> m_refusal;
};

} // namespace fl::server
