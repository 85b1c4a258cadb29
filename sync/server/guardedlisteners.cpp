#include "sync/server/guardedlisteners.h"

#include "sync/server/requestguard.h"

namespace fl::server {

QTcpSocket *GuardedTcpServer::nextPendingConnection() {
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    if (socket)
        RequestGuard::attach(socket);
    return socket;
}

QTcpSocket *GuardedSslServer::nextPendingConnection() {
    QTcpSocket *socket = QSslServer::nextPendingConnection();
    if (socket)
        RequestGuard::attach(socket);
    return socket;
}

} // namespace fl::server
