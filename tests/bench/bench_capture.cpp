// Saving a finding (encrypt every field + record row + journal entry, one transaction) against
// the floor: one raw SQLite insert of the same bytes plus one libsodium encryption of them, in
// one transaction, same file settings. Both are measured in the same run, interleaved.
#include "benchutil.h"
#include "domain/entities.h"
#include "store/database.h"
#include "store/inspection.h"
#include "store/store.h"
#include "vault/recordcipher.h"
#include "vault/vault.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace fl;

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? atoi(argv[1]) : 20;
    const int perRound = 200;
    QTemporaryDir dir;
    Vault vault(dir.path() + "/vault.json");
    if (!vault.create("bench passphrase", KdfParams::minimum()))
        return 1;
    Store store(vault);
    if (!store.open(dir.path() + "/fieldledger.db"))
        return 1;
    Inspection in(store);
    auto c = in.createCampaign([] {
        Campaign v;
        v.name = "bench";
        return v;
    }());
    ChecklistItem item;
    item.campaignId = c->id;
    item.code = "1.1";
    item.text = "item";
    item.maxDeduction = 10;
    item = *in.addChecklistItem(item);
    Unit unit;
    unit.campaignId = c->id;
    unit.name = "unit";
    unit = *in.createUnit(unit);
    Visit visit;
    visit.unitId = unit.id;
    visit.date = QDate(2026, 11, 20);
    visit = *in.createVisit(visit);

    Finding f;
    f.visitId = visit.id;
    f.checklistItemId = item.id;
    f.level = item.level;
    f.category = "组织建设";
    f.title = "第二党支部未按期召开组织生活会";
    f.description = QString(120, QChar(u'述'));
    f.responsibleParty = "机关党委";
    f.deduction = 2;
    f.dueDate = QDate(2026, 12, 20);
    f.location = GeoPosition{31.2304, 121.4737, 10, 5};
    const QCborMap fields = toFields(f);
    QByteArray plainBytes;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        plainBytes += it.key().toString().toUtf8() + it.value().toCbor();

    // The floor: same bytes, one encryption, one row, one transaction, same connection settings.
    Database raw;
    if (!raw.open(dir.path() + "/raw.db") || !raw.configure() ||
        !raw.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL)"))
        return 1;
    auto key = store.campaignKey(c->id);

    QList<double> ours, floor, validated;
    QElapsedTimer t;
    for (int r = 0; r < rounds; ++r) {
        for (int i = 0; i < perRound; ++i) {
            t.start();
            {
                Transaction tx(raw);
                const QByteArray ct = recordcipher::encrypt(**key, plainBytes, "ad");
                auto st = raw.prepare("INSERT INTO t (v) VALUES (?)");
                st->bindBlob(1, ct);
                st->step();
                (void)tx.commit();
            }
            floor.append(t.nsecsElapsed() / 1000.0);
        }
        for (int i = 0; i < perRound; ++i) {
            t.start();
            auto id = store.create(QLatin1String(recordtype::Finding), c->id, visit.id, fields);
            ours.append(t.nsecsElapsed() / 1000.0);
            if (!id)
                return 2;
        }
        for (int i = 0; i < perRound / 4; ++i) {
            t.start();
            auto created = in.createFinding(f);
            validated.append(t.nsecsElapsed() / 1000.0);
            if (!created)
                return 3;
        }
    }
    const Stats o = statsOf(ours), b = statsOf(floor), v = statsOf(validated);
    std::printf("finding plaintext %lld bytes in %lld fields\n", qint64(plainBytes.size()),
                qint64(fields.size()));
    report("capture_raw_sqlite_plus_encrypt", b);
    report("capture_store_create", o);
    report("capture_inspection_create_finding", v);
    std::printf("capture_ratio_p50=%.2f capture_ratio_p99=%.2f capture_ratio_mean=%.2f\n",
                o.p50 / b.p50, o.p99 / b.p99, o.mean / b.mean);
    return 0;
}
