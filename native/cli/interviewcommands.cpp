#include "cli/commandgroups.h"

namespace fl::cli {

Result<Reply> cmdInterviewCreate(Context &c) {
    Interview v;
    for (const char *name : {"visit", "interviewee", "content"}) {
        if (auto r = c.required(QLatin1String(name)); !r)
            return r.error();
    }
    v.visitId = c.opt(QStringLiteral("visit"));
    v.interviewee = c.opt(QStringLiteral("interviewee"));
    v.role = c.opt(QStringLiteral("role"));
    v.place = c.opt(QStringLiteral("place"));
    v.content = c.opt(QStringLiteral("content"));
    v.linkedFindingIds = splitList(c.opt(QStringLiteral("findings")));
    v.at = QDateTime::currentDateTimeUtc();
    if (c.has(QStringLiteral("at"))) {
        v.at = QDateTime::fromString(c.opt(QStringLiteral("at")), Qt::ISODate);
        if (!v.at.isValid())
            return usage(QStringLiteral("--at must be a time like 2026-11-26T09:30:00+08:00."));
    }
    auto created = c.session->inspection().createInterview(v);
    if (!created)
        return created.error();
    return Reply{toJson(*created), created->id + QLatin1Char('\n')};
}

Result<Reply> cmdInterviewList(Context &c) {
    auto visit = c.required(QStringLiteral("visit"));
    if (!visit)
        return visit.error();
    auto list = c.session->inspection().interviews(*visit);
    if (!list)
        return list.error();
    QString text;
    for (const Interview &v : std::as_const(*list))
        text += QStringLiteral("%1  %2 (%3)\n").arg(v.id, v.interviewee, v.role);
    return Reply{toJsonArray(*list), text};
}

} // namespace fl::cli
