// Records findings as fast as it can and reports each one only after its transaction
// committed; tst_durability kills it with SIGKILL at random moments.
#include "store/inspection.h"
#include "store/store.h"
#include "vault/vault.h"

#include <QCoreApplication>
#include <QDate>

#include <cstdio>

using namespace fl;

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return 2;
    const QString dir = args.at(1);
    const QString trial = args.at(2);
    Vault vault(dir + QStringLiteral("/vault.json"));
    if (!vault.exists()) {
        if (!vault.create("durability passphrase", KdfParams::minimum()))
            return 3;
    } else if (!vault.unlock("durability passphrase")) {
        return 3;
    }
    Store store(vault);
    if (auto r = store.open(dir + QStringLiteral("/fieldledger.db")); !r) {
        std::fprintf(stderr, "open: %s\n", qPrintable(r.error().message));
        return 4;
    }
    Inspection inspection(store);
    auto visits = store.list(QLatin1String(recordtype::Visit), {});
    QString visitId;
    QString itemId;
    if (visits && !visits->isEmpty()) {
        visitId = visits->first().id;
        auto items = inspection.checklist(visits->first().campaignId);
        itemId = items->first().id;
    } else {
        auto c = inspection.createCampaign([] {
            Campaign v;
            v.name = QStringLiteral("耐久性");
            return v;
        }());
        ChecklistItem item;
        item.campaignId = c->id;
        item.code = QStringLiteral("1.1");
        item.text = QStringLiteral("item");
        item.maxDeduction = 1000000;
        itemId = inspection.addChecklistItem(item)->id;
        Unit unit;
        unit.campaignId = c->id;
        unit.name = QStringLiteral("unit");
        const QString unitId = inspection.createUnit(unit)->id;
        Visit visit;
        visit.unitId = unitId;
        visit.date = QDate(2026, 1, 1);
        visitId = inspection.createVisit(visit)->id;
    }
    std::fprintf(stdout, "ready\n");
    std::fflush(stdout);
    for (int n = 0;; ++n) {
        Finding f;
        f.visitId = visitId;
        f.checklistItemId = itemId;
        f.title = QStringLiteral("finding %1-%2").arg(trial).arg(n);
        f.description = QString(200 + (n % 7) * 100, QChar(u'述'));
        f.deduction = 1;
        auto created = inspection.createFinding(f);
        if (!created) {
            std::fprintf(stderr, "write: %s\n", qPrintable(created.error().message));
            return 5;
        }
        if (n % 5 == 4) {
            // Edits too, so the kill can land in an update as well as in a create.
            if (!inspection.updateFinding(created->id,
                                          QCborMap{{QStringLiteral("title"), f.title + "!"}}))
                return 6;
            std::fprintf(stdout, "saved %s %s!\n", qPrintable(created->id), qPrintable(f.title));
        } else {
            std::fprintf(stdout, "saved %s %s\n", qPrintable(created->id), qPrintable(f.title));
        }
        std::fflush(stdout);
    }
}
