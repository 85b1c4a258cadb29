#pragma once
// A loopback TCP relay that counts the HTTP/1.1 bytes between a client and a server, split into
// message heads (request and status lines plus headers) and bodies, each way. Tests and benches
// put it in front of a server to measure what went over the wire: bytes a resumed upload sent
// again, protocol overhead over the ciphertext it carries. It runs on its own thread, so a client
// blocked in a local event loop of the calling thread is relayed all the same.
//
// Bodies are delimited by Content-Length (what QNetworkAccessManager, Qt HttpServer and Node's
// http send here); answers to HEAD and 1xx/204/304 answers have none. A connection cut in the
// middle of a body counts the part that arrived.

#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <memory>

namespace fltest {

/// Bytes one way, or both: message heads and bodies.
struct WireBytes {
    qint64 head = 0;
    qint64 body = 0;
    [[nodiscard]] qint64 total() const { return head + body; }
};

class CountingRelay {
public:
    CountingRelay() = default;
    ~CountingRelay() { stop(); }
    Q_DISABLE_COPY_MOVE(CountingRelay)

    /// Listens on a free loopback port and relays every connection to host:port.
    bool start(const QHostAddress &host, quint16 port) {
        m_thread = std::make_unique<QThread>();
        m_thread->start();
        m_context.moveToThread(m_thread.get());
        QSemaphore ready;
        bool ok = false;
        QMetaObject::invokeMethod(
            &m_context,
            [&] {
                m_server = new QTcpServer;
                QObject::connect(m_server, &QTcpServer::newConnection, m_server,
                                 [this, host, port] { accept(host, port); });
                ok = m_server->listen(QHostAddress::LocalHost, 0);
                m_port = m_server->serverPort();
                ready.release();
            },
            Qt::QueuedConnection);
        ready.acquire();
        return ok;
    }
    void stop() {
        if (!m_thread)
            return;
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                delete m_server; // its sockets are its children
                m_server = nullptr;
                m_context.moveToThread(nullptr);
            },
            Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
        m_thread.reset();
    }
    [[nodiscard]] quint16 port() const { return m_port; }

    /// Client to server.
    [[nodiscard]] WireBytes up() const { return {m_upHead.load(), m_upBody.load()}; }
    /// Server to client.
    [[nodiscard]] WireBytes down() const { return {m_downHead.load(), m_downBody.load()}; }
    [[nodiscard]] qint64 total() const { return up().total() + down().total(); }
    [[nodiscard]] int connections() const { return m_connections.load(); }

    /// Waits until no byte has moved for `quietMs` (at most `timeoutMs`): the relay reads on its
    /// own thread, so bytes a client wrote just before it returned may still be on their way.
    void settle(int quietMs = 150, int timeoutMs = 5000) const {
        qint64 last = -1;
        int quiet = 0;
        for (int waited = 0; waited < timeoutMs && quiet < quietMs; waited += 10) {
            const qint64 now = total();
            quiet = now == last ? quiet + 10 : 0;
            last = now;
            QThread::msleep(10);
        }
    }

private:
    /// Splits one direction of one connection into heads and bodies.
    struct Parser {
        bool request = true;
        QByteArray head;                           // the head read so far
        qint64 bodyLeft = 0;                       // of the current message
        std::shared_ptr<QList<bool>> headRequests; // requests' "was HEAD", answered in order
        std::atomic<qint64> *headBytes = nullptr;
        std::atomic<qint64> *bodyBytes = nullptr;

        void feed(const char *data, qint64 size) {
            while (size > 0) {
                if (bodyLeft > 0) {
                    const qint64 n = std::min(bodyLeft, size);
                    *bodyBytes += n;
                    bodyLeft -= n;
                    data += n;
                    size -= n;
                    continue;
                }
                // In a head: up to and including the blank line.
                const QByteArrayView rest(data, size);
                const qsizetype before = head.size();
                head.append(rest);
                const qsizetype end = head.indexOf("\r\n\r\n");
                if (end < 0) {
                    *headBytes += size;
                    return;
                }
                const qint64 used = end + 4 - before;
                *headBytes += used;
                head.truncate(end + 4);
                bodyLeft = bodyLength();
                head.clear();
                data += used;
                size -= used;
            }
        }
        qint64 bodyLength() {
            const QList<QByteArray> lines = head.split('\n');
            qint64 length = 0;
            for (const QByteArray &line : lines) {
                const QByteArray l = line.trimmed();
                if (l.toLower().startsWith("content-length:"))
                    length = l.mid(15).trimmed().toLongLong();
            }
            if (request) {
                headRequests->append(lines.value(0).startsWith("HEAD "));
                return length;
            }
            const int status = lines.value(0).split(' ').value(1).toInt();
            const bool forHead = !headRequests->isEmpty() && headRequests->takeFirst();
            if (forHead || status / 100 == 1 || status == 204 || status == 304)
                return 0;
            return length;
        }
    };

    void accept(const QHostAddress &host, quint16 port) {
        while (QTcpSocket *client = m_server->nextPendingConnection()) {
            ++m_connections;
            // The relay must not add Nagle delays of its own.
            client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            auto *upstream = new QTcpSocket(client);
            auto requests = std::make_shared<QList<bool>>();
            auto upParser = std::make_shared<Parser>();
            upParser->request = true;
            upParser->headRequests = requests;
            upParser->headBytes = &m_upHead;
            upParser->bodyBytes = &m_upBody;
            auto downParser = std::make_shared<Parser>();
            downParser->request = false;
            downParser->headRequests = requests;
            downParser->headBytes = &m_downHead;
            downParser->bodyBytes = &m_downBody;
            auto pending = std::make_shared<QByteArray>();
            QObject::connect(client, &QTcpSocket::readyRead, client,
                             [client, upstream, upParser, pending] {
                                 const QByteArray data = client->readAll();
                                 upParser->feed(data.constData(), data.size());
                                 if (upstream->state() == QAbstractSocket::ConnectedState)
                                     upstream->write(data);
                                 else
                                     pending->append(data);
                             });
            QObject::connect(upstream, &QTcpSocket::connected, client, [upstream, pending] {
                upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
                if (!pending->isEmpty())
                    upstream->write(std::exchange(*pending, {}));
            });
            QObject::connect(upstream, &QTcpSocket::readyRead, client,
                             [client, upstream, downParser] {
                                 const QByteArray data = upstream->readAll();
                                 downParser->feed(data.constData(), data.size());
                                 client->write(data);
                             });
            // The server side went away (closed, reset, refused): so does the client's.
            QObject::connect(upstream, &QTcpSocket::errorOccurred, client,
                             [client] { client->disconnectFromHost(); });
            QObject::connect(upstream, &QTcpSocket::disconnected, client,
                             [client] { client->disconnectFromHost(); });
            QObject::connect(client, &QTcpSocket::disconnected, client, [client, upstream] {
                upstream->disconnectFromHost();
                client->deleteLater();
            });
            upstream->connectToHost(host, port);
        }
    }

    QObject m_context; // lives on the relay's thread; the server is made there
    std::unique_ptr<QThread> m_thread;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    std::atomic<qint64> m_upHead{0}, m_upBody{0}, m_downHead{0}, m_downBody{0};
    std::atomic<int> m_connections{0};
};

} // namespace fltest
