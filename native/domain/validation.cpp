#include "domain/validation.h"

#include <QCoreApplication>

#include <cmath>

namespace fl::validation {

// Messages go through QCoreApplication::translate with a literal context so that lupdate finds
// them: they are shown to the inspector as they are.

namespace {

Error invalid(QString message) {
    return makeError(ErrorCode::Validation, std::move(message));
}

bool isBlank(const QString &s) {
    return s.trimmed().isEmpty();
}

// "6", "2.5": no trailing zeros, the way a person writes points.
QString number(double d) {
    return QString::number(d, 'g', 10);
}

QString date(const QDate &d) {
    return d.toString(Qt::ISODate);
}

bool validLevel(Level l) {
    return static_cast<int>(l) >= 0 && static_cast<int>(l) < LevelCount;
}

QString levelText(Level l) {
    switch (l) {
    case Level::PartyGroup:
        return QCoreApplication::translate("fl::validation", "party group", "level");
    case Level::OrganCommittee:
        return QCoreApplication::translate("fl::validation", "organ party committee", "level");
    case Level::Grassroots:
        return QCoreApplication::translate("fl::validation", "grassroots party organisation",
                                           "level");
    }
    return QCoreApplication::translate("fl::validation", "unknown", "level");
}

// An item is named by its code where it has one: that is what the inspector sees on paper.
QString itemName(const ChecklistItem &item) {
    return isBlank(item.code) ? item.id : item.code;
}

} // namespace

Result<void> validate(const Finding &finding, const ChecklistItem &item, const Visit &visit) {
    if (isBlank(finding.title))
        return invalid(QCoreApplication::translate("fl::validation", "The finding needs a title."));
    if (isBlank(finding.checklistItemId)) {
        return invalid(QCoreApplication::translate(
            "fl::validation", "Choose the checklist item this finding falls under."));
    }
    if (finding.checklistItemId != item.id) {
        return invalid(QCoreApplication::translate("fl::validation",
                                                   "The finding is filed under checklist item "
                                                   "%1, not under item %2.")
                           .arg(finding.checklistItemId, itemName(item)));
    }
    if (finding.visitId != visit.id) {
        return invalid(QCoreApplication::translate("fl::validation",
                                                   "The finding belongs to visit %1, not to "
                                                   "visit %2.")
                           .arg(finding.visitId.isEmpty()
                                    ? QCoreApplication::translate("fl::validation", "(none)")
                                    : finding.visitId,
                                visit.id));
    }
    if (finding.level != item.level) {
        return invalid(QCoreApplication::translate("fl::validation",
                                                   "The finding is on the %1 level, but item %2 "
                                                   "belongs to the %3 level.")
                           .arg(levelText(finding.level), itemName(item), levelText(item.level)));
    }
    if (!std::isfinite(finding.deduction)) {
        return invalid(
            QCoreApplication::translate("fl::validation", "The deduction must be a number."));
    }
    if (finding.deduction < 0) {
        return invalid(QCoreApplication::translate("fl::validation",
                                                   "Deduction %1 is negative; enter 0 or more.")
                           .arg(number(finding.deduction)));
    }
    if (finding.deduction > item.maxDeduction) {
        return invalid(
            QCoreApplication::translate("fl::validation",
                                        "Deduction %1 exceeds the maximum of %2 for item %3.")
                .arg(number(finding.deduction), number(item.maxDeduction), itemName(item)));
    }
    // Rectification cannot be due before the problem was found; an unset due date is allowed.
    if (finding.dueDate.isValid() && visit.date.isValid() && finding.dueDate < visit.date) {
        return invalid(QCoreApplication::translate("fl::validation",
                                                   "The due date %1 is before the visit on %2.")
                           .arg(date(finding.dueDate), date(visit.date)));
    }
    return {};
}

Result<void> validate(const Campaign &campaign) {
    if (isBlank(campaign.name))
        return invalid(QCoreApplication::translate("fl::validation", "The round needs a name."));
    if (campaign.startDate.isValid() && campaign.endDate.isValid() &&
        campaign.endDate < campaign.startDate) {
        return invalid(QCoreApplication::translate("fl::validation",
                                                   "The round ends on %1, before it starts on %2.")
                           .arg(date(campaign.endDate), date(campaign.startDate)));
    }
    for (int i = 0; i < LevelCount; ++i) {
        const double base = campaign.baseScore[i];
        if (!std::isfinite(base) || base <= 0) {
            return invalid(
                QCoreApplication::translate(
                    "fl::validation", "The base score %1 for the %2 level must be greater than 0.")
                    .arg(number(base), levelText(static_cast<Level>(i))));
        }
    }
    return {};
}

Result<void> validate(const ChecklistItem &item) {
    if (isBlank(item.code)) {
        return invalid(QCoreApplication::translate(
            "fl::validation", "The checklist item needs a code, such as 1.2.3."));
    }
    if (isBlank(item.text)) {
        return invalid(QCoreApplication::translate("fl::validation",
                                                   "Checklist item %1 needs a text saying what "
                                                   "is checked.")
                           .arg(item.code));
    }
    if (!validLevel(item.level)) {
        return invalid(QCoreApplication::translate("fl::validation",
                                                   "Checklist item %1 has an unknown level (%2).")
                           .arg(item.code)
                           .arg(static_cast<int>(item.level)));
    }
    if (!std::isfinite(item.maxDeduction) || item.maxDeduction <= 0) {
        return invalid(
            QCoreApplication::translate(
                "fl::validation", "The maximum deduction %1 for item %2 must be greater than 0.")
                .arg(number(item.maxDeduction), item.code));
    }
    return {};
}

Result<void> validate(const Unit &unit) {
    if (isBlank(unit.name))
        return invalid(QCoreApplication::translate("fl::validation", "The unit needs a name."));
    return {};
}

Result<void> validate(const Visit &visit) {
    if (isBlank(visit.unitId)) {
        return invalid(
            QCoreApplication::translate("fl::validation", "Choose the unit this visit is to."));
    }
    if (!visit.date.isValid())
        return invalid(QCoreApplication::translate("fl::validation", "The visit needs a date."));
    return {};
}

Result<void> validate(const Interview &interview) {
    if (isBlank(interview.interviewee)) {
        return invalid(QCoreApplication::translate(
            "fl::validation", "The interview note needs the name of the person interviewed."));
    }
    if (isBlank(interview.content)) {
        return invalid(QCoreApplication::translate("fl::validation",
                                                   "The interview note with %1 has no content.")
                           .arg(interview.interviewee));
    }
    return {};
}

} // namespace fl::validation
