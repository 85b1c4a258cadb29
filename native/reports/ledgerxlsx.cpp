#include "reports/reports.h"

#include <QBuffer>
#include <QtEndian>

#include <iterator>

#include <private/qzipwriter_p.h>

namespace fl::reports {

namespace {

/// Text as XML character data: escaped, and without the control characters XML 1.0 forbids.
QByteArray xmlText(const QString &text) {
    QString clean;
    clean.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r')
            continue;
        if (u == 0xFFFE || u == 0xFFFF)
            continue;
        clean += c;
    }
    return clean.toHtmlEscaped().toUtf8();
}

QByteArray columnName(int column) {
    QByteArray name;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        name.prepend(char('A' + (c - 1) % 26));
    return name;
}

QByteArray cellRef(int column, int row) {
    return columnName(column) + QByteArray::number(row + 1);
}

/// An inline string: never read as a formula, whatever it starts with.
QByteArray textCell(int column, int row, const QString &text, int style = 0) {
    QByteArray out = "<c r=\"" + cellRef(column, row) + "\" t=\"inlineStr\"";
    if (style != 0)
        out += " s=\"" + QByteArray::number(style) + "\"";
    return out + "><is><t xml:space=\"preserve\">" + xmlText(text) + "</t></is></c>";
}

QByteArray numberCell(int column, int row, double value) {
    return "<c r=\"" + cellRef(column, row) + "\"><v>" + QByteArray::number(value, 'g', 15) +
           "</v></c>";
}

const char ContentTypes[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
    R"(<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>)"
    R"(<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>)"
    R"(</Types>)";

const char RootRels[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
    R"(</Relationships>)";

const char Workbook[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="Ledger" sheetId="1" r:id="rId1"/></sheets></workbook>)";

const char WorkbookRels[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(</Relationships>)";

// Style 0: normal; style 1: bold (the header row).
const char Styles[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>)"
    R"(<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>)"
    R"(<fills count="2"><fill><patternFill patternType="none"/></fill>)"
    R"(<fill><patternFill patternType="gray125"/></fill></fills>)"
    R"(<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>)"
    R"(<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>)"
    R"(<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>)"
    R"(<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>)"
    R"(<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>)"
    R"(</styleSheet>)";

QByteArray sheet(const QList<LedgerRow> &rows) {
    // The columns of ledgerToCsv, in its order.
    static const char *const header[] = {
        "finding_id", "unit",      "visit_date",        "item",     "level",  "title",
        "severity",   "deduction", "responsible_party", "due_date", "status", "overdue"};
    constexpr int Columns = int(std::size(header));
    QByteArray out = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
    out += "<dimension ref=\"A1:" + cellRef(Columns - 1, int(rows.size())) + "\"/>";
    out += R"(<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" )"
           R"(activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>)";
    out += R"(<cols><col min="1" max="1" width="38" customWidth="1"/>)"
           R"(<col min="2" max="2" width="24" customWidth="1"/>)"
           R"(<col min="6" max="6" width="40" customWidth="1"/>)"
           R"(<col min="9" max="9" width="20" customWidth="1"/></cols>)";
    out += "<sheetData><row r=\"1\">";
    for (int c = 0; c < Columns; ++c)
        out += textCell(c, 0, QString::fromLatin1(header[c]), 1);
    out += "</row>";
    int r = 1;
    for (const LedgerRow &row : rows) {
        const Finding &f = row.finding;
        out += "<row r=\"" + QByteArray::number(r + 1) + "\">";
        int c = 0;
        out += textCell(c++, r, f.id);
        out += textCell(c++, r, row.unitName);
        out += textCell(c++, r, row.visitDate.toString(Qt::ISODate));
        out += textCell(c++, r, row.itemCode);
        out += textCell(c++, r, toString(f.level));
        out += textCell(c++, r, f.title);
        out += textCell(c++, r, toString(f.severity));
        out += numberCell(c++, r, f.deduction);
        out += textCell(c++, r, f.responsibleParty);
        out += textCell(c++, r, f.dueDate.toString(Qt::ISODate));
        out += textCell(c++, r, toString(f.status));
        out += textCell(c++, r, row.overdue ? QStringLiteral("yes") : QStringLiteral("no"));
        out += "</row>";
        ++r;
    }
    out += "</sheetData></worksheet>";
    return out;
}

/// QZipWriter stamps every entry with the time of writing; the same ledger must give the same
/// bytes on every device and every day, so each entry gets one fixed time (1980-01-01, the
/// earliest a zip can say). Walks the central directory from its end record; false when the
/// archive is not laid out as QZipWriter writes it.
bool fixEntryTimes(QByteArray &zip) {
    constexpr qsizetype EndSize = 22; // no archive comment
    constexpr quint16 DosDate1980 = (0 << 9) | (1 << 5) | 1;
    uchar *d = reinterpret_cast<uchar *>(zip.data());
    const qsizetype end = zip.size() - EndSize;
    if (end < 0 || qFromLittleEndian<quint32>(d + end) != 0x06054b50)
        return false;
    const quint16 entries = qFromLittleEndian<quint16>(d + end + 10);
    qsizetype at = qFromLittleEndian<quint32>(d + end + 16);
    for (quint16 i = 0; i < entries; ++i) {
        if (at + 46 > end || qFromLittleEndian<quint32>(d + at) != 0x02014b50)
            return false;
        const qsizetype local = qFromLittleEndian<quint32>(d + at + 42);
        if (local + 30 > at || qFromLittleEndian<quint32>(d + local) != 0x04034b50)
            return false;
        qToLittleEndian<quint16>(0, d + at + 12);
        qToLittleEndian<quint16>(DosDate1980, d + at + 14);
        qToLittleEndian<quint16>(0, d + local + 10);
        qToLittleEndian<quint16>(DosDate1980, d + local + 12);
        at += 46 + qFromLittleEndian<quint16>(d + at + 28) +
              qFromLittleEndian<quint16>(d + at + 30) + qFromLittleEndian<quint16>(d + at + 32);
    }
    return true;
}

} // namespace

Result<QByteArray> ledgerXlsx(const QList<LedgerRow> &rows) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, QStringLiteral("Could not open the workbook buffer."));
    {
        QZipWriter zip(&buffer);
        zip.setCompressionPolicy(QZipWriter::AutoCompress);
        zip.addFile(QStringLiteral("[Content_Types].xml"), QByteArray(ContentTypes));
        zip.addFile(QStringLiteral("_rels/.rels"), QByteArray(RootRels));
        zip.addFile(QStringLiteral("xl/workbook.xml"), QByteArray(Workbook));
        zip.addFile(QStringLiteral("xl/_rels/workbook.xml.rels"), QByteArray(WorkbookRels));
        zip.addFile(QStringLiteral("xl/styles.xml"), QByteArray(Styles));
        zip.addFile(QStringLiteral("xl/worksheets/sheet1.xml"), sheet(rows));
        zip.close();
        if (zip.status() != QZipWriter::NoError)
            return makeError(ErrorCode::Io, QStringLiteral("Could not write the workbook."));
    }
    buffer.close();
    if (!fixEntryTimes(bytes))
        return makeError(ErrorCode::Io, QStringLiteral("Could not write the workbook."));
    return bytes;
}

} // namespace fl::reports
