// fl-faultproxy: a TCP proxy that injects network faults between a sync client and the server.
// Debian 12 has no toxiproxy and this kernel no netem, so the tests bring their own.
//
//   fl-faultproxy --target HOST:PORT [--listen PORT] [--random SEED:PERCENT]
//
// Prints "listening on PORT" first. Each line on stdin queues a fault for the next new
// connection (FIFO); with --random, connections without a queued fault get a random one with
// the given probability. Faults:
//   pass                   forward both ways
//   drop                   close the client connection at once, sending nothing upstream
//   reset-request N        forward N bytes of the request, then reset both sides
//   truncate-response N    forward N bytes of the response, then close (half a response)
//   delay MS               hold every chunk for MS milliseconds
//   duplicate              open a second upstream connection and send it the same request
//                          bytes (the server sees the request twice); the client gets the
//                          first answer
// The faults applied are counted; the counts go to stderr when the proxy quits normally.
#include <QCoreApplication>
#include <QHostAddress>
#include <QPointer>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace {

struct Fault {
    enum Kind { Pass, Drop, ResetRequest, TruncateResponse, Delay, Duplicate } kind = Pass;
    qint64 n = 0;
};

std::optional<Fault> parseFault(const QByteArray &line) {
    const QList<QByteArray> w = line.trimmed().split(' ');
    if (w.isEmpty() || w[0].isEmpty())
        return std::nullopt;
    const qint64 n = w.size() > 1 ? w[1].toLongLong() : 0;
    if (w[0] == "pass")
        return Fault{Fault::Pass, 0};
    if (w[0] == "drop")
        return Fault{Fault::Drop, 0};
    if (w[0] == "reset-request")
        return Fault{Fault::ResetRequest, n};
    if (w[0] == "truncate-response")
        return Fault{Fault::TruncateResponse, n};
    if (w[0] == "delay")
        return Fault{Fault::Delay, n};
    if (w[0] == "duplicate")
        return Fault{Fault::Duplicate, 0};
    return std::nullopt;
}

class Proxy : public QObject {
public:
    Proxy(QHostAddress host, quint16 port)
        : m_host(host)
        , m_port(port) {
        connect(&m_server, &QTcpServer::newConnection, this, &Proxy::accept);
    }
    bool listen(quint16 port) { return m_server.listen(QHostAddress::LocalHost, port); }
    quint16 port() const { return m_server.serverPort(); }
    void queue(const Fault &f) { m_queue.append(f); }
    void setRandom(quint32 seed, int percent) {
        m_rng.seed(seed);
        m_percent = percent;
    }
    QByteArray counters() const {
        return QStringLiteral("faults: pass=%1 drop=%2 reset=%3 truncate=%4 delay=%5 "
                              "duplicate=%6\n")
            .arg(m_count[0])
            .arg(m_count[1])
            .arg(m_count[2])
            .arg(m_count[3])
            .arg(m_count[4])
            .arg(m_count[5])
            .toUtf8();
    }

private:
    Fault next() {
        if (!m_queue.isEmpty())
            return m_queue.takeFirst();
        if (m_percent > 0 && int(m_rng.bounded(100)) < m_percent) {
            switch (m_rng.bounded(5)) {
            case 0:
                return {Fault::Drop, 0};
            case 1:
                return {Fault::ResetRequest, qint64(m_rng.bounded(1, 400))};
            case 2:
                return {Fault::TruncateResponse, qint64(m_rng.bounded(1, 300))};
            case 3:
                return {Fault::Delay, qint64(m_rng.bounded(1, 200))};
            default:
                return {Fault::Duplicate, 0};
            }
        }
        return {Fault::Pass, 0};
    }

    void accept() {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            const Fault fault = next();
            ++m_count[fault.kind];
            if (fault.kind == Fault::Drop) {
                client->abort();
                client->deleteLater();
                continue;
            }
            auto *upstream = new QTcpSocket(client);
            QPointer<QTcpSocket> twin;
            if (fault.kind == Fault::Duplicate) {
                twin = new QTcpSocket(client);
                twin->connectToHost(m_host, m_port);
                connect(twin, &QTcpSocket::readyRead, twin, [t = twin] { t->readAll(); });
            }
            upstream->connectToHost(m_host, m_port);
            auto sentUp = std::make_shared<qint64>(0);
            auto sentDown = std::make_shared<qint64>(0);
            auto pendingUp = std::make_shared<QByteArray>();
            const auto forwardUp = [=](const QByteArray &data) {
                QByteArray chunk = data;
                if (fault.kind == Fault::ResetRequest && *sentUp + chunk.size() >= fault.n) {
                    chunk.truncate(int(fault.n - *sentUp));
                    upstream->write(chunk);
                    upstream->flush();
                    upstream->abort();
                    client->abort();
                    client->deleteLater();
                    return;
                }
                *sentUp += chunk.size();
                upstream->write(chunk);
                if (twin)
                    twin->write(chunk);
            };
            connect(upstream, &QTcpSocket::connected, client, [=] {
                if (!pendingUp->isEmpty())
                    forwardUp(std::exchange(*pendingUp, {}));
            });
            connect(client, &QTcpSocket::readyRead, client, [=] {
                const QByteArray data = client->readAll();
                const auto go = [=] {
                    if (upstream->state() != QAbstractSocket::ConnectedState)
                        pendingUp->append(data);
                    else
                        forwardUp(data);
                };
                if (fault.kind == Fault::Delay)
                    QTimer::singleShot(int(fault.n), client, go);
                else
                    go();
            });
            connect(upstream, &QTcpSocket::readyRead, client, [=] {
                QByteArray data = upstream->readAll();
                auto go = [=]() mutable {
                    if (fault.kind == Fault::TruncateResponse &&
                        *sentDown + data.size() >= fault.n) {
                        data.truncate(int(fault.n - *sentDown));
                        client->write(data);
                        client->flush();
                        client->disconnectFromHost();
                        upstream->abort();
                        return;
                    }
                    *sentDown += data.size();
                    client->write(data);
                };
                if (fault.kind == Fault::Delay)
                    QTimer::singleShot(int(fault.n), client, go);
                else
                    go();
            });
            connect(upstream, &QTcpSocket::disconnected, client, [=] {
                // Let delayed writes go out first.
                QTimer::singleShot(fault.kind == Fault::Delay ? int(fault.n) + 1 : 0, client,
                                   [client] { client->disconnectFromHost(); });
            });
            connect(upstream, &QTcpSocket::errorOccurred, client, [=] {
                if (upstream->state() == QAbstractSocket::UnconnectedState)
                    client->disconnectFromHost();
            });
            connect(client, &QTcpSocket::disconnected, client, [=] {
                upstream->disconnectFromHost();
                client->deleteLater();
            });
        }
    }

    QTcpServer m_server;
    QHostAddress m_host;
    quint16 m_port;
    QList<Fault> m_queue;
    QRandomGenerator m_rng;
    int m_percent = 0;
    int m_count[6] = {};
};

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QString target;
    quint16 listen = 0;
    QString random;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--target"))
            target = args[i + 1];
        else if (args[i] == QLatin1String("--listen"))
            listen = quint16(args[i + 1].toUInt());
        else if (args[i] == QLatin1String("--random"))
            random = args[i + 1];
    }
    const int colon = int(target.lastIndexOf(QLatin1Char(':')));
    if (colon < 0) {
        std::fprintf(stderr, "usage: fl-faultproxy --target HOST:PORT [--listen PORT] "
                             "[--random SEED:PERCENT]\n");
        return 2;
    }
    Proxy proxy(QHostAddress(target.left(colon)), quint16(target.mid(colon + 1).toUInt()));
    if (!random.isEmpty()) {
        const QStringList r = random.split(QLatin1Char(':'));
        proxy.setRandom(r.value(0).toUInt(), r.value(1).toInt());
    }
    if (!proxy.listen(listen)) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }
    std::printf("listening on %u\n", proxy.port());
    std::fflush(stdout);
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray buffer;
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char chunk[512];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n <= 0) {
            input.setEnabled(false);
            return;
        }
        buffer.append(chunk, n);
        qsizetype nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            if (auto f = parseFault(buffer.left(nl)))
                proxy.queue(*f);
            buffer.remove(0, nl + 1);
        }
    });
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [&] {
        const QByteArray c = proxy.counters();
        std::fwrite(c.constData(), 1, size_t(c.size()), stderr);
    });
    return app.exec();
}
