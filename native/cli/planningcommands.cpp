#include "cli/commandgroups.h"

namespace fl::cli {

Result<Reply> cmdCampaignCreate(Context &c) {
    Campaign v;
    auto name = c.required(QStringLiteral("name"));
    if (!name)
        return name.error();
    v.name = *name;
    if (c.has(QStringLiteral("start"))) {
        auto d = parseDate(c.opt(QStringLiteral("start")), QStringLiteral("--start"));
        if (!d)
            return d.error();
        v.startDate = *d;
    }
    if (c.has(QStringLiteral("end"))) {
        auto d = parseDate(c.opt(QStringLiteral("end")), QStringLiteral("--end"));
        if (!d)
            return d.error();
        v.endDate = *d;
    }
    if (c.has(QStringLiteral("base"))) {
        const QStringList parts = splitList(c.opt(QStringLiteral("base")));
        if (parts.size() != LevelCount)
            return usage(QStringLiteral("--base takes three numbers: party group, organ "
                                        "committee, grassroots (e.g. 40,30,30)."));
        for (int l = 0; l < LevelCount; ++l) {
            auto n = parseNumber(parts[l], QStringLiteral("--base"));
            if (!n)
                return n.error();
            v.baseScore[l] = *n;
        }
    }
    auto created = c.session->inspection().createCampaign(v);
    if (!created)
        return created.error();
    return Reply{toJson(*created), created->id + QLatin1Char('\n')};
}

Result<Reply> cmdCampaignList(Context &c) {
    auto list = c.session->inspection().campaigns();
    if (!list)
        return list.error();
    QString text;
    for (const Campaign &v : std::as_const(*list))
        text += QStringLiteral("%1  %2\n").arg(v.id, v.name);
    return Reply{toJsonArray(*list), text};
}

Result<Reply> cmdChecklistAdd(Context &c) {
    ChecklistItem v;
    for (const char *name : {"campaign", "level", "code", "text", "max"}) {
        if (auto r = c.required(QLatin1String(name)); !r)
            return r.error();
    }
    v.campaignId = c.opt(QStringLiteral("campaign"));
    const auto level = levelFromString(c.opt(QStringLiteral("level")));
    if (!level)
        return usage(QStringLiteral("--level is party_group, organ_committee or grassroots."));
    v.level = *level;
    v.code = c.opt(QStringLiteral("code"));
    v.text = c.opt(QStringLiteral("text"));
    v.category = c.opt(QStringLiteral("category"));
    auto max = parseNumber(c.opt(QStringLiteral("max")), QStringLiteral("--max"));
    if (!max)
        return max.error();
    v.maxDeduction = *max;
    auto created = c.session->inspection().addChecklistItem(v);
    if (!created)
        return created.error();
    return Reply{toJson(*created), created->id + QLatin1Char('\n')};
}

Result<Reply> cmdChecklistList(Context &c) {
    auto campaign = c.required(QStringLiteral("campaign"));
    if (!campaign)
        return campaign.error();
    auto list = c.session->inspection().checklist(*campaign);
    if (!list)
        return list.error();
    QString text;
    for (const ChecklistItem &v : std::as_const(*list)) {
        text += QStringLiteral("%1  %2 %3 max %4  %5\n")
                    .arg(v.id, pad(toString(v.level), 16), pad(v.code, 8))
                    .arg(v.maxDeduction)
                    .arg(v.text);
    }
    return Reply{toJsonArray(*list), text};
}

Result<Reply> cmdUnitCreate(Context &c) {
    Unit v;
    auto campaign = c.required(QStringLiteral("campaign"));
    if (!campaign)
        return campaign.error();
    auto name = c.required(QStringLiteral("name"));
    if (!name)
        return name.error();
    v.campaignId = *campaign;
    v.name = *name;
    v.contact = c.opt(QStringLiteral("contact"));
    auto created = c.session->inspection().createUnit(v);
    if (!created)
        return created.error();
    return Reply{toJson(*created), created->id + QLatin1Char('\n')};
}

Result<Reply> cmdUnitList(Context &c) {
    auto campaign = c.required(QStringLiteral("campaign"));
    if (!campaign)
        return campaign.error();
    auto list = c.session->inspection().units(*campaign);
    if (!list)
        return list.error();
    QString text;
    for (const Unit &v : std::as_const(*list))
        text += QStringLiteral("%1  %2\n").arg(v.id, v.name);
    return Reply{toJsonArray(*list), text};
}

Result<Reply> cmdVisitCreate(Context &c) {
    Visit v;
    auto unit = c.required(QStringLiteral("unit"));
    if (!unit)
        return unit.error();
    auto dateText = c.required(QStringLiteral("date"));
    if (!dateText)
        return dateText.error();
    auto date = parseDate(*dateText, QStringLiteral("--date"));
    if (!date)
        return date.error();
    v.unitId = *unit;
    v.date = *date;
    v.team = splitList(c.opt(QStringLiteral("team")));
    auto created = c.session->inspection().createVisit(v);
    if (!created)
        return created.error();
    return Reply{toJson(*created), created->id + QLatin1Char('\n')};
}

Result<Reply> cmdVisitList(Context &c) {
    auto campaign = c.required(QStringLiteral("campaign"));
    if (!campaign)
        return campaign.error();
    auto list = c.session->inspection().visits(*campaign);
    if (!list)
        return list.error();
    QString text;
    for (const Visit &v : std::as_const(*list)) {
        text += QStringLiteral("%1  %2  %3  %4\n")
                    .arg(v.id, v.date.toString(Qt::ISODate), pad(toString(v.status), 12),
                         v.team.join(QStringLiteral(", ")));
    }
    return Reply{toJsonArray(*list), text};
}

} // namespace fl::cli
