#pragma once

#include <QSslServer>
#include <QTcpServer>

namespace fl::server {

// Listening sockets whose connections a RequestGuard watches before Qt HttpServer reads them
// (QAbstractHttpServer::bind() takes them; its own listen() would make plain ones).
// nextPendingConnection() is where Qt HttpServer picks up a connection, and the guard must be
// attached before Qt HttpServer connects to the socket's readyRead.

/// Plain HTTP.
class GuardedTcpServer : public QTcpServer {
public:
    using QTcpServer::QTcpServer;
    QTcpSocket *nextPendingConnection() override;
};

/// HTTPS: connections are handed on after their TLS handshake.
class GuardedSslServer : public QSslServer {
public:
    using QSslServer::QSslServer;
    QTcpSocket *nextPendingConnection() override;
};

} // namespace fl::server
