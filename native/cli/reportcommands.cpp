#include "cli/commandgroups.h"

#include "media/photolibrary.h"
#include "reports/reports.h"

#include <cstdio>

namespace fl::cli {

namespace {

Reply rateReply(const scoring::RectificationRate &r) {
    return {QJsonObject{{QStringLiteral("closed"), r.closed},
                        {QStringLiteral("total"), r.total},
                        {QStringLiteral("rate"), r.rate}},
            QStringLiteral("%1 of %2 findings closed: %3%\n")
                .arg(r.closed)
                .arg(r.total)
                .arg(r.rate * 100, 0, 'f', 1)};
}

} // namespace

Result<Reply> cmdScore(Context &c) {
    Result<scoring::Score> s =
        c.has(QStringLiteral("visit"))
            ? c.session->inspection().visitScore(c.opt(QStringLiteral("visit")))
        : c.has(QStringLiteral("unit"))
            ? c.session->inspection().unitScore(c.opt(QStringLiteral("unit")))
            : Result<scoring::Score>(usage(QStringLiteral("Give --visit "
                                                          "or --unit.")));
    if (!s)
        return s.error();
    return Reply{scoreJson(*s), scoreText(*s)};
}

Result<Reply> cmdRate(Context &c) {
    Result<scoring::RectificationRate> r =
        c.has(QStringLiteral("campaign"))
            ? c.session->inspection().campaignRate(c.opt(QStringLiteral("campaign")))
        : c.has(QStringLiteral("unit"))
            ? c.session->inspection().unitRate(c.opt(QStringLiteral("unit")))
            : Result<scoring::RectificationRate>(usage(QStringLiteral("Give --campaign or "
                                                                      "--unit.")));
    if (!r)
        return r.error();
    return rateReply(*r);
}

Result<Reply> cmdLedgerExport(Context &c) {
    auto campaign = c.required(QStringLiteral("campaign"));
    if (!campaign)
        return campaign.error();
    auto out = c.required(QStringLiteral("out"));
    if (!out)
        return out.error();
    auto rows = c.session->inspection().ledger(*campaign, QDate::currentDate());
    if (!rows)
        return rows.error();
    if (*out == QLatin1String("-")) {
        const QByteArray csv = ledgerToCsv(*rows);
        std::fwrite(csv.constData(), 1, size_t(csv.size()), stdout);
        return Reply{QJsonValue(), QString()};
    }
    // The format follows the file name: .xlsx is a workbook, anything else CSV.
    Result<QByteArray> bytes = out->endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)
                                   ? reports::ledgerXlsx(*rows)
                                   : Result<QByteArray>(ledgerToCsv(*rows));
    if (!bytes)
        return bytes.error();
    if (auto written = writeFileSafely(*out, *bytes); !written)
        return written.error();
    return Reply{
        QJsonObject{{QStringLiteral("written"), *out}, {QStringLiteral("rows"), int(rows->size())}},
        QStringLiteral("wrote %1 findings to %2\n").arg(rows->size()).arg(*out)};
}

Result<Reply> cmdReportVisit(Context &c) {
    auto visit = c.required(QStringLiteral("visit"));
    if (!visit)
        return visit.error();
    auto out = c.required(QStringLiteral("out"));
    if (!out)
        return out.error();
    reports::VisitReportOptions options;
    if (c.has(QStringLiteral("lang"))) {
        const auto language = reports::languageFromString(c.opt(QStringLiteral("lang")));
        if (!language)
            return usage(QStringLiteral("--lang must be zh_CN or en, not '%1'.")
                             .arg(c.opt(QStringLiteral("lang"))));
        options.language = *language;
    }
    PhotoLibrary library(c.session->store(), c.session->blobs());
    auto pdf = reports::visitReportPdf(c.session->inspection(), library, *visit, options);
    if (!pdf)
        return pdf.error();
    if (auto written = writeFileSafely(*out, *pdf); !written)
        return written.error();
    return Reply{
        QJsonObject{{QStringLiteral("written"), *out},
                    {QStringLiteral("bytes"), qint64(pdf->size())}},
        QStringLiteral("wrote the visit report (%1 bytes) to %2\n").arg(pdf->size()).arg(*out)};
}

} // namespace fl::cli
