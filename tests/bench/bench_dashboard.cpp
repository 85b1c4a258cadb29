// The office dashboard over a big data folder: how long the complete reading of every round
// takes (rates, scores, overdue of 50,000 findings, on the BackgroundReader's thread) and the
// longest the UI thread's event loop is held meanwhile (what the window would stutter by),
// beside the same figure for an idle loop on this machine. Uses the folder bench_app builds
// (/tmp/fieldledger-bench-app-v1/full: 50 units, 50,000 findings); run bench_app first, or give
// another folder and its passphrase: bench_dashboard [DIR [PASSPHRASE]].
#include "appservices.h"
#include "benchutil.h"
#include "dashboardmodel.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QTimer>

#include <cstdio>
#include <ctime>

using namespace fl;

int main(int argc, char **argv) {
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString dir = args.value(1, QStringLiteral("/tmp/fieldledger-bench-app-v1/full"));
    const QString passphrase = args.value(2, QStringLiteral("bench passphrase 督查"));
    if (!QFile::exists(dir + QStringLiteral("/fieldledger.db"))) {
        std::fprintf(stderr, "no data folder at %s: run bench_app first to build it\n",
                     qPrintable(dir));
        return 1;
    }
    app::AppServices services(dir);
    services.unlock(passphrase);
    QElapsedTimer wait;
    wait.start();
    while ((services.isBusy() || !services.isUnlocked()) && wait.elapsed() < 60000)
        app.processEvents(QEventLoop::AllEvents, 50);
    if (!services.isUnlocked()) {
        std::fprintf(stderr, "could not unlock %s: %s\n", qPrintable(dir),
                     qPrintable(services.errorString()));
        return 1;
    }

    // The same ticker with nothing to do: what the machine's load alone costs the event loop.
    double idleWorst = 0;
    {
        QElapsedTimer sinceTick;
        QTimer ticker;
        ticker.setInterval(1);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            idleWorst = std::max(idleWorst, sinceTick.nsecsElapsed() / 1e6);
            sinceTick.restart();
        });
        sinceTick.start();
        ticker.start();
        QEventLoop loop;
        QTimer::singleShot(2000, &loop, &QEventLoop::quit);
        loop.exec();
    }

    constexpr int Runs = 3;
    QList<double> loadMs;
    QList<double> stallMs;
    QList<double> cpuMs; // the process's CPU time: the cost, whatever else the machine runs
    int findings = 0;
    for (int run = 0; run < Runs; ++run) {
        app::DashboardModel model;
        // A 1 ms ticker: the largest gap between its ticks is the longest the loop was held.
        QElapsedTimer sinceTick;
        double worst = 0;
        QTimer ticker;
        ticker.setInterval(1);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            worst = std::max(worst, sinceTick.nsecsElapsed() / 1e6);
            sinceTick.restart();
        });
        QEventLoop loop; // waits without spinning, so the CPU time is the reading's
        QObject::connect(&model, &app::DashboardModel::loaded, &loop, &QEventLoop::quit);
        sinceTick.start();
        ticker.start();
        const std::clock_t cpuBefore = std::clock();
        model.setServices(&services); // the first page is read from the event loop
        loop.exec();
        cpuMs.append(double(std::clock() - cpuBefore) * 1000.0 / CLOCKS_PER_SEC);
        ticker.stop();
        loadMs.append(double(model.lastLoadMs()));
        stallMs.append(worst);
        findings = model.findingCount();
    }
    std::printf("dashboard over %d findings, %d runs\n", findings, Runs);
    reportValue("dashboard_load_ms (median)", statsOf(loadMs).p50, "ms");
    reportValue("dashboard_load_cpu_ms (median)", statsOf(cpuMs).p50, "ms");
    reportValue("dashboard_longest_stall_ms (median)", statsOf(stallMs).p50, "ms",
                "< 50 ms (the reading runs on the reader's thread)");
    reportValue("idle_longest_stall_ms (2 s, same ticker)", idleWorst, "ms");
    return 0;
}
