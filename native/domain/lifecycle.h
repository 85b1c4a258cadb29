#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QList>

namespace fl::lifecycle {

/// What an inspector or the office can do to a finding.
enum class Action {
    StartRectification,    ///< open → rectifying (the unit accepted the finding)
    SubmitForVerification, ///< rectifying → awaiting verification (the unit says it is fixed)
    VerifyPassed,          ///< awaiting verification → closed (验收通过, 销号)
    VerifyFailed,          ///< awaiting verification → rectifying (验收不通过)
};

/// The status an action leads to from `from`, or ErrorCode::Validation naming the
/// illegal transition.
[[nodiscard]] Result<FindingStatus> apply(FindingStatus from, Action action);

/// The actions allowed from a status, for the UI to offer.
[[nodiscard]] QList<Action> allowedActions(FindingStatus from);

/// Wire name of an action ("start_rectification", ...), and back.
[[nodiscard]] QString toString(Action a);
[[nodiscard]] std::optional<Action> actionFromString(QStringView s);

/// Rules on the record of a transition: an actor is required, and a verification (passed or
/// not passed) needs a note saying what was checked. ErrorCode::Validation otherwise.
[[nodiscard]] Result<void> validateTransition(const Transition &t, Action action);

/// Overdue: the due date has passed (before `today`) and the finding is not closed. The one
/// rule behind the ledger's and the app's "overdue".
[[nodiscard]] bool isOverdue(const Finding &finding, const QDate &today);

} // namespace fl::lifecycle
