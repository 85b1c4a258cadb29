#pragma once

#include <QObject>

class QSocketNotifier;

namespace fl::server {

/// SIGTERM and SIGINT as a Qt signal on the main thread (a service manager stopping the server,
/// Ctrl+C), so the server stops between requests instead of in the middle of one. Unix only;
/// elsewhere it never fires. One instance per process.
class ShutdownSignals : public QObject {
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

Q_SIGNALS:
    /// A stop was asked for; `name` is "SIGTERM" or "SIGINT".
    void requested(const QString &name);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace fl::server
