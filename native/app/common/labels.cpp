#include "labels.h"

#include <QLocale>

namespace fl::app {

QString Labels::level(Level level) {
    switch (level) {
    case Level::PartyGroup:
        return tr("Party group (committee)", "checklist level 1: 党组（党委）");
    case Level::OrganCommittee:
        return tr("Organ party committee", "checklist level 2: 机关党委");
    case Level::Grassroots:
        return tr("Grassroots party organisations", "checklist level 3: 基层党组织");
    }
    return {};
}

QString Labels::status(FindingStatus status) {
    switch (status) {
    case FindingStatus::Open:
        return tr("Open", "finding status: recorded, rectification not started");
    case FindingStatus::Rectifying:
        return tr("Rectifying", "finding status: 整改中");
    case FindingStatus::AwaitingVerification:
        return tr("Awaiting verification", "finding status: 待验收");
    case FindingStatus::Closed:
        return tr("Closed", "finding status: 销号");
    }
    return {};
}

QString Labels::severity(Severity severity) {
    switch (severity) {
    case Severity::Minor:
        return tr("Minor", "finding severity");
    case Severity::Moderate:
        return tr("Moderate", "finding severity");
    case Severity::Serious:
        return tr("Serious", "finding severity");
    }
    return {};
}

QString Labels::visitStatus(VisitStatus status) {
    switch (status) {
    case VisitStatus::Planned:
        return tr("Planned", "visit status");
    case VisitStatus::InProgress:
        return tr("In progress", "visit status");
    case VisitStatus::Completed:
        return tr("Completed", "visit status");
    }
    return {};
}

QString Labels::points(double value) {
    return QLocale().toString(value, 'g', 10);
}

std::optional<double> Labels::parseNumber(const QString &text) {
    const QString t = text.trimmed();
    bool ok = false;
    double value = QLocale().toDouble(t, &ok);
    if (!ok)
        value = QLocale::c().toDouble(t, &ok);
    if (!ok)
        return std::nullopt;
    return value;
}

QString Labels::date(const QDate &date) {
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

QString Labels::dateTime(const QDateTime &dateTime) {
    return dateTime.isValid() ? QLocale().toString(dateTime.toLocalTime(), QLocale::ShortFormat)
                              : QString();
}

QString Labels::action(lifecycle::Action action) {
    switch (action) {
    case lifecycle::Action::StartRectification:
        return tr("Start rectification", "finding action: the unit begins 整改");
    case lifecycle::Action::SubmitForVerification:
        return tr("Submit for verification", "finding action: the unit reports it fixed");
    case lifecycle::Action::VerifyPassed:
        return tr("Verification passed", "finding action: 验收通过");
    case lifecycle::Action::VerifyFailed:
        return tr("Verification not passed", "finding action: 验收不通过");
    }
    return {};
}

QString Labels::step(FindingStatus from, FindingStatus to) {
    for (const lifecycle::Action a : lifecycle::allowedActions(from)) {
        if (auto next = lifecycle::apply(from, a); next && *next == to)
            return action(a);
    }
    return tr("%1 → %2", "finding status before → after").arg(status(from), status(to));
}

} // namespace fl::app
