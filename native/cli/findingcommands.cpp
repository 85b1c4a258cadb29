#include "cli/commandgroups.h"

#include "domain/lifecycle.h"

#include <QJsonDocument>

namespace fl::cli {

Result<Reply> cmdFindingCreate(Context &c) {
    Finding f;
    for (const char *name : {"visit", "item", "title"}) {
        if (auto r = c.required(QLatin1String(name)); !r)
            return r.error();
    }
    f.visitId = c.opt(QStringLiteral("visit"));
    f.checklistItemId = c.opt(QStringLiteral("item"));
    f.title = c.opt(QStringLiteral("title"));
    f.description = c.opt(QStringLiteral("description"));
    f.category = c.opt(QStringLiteral("category"));
    f.responsibleParty = c.opt(QStringLiteral("responsible"));
    if (c.has(QStringLiteral("severity"))) {
        const auto s = severityFromString(c.opt(QStringLiteral("severity")));
        if (!s)
            return usage(QStringLiteral("--severity is minor, moderate or serious."));
        f.severity = *s;
    }
    if (c.has(QStringLiteral("deduction"))) {
        auto d = parseNumber(c.opt(QStringLiteral("deduction")), QStringLiteral("--deduction"));
        if (!d)
            return d.error();
        f.deduction = *d;
    }
    if (c.has(QStringLiteral("due"))) {
        auto d = parseDate(c.opt(QStringLiteral("due")), QStringLiteral("--due"));
        if (!d)
            return d.error();
        f.dueDate = *d;
    }
    // The level follows the checklist item unless given.
    auto item = c.session->inspection().checklistItem(f.checklistItemId);
    if (item)
        f.level = item->level;
    if (c.has(QStringLiteral("level"))) {
        const auto l = levelFromString(c.opt(QStringLiteral("level")));
        if (!l)
            return usage(QStringLiteral("--level is party_group, organ_committee or grassroots."));
        f.level = *l;
    }
    if (c.has(QStringLiteral("lat")) || c.has(QStringLiteral("lon"))) {
        auto lat = parseNumber(c.opt(QStringLiteral("lat")), QStringLiteral("--lat"));
        auto lon = parseNumber(c.opt(QStringLiteral("lon")), QStringLiteral("--lon"));
        if (!lat)
            return lat.error();
        if (!lon)
            return lon.error();
        f.location = GeoPosition{*lat, *lon, 0, 0};
    }
    auto created = c.session->inspection().createFinding(f);
    if (!created)
        return created.error();
    return Reply{toJson(*created), created->id + QLatin1Char('\n')};
}

Result<Reply> cmdFindingList(Context &c) {
    RecordFilter filter;
    filter.parentId = c.opt(QStringLiteral("visit"));
    filter.campaignId = c.opt(QStringLiteral("campaign"));
    filter.includeDeleted = c.flag(QStringLiteral("include-deleted"));
    if (filter.parentId.isEmpty() && filter.campaignId.isEmpty())
        return usage(QStringLiteral("Give --visit or --campaign."));
    int offset = 0;
    int limit = 50;
    if (c.has(QStringLiteral("offset")))
        offset = c.opt(QStringLiteral("offset")).toInt();
    if (c.has(QStringLiteral("limit")))
        limit = c.opt(QStringLiteral("limit")).toInt();
    auto list = c.session->inspection().findings(filter, offset, limit);
    if (!list)
        return list.error();
    auto total = c.session->store().count(QLatin1String(recordtype::Finding), filter);
    if (!total)
        return total.error();
    QString text;
    for (const Finding &f : std::as_const(*list)) {
        text += QStringLiteral("%1  %2 -%3  %4\n")
                    .arg(f.id, pad(toString(f.status), 22))
                    .arg(f.deduction)
                    .arg(f.title);
    }
    text +=
        QStringLiteral("(%1-%2 of %3)\n").arg(offset + 1).arg(offset + list->size()).arg(*total);
    return Reply{QJsonObject{{QStringLiteral("total"), *total},
                             {QStringLiteral("offset"), offset},
                             {QStringLiteral("items"), toJsonArray(*list)}},
                 text};
}

Result<Reply> cmdFindingShow(Context &c) {
    auto id = c.positional(2, QStringLiteral("the finding id"));
    if (!id)
        return id.error();
    auto f = c.session->inspection().finding(*id);
    if (!f)
        return f.error();
    auto history = c.session->inspection().history(*id);
    if (!history)
        return history.error();
    QJsonObject o = toJson(*f);
    o.insert(QStringLiteral("history"), toJsonArray(*history));
    QString text = QString::fromUtf8(QJsonDocument(toJson(*f)).toJson());
    for (const Transition &t : std::as_const(*history)) {
        text +=
            QStringLiteral("%1  %2 -> %3  by %4: %5\n")
                .arg(t.at.toString(Qt::ISODate), toString(t.from), toString(t.to), t.actor, t.note);
    }
    return Reply{o, text};
}

Result<Reply> cmdFindingSet(Context &c) {
    auto id = c.positional(2, QStringLiteral("the finding id"));
    auto field = c.positional(3, QStringLiteral("the field name"));
    auto value = c.positional(4, QStringLiteral("the value"));
    if (!id || !field || !value)
        return usage(QStringLiteral("Usage: finding set ID FIELD VALUE"));
    auto f = c.session->inspection().updateFinding(*id, QCborMap{{*field, parseValue(*value)}});
    if (!f)
        return f.error();
    return Reply{toJson(*f), QStringLiteral("saved\n")};
}

Result<Reply> cmdFindingTransition(Context &c) {
    auto id = c.positional(2, QStringLiteral("the finding id"));
    auto actionName = c.positional(3, QStringLiteral("the action"));
    if (!id || !actionName)
        return usage(QStringLiteral("Usage: finding transition ID ACTION --actor NAME [--note "
                                    "TEXT] [--evidence PHOTO_ID,...]"));
    const auto action = lifecycle::actionFromString(*actionName);
    if (!action)
        return usage(QStringLiteral("ACTION is start_rectification, submit_for_verification, "
                                    "verify_passed or verify_failed."));
    auto f = c.session->inspection().transition(*id, *action, c.opt(QStringLiteral("actor")),
                                                c.opt(QStringLiteral("note")),
                                                splitList(c.opt(QStringLiteral("evidence"))));
    if (!f)
        return f.error();
    return Reply{toJson(*f), QStringLiteral("now %1\n").arg(toString(f->status))};
}

Result<Reply> cmdRemove(Context &c) {
    auto id = c.positional(2, QStringLiteral("the record id"));
    if (!id)
        return id.error();
    if (auto r = c.session->inspection().remove(*id); !r)
        return r.error();
    return Reply{QJsonObject{{QStringLiteral("deleted"), *id}}, QStringLiteral("deleted\n")};
}

} // namespace fl::cli
