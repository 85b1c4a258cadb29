// Sync against the real fieldledger-server on loopback, with the real client code:
//  (a) push, then a fresh device's pull-and-apply into its Store, of 10,000 and 100,000 field
//      changes (findings of 10 fields: 1,000 and 10,000 change sets) through SyncEngine;
//  (b) bytes on the wire (HTTP heads and bodies, both ways, counted by a relay in front of the
//      server) per ciphertext byte of those pushes and pulls;
//  (c) a 50 MiB blob through the engine's TusUploader, and what a cut at half costs again;
//  (d) 50 devices syncing at once against one server, on SQLite and on PostgreSQL.
//
//   bench_sync [--quick]      (--quick: smaller sizes, to check that it runs)
//
// Every figure is one line; "goal" names the target it is held against. It stops by itself
// (a watchdog ends it after 5 minutes).
#include "../server/pgcluster.h"
#include "../server/servertestsupport.h"
#include "../tools/countingrelay.h"
#include "benchutil.h"
#include "change/chainaudit.h"
#include "domain/entities.h"
#include "store/inspection.h"
#include "store/store.h"
#include "sync/client/syncclient.h"
#include "sync/client/syncengine.h"
#include "sync/client/tusuploader.h"
#include "vault/blobcipher.h"
#include "vault/vault.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>

#include <cstdlib>
#include <thread>

using namespace fl;
using namespace fltest;

namespace {

const QByteArray Passphrase = "bench passphrase";

[[noreturn]] void fail(const QString &what) {
    std::fprintf(stderr, "bench_sync: %s\n", qPrintable(what));
    std::fflush(stderr);
    std::_Exit(2);
}

QString enrolCode(const QStringList &storage, const char *role) {
    const CommandResult r = runServerCommand(
        storage + QStringList{"admin", "enrol-code", "--role", QLatin1String(role)});
    if (r.exitCode != 0)
        fail(QStringLiteral("no enrolment code: ") + QString::fromUtf8(r.err));
    return QString::fromLatin1(r.out.trimmed());
}

/// A device as the app has it: vault, store, and a sync engine over the same database.
struct Device {
    std::unique_ptr<Vault> vault;
    std::unique_ptr<Store> store;
    std::unique_ptr<sync::SyncEngine> engine;

    explicit Device(const QString &dir) {
        QDir().mkpath(dir);
        vault = std::make_unique<Vault>(dir + QStringLiteral("/vault.json"));
        if (!vault->create(Passphrase, KdfParams::minimum()))
            fail(QStringLiteral("vault"));
        store = std::make_unique<Store>(*vault);
        if (!store->open(dir + QStringLiteral("/fieldledger.db")))
            fail(QStringLiteral("store"));
        engine = std::make_unique<sync::SyncEngine>(*vault, dir + QStringLiteral("/fieldledger.db"),
                                                    dir + QStringLiteral("/blobs"));
    }
    void enrol(const QUrl &server, const QString &code) {
        auto role = engine->enrol(server.toString(), code, QStringLiteral("bench"));
        if (!role)
            fail(QStringLiteral("enrol: ") + role.failure().message);
    }
};

/// Time and wire bytes of each phase of one SyncEngine::runSync().
struct PhaseMeter {
    struct Span {
        qint64 ns = 0;
        WireBytes up, down;
    };
    QHash<int, Span> spans;

    void attach(sync::SyncEngine &engine, const CountingRelay &relay) {
        QObject::connect(&engine, &sync::SyncEngine::progressChanged, &engine,
                         [this, &relay](const sync::SyncProgress &p) {
                             if (p.phase == m_phase)
                                 return;
                             close(relay);
                             m_phase = p.phase;
                             m_clock.start();
                             m_up = relay.up();
                             m_down = relay.down();
                         });
    }
    [[nodiscard]] Span of(sync::SyncProgress::Phase phase) const { return spans.value(phase); }

private:
    void close(const CountingRelay &relay) {
        if (m_phase == sync::SyncProgress::Idle)
            return;
        Span &s = spans[m_phase];
        s.ns += m_clock.nsecsElapsed();
        const WireBytes up = relay.up(), down = relay.down();
        s.up.head += up.head - m_up.head;
        s.up.body += up.body - m_up.body;
        s.down.head += down.head - m_down.head;
        s.down.body += down.body - m_down.body;
    }
    sync::SyncProgress::Phase m_phase = sync::SyncProgress::Idle;
    QElapsedTimer m_clock;
    WireBytes m_up, m_down;
};

/// A finding of 10 fields, as an inspector types it.
QCborMap findingFields(const QString &visit, const QString &item, int i) {
    Finding f;
    f.visitId = visit;
    f.checklistItemId = item;
    f.level = Level::Grassroots;
    f.category = QStringLiteral("组织建设");
    f.severity = i % 3 == 0 ? Severity::Serious : Severity::Moderate;
    f.deduction = 0.5 * (1 + i % 4);
    f.title = QStringLiteral("第%1号问题：第二党支部未按期召开组织生活会").arg(i);
    f.description = QStringLiteral("经查阅会议记录，%1年度第二党支部组织生活会未按规定召开，"
                                   "相关记录缺失，支部书记未能说明原因。")
                        .arg(2020 + i % 6)
                        .repeated(1 + i % 3);
    f.responsibleParty = QStringLiteral("机关党委第二党支部");
    return toFields(f); // no location, no due date: 10 fields
}

/// Figures of several runs: the median, with the range.
void reportRuns(const QString &name, QList<double> values, const char *unit,
                const char *goal = "") {
    std::sort(values.begin(), values.end());
    const double median = values.size() % 2
                              ? values[values.size() / 2]
                              : (values[values.size() / 2 - 1] + values[values.size() / 2]) / 2;
    const QString what = QStringLiteral("%1 (median of %2: %3 .. %4)")
                             .arg(QLatin1String(unit))
                             .arg(values.size())
                             .arg(values.first(), 0, 'f', 2)
                             .arg(values.last(), 0, 'f', 2);
    reportValue(qPrintable(name), median, qPrintable(what), goal);
}

// ---- (a) and (b) ----------------------------------------------------------------------------

struct Flow {
    qint64 fieldChanges = 0;
    qint64 changeSets = 0;
    qint64 ciphertext = 0;
    double pushSeconds = 0;
    double pullSeconds = 0;
    double verifySeconds = 0; ///< signatures and chains of everything pulled, checked again
    WireBytes pushUp, pushDown, pullUp, pullDown;
    [[nodiscard]] double pushRatio() const {
        return double(pushUp.total() + pushDown.total()) / double(ciphertext);
    }
    [[nodiscard]] double pullRatio() const {
        return double(pullUp.total() + pullDown.total()) / double(ciphertext);
    }
    [[nodiscard]] double pushBodyRatio() const {
        return double(pushUp.body + pushDown.body) / double(ciphertext);
    }
    [[nodiscard]] double pullBodyRatio() const {
        return double(pullUp.body + pullDown.body) / double(ciphertext);
    }
};

Flow pushAndPull(int findings) {
    QTemporaryDir dir;
    const QStringList storage = {QStringLiteral("--data"), dir.filePath(QStringLiteral("server"))};
    ServerProcess server;
    if (!server.start(storage))
        fail(QStringLiteral("the server did not start"));
    CountingRelay relay;
    if (!relay.start(QHostAddress::LocalHost, quint16(server.url().port())))
        fail(QStringLiteral("relay"));
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(relay.port()));

    // The office plans and records offline.
    Device office(dir.filePath(QStringLiteral("office")));
    Inspection in(*office.store);
    Campaign c;
    c.name = QStringLiteral("第四轮巡察");
    const QString campaign = in.createCampaign(c)->id;
    ChecklistItem item;
    item.campaignId = campaign;
    item.level = Level::Grassroots;
    item.code = QStringLiteral("3.1");
    item.text = QStringLiteral("三会一课");
    item.maxDeduction = 100;
    item = *in.addChecklistItem(item);
    Unit unit;
    unit.campaignId = campaign;
    unit.name = QStringLiteral("省交通运输厅");
    unit = *in.createUnit(unit);
    Visit visit;
    visit.unitId = unit.id;
    visit.date = QDate(2026, 11, 20);
    visit = *in.createVisit(visit);
    for (int done = 0; done < findings; done += 500) {
        auto r = office.store->write([&](Writer &w) -> Result<void> {
            for (int i = done; i < std::min(findings, done + 500); ++i) {
                auto id = w.create(QLatin1String(recordtype::Finding), campaign, visit.id,
                                   findingFields(visit.id, item.id, i));
                if (!id)
                    return id.error();
            }
            return {};
        });
        if (!r)
            fail(r.error().message);
    }
    auto pending = office.store->pending(std::numeric_limits<int>::max());
    if (!pending)
        fail(pending.error().message);
    qint64 fieldChanges = 0, ciphertext = 0;
    for (const ChangeSet &cs : std::as_const(*pending)) {
        fieldChanges += cs.fields.size();
        for (const FieldChange &f : cs.fields)
            ciphertext += f.value.size();
    }

    office.enrol(url, enrolCode(storage, "office"));
    if (auto shared = office.engine->shareCampaign(campaign); !shared)
        fail(QStringLiteral("share: ") + shared.failure().message);
    PhaseMeter up;
    up.attach(*office.engine, relay);
    const sync::SyncReport pushed = office.engine->runSync();
    if (!pushed.ok() || pushed.progress.pushed != pending->size())
        fail(QStringLiteral("push: %1 of %2: %3")
                 .arg(pushed.progress.pushed)
                 .arg(pending->size())
                 .arg(pushed.failure.message));

    // A fresh tablet pulls it all and applies it to its store.
    Device tablet(dir.filePath(QStringLiteral("tablet")));
    tablet.enrol(url, enrolCode(storage, "inspector"));
    if (auto shared = office.engine->shareCampaign(campaign, {tablet.vault->deviceId()}); !shared)
        fail(QStringLiteral("share: ") + shared.failure().message);
    PhaseMeter down;
    down.attach(*tablet.engine, relay);
    const sync::SyncReport pulled = tablet.engine->runSync();
    if (!pulled.ok())
        fail(QStringLiteral("pull: ") + pulled.failure.message);
    RecordFilter inCampaign;
    inCampaign.campaignId = campaign;
    const auto have = tablet.store->count(QLatin1String(recordtype::Finding), inCampaign);
    if (!have || *have != findings)
        fail(QStringLiteral("the tablet has %1 findings of %2")
                 .arg(have ? *have : -1)
                 .arg(findings));

    // What the pull spent on provenance: the same signatures and chains checked once more,
    // alone, on what the tablet now holds.
    const auto held = tablet.store->changeSets(campaign);
    if (!held)
        fail(held.error().message);
    QElapsedTimer verifyTimer;
    verifyTimer.start();
    const audit::Report audited = audit::run(
        *held, [&](const QByteArray &device) { return *tablet.store->signerKey(device); });
    const qint64 verifyNs = verifyTimer.nsecsElapsed();
    if (!audited.ok() || audited.changeSets != pending->size())
        fail(QStringLiteral("the pulled change sets do not verify"));

    const auto push = up.of(sync::SyncProgress::Push);
    const auto pull = down.of(sync::SyncProgress::Pull);
    Flow flow;
    flow.verifySeconds = verifyNs / 1e9;
    flow.fieldChanges = fieldChanges;
    flow.changeSets = pending->size();
    flow.ciphertext = ciphertext;
    flow.pushSeconds = push.ns / 1e9;
    flow.pullSeconds = pull.ns / 1e9;
    flow.pushUp = push.up;
    flow.pushDown = push.down;
    flow.pullUp = pull.up;
    flow.pullDown = pull.down;
    return flow;
}

void pushAndPull(int findings, const QString &label, int runs) {
    QList<Flow> flows;
    for (int i = 0; i < runs; ++i)
        flows.append(pushAndPull(findings));
    const Flow &f = flows.first();
    std::printf("# %s: %d findings of 10 fields and 4 planning records: %lld field changes in "
                "%lld change sets, %lld bytes of ciphertext; through SyncEngine (push batches of "
                "500, pull pages of 1000), wire counted by a relay\n",
                qPrintable(label), findings, f.fieldChanges, f.changeSets, f.ciphertext);
    std::printf("#   push: request heads %lld + bodies %lld, answer heads %lld + bodies %lld "
                "bytes\n",
                f.pushUp.head, f.pushUp.body, f.pushDown.head, f.pushDown.body);
    std::printf("#   pull: request heads %lld + bodies %lld, answer heads %lld + bodies %lld "
                "bytes\n",
                f.pullUp.head, f.pullUp.body, f.pullDown.head, f.pullDown.body);
    QList<double> push, pull, verifyShare, pushWire, pushBodies, pullWire, pullBodies;
    for (const Flow &x : std::as_const(flows)) {
        push.append(x.fieldChanges / x.pushSeconds);
        pull.append(x.fieldChanges / x.pullSeconds);
        verifyShare.append(x.verifySeconds / x.pullSeconds);
        pushWire.append(x.pushRatio());
        pushBodies.append(x.pushBodyRatio());
        pullWire.append(x.pullRatio());
        pullBodies.append(x.pullBodyRatio());
    }
    reportRuns(QStringLiteral("sync_push_%1").arg(label), push, "field changes/s");
    reportRuns(QStringLiteral("sync_pull_apply_%1").arg(label), pull, "field changes/s",
               ">= 50000");
    reportRuns(QStringLiteral("sync_pull_verify_share_%1").arg(label), verifyShare,
               "signature+chain checks / pull-and-apply time");
    reportRuns(QStringLiteral("sync_wire_push_%1").arg(label), pushWire,
               "wire/ciphertext, heads+bodies", "<= 1.15");
    reportRuns(QStringLiteral("sync_wire_push_bodies_%1").arg(label), pushBodies,
               "wire/ciphertext, bodies only");
    reportRuns(QStringLiteral("sync_wire_pull_%1").arg(label), pullWire,
               "wire/ciphertext, heads+bodies", "<= 1.15");
    reportRuns(QStringLiteral("sync_wire_pull_bodies_%1").arg(label), pullBodies,
               "wire/ciphertext, bodies only");
}

// ---- (c) ------------------------------------------------------------------------------------

void blobUpload(qint64 size) {
    QTemporaryDir dir;
    const QStringList storage = {QStringLiteral("--data"), dir.filePath(QStringLiteral("server"))};
    ServerProcess server;
    if (!server.start(storage))
        fail(QStringLiteral("the server did not start"));
    CountingRelay relay;
    if (!relay.start(QHostAddress::LocalHost, quint16(server.url().port())))
        fail(QStringLiteral("relay"));
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(relay.port()));
    Device office(dir.filePath(QStringLiteral("office")));
    Campaign c;
    c.name = QStringLiteral("blobs");
    const QString campaign = Inspection(*office.store).createCampaign(c)->id;
    office.enrol(url, enrolCode(storage, "office"));
    if (auto shared = office.engine->shareCampaign(campaign); !shared)
        fail(QStringLiteral("share: ") + shared.failure().message);

    // The engine's uploader, its default chunk, the office's identity.
    sync::SyncClient client;
    client.setServer(url);
    client.setSigner(office.vault->deviceId(),
                     [&](QByteArrayView m) { return office.vault->sign(m); });
    sync::TusUploader uploader(client);
    const sync::SyncEngine::Options defaults;
    uploader.setChunkBytes(defaults.chunkBytes);
    const auto blob = [&] {
        QByteArray b(size, Qt::Uninitialized);
        randombytes_buf(b.data(), size_t(b.size()));
        return b;
    };
    const auto metadata = [&](const QByteArray &b) {
        return "content_id " + blobcipher::contentId(b).toBase64() + ",campaign " +
               campaign.toUtf8().toBase64();
    };

    QList<double> rates;
    QUrl location;
    for (int i = 0; i < 3; ++i) {
        const QByteArray whole = blob();
        QElapsedTimer t;
        t.start();
        location = QUrl();
        if (auto r = uploader.upload(whole, metadata(whole), location); !r)
            fail(QStringLiteral("upload: ") + r.failure().message);
        rates.append(size / 1e6 / (t.nsecsElapsed() / 1e9));
    }
    const QString mib = QString::number(size / (1024 * 1024));
    std::printf("# %s MiB of random bytes (ciphertext), tus with sha256 chunk checksums, chunks "
                "of %lld bytes (the engine's default), through the relay\n",
                qPrintable(mib), defaults.chunkBytes);
    reportRuns(QStringLiteral("sync_blob_upload_%1MiB").arg(mib), rates, "MB/s");

    // The same again, cut at half (the upload stopped, as when the app is killed), then resumed.
    relay.settle();
    const qint64 before = relay.up().body;
    const QByteArray second = blob();
    qint64 acknowledged = 0;
    QObject::connect(&uploader, &sync::TusUploader::acknowledged, &uploader,
                     [&](qint64 n) { acknowledged += n; });
    const auto cut = QObject::connect(&client, &sync::SyncClient::uploadProgress, &client,
                                      [&](qint64 sent, qint64) {
                                          if (acknowledged + sent >= size / 2)
                                              client.cancel();
                                      });
    location = QUrl();
    const auto first = uploader.upload(second, metadata(second), location);
    QObject::disconnect(cut);
    if (first.ok() || first.failure().error != sync::SyncError::Cancelled)
        fail(QStringLiteral("the upload was not cut"));
    relay.settle();
    const qint64 atCut = relay.up().body - before;
    client.resetCancel();
    if (auto r = uploader.upload(second, metadata(second), location); !r)
        fail(QStringLiteral("resume: ") + r.failure().message);
    relay.settle();
    const qint64 resent = relay.up().body - before - size;
    std::printf("# stopped after %lld of %lld bytes went on the wire, then resumed\n", atCut, size);
    reportValue(qPrintable(QStringLiteral("sync_blob_resent_after_stop_%1MiB").arg(mib)),
                double(resent), "bytes sent twice (on the wire)",
                qPrintable(QStringLiteral("<= %1 (one chunk)").arg(defaults.chunkBytes)));

    // Cut by the network instead: the connection reset at half the file, in the middle of a
    // chunk (fl-faultproxy between the relay and the server).
    QProcess proxy;
    proxy.start(
        QStringLiteral(FL_PROXY_PATH),
        {QStringLiteral("--target"), QStringLiteral("127.0.0.1:%1").arg(server.url().port())});
    if (!proxy.waitForStarted(5000) || !proxy.waitForReadyRead(5000))
        fail(QStringLiteral("fl-faultproxy did not start"));
    const QByteArray listening = proxy.readLine().trimmed();
    proxy.write("reset-request " + QByteArray::number(size / 2) + '\n');
    proxy.waitForBytesWritten(5000);
    QThread::msleep(100); // the proxy reads its queue before the first connection comes
    CountingRelay cutRelay;
    if (!listening.startsWith("listening on ") ||
        !cutRelay.start(QHostAddress::LocalHost, quint16(listening.mid(13).toUInt())))
        fail(QStringLiteral("fl-faultproxy or relay"));
    client.setServer(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(cutRelay.port())));
    const QByteArray third = blob();
    location = QUrl();
    if (auto r = uploader.upload(third, metadata(third), location); !r)
        fail(QStringLiteral("upload through the reset: ") + r.failure().message);
    cutRelay.settle();
    proxy.kill();
    proxy.waitForFinished(5000);
    std::printf("# connection reset after %lld bytes; the uploader went on by itself over %d "
                "connections\n",
                size / 2, cutRelay.connections());
    reportValue(qPrintable(QStringLiteral("sync_blob_resent_after_reset_%1MiB").arg(mib)),
                double(cutRelay.up().body - size), "bytes sent twice (on the wire)",
                qPrintable(QStringLiteral("<= %1 (one chunk)").arg(defaults.chunkBytes)));
}

// ---- (d) ------------------------------------------------------------------------------------

/// Many devices, each with its own connection pool, driven by one event loop: each pushes its
/// change sets in rounds and pulls after each round, then pulls everything it has not seen.
class Swarm {
public:
    struct Result {
        qint64 wallNs = 0;
        qint64 pushedFields = 0;
        qint64 pulledFields = 0;
        int requests = 0;
        int errors = 0;
        int incomplete = 0; ///< devices that did not end with every change set
        QList<double> latencyUs;
    };

    Swarm(const QUrl &base, const QStringList &storage, int devices, int rounds, int perRound)
        : m_base(base)
        , m_rounds(rounds)
        , m_perRound(perRound) {
        HttpClient http(base);
        if (http.enrol(m_office, enrolCode(storage, "office")).status != 200)
            fail(QStringLiteral("office enrolment"));
        for (int i = 0; i < devices; ++i) {
            auto sim = std::make_unique<Sim>();
            sim->device = TestDevice::create();
            if (http.enrol(sim->device, enrolCode(storage, "inspector")).status != 200)
                fail(QStringLiteral("device enrolment"));
            m_sims.push_back(std::move(sim));
        }
        QList<const TestDevice *> members;
        for (const auto &s : m_sims)
            members.append(&s->device);
        if (http.grant(m_office, m_campaign, members).status != 200)
            fail(QStringLiteral("grant"));
    }

    Result run(int timeoutMs) {
        QEventLoop loop;
        m_loop = &loop;
        QElapsedTimer wall;
        wall.start();
        for (auto &s : m_sims) {
            s->nam = std::make_unique<QNetworkAccessManager>();
            ++m_running;
            step(*s);
        }
        QTimer::singleShot(timeoutMs, &loop, [&] {
            std::fprintf(stderr, "bench_sync: the swarm did not finish in time\n");
            loop.quit();
        });
        if (m_running > 0)
            loop.exec();
        m_result.wallNs = wall.nsecsElapsed();
        const qint64 everything = qint64(m_sims.size()) * m_rounds * m_perRound;
        for (const auto &s : m_sims) {
            if (s->pulledSets != everything)
                ++m_result.incomplete;
        }
        return m_result;
    }

private:
    struct Sim {
        TestDevice device;
        std::unique_ptr<QNetworkAccessManager> nam;
        quint64 seq = 0;
        qint64 cursor = 0;
        int round = 0;
        qint64 pulledSets = 0;
        enum { Push, Pull, Wait, FinalPull, Done } state = Push;
    };

    void send(Sim &s, const QByteArray &method, const QByteArray &target, const QByteArray &body,
              std::function<void(bool ok, const QByteArray &answer)> then) {
        QNetworkRequest req(QUrl(m_base.toString() + QString::fromLatin1(target)));
        Headers sent;
        if (!body.isEmpty())
            sent.append({QByteArray("Content-Type"), QByteArray(wire::ContentType)});
        for (const auto &[k, v] :
             HttpClient::signedHeadersFor(m_base, s.device, method, target, body, nowMs(), sent))
            req.setRawHeader(k, v);
        QNetworkReply *reply =
            method == "GET" ? s.nam->get(req) : s.nam->sendCustomRequest(req, method, body);
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        ++m_result.requests;
        QObject::connect(reply, &QNetworkReply::finished, reply, [=, this] {
            m_result.latencyUs.append(clock->nsecsElapsed() / 1000.0);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const bool ok = reply->error() == QNetworkReply::NoError && status == 200;
            if (!ok)
                ++m_result.errors;
            const QByteArray answer = reply->readAll();
            reply->deleteLater();
            then(ok, answer);
        });
    }

    void step(Sim &s) {
        switch (s.state) {
        case Sim::Push: {
            QList<ChangeSet> batch;
            for (int i = 0; i < m_perRound; ++i)
                batch.append(changeSet(s));
            const QByteArray body = wire::encodePush(s.device.id, s.device.sealed(batch));
            send(s, "POST", "/v1/push", body,
                 [this, &s, n = batch.size()](bool ok, const QByteArray &answer) {
                     const auto result = wire::decodePushResult(answer);
                     if (!ok || !result || result->stored.size() != n)
                         return finish(s, true);
                     m_result.pushedFields += qint64(n) * FieldsPerSet;
                     s.state = Sim::Pull;
                     step(s);
                 });
            return;
        }
        case Sim::Pull:
        case Sim::FinalPull: {
            const QByteArray target =
                "/v1/pull?after=" + QByteArray::number(s.cursor) + "&limit=1000";
            send(s, "GET", target, {}, [this, &s](bool ok, const QByteArray &answer) {
                const auto page = wire::decodePullPage(answer);
                if (!ok || !page)
                    return finish(s, true);
                s.cursor = page->next;
                s.pulledSets += page->changeSets.size();
                for (const ChangeSet &cs : page->changeSets)
                    m_result.pulledFields += cs.fields.size();
                if (page->more)
                    return step(s);
                if (s.state == Sim::FinalPull)
                    return finish(s, false);
                if (++s.round < m_rounds) {
                    s.state = Sim::Push;
                    return step(s);
                }
                // Everyone's last push first, then everyone pulls what is left.
                s.state = Sim::Wait;
                if (++m_waiting == int(m_sims.size())) {
                    for (auto &other : m_sims) {
                        other->state = Sim::FinalPull;
                        step(*other);
                    }
                }
            });
            return;
        }
        case Sim::Wait:
        case Sim::Done:
            return;
        }
    }

    void finish(Sim &s, bool failed) {
        if (failed && s.state != Sim::FinalPull) {
            // It stops here; the others must not wait for it.
            s.state = Sim::Done;
            if (++m_waiting == int(m_sims.size())) {
                for (auto &other : m_sims) {
                    if (other->state == Sim::Wait) {
                        other->state = Sim::FinalPull;
                        step(*other);
                    }
                }
            }
        }
        s.state = Sim::Done;
        if (--m_running == 0 && m_loop)
            m_loop->quit();
    }

    ChangeSet changeSet(Sim &s) {
        ChangeSet cs;
        cs.device = s.device.id;
        cs.id = s.device.id;
        cs.id.resize(24);
        qToBigEndian(++s.seq, cs.id.data() + 16);
        cs.recordType = QStringLiteral("finding");
        cs.recordId = newUuid();
        cs.campaignId = m_campaign;
        cs.hlc = hlc::make(quint64(nowMs()), quint32(s.seq & 0xffff));
        static const char *names[FieldsPerSet] = {
            "visit_id", "checklist_item_id", "level",
            "category", "severity",          "deduction",
            "title",    "description",       "responsible_party",
            "status"};
        for (const char *name : names) {
            // Ciphertext as the store makes it: nonce, value, tag.
            QByteArray value(24 + 16 + 20 + int(randombytes_uniform(100)), Qt::Uninitialized);
            randombytes_buf(value.data(), size_t(value.size()));
            cs.fields.append({QLatin1String(name), value, {}});
        }
        return cs;
    }

    static constexpr int FieldsPerSet = 10;
    QUrl m_base;
    int m_rounds;
    int m_perRound;
    TestDevice m_office = TestDevice::create();
    QString m_campaign = newUuid();
    std::vector<std::unique_ptr<Sim>> m_sims;
    Result m_result;
    QEventLoop *m_loop = nullptr;
    int m_running = 0;
    int m_waiting = 0;
};

void swarm(const QString &label, const QStringList &storage, int devices) {
    ServerProcess server;
    if (!server.start(storage))
        fail(QStringLiteral("the server did not start"));
    const int rounds = 5, perRound = 4;
    Swarm swarm(server.url(), storage, devices, rounds, perRound);
    const Swarm::Result r = swarm.run(120000);
    const double seconds = r.wallNs / 1e9;
    std::printf("# %s: %d devices, each %d rounds of a push of %d change sets (10 fields) and a "
                "pull, then a pull of the rest: %d requests in %.2f s\n",
                qPrintable(label), devices, rounds, perRound, r.requests, seconds);
    reportValue(qPrintable(QStringLiteral("sync_%1_devices_%2_changes").arg(devices).arg(label)),
                (r.pushedFields + r.pulledFields) / seconds, "field changes/s (pushed+pulled)");
    reportValue(qPrintable(QStringLiteral("sync_%1_devices_%2_pushed").arg(devices).arg(label)),
                r.pushedFields / seconds, "field changes/s");
    reportValue(qPrintable(QStringLiteral("sync_%1_devices_%2_pulled").arg(devices).arg(label)),
                r.pulledFields / seconds, "field changes/s");
    report(qPrintable(QStringLiteral("sync_%1_devices_%2_latency").arg(devices).arg(label)),
           statsOf(r.latencyUs));
    reportValue(qPrintable(QStringLiteral("sync_%1_devices_%2_errors").arg(devices).arg(label)),
                r.errors + r.incomplete, "failed requests + incomplete devices", "0");
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    // The server's per-device log lines would bury the figures.
    qputenv("QT_LOGGING_RULES", "fl.*.info=false");
    if (sodium_init() < 0)
        fail(QStringLiteral("libsodium"));
    std::thread([] {
        std::this_thread::sleep_for(std::chrono::minutes(5));
        fail(QStringLiteral("still running after 5 minutes: stopped"));
    }).detach();

    QElapsedTimer total;
    total.start();
    const int runs = quick ? 1 : 3;
    pushAndPull(1000, QStringLiteral("10k_field_changes"), runs);
    if (!quick)
        pushAndPull(10000, QStringLiteral("100k_field_changes"), runs);
    blobUpload(qint64(quick ? 10 : 50) * 1024 * 1024);
    const int devices = quick ? 10 : 50;
    {
        QTemporaryDir dir;
        swarm(QStringLiteral("sqlite"), {QStringLiteral("--data"), dir.path()}, devices);
    }
    if (PgCluster::available()) {
        PgCluster pg;
        QString why;
        if (!pg.start(&why))
            fail(QStringLiteral("PostgreSQL: ") + why);
        QTemporaryDir blobs;
        swarm(QStringLiteral("postgres"),
              {QStringLiteral("--database"), pg.url(), QStringLiteral("--blobs"), blobs.path()},
              devices);
    } else {
        std::printf("# PostgreSQL 15 is not installed: no PostgreSQL figures\n");
    }
    std::printf("# bench_sync took %.1f s\n", total.nsecsElapsed() / 1e9);
    return 0;
}
