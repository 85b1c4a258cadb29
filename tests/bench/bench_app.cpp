// The app as a user meets it, under QT_QPA_PLATFORM=offscreen (software rendering):
//   - cold start of the real `fieldledger` binary to the first frame of the visits page, on an
//     empty data folder and on one of 50,000 findings and 5,000 photos (same KdfParams);
//   - the unlock's Argon2id alone;
//   - scrolling the 50,000-finding ledger (frame intervals), in a child process of this bench
//     (bench_app --scroll DIR), which then reports its resident memory.
// The data folders are kept in /tmp between runs, under a name that carries FolderVersion.
#include "appservices.h"
#include "benchutil.h"
#include "media/blobstore.h"
#include "media/photolibrary.h"
#include "photoimageprovider.h"
#include "store/inspection.h"
#include "store/store.h"
#include "vault/vault.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <mutex>

Q_IMPORT_QML_PLUGIN(FieldLedgerPlugin)

using namespace fl;

namespace {

constexpr const char *FolderVersion = "v2"; // bump when the data or its schema changes
constexpr const char *Passphrase = "bench passphrase 督查";
constexpr int Findings = 50000;
constexpr int Photos = 5000;
constexpr int Units = 50; // one visit each: 1,000 findings a visit
constexpr int StartRuns = 7;
constexpr int ScrollSeconds = 25;

// A few distinct small JPEGs (640×480, smooth gradients with some noise), made once.
QList<QByteArray> sampleJpegs() {
    QList<QByteArray> out;
    for (int k = 0; k < 4; ++k) {
        QImage image(640, 480, QImage::Format_RGB32);
        quint32 noise = 2463534242u + quint32(k);
        for (int y = 0; y < image.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                noise ^= noise << 13;
                noise ^= noise >> 17;
                noise ^= noise << 5;
                const int n = int(noise & 15);
                line[x] = qRgb((x * (k + 1) / 3 + n) & 255, (y * (4 - k) / 2 + n) & 255,
                               ((x + y) / 4 + 40 * k + n) & 255);
            }
        }
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "JPEG", 85))
            return {};
        out.append(bytes);
    }
    return out;
}

// A data folder as the app keeps it: vault.json, fieldledger.db, blobs/. With findings, a round
// (campaign, checklist, units, visits) whose findings and photos the pages show.
bool buildFolder(const QString &dir, int findings, int photos, KdfParams kdf) {
    if (QFile::exists(dir + "/complete"))
        return true;
    QDir(dir).removeRecursively();
    if (!QDir().mkpath(dir))
        return false;
    QElapsedTimer t;
    t.start();
    Vault vault(dir + "/vault.json");
    if (!vault.create(Passphrase, kdf))
        return false;
    Store store(vault);
    if (!store.open(dir + "/fieldledger.db"))
        return false;
    Inspection in(store);
    if (findings > 0) {
        Campaign c;
        c.name = QStringLiteral("第四轮巡察（基准）");
        c.startDate = QDate(2026, 11, 1);
        c.endDate = c.startDate.addDays(60);
        auto campaign = in.createCampaign(c);
        if (!campaign)
            return false;
        const struct {
            Level level;
            const char *code;
            const char *text;
            double max;
        } specs[] = {
            {Level::PartyGroup, "1.1", "党组理论学习中心组学习不规范", 5},
            {Level::PartyGroup, "1.2", "落实全面从严治党主体责任不到位", 10},
            {Level::OrganCommittee, "2.1", "机关党委会议记录不完整", 4},
            {Level::OrganCommittee, "2.2", "党费收缴管理不规范", 6},
            {Level::Grassroots, "3.1", "“三会一课”落实不到位", 5},
            {Level::Grassroots, "3.2", "党员发展程序不规范", 8},
        };
        QList<ChecklistItem> items;
        for (const auto &s : specs) {
            ChecklistItem item;
            item.campaignId = campaign->id;
            item.level = s.level;
            item.code = QLatin1String(s.code);
            item.text = QString::fromUtf8(s.text);
            item.maxDeduction = s.max;
            auto added = in.addChecklistItem(item);
            if (!added)
                return false;
            items.append(*added);
        }
        QList<Visit> visits;
        for (int u = 0; u < Units; ++u) {
            Unit unit;
            unit.campaignId = campaign->id;
            unit.name = QStringLiteral("省直第%1单位").arg(u + 1);
            auto madeUnit = in.createUnit(unit);
            if (!madeUnit)
                return false;
            Visit v;
            v.unitId = madeUnit->id;
            v.date = c.startDate.addDays(1 + u % 40);
            v.team = {QStringLiteral("张明"), QStringLiteral("李华")};
            auto madeVisit = in.createVisit(v);
            if (!madeVisit)
                return false;
            visits.append(*madeVisit);
        }
        QStringList photoOwners;
        const int perTx = 1000;
        const int photoEvery = photos > 0 ? std::max(1, findings / photos) : 0;
        for (int done = 0; done < findings; done += perTx) {
            auto r = store.write([&](Writer &w) -> Result<void> {
                for (int i = done; i < std::min(findings, done + perTx); ++i) {
                    const Visit &v = visits.at(i % visits.size());
                    const ChecklistItem &item = items.at(i % items.size());
                    Finding f;
                    f.visitId = v.id;
                    f.checklistItemId = item.id;
                    f.level = item.level;
                    f.category = item.category;
                    f.severity = Severity::Moderate;
                    f.deduction = 1;
                    f.title = QStringLiteral("第%1号问题：%2").arg(i + 1).arg(item.text);
                    f.description = QString(80, QChar(u'述'));
                    f.responsibleParty = QStringLiteral("机关党委");
                    f.dueDate = v.date.addDays(30 + i % 30);
                    auto id = w.create(QLatin1String(recordtype::Finding), campaign->id, v.id,
                                       toFields(f));
                    if (!id)
                        return id.error();
                    if (photoEvery > 0 && i % photoEvery == 0 && photoOwners.size() < photos)
                        photoOwners.append(*id);
                }
                return {};
            });
            if (!r)
                return false;
        }
        std::printf("folder: %d findings in %.1f s\n", findings, t.elapsed() / 1000.0);
        std::fflush(stdout);
        const QList<QByteArray> jpegs = sampleJpegs();
        if (jpegs.isEmpty())
            return false;
        BlobStore blobs(dir + "/blobs");
        PhotoLibrary library(store, blobs);
        for (int i = 0; i < photoOwners.size(); ++i) {
            if (!library.importBytes(photoOwners.at(i), jpegs.at(i % jpegs.size()),
                                     QStringLiteral("现场照片%1").arg(i + 1)))
                return false;
        }
        std::printf("folder: %d findings and %d photos (640x480 JPEG, %d-%d bytes) in %.1f s\n",
                    findings, int(photoOwners.size()), int(jpegs.first().size()),
                    int(jpegs.last().size()), t.elapsed() / 1000.0);
        std::fflush(stdout);
    }
    QFile done(dir + "/complete");
    return done.open(QIODevice::WriteOnly);
}

long residentKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

QQuickItem *findItem(QQuickItem *item, const QString &name) {
    if (!item)
        return nullptr;
    if (item->objectName() == name)
        return item;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

void spin(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// The child: the app's UI on the big folder, the ledger open, scrolled frame by frame.
int scrollMain(const QString &dir) {
    QQuickStyle::setStyle(QStringLiteral("Material"));
    app::AppServices services(dir);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.addImageProvider(QLatin1String(app::PhotoImageProvider::Name),
                            new app::PhotoImageProvider(services));
    engine.loadData("import FieldLedger\nMain {}");
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window)
        return 10;
    services.unlock(QString::fromUtf8(Passphrase));
    for (int i = 0; i < 200 && !services.isUnlocked(); ++i)
        spin(50);
    if (!services.isUnlocked())
        return 11;
    auto campaigns = services.inspection().campaigns();
    if (!campaigns || campaigns->isEmpty())
        return 12;
    QVariant unused;
    if (!QMetaObject::invokeMethod(window, "openLedger", Q_RETURN_ARG(QVariant, unused),
                                   Q_ARG(QVariant, campaigns->first().id),
                                   Q_ARG(QVariant, QString())))
        return 13;
    spin(1500); // the push transition and the first page
    auto *list = findItem(window->contentItem(), QStringLiteral("ledgerList"));
    if (!list)
        return 14;
    const long openKb = residentKb();

    // Each frame moves the list by Step pixels (a fast flick: 14,400 px/s at 60 Hz); the
    // intervals between swaps are the frame times.
    constexpr qreal Step = 240;
    std::mutex lock;
    QList<qint64> swaps;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [&] {
            const std::lock_guard<std::mutex> guard(lock);
            swaps.append(clock.nsecsElapsed());
        },
        Qt::DirectConnection);
    QEventLoop loop;
    int frames = 0;
    QObject driver;
    QObject::connect(
        window, &QQuickWindow::frameSwapped, &driver,
        [&] {
            if (clock.elapsed() > ScrollSeconds * 1000 || ++frames > 3000) {
                loop.quit();
                return;
            }
            list->setProperty("contentY", list->property("contentY").toReal() + Step);
        },
        Qt::QueuedConnection);
    list->setProperty("contentY", list->property("contentY").toReal() + Step);
    loop.exec();
    QObject::disconnect(window, nullptr, &driver, nullptr);

    QList<double> intervals;
    int over16 = 0;
    {
        const std::lock_guard<std::mutex> guard(lock);
        for (qsizetype i = 2; i < swaps.size(); ++i) { // the first swap started the run
            const double ms = double(swaps.at(i) - swaps.at(i - 1)) / 1e6;
            intervals.append(ms);
            if (ms > 16.0)
                ++over16;
        }
    }
    const int rows = list->property("count").toInt();
    report("ledger_scroll_frame_interval", statsOf(intervals), "ms");
    std::printf("ledger_scroll: %d frames over 16 ms of %d, scrolled %.0f px, %d rows loaded of "
                "%d, %.1f frames/s\n",
                over16, int(intervals.size()), list->property("contentY").toReal(), rows, Findings,
                intervals.size() / (clock.elapsed() / 1000.0));
    reportValue("rss_ledger_open_50k", openKb / 1024.0, "MiB", "< 200");
    reportValue("rss_after_scroll_50k", residentKb() / 1024.0, "MiB", "< 200");

    // The first search reads the whole round (in the background): how long until the rows
    // are in, and the longest frame meanwhile while the list keeps scrolling back up.
    QObject *ledger = list->property("model").value<QObject *>();
    if (!ledger)
        return 15;
    QList<qint64> loadSwaps;
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [&] {
            const std::lock_guard<std::mutex> guard(lock);
            loadSwaps.append(clock.nsecsElapsed());
        },
        Qt::DirectConnection);
    QObject mover;
    QObject::connect(
        window, &QQuickWindow::frameSwapped, &mover,
        [&] {
            list->setProperty("contentY", std::max(0.0, list->property("contentY").toReal() - 24));
        },
        Qt::QueuedConnection);
    const qint64 searchNs = clock.nsecsElapsed();
    ledger->setProperty("search", QStringLiteral("问题"));
    list->setProperty("contentY", list->property("contentY").toReal() - 24);
    while (ledger->property("loading").toBool() && clock.nsecsElapsed() - searchNs < 60e9)
        spin(5);
    const double loadMs = (clock.nsecsElapsed() - searchNs) / 1e6;
    spin(100); // the frame that shows the rows
    QObject::disconnect(window, nullptr, &mover, nullptr);
    double longest = 0;
    {
        const std::lock_guard<std::mutex> guard(lock);
        qint64 previous = searchNs;
        for (const qint64 at : std::as_const(loadSwaps)) {
            longest = std::max(longest, (at - previous) / 1e6);
            previous = at;
        }
    }
    reportValue("ledger_first_search_50k_rows_in", loadMs, "ms");
    reportValue("ledger_first_search_longest_frame", longest, "ms", "< 16 (UI not blocked)");
    std::printf("ledger_first_search: %d rows match, %d frames drawn while reading\n",
                ledger->property("totalCount").toInt(), int(loadSwaps.size()));
    reportValue("rss_after_first_search_50k", residentKb() / 1024.0, "MiB", "< 200");
    return 0;
}

struct StartFigures {
    QList<double> first, unlock, shown, shownExclUnlock, spawnToShown, rssMiB, unlockFrames,
        unlockMaxGap;
};

// One cold start of the app to the first frame of the visits page, unlocked from stdin.
bool startOnce(const QString &dir, StartFigures &out) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(FL_APP_PATH),
            {QStringLiteral("--data"), dir, QStringLiteral("--lang"), QStringLiteral("zh_CN"),
             QStringLiteral("--passphrase-stdin"), QStringLiteral("--exit-after-first-frame")});
    if (!p.waitForStarted(10000))
        return false;
    p.write(QByteArray(Passphrase) + '\n');
    p.closeWriteChannel();
    QByteArray output;
    while (!output.contains('\n') && p.waitForReadyRead(30000))
        output += p.readAllStandardOutput();
    const double spawnMs = t.nsecsElapsed() / 1e6;
    p.waitForFinished(30000);
    output += p.readAllStandardOutput();
    const QByteArray line = output.mid(output.indexOf("first-frame"));
    if (p.exitCode() != 0 || !line.startsWith("first-frame")) {
        std::fprintf(stderr, "fieldledger failed (%d): %s\n%s\n", p.exitCode(), output.constData(),
                     p.readAllStandardError().constData());
        return false;
    }
    QHash<QByteArray, double> v;
    for (const QByteArray &field : line.trimmed().split(' ')) {
        const qsizetype eq = field.indexOf('=');
        if (eq > 0)
            v.insert(field.left(eq), field.mid(eq + 1).toDouble());
    }
    out.first.append(v.value("first_ms"));
    out.unlock.append(v.value("unlock_ms"));
    out.shown.append(v.value("shown_ms"));
    out.shownExclUnlock.append(v.value("shown_excl_unlock_ms"));
    out.spawnToShown.append(spawnMs);
    out.rssMiB.append(v.value("rss_kb") / 1024.0);
    out.unlockFrames.append(v.value("unlock_frames"));
    out.unlockMaxGap.append(v.value("unlock_max_gap_ms"));
    return true;
}

bool startRuns(const char *label, const QString &dir, StartFigures &f) {
    for (int i = 0; i < StartRuns; ++i) {
        if (!startOnce(dir, f))
            return false;
    }
    const auto name = [label](const char *what) {
        return QByteArray(label) + what;
    };
    report(name("_first_frame_unlock_page").constData(), statsOf(f.first), "ms");
    // From the unlock request to the probe's unlockedChanged handler: the key derivation, the
    // store's opening and the handlers connected before it (the sync status's reads).
    report(name("_unlock_kdf_store_sync").constData(), statsOf(f.unlock), "ms");
    report(name("_visits_frame").constData(), statsOf(f.shown), "ms");
    report(name("_visits_frame_excl_above").constData(), statsOf(f.shownExclUnlock), "ms");
    report(name("_spawn_to_visits_frame").constData(), statsOf(f.spawnToShown), "ms");
    report(name("_rss_at_visits_frame").constData(), statsOf(f.rssMiB), "MiB");
    // The unlock page while the key is derived: frames drawn, and the longest wait for one.
    report(name("_unlock_page_frames").constData(), statsOf(f.unlockFrames), "");
    report(name("_unlock_page_longest_frame").constData(), statsOf(f.unlockMaxGap), "ms");
    return true;
}

} // namespace

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QString root =
        QDir::temp().filePath(QStringLiteral("fieldledger-bench-app-%1").arg(FolderVersion));
    const QString empty = root + "/empty";
    const QString full = root + "/full";
    if (argc == 3 && QByteArray(argv[1]) == "--scroll")
        return scrollMain(QString::fromLocal8Bit(argv[2]));

    QElapsedTimer total;
    total.start();
    const KdfParams kdf = KdfParams::moderate(); // what the app uses
    if (!buildFolder(empty, 0, 0, kdf) || !buildFolder(full, Findings, Photos, kdf)) {
        std::fprintf(stderr, "could not build the data folders in %s\n", qPrintable(root));
        return 1;
    }

    // The key derivation alone, as the unlock page pays it.
    QList<double> kdfMs;
    for (int i = 0; i < 3; ++i) {
        Vault vault(empty + "/vault.json");
        QElapsedTimer t;
        t.start();
        if (!vault.unlock(Passphrase))
            return 2;
        kdfMs.append(t.nsecsElapsed() / 1e6);
    }
    report("vault_unlock_argon2id_moderate", statsOf(kdfMs), "ms");

    StartFigures a, b;
    if (!startRuns("start_empty", empty, a) || !startRuns("start_50k", full, b))
        return 3;
    // Without the Argon2id (its p50 above): what the app adds around the key derivation.
    const double kdf50 = statsOf(kdfMs).p50;
    const double emptyExcl = statsOf(a.shown).p50 - kdf50;
    const double fullExcl = statsOf(b.shown).p50 - kdf50;
    reportValue("start_empty_visits_frame_excl_kdf_p50", emptyExcl, "ms", "< 400");
    reportValue("start_50k_visits_frame_excl_kdf_p50", fullExcl, "ms", "< 400");
    reportValue("start_50k_over_empty_excl_kdf_p50", fullExcl / emptyExcl, "x", "<= 1.2");
    reportValue("start_50k_over_empty_incl_kdf_p50", statsOf(b.shown).p50 / statsOf(a.shown).p50,
                "x", "<= 1.2");

    // Scrolling and memory in a fresh process, so that building the folder does not count.
    QProcess scroll;
    scroll.setProcessChannelMode(QProcess::ForwardedChannels);
    scroll.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--scroll"), full});
    if (!scroll.waitForFinished(120000) || scroll.exitCode() != 0) {
        std::fprintf(stderr, "the scroll run failed (%d)\n", scroll.exitCode());
        return 4;
    }
    std::printf("bench_app took %.1f s\n", total.elapsed() / 1000.0);
    return 0;
}
