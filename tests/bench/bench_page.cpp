// One page of 50 findings out of 50,000, decrypted: what a ledger or visit list asks for.
#include "benchutil.h"
#include "store/inspection.h"
#include "store/store.h"
#include "vault/vault.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace fl;

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? atoi(argv[1]) : 50000;
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
    QElapsedTimer fill;
    fill.start();
    const int perTx = 1000;
    for (int done = 0; done < total; done += perTx) {
        auto r = store.write([&](Writer &w) -> Result<void> {
            for (int i = 0; i < perTx; ++i) {
                Finding f;
                f.visitId = "visit";
                f.checklistItemId = "item";
                f.title = QStringLiteral("第%1号问题：支部组织生活不规范").arg(done + i);
                f.description = QString(80, QChar(u'述'));
                f.responsibleParty = "机关党委";
                f.deduction = 1;
                f.dueDate = QDate(2026, 12, 20);
                auto id = w.create(QLatin1String(recordtype::Finding), c->id, "visit", toFields(f));
                if (!id)
                    return id.error();
            }
            return {};
        });
        if (!r)
            return 2;
    }
    std::printf("filled %d findings in %.1f s (%.0f findings/s, batched %d per transaction)\n",
                total, fill.elapsed() / 1000.0, total / (fill.elapsed() / 1000.0), perTx);

    RecordFilter byCampaign;
    byCampaign.campaignId = c->id;
    QList<double> pages, entityPages, counts;
    QElapsedTimer t;
    QRandomGenerator rng(42);
    for (int i = 0; i < 300; ++i) {
        const int offset = int(rng.bounded(total - 50));
        t.start();
        auto page = store.list(QLatin1String(recordtype::Finding), byCampaign, offset, 50);
        pages.append(t.nsecsElapsed() / 1000.0);
        if (!page || page->size() != 50)
            return 3;
        t.start();
        auto findings = in.findings(byCampaign, offset, 50);
        entityPages.append(t.nsecsElapsed() / 1000.0);
        if (!findings || findings->size() != 50)
            return 4;
        t.start();
        auto n = store.count(QLatin1String(recordtype::Finding), byCampaign);
        counts.append(t.nsecsElapsed() / 1000.0);
        if (!n || *n != total)
            return 5;
    }
    report("page50_of_findings_records", statsOf(pages));
    report("page50_of_findings_entities", statsOf(entityPages));
    report("count_findings", statsOf(counts));

    t.start();
    auto all = in.findings(byCampaign);
    std::printf("decrypt_all_findings %d in %.1f ms\n", int(all->size()), t.nsecsElapsed() / 1e6);
    return 0;
}
