#pragma once

#include "common/result.h"
#include "store/inspection.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace fl {

class PhotoLibrary;

namespace reports {

/// The language a report is written in (the UI's two languages).
enum class Language { zh_CN, en };

/// "zh_CN" / "zh" / "en" (case-insensitive); nullopt for anything else.
[[nodiscard]] std::optional<Language> languageFromString(QStringView s);

struct VisitReportOptions {
    Language language = Language::zh_CN;
};

/// The visit report (督查报告) as an A4 PDF, built in memory: header, score per level,
/// deductions per checklist item, each finding with its photo thumbnails, and the interviews.
/// Photos are decrypted into memory only, never into files. Needs a QGuiApplication (fonts);
/// the text is set in "Noto Sans CJK SC" (fonts-noto-cjk) so Chinese renders.
[[nodiscard]] Result<QByteArray> visitReportPdf(Inspection &inspection, PhotoLibrary &photos,
                                                const QString &visitId,
                                                const VisitReportOptions &options = {});

/// The ledger as an Office Open XML workbook (.xlsx), one sheet, the columns of ledgerToCsv.
/// Numbers are number cells; every text (dates too, ISO) is an inline string, so text that
/// looks like a formula ("=...") stays text.
[[nodiscard]] Result<QByteArray> ledgerXlsx(const QList<LedgerRow> &rows);

} // namespace reports
} // namespace fl
