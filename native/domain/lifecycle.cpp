#include "domain/lifecycle.h"

#include <QCoreApplication>

namespace fl::lifecycle {

namespace {

// Messages go through QCoreApplication::translate with a literal context so that lupdate finds
// them: the UI is zh_CN first, and these sentences reach the screen as they are.

// How a status reads inside a sentence; the wire names are not for people.
QString statusText(FindingStatus s) {
    switch (s) {
    case FindingStatus::Open:
        return QCoreApplication::translate("fl::lifecycle", "open", "finding status");
    case FindingStatus::Rectifying:
        return QCoreApplication::translate("fl::lifecycle", "rectifying", "finding status");
    case FindingStatus::AwaitingVerification:
        return QCoreApplication::translate("fl::lifecycle", "awaiting verification",
                                           "finding status");
    case FindingStatus::Closed:
        return QCoreApplication::translate("fl::lifecycle", "closed", "finding status");
    }
    return QCoreApplication::translate("fl::lifecycle", "in an unknown state", "finding status");
}

QString actionText(Action a) {
    switch (a) {
    case Action::StartRectification:
        return QCoreApplication::translate("fl::lifecycle", "start rectification",
                                           "finding action");
    case Action::SubmitForVerification:
        return QCoreApplication::translate("fl::lifecycle", "submit for verification",
                                           "finding action");
    case Action::VerifyPassed:
        return QCoreApplication::translate("fl::lifecycle", "verification passed",
                                           "finding action");
    case Action::VerifyFailed:
        return QCoreApplication::translate("fl::lifecycle", "verification not passed",
                                           "finding action");
    }
    return QCoreApplication::translate("fl::lifecycle", "an unknown action", "finding action");
}

// The one table of legal moves; apply() and allowedActions() both read it, so they cannot
// disagree.
struct Edge {
    FindingStatus from;
    Action action;
    FindingStatus to;
};
constexpr Edge Edges[] = {
    {FindingStatus::Open, Action::StartRectification, FindingStatus::Rectifying},
    {FindingStatus::Rectifying, Action::SubmitForVerification, FindingStatus::AwaitingVerification},
    {FindingStatus::AwaitingVerification, Action::VerifyPassed, FindingStatus::Closed},
    {FindingStatus::AwaitingVerification, Action::VerifyFailed, FindingStatus::Rectifying},
};

// Full sentences per action (not glued phrases) so that a translator can reorder them.
QString illegalMessage(FindingStatus from, Action action) {
    QString message;
    switch (action) {
    case Action::StartRectification:
        message = QCoreApplication::translate(
                      "fl::lifecycle",
                      "A finding that is %1 cannot be put into rectification; only a finding that "
                      "is %2 can.")
                      .arg(statusText(from), statusText(FindingStatus::Open));
        break;
    case Action::SubmitForVerification:
        message = QCoreApplication::translate(
                      "fl::lifecycle",
                      "A finding that is %1 cannot be submitted for verification; only a finding "
                      "that is %2 can.")
                      .arg(statusText(from), statusText(FindingStatus::Rectifying));
        break;
    case Action::VerifyPassed:
        message = QCoreApplication::translate(
                      "fl::lifecycle",
                      "A finding that is %1 cannot be verified as passed; only a finding that is "
                      "%2 can.")
                      .arg(statusText(from), statusText(FindingStatus::AwaitingVerification));
        break;
    case Action::VerifyFailed:
        message = QCoreApplication::translate(
                      "fl::lifecycle",
                      "A finding that is %1 cannot be verified as not passed; only a finding that "
                      "is %2 can.")
                      .arg(statusText(from), statusText(FindingStatus::AwaitingVerification));
        break;
    default:
        return QCoreApplication::translate("fl::lifecycle", "The action \"%1\" is not known.")
            .arg(actionText(action));
    }
    if (from == FindingStatus::Closed)
        message += QLatin1Char(' ') +
                   QCoreApplication::translate("fl::lifecycle", "A closed finding is final.");
    return message;
}

bool isVerification(Action a) {
    return a == Action::VerifyPassed || a == Action::VerifyFailed;
}

} // namespace

Result<FindingStatus> apply(FindingStatus from, Action action) {
    for (const Edge &e : Edges) {
        if (e.from == from && e.action == action)
            return e.to;
    }
    return makeError(ErrorCode::Validation, illegalMessage(from, action));
}

QList<Action> allowedActions(FindingStatus from) {
    QList<Action> actions;
    for (const Edge &e : Edges) {
        if (e.from == from)
            actions.append(e.action);
    }
    return actions;
}

QString toString(Action a) {
    switch (a) {
    case Action::StartRectification:
        return QStringLiteral("start_rectification");
    case Action::SubmitForVerification:
        return QStringLiteral("submit_for_verification");
    case Action::VerifyPassed:
        return QStringLiteral("verify_passed");
    case Action::VerifyFailed:
        return QStringLiteral("verify_failed");
    }
    return {};
}

std::optional<Action> actionFromString(QStringView s) {
    for (Action a : {Action::StartRectification, Action::SubmitForVerification,
                     Action::VerifyPassed, Action::VerifyFailed}) {
        if (s == toString(a))
            return a;
    }
    return std::nullopt;
}

Result<void> validateTransition(const Transition &t, Action action) {
    // The move itself first: a step that cannot happen is wrong whatever else it records.
    const Result<FindingStatus> to = apply(t.from, action);
    if (!to)
        return to.error();
    if (*to != t.to) {
        return makeError(
            ErrorCode::Validation,
            QCoreApplication::translate(
                "fl::lifecycle", "The step is recorded as going from %1 to %2, but \"%3\" takes a "
                                 "finding that is %1 to %4.")
                .arg(statusText(t.from), statusText(t.to), actionText(action), statusText(*to)));
    }
    if (t.actor.trimmed().isEmpty()) {
        return makeError(
            ErrorCode::Validation,
            QCoreApplication::translate(
                "fl::lifecycle", "Record who took this step: the person's name is missing."));
    }
    // Verification is checked against the ledger (照账验收); without a note nobody can later
    // tell what was looked at.
    if (isVerification(action) && t.note.trimmed().isEmpty()) {
        return makeError(
            ErrorCode::Validation,
            QCoreApplication::translate("fl::lifecycle",
                                        "A verification needs a note saying what was checked."));
    }
    return {};
}

bool isOverdue(const Finding &finding, const QDate &today) {
    return finding.dueDate.isValid() && finding.dueDate < today &&
           finding.status != FindingStatus::Closed;
}

} // namespace fl::lifecycle
