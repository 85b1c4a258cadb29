#pragma once

#include "common/result.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QThread;

namespace fl {
class Inspection;
class Store;
class Vault;
} // namespace fl

namespace fl::app {

/// Long reads of the store (the whole ledger of a round, every photo record) on a thread of
/// its own, with its own connection to the database as the sync engine has, so that the UI
/// keeps drawing while thousands of records are decrypted. Reads run one after another in
/// the order asked; each result comes back queued to the UI thread and is dropped when its
/// receiver is gone by then. The vault's key use is thread-safe; a read while it is locked
/// fails with ErrorCode::Locked.
class BackgroundReader : public QObject {
    Q_OBJECT
public:
    BackgroundReader(Vault &vault, QString databasePath, QObject *parent = nullptr);
    /// Waits for the running read; the ones still queued are dropped.
    ~BackgroundReader() override;

    /// Runs `work` on the reader's thread, then `done` with its result on this object's thread
    /// while `receiver` lives. `work` must not touch UI-thread objects.
    template<typename T>
    void read(QObject *receiver, std::function<Result<T>(Store &, Inspection &)> work,
              std::function<void(Result<T>)> done) {
        post([this, receiver = QPointer<QObject>(receiver), work = std::move(work),
              done = std::move(done)](Store *store, Inspection *inspection) mutable {
            auto result = store ? work(*store, *inspection) : Result<T>(openError());
            deliver([receiver, done = std::move(done), result = std::move(result)]() mutable {
                if (receiver)
                    done(std::move(result));
            });
        });
    }

private:
    struct Connection;
    void post(std::function<void(Store *, Inspection *)> task);
    void deliver(std::function<void()> then);
    [[nodiscard]] Error openError() const;

    Vault &m_vault;
    QString m_databasePath;
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr;              // lives on m_thread: tasks are queued to it
    std::unique_ptr<Connection> m_connection; // used on m_thread only
};

} // namespace fl::app
