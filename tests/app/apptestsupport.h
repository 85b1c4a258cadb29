#pragma once

// Shared fixture of the app tests: the app's services over a throw-away data folder (vault
// with the cheapest key derivation), and a small round recorded through the real workflow.

#include "appservices.h"
#include "store/inspection.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace fl::test {

inline const QString AppPassphrase = QStringLiteral("app test passphrase");

inline QString errorText(const Error &e) {
    return QStringLiteral("code %1: %2").arg(int(e.code)).arg(e.message);
}

#define FL_VERIFY_OK(expr)                                                                         \
    do {                                                                                           \
        const auto &flResult_ = (expr);                                                            \
        if (!flResult_)                                                                            \
            QFAIL(qPrintable(::fl::test::errorText(flResult_.error())));                           \
    } while (false)

/// A round with a checklist on all three levels (as the CLI demo has), one unit, one visit.
struct Round {
    Campaign campaign;
    QList<ChecklistItem> items; // 1.1, 1.2 | 2.1, 2.2 | 3.1, 3.2
    Unit unit;
    Visit visit;
};

/// The services over a fresh folder, the vault created and unlocked.
class AppFixture {
public:
    AppFixture() = default;
    AppFixture(const AppFixture &) = delete;
    AppFixture &operator=(const AppFixture &) = delete;

    /// Builds the services; with `createVault`, also the vault (unlocked) and the database.
    [[nodiscard]] bool start(bool createVault = true) {
        if (!m_dir.isValid())
            return false;
        m_services = std::make_unique<app::AppServices>(m_dir.path());
        m_services->setKdfParams(KdfParams::minimum());
        if (!createVault)
            return true;
        return m_services->vault().create(AppPassphrase.toUtf8(), KdfParams::minimum()).ok() &&
               m_services->store().isOpen();
    }

    /// Unlocks through the app's own (deferred) path and waits for it.
    [[nodiscard]] bool unlock(const QString &passphrase = AppPassphrase) {
        m_services->unlock(passphrase);
        return QTest::qWaitFor([this] { return !m_services->isBusy(); }, 5000) &&
               m_services->isUnlocked();
    }

    [[nodiscard]] app::AppServices &services() const { return *m_services; }
    [[nodiscard]] Inspection &inspection() const { return m_services->inspection(); }
    [[nodiscard]] Store &store() const { return m_services->store(); }
    [[nodiscard]] QString dataDir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<app::AppServices> m_services;
};

/// Records a round; `name` and `start` tell rounds apart.
inline Result<Round> makeRound(Inspection &in, const QString &name = QStringLiteral("第四轮"),
                               QDate start = QDate(2026, 11, 1)) {
    Round r;
    Campaign c;
    c.name = name;
    c.startDate = start;
    c.endDate = start.addDays(60);
    c.baseScore[0] = 40;
    c.baseScore[1] = 30;
    c.baseScore[2] = 30;
    auto camp = in.createCampaign(c);
    if (!camp)
        return camp.error();
    r.campaign = *camp;
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
    // Added out of order: the checklist must still come back by level, then code.
    for (const int i : {1, 0, 3, 2, 5, 4}) {
        ChecklistItem item;
        item.campaignId = r.campaign.id;
        item.level = specs[i].level;
        item.code = QLatin1String(specs[i].code);
        item.text = QString::fromUtf8(specs[i].text);
        item.maxDeduction = specs[i].max;
        auto added = in.addChecklistItem(item);
        if (!added)
            return added.error();
        r.items.append(*added);
    }
    std::sort(r.items.begin(), r.items.end(),
              [](const ChecklistItem &a, const ChecklistItem &b) { return a.code < b.code; });
    Unit u;
    u.campaignId = r.campaign.id;
    u.name = QStringLiteral("省交通运输厅");
    auto unit = in.createUnit(u);
    if (!unit)
        return unit.error();
    r.unit = *unit;
    Visit v;
    v.unitId = r.unit.id;
    v.date = start.addDays(19);
    v.team = {QStringLiteral("张明"), QStringLiteral("李华")};
    auto visit = in.createVisit(v);
    if (!visit)
        return visit.error();
    r.visit = *visit;
    return r;
}

/// A valid finding under `item` on `visit`.
inline Result<Finding> addFinding(Inspection &in, const Visit &visit, const ChecklistItem &item,
                                  const QString &title, double deduction = 1) {
    Finding f;
    f.visitId = visit.id;
    f.checklistItemId = item.id;
    f.level = item.level;
    f.title = title;
    f.deduction = deduction;
    return in.createFinding(f);
}

/// The finding as stored now.
inline Finding storedFinding(Inspection &in, const QString &id) {
    auto f = in.finding(id);
    return f ? *f : Finding{};
}

} // namespace fl::test
