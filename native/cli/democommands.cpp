// The demo is what the README's first command runs: the real workflow on sample data.
#include "cli/commandgroups.h"

#include "domain/lifecycle.h"

#include <QTimeZone>

namespace fl::cli {

namespace {

// ---- earlier visits --------------------------------------------------------------------------

struct EarlierFinding {
    int item;
    const char *title;
    double deduction;
    QDate due;
    int steps; ///< how far along open → rectifying → awaiting verification → closed
};

struct EarlierVisit {
    const char *unit;
    QDate date;
    QList<EarlierFinding> findings;
};

Result<void> addEarlierFinding(Inspection &in, const QString &visitId,
                               const QList<ChecklistItem> &items, const EarlierFinding &spec) {
    using lifecycle::Action;
    const Action path[] = {Action::StartRectification, Action::SubmitForVerification,
                           Action::VerifyPassed};
    const QString notes[] = {QStringLiteral("单位已制定整改方案"),
                             QStringLiteral("整改完成，提交佐证材料"),
                             QStringLiteral("现场核查整改到位，予以销号")};
    Finding f;
    f.visitId = visitId;
    f.checklistItemId = items[spec.item].id;
    f.level = items[spec.item].level;
    f.title = QString::fromUtf8(spec.title);
    f.deduction = spec.deduction;
    f.responsibleParty = QStringLiteral("机关党委");
    f.dueDate = spec.due;
    auto created = in.createFinding(f);
    if (!created)
        return created.error();
    for (int step = 0; step < spec.steps; ++step) {
        if (auto r = in.transition(created->id, path[step], QStringLiteral("李华"), notes[step]);
            !r)
            return r.error();
    }
    return {};
}

Result<void> addEarlierVisit(Inspection &in, const QString &campaignId,
                             const QList<ChecklistItem> &items, const EarlierVisit &spec) {
    Unit unit;
    unit.campaignId = campaignId;
    unit.name = QString::fromUtf8(spec.unit);
    auto u = in.createUnit(unit);
    if (!u)
        return u.error();
    Visit visit;
    visit.unitId = u->id;
    visit.date = spec.date;
    visit.team = {QStringLiteral("张明"), QStringLiteral("李华")};
    visit.status = VisitStatus::Completed;
    auto v = in.createVisit(visit);
    if (!v)
        return v.error();
    for (const EarlierFinding &fs : spec.findings) {
        if (auto r = addEarlierFinding(in, v->id, items, fs); !r)
            return r;
    }
    return {};
}

// Two units visited earlier in the round, their findings at every stage of rectification (closed,
// awaiting verification, overdue), so that the ledger and the office console's rates and
// scores have something to show.
Result<void> addEarlierVisits(Inspection &in, const QString &campaignId,
                              const QList<ChecklistItem> &items) {
    const QList<EarlierVisit> visits = {
        {"省财政厅",
         QDate(2026, 11, 6),
         {{1, "主体责任清单未按年度更新", 4, QDate(2026, 11, 20), 3},
          {2, "机关党委会议记录缺少议题和表决情况", 2, QDate(2026, 11, 20), 3},
          {3, "2026年第三季度党费未按时收缴", 3, QDate(2026, 12, 10), 2}}},
        {"省卫生健康委",
         QDate(2026, 11, 12),
         {{0, "中心组学习未形成研讨材料", 2, QDate(2026, 11, 25), 1},
          {4, "第一党支部主题党日活动记录不全", 1.5, QDate(2026, 11, 30), 3},
          {5, "入党积极分子培养考察记录缺失", 5, QDate(2026, 12, 31), 0}}},
    };
    for (const EarlierVisit &spec : visits) {
        if (auto r = addEarlierVisit(in, campaignId, items, spec); !r)
            return r;
    }
    return {};
}

// ---- today's visit ---------------------------------------------------------------------------

/// Unlocks the store, creating it first (with a faster KDF by default) when there is none.
Result<void> openDemoStore(Context &c) {
    Session &s = *c.session;
    if (!s.vault().exists()) {
        const QString kdf = c.has(QStringLiteral("kdf")) ? c.opt(QStringLiteral("kdf"))
                                                         : QStringLiteral("interactive");
        const KdfParams params = kdf == QLatin1String("minimum")    ? KdfParams::minimum()
                                 : kdf == QLatin1String("moderate") ? KdfParams::moderate()
                                                                    : KdfParams::interactive();
        return s.initialize(*c.reader, params);
    }
    return s.open(*c.reader);
}

Result<Campaign> createDemoCampaign(Inspection &in) {
    Campaign campaign;
    campaign.name = QStringLiteral("2026年第四轮党建督查（演示）");
    campaign.startDate = QDate(2026, 11, 1);
    campaign.endDate = QDate(2026, 12, 31);
    campaign.baseScore[0] = 40;
    campaign.baseScore[1] = 30;
    campaign.baseScore[2] = 30;
    return in.createCampaign(campaign);
}

Result<QList<ChecklistItem>> addDemoChecklist(Inspection &in, const QString &campaignId) {
    struct ItemSpec {
        Level level;
        const char *code;
        const char *text;
        double max;
    };
    const ItemSpec specs[] = {
        {Level::PartyGroup, "1.1", "党组理论学习中心组学习不规范", 5},
        {Level::PartyGroup, "1.2", "落实全面从严治党主体责任不到位", 10},
        {Level::OrganCommittee, "2.1", "机关党委会议记录不完整", 4},
        {Level::OrganCommittee, "2.2", "党费收缴管理不规范", 6},
        {Level::Grassroots, "3.1", "“三会一课”落实不到位", 5},
        {Level::Grassroots, "3.2", "党员发展程序不规范", 8},
    };
    QList<ChecklistItem> items;
    for (const ItemSpec &spec : specs) {
        ChecklistItem item;
        item.campaignId = campaignId;
        item.level = spec.level;
        item.code = QLatin1String(spec.code);
        item.text = QString::fromUtf8(spec.text);
        item.maxDeduction = spec.max;
        auto added = in.addChecklistItem(item);
        if (!added)
            return added.error();
        items.append(*added);
    }
    return items;
}

Result<QList<Finding>> addDemoFindings(Inspection &in, const QString &visitId,
                                       const QList<ChecklistItem> &items) {
    struct FindingSpec {
        int item;
        const char *title;
        double deduction;
        Severity severity;
    };
    const FindingSpec findingSpecs[] = {
        {0, "2026年中心组学习仅开展3次，少于计划", 3, Severity::Moderate},
        {4, "第二党支部9月未召开支部党员大会", 2, Severity::Minor},
        {5, "两名发展对象政审材料缺失", 8, Severity::Serious},
    };
    QList<Finding> findings;
    for (const FindingSpec &spec : findingSpecs) {
        Finding f;
        f.visitId = visitId;
        f.checklistItemId = items[spec.item].id;
        f.level = items[spec.item].level;
        f.title = QString::fromUtf8(spec.title);
        f.deduction = spec.deduction;
        f.severity = spec.severity;
        f.responsibleParty = QStringLiteral("机关党委");
        f.dueDate = QDate(2026, 12, 20);
        auto created = in.createFinding(f);
        if (!created)
            return created.error();
        findings.append(*created);
    }
    return findings;
}

Result<void> addDemoInterview(Inspection &in, const QString &visitId, const QString &findingId) {
    Interview iv;
    iv.visitId = visitId;
    iv.interviewee = QStringLiteral("王书记");
    iv.role = QStringLiteral("机关党委书记");
    iv.place = QStringLiteral("厅机关3楼会议室");
    iv.at = QDateTime(QDate(2026, 11, 20), QTime(10, 0), QTimeZone(8 * 3600));
    iv.content = QStringLiteral("介绍了本年度党建工作情况，承认中心组学习次数不足。");
    iv.linkedFindingIds = {findingId};
    if (auto r = in.createInterview(iv); !r)
        return r.error();
    return {};
}

/// The visit the demo records today: its unit, the visit, its findings.
struct DemoVisit {
    Unit unit;
    Visit visit;
    QList<Finding> findings;
};

/// Today's visit: three findings, an interview, and one finding already being rectified.
Result<DemoVisit> recordDemoVisit(Inspection &in, const QString &campaignId,
                                  const QList<ChecklistItem> &items) {
    Unit unit;
    unit.campaignId = campaignId;
    unit.name = QStringLiteral("省交通运输厅");
    auto u = in.createUnit(unit);
    if (!u)
        return u.error();
    Visit visit;
    visit.unitId = u->id;
    visit.date = QDate(2026, 11, 20);
    visit.team = {QStringLiteral("张明"), QStringLiteral("李华")};
    auto v = in.createVisit(visit);
    if (!v)
        return v.error();
    auto findings = addDemoFindings(in, v->id, items);
    if (!findings)
        return findings.error();
    if (auto r = addDemoInterview(in, v->id, (*findings)[0].id); !r)
        return r.error();
    if (auto r = in.transition((*findings)[1].id, lifecycle::Action::StartRectification,
                               QStringLiteral("张明"), QStringLiteral("单位已制定整改方案"));
        !r)
        return r.error();
    return DemoVisit{*u, *v, *findings};
}

/// What the demo made, with the visit's score and the campaign's rectification rate.
Result<Reply> demoSummary(Session &s, const Campaign &camp, const DemoVisit &d) {
    Inspection &in = s.inspection();
    auto score = in.visitScore(d.visit.id);
    if (!score)
        return score.error();
    auto rate = in.campaignRate(camp.id);
    if (!rate)
        return rate.error();
    QString text =
        QStringLiteral("Demo campaign %1 (%2)\nunit %3, visit %4 on %5, %6 findings\n\n"
                       "Score of the visit:\n%7\nRectification rate: %8 of %9 closed\n"
                       "Data (encrypted) in %10\n")
            .arg(camp.name, camp.id, d.unit.name, d.visit.id, d.visit.date.toString(Qt::ISODate))
            .arg(d.findings.size())
            .arg(scoreText(*score))
            .arg(rate->closed)
            .arg(rate->total)
            .arg(s.dataDir());
    return Reply{QJsonObject{{QStringLiteral("campaign_id"), camp.id},
                             {QStringLiteral("unit_id"), d.unit.id},
                             {QStringLiteral("visit_id"), d.visit.id},
                             {QStringLiteral("score"), scoreJson(*score)}},
                 text};
}

} // namespace

Result<Reply> cmdDemo(Context &c) {
    if (auto r = openDemoStore(c); !r)
        return r.error();
    Inspection &in = c.session->inspection();
    auto camp = createDemoCampaign(in);
    if (!camp)
        return camp.error();
    auto items = addDemoChecklist(in, camp->id);
    if (!items)
        return items.error();
    auto visit = recordDemoVisit(in, camp->id, *items);
    if (!visit)
        return visit.error();
    if (auto r = addEarlierVisits(in, camp->id, *items); !r)
        return r.error();
    return demoSummary(*c.session, *camp, *visit);
}

} // namespace fl::cli
