#include "backgroundreader.h"

#include "store/inspection.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QThread>

#ifdef __GLIBC__
#include <malloc.h>
#endif

Q_LOGGING_CATEGORY(lcReader, "fl.app.reader")

namespace fl::app {

namespace {
constexpr qint64 TrimAfterMs = 50;
} // namespace

struct BackgroundReader::Connection {
    std::unique_ptr<Store> store;
    std::unique_ptr<Inspection> inspection;
    Error error;
};

BackgroundReader::BackgroundReader(Vault &vault, QString databasePath, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_databasePath(std::move(databasePath))
    , m_thread(new QThread(this))
    , m_worker(new QObject)
    , m_connection(std::make_unique<Connection>()) {
    m_thread->setObjectName(QStringLiteral("fl-reader"));
    m_worker->moveToThread(m_thread);
}

BackgroundReader::~BackgroundReader() {
    if (m_thread->isRunning()) {
        m_thread->requestInterruption();
        m_thread->quit();
        m_thread->wait();
    }
    // The thread has ended: nothing of the connection is in use any more.
    m_connection->inspection.reset();
    m_connection->store.reset();
    delete m_worker;
}

void BackgroundReader::post(std::function<void(Store *, Inspection *)> task) {
    if (!m_thread->isRunning())
        m_thread->start(QThread::LowPriority); // the UI thread comes first on a busy tablet
    QMetaObject::invokeMethod(
        m_worker,
        [this, task = std::move(task)] {
            if (m_thread->isInterruptionRequested())
                return;
            Connection &c = *m_connection;
            if (!c.store) {
                // Opened on this thread, where it then lives (its signals, its key cache).
                auto store = std::make_unique<Store>(m_vault);
                if (auto r = store->open(m_databasePath); !r) {
                    c.error = r.error();
                    qCWarning(lcReader) << "could not open the database:" << r.error().message;
                } else {
                    c.inspection = std::make_unique<Inspection>(*store);
                    c.store = std::move(store);
                }
            }
            QElapsedTimer took;
            took.start();
            task(c.store.get(), c.inspection.get());
#ifdef __GLIBC__
            // A read of thousands of records leaves this thread's malloc arena large and mostly
            // free; give it back, or the app's resident memory keeps it. Not after small reads
            // (a page of the ledger while it scrolls): trimming locks every arena, the UI
            // thread's too.
            if (took.elapsed() >= TrimAfterMs)
                malloc_trim(0);
#endif
        },
        Qt::QueuedConnection);
}

void BackgroundReader::deliver(std::function<void()> then) {
    // Queued to this object on the UI thread, which outlives the reader's thread.
    QMetaObject::invokeMethod(this, std::move(then), Qt::QueuedConnection);
}

Error BackgroundReader::openError() const {
    return m_connection->error;
}

} // namespace fl::app
