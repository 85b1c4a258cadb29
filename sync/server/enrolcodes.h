#pragma once

#include "common/result.h"

#include <QString>

namespace fl::server {

class ServerDatabase;

/// A one-time enrolment code as handed to the office (the database keeps only its hash).
struct IssuedEnrolCode {
    QString code; ///< XXXX-XXXX-XXXX-XXXX
    QString role; ///< "inspector" or "office"
    qint64 expiresAtMs = 0;
};

/// How long a code may live: at least an hour, at most a year.
inline constexpr int MinEnrolCodeHours = 1;
inline constexpr int MaxEnrolCodeHours = 24 * 365;

/// "inspector" or "office": the roles a code can enrol.
[[nodiscard]] bool isEnrolRole(const QString &role);

/// Issues a code for `role` valid `hours` from `nowMs`: the one path behind both
/// `fieldledger-server admin enrol-code` and `POST /v1/enrol-codes`. A role other than
/// inspector/office or hours out of range is ErrorCode::InvalidArgument, and nothing is stored.
[[nodiscard]] Result<IssuedEnrolCode> issueEnrolCode(ServerDatabase &db, const QString &role,
                                                     int hours, qint64 nowMs);

} // namespace fl::server
