#pragma once

#include "domain/entities.h"

#include <QCoreApplication>
#include <QString>

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
    /// A date in the UI language's short form; empty for an invalid date.
    [[nodiscard]] static QString date(const QDate &date);
};

} // namespace fl::app
