#include "sync/server/enrolcodes.h"

#include "sync/server/serverdatabase.h"

namespace fl::server {

bool isEnrolRole(const QString &role) {
    return role == QLatin1String("inspector") || role == QLatin1String("office");
}

Result<IssuedEnrolCode> issueEnrolCode(ServerDatabase &db, const QString &role, int hours,
                                       qint64 nowMs) {
    if (!isEnrolRole(role))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("an enrolment code is for the role inspector or office"));
    if (hours < MinEnrolCodeHours || hours > MaxEnrolCodeHours)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("an enrolment code lives %1 to %2 hours")
                             .arg(MinEnrolCodeHours)
                             .arg(MaxEnrolCodeHours));
    const qint64 expires = nowMs + qint64(hours) * 60 * 60 * 1000;
    auto code = db.createEnrolCode(role, expires, nowMs);
    if (!code)
        return code.error();
    return IssuedEnrolCode{*code, role, expires};
}

} // namespace fl::server
