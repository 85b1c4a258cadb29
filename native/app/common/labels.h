#pragma once

#include "domain/entities.h"
#include "domain/lifecycle.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace fl::app {

/// The words the UI shows for the domain's enums, translated (GLOSSARY.md terms).
class Labels {
    Q_DECLARE_TR_FUNCTIONS(Labels)
public:
    [[nodiscard]] static QString level(Level level);
    [[nodiscard]] static QString status(FindingStatus status);
    [[nodiscard]] static QString severity(Severity severity);
    [[nodiscard]] static QString visitStatus(VisitStatus status);
    /// "6", "2.5": points the way a person writes them.
    [[nodiscard]] static QString points(double value);
    /// A number as typed: the way the UI language writes it, or the C way ("2.5").
    [[nodiscard]] static std::optional<double> parseNumber(const QString &text);
    /// A date in the UI language's short form; empty for an invalid date.
    [[nodiscard]] static QString date(const QDate &date);
    /// A date and time, local, in the UI language's short form; empty when invalid.
    [[nodiscard]] static QString dateTime(const QDateTime &dateTime);
    /// A lifecycle action as its button says it ("Verification passed", ...).
    [[nodiscard]] static QString action(lifecycle::Action action);
    /// The step from one status to another, named by the action that makes it.
    [[nodiscard]] static QString step(FindingStatus from, FindingStatus to);
};

} // namespace fl::app
