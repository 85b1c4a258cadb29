#include "reports/reports.h"

#include "domain/scoring.h"
#include "media/photolibrary.h"
#include "store/store.h"

#include <QBuffer>
#include <QFont>
#include <QGuiApplication>
#include <QHash>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>

namespace fl::reports {

namespace {

constexpr char ReportFont[] = "Noto Sans CJK SC";
constexpr int ThumbnailEdge = 150; ///< longest edge of a photo in the report, in px (96 dpi)

/// The report's words in its two languages (zh_CN terms from the glossary).
class Words {
public:
    explicit Words(Language language)
        : m_zh(language == Language::zh_CN) {}

    [[nodiscard]] QString operator()(const char *zh, const char *en) const {
        return m_zh ? QString::fromUtf8(zh) : QString::fromLatin1(en);
    }

    [[nodiscard]] QString level(Level v) const {
        switch (v) {
        case Level::PartyGroup:
            return (*this)("党组（党委）", "Party group (committee)");
        case Level::OrganCommittee:
            return (*this)("机关党委", "Organ party committee");
        case Level::Grassroots:
            return (*this)("基层党组织", "Grassroots party organisations");
        }
        return {};
    }
    [[nodiscard]] QString severity(Severity v) const {
        switch (v) {
        case Severity::Minor:
            return (*this)("轻微", "Minor");
        case Severity::Moderate:
            return (*this)("一般", "Moderate");
        case Severity::Serious:
            return (*this)("严重", "Serious");
        }
        return {};
    }
    [[nodiscard]] QString status(FindingStatus v) const {
        switch (v) {
        case FindingStatus::Open:
            return (*this)("未整改", "Open");
        case FindingStatus::Rectifying:
            return (*this)("整改中", "Rectifying");
        case FindingStatus::AwaitingVerification:
            return (*this)("待验收", "Awaiting verification");
        case FindingStatus::Closed:
            return (*this)("已销号", "Closed");
        }
        return {};
    }
    [[nodiscard]] QString visitStatus(VisitStatus v) const {
        switch (v) {
        case VisitStatus::Planned:
            return (*this)("计划中", "Planned");
        case VisitStatus::InProgress:
            return (*this)("进行中", "In progress");
        case VisitStatus::Completed:
            return (*this)("已完成", "Completed");
        }
        return {};
    }
    [[nodiscard]] QString listSeparator() const {
        return m_zh ? QStringLiteral("、") : QStringLiteral(", ");
    }

private:
    bool m_zh;
};

/// User text as HTML: escaped, line breaks kept.
QString html(const QString &text) {
    QString out = text.toHtmlEscaped();
    out.replace(QLatin1String("\r\n"), QLatin1String("<br/>"));
    out.replace(QLatin1Char('\n'), QLatin1String("<br/>"));
    return out;
}

QString points(double v) {
    return QString::number(v, 'g', 10);
}

QString dateText(const QDate &d) {
    return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("—");
}

QString orDash(const QString &s) {
    return s.trimmed().isEmpty() ? QStringLiteral("—") : html(s);
}

QString headerCells(const QStringList &labels) {
    QString out = QStringLiteral("<tr>");
    for (const QString &l : labels)
        out +=
            QStringLiteral("<th bgcolor=\"#e8e8e8\" align=\"left\">%1</th>").arg(l.toHtmlEscaped());
    return out + QStringLiteral("</tr>");
}

/// A row of already-escaped cells; `numeric` cells are right-aligned.
QString rowCells(const QStringList &cells, const QList<int> &numeric = {}, bool bold = false) {
    QString out = QStringLiteral("<tr>");
    for (int i = 0; i < cells.size(); ++i) {
        const QString text = bold ? QStringLiteral("<b>%1</b>").arg(cells.at(i)) : cells.at(i);
        out += numeric.contains(i) ? QStringLiteral("<td align=\"right\">%1</td>").arg(text)
                                   : QStringLiteral("<td>%1</td>").arg(text);
    }
    return out + QStringLiteral("</tr>");
}

const QString TableOpen =
    QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                   "style=\"border-collapse: collapse; border-color: #808080;\">");

} // namespace

std::optional<Language> languageFromString(QStringView s) {
    if (s.compare(QLatin1String("zh_CN"), Qt::CaseInsensitive) == 0 ||
        s.compare(QLatin1String("zh-CN"), Qt::CaseInsensitive) == 0 ||
        s.compare(QLatin1String("zh"), Qt::CaseInsensitive) == 0)
        return Language::zh_CN;
    if (s.compare(QLatin1String("en"), Qt::CaseInsensitive) == 0)
        return Language::en;
    return std::nullopt;
}

Result<QByteArray> visitReportPdf(Inspection &inspection, PhotoLibrary &photos,
                                  const QString &visitId, const VisitReportOptions &options) {
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("A PDF report needs a QGuiApplication (fonts)."));
    const Words w(options.language);

    auto visit = inspection.visit(visitId);
    if (!visit)
        return visit.error();
    auto unit = inspection.unit(visit->unitId);
    if (!unit)
        return unit.error();
    auto campaign = inspection.campaign(visit->campaignId);
    if (!campaign)
        return campaign.error();
    auto checklist = inspection.checklist(visit->campaignId);
    if (!checklist)
        return checklist.error();
    auto score = inspection.visitScore(visitId);
    if (!score)
        return score.error();
    RecordFilter filter;
    filter.parentId = visitId;
    auto findings = inspection.findings(filter);
    if (!findings)
        return findings.error();
    auto interviews = inspection.interviews(visitId);
    if (!interviews)
        return interviews.error();

    QHash<QString, ChecklistItem> items;
    for (const ChecklistItem &item : std::as_const(*checklist))
        items.insert(item.id, item);
    QList<Finding> sorted = *findings;
    std::stable_sort(sorted.begin(), sorted.end(), [&](const Finding &a, const Finding &b) {
        return scoring::compareCodes(items.value(a.checklistItemId).code,
                                     items.value(b.checklistItemId).code) < 0;
    });
    QList<Interview> talks = *interviews;
    std::stable_sort(talks.begin(), talks.end(),
                     [](const Interview &a, const Interview &b) { return a.at < b.at; });

    QTextDocument doc;
    QFont font(QString::fromLatin1(ReportFont));
    font.setPointSizeF(9.5);
    doc.setDefaultFont(font);
    doc.setDefaultStyleSheet(
        QStringLiteral("h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 14px; } "
                       "h3 { font-size: 11pt; margin-top: 10px; } th { font-weight: bold; } "
                       ".muted { color: #555555; }"));

    QString body;
    body += QStringLiteral("<h1 align=\"center\">%1</h1>").arg(w("督查报告", "Visit report"));
    body += QStringLiteral("<p align=\"center\" class=\"muted\">%1</p>")
                .arg(html(unit->name) + QStringLiteral(" · ") + dateText(visit->date));

    // Header
    body += TableOpen;
    const auto headerRow = [&](const QString &label, const QString &value) {
        body += QStringLiteral("<tr><th width=\"22%\" bgcolor=\"#e8e8e8\" align=\"left\">%1</th>"
                               "<td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value);
    };
    headerRow(w("督查轮次", "Round"), orDash(campaign->name));
    headerRow(w("被督查单位", "Inspected unit"), orDash(unit->name));
    headerRow(w("督查日期", "Date"), dateText(visit->date));
    headerRow(w("督查组", "Inspection team"), orDash(visit->team.join(w.listSeparator())));
    headerRow(w("状态", "Status"), w.visitStatus(visit->status));
    body += QStringLiteral("</table>");

    // Score per level
    body += QStringLiteral("<h2>%1</h2>").arg(w("一、得分", "1. Score"));
    body += TableOpen;
    body += headerCells(
        {w("层级", "Level"), w("基础分", "Base"), w("减分", "Deducted"), w("得分", "Score")});
    for (int l = 0; l < LevelCount; ++l) {
        body += rowCells({w.level(Level(l)).toHtmlEscaped(), points(score->base[l]),
                          points(score->deducted[l]), points(score->score[l])},
                         {1, 2, 3});
    }
    body += rowCells({w("合计", "Total"), points(score->totalBase), points(score->totalDeducted),
                      points(score->total)},
                     {1, 2, 3}, true);
    body += QStringLiteral("</table>");

    // Deductions per checklist item
    body += QStringLiteral("<h2>%1</h2>").arg(w("二、减分项", "2. Deductions"));
    if (score->items.isEmpty()) {
        body += QStringLiteral("<p>%1</p>").arg(w("无减分项。", "No deductions."));
    } else {
        body += TableOpen;
        body += headerCells({w("编号", "Item"), w("减分项", "Deduction item"), w("层级", "Level"),
                             w("问题数", "Findings"), w("减分", "Raw"), w("计入减分", "Capped")});
        for (const scoring::ItemDeduction &d : std::as_const(score->items)) {
            const ChecklistItem item = items.value(d.checklistItemId);
            body +=
                rowCells({orDash(item.code), orDash(item.text), w.level(d.level).toHtmlEscaped(),
                          QString::number(d.findingCount), points(d.raw), points(d.capped)},
                         {3, 4, 5});
        }
        body += QStringLiteral("</table>");
    }

    // Findings with their photos
    body += QStringLiteral("<h2>%1</h2>").arg(w("三、发现问题", "3. Findings"));
    if (sorted.isEmpty())
        body += QStringLiteral("<p>%1</p>").arg(w("未发现问题。", "No findings."));
    int n = 0;
    for (const Finding &f : std::as_const(sorted)) {
        ++n;
        const ChecklistItem item = items.value(f.checklistItemId);
        body += QStringLiteral("<h3>%1. %2</h3>").arg(n).arg(orDash(f.title));
        body += TableOpen;
        const auto row = [&](const QString &label, const QString &value) {
            body += QStringLiteral("<tr><th width=\"22%\" bgcolor=\"#f2f2f2\" align=\"left\">%1"
                                   "</th><td>%2</td></tr>")
                        .arg(label.toHtmlEscaped(), value);
        };
        row(w("减分项", "Deduction item"),
            item.code.isEmpty() ? QStringLiteral("—")
                                : html(item.code) + QLatin1Char(' ') + html(item.text));
        row(w("问题描述", "Description"), orDash(f.description));
        row(w("严重程度", "Severity"), w.severity(f.severity));
        row(w("减分", "Deduction"), points(f.deduction));
        row(w("责任单位/责任人", "Responsible party"), orDash(f.responsibleParty));
        row(w("整改时限", "Due date"), dateText(f.dueDate));
        row(w("状态", "Status"), w.status(f.status));

        body += QStringLiteral("</table>");

        // Photos below the table, not in a cell: a paragraph moves whole to the next page.
        auto list = photos.photos(f.id);
        if (list && !list->isEmpty()) {
            QString cell;
            for (const Photo &p : std::as_const(*list)) {
                auto bytes = photos.thumbnail(p.id);
                QImage image;
                if (bytes)
                    image = QImage::fromData(*bytes);
                if (image.isNull()) {
                    cell += QStringLiteral("<i>[%1]</i> ")
                                .arg(w("照片不可用", "photo not available on this device"));
                    continue;
                }
                // Decrypted pixels stay in the document's memory, never in a file.
                const QUrl url(QStringLiteral("fl-photo:") + p.id);
                doc.addResource(QTextDocument::ImageResource, url, image);
                const QSize size =
                    image.size().scaled(ThumbnailEdge, ThumbnailEdge, Qt::KeepAspectRatio);
                cell += QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\"/>&nbsp;")
                            .arg(url.toString())
                            .arg(size.width())
                            .arg(size.height());
                if (!p.caption.isEmpty())
                    cell += QStringLiteral("<span class=\"muted\">%1</span>&nbsp;&nbsp;")
                                .arg(html(p.caption));
            }
            body += QStringLiteral("<p><b>%1</b>&nbsp;&nbsp;%2</p>")
                        .arg(w("佐证材料", "Evidence").toHtmlEscaped(), cell);
        }
    }

    // Interviews
    body += QStringLiteral("<h2>%1</h2>").arg(w("四、谈话记录", "4. Interview notes"));
    if (talks.isEmpty()) {
        body += QStringLiteral("<p>%1</p>").arg(w("无谈话记录。", "No interview notes."));
    } else {
        body += TableOpen;
        body += headerCells({w("谈话对象", "Interviewee"), w("职务", "Role"), w("时间", "Time"),
                             w("地点", "Place"), w("谈话内容", "Content")});
        for (const Interview &i : std::as_const(talks)) {
            const QString at = i.at.isValid()
                                   ? i.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                   : QStringLiteral("—");
            body += rowCells(
                {orDash(i.interviewee), orDash(i.role), at, orDash(i.place), orDash(i.content)});
        }
        body += QStringLiteral("</table>");
    }

    doc.setHtml(QStringLiteral("<html><body>%1</body></html>").arg(body));

    QByteArray pdf;
    QBuffer buffer(&pdf);
    if (!buffer.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, QStringLiteral("Could not open the report buffer."));
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(300);
        // Small device margins: QTextDocument::print adds 2 cm inside and puts page numbers
        // in the bottom one.
        writer.setPageMargins(QMarginsF(2, 2, 2, 2), QPageLayout::Millimeter);
        writer.setTitle(w("督查报告", "Visit report") + QStringLiteral(" — ") + unit->name);
        writer.setCreator(QStringLiteral("FieldLedger"));
        doc.print(&writer);
    }
    buffer.close();
    if (!pdf.startsWith("%PDF-"))
        return makeError(ErrorCode::Io, QStringLiteral("The PDF could not be written."));
    return pdf;
}

} // namespace fl::reports
