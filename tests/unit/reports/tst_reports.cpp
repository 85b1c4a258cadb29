#include "media/blobstore.h"
#include "media/photolibrary.h"
#include "reports/reports.h"
#include "store/inspection.h"

#include "../store/storetestsupport.h"

#include <QBuffer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>
#include <QXmlStreamReader>

#include <private/qzipreader_p.h>

using namespace fl;
using namespace fl::test;

namespace {

const QString UnitName = QStringLiteral("省交通运输厅");
const QString Title1 = QStringLiteral("支部未按期换届");
const QString Title2 = QStringLiteral("党员大会记录缺失");
const QString FormulaTitle = QStringLiteral("=SUM(A1:A2)+1");

/// The PDF's text as pdftotext reads it; empty when pdftotext is not installed.
QString pdfText(const QByteArray &pdf, const QString &dir) {
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return {};
    const QString path = dir + QStringLiteral("/report.pdf");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
        return {};
    file.close();
    QProcess p;
    p.start(tool, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// Whitespace removed (pdftotext may break lines and tables anywhere) and NFKC-normalised:
/// Qt's PDF maps some CJK glyphs back to their Kangxi radical code points (⽀ for 支), which
/// NFKC folds to the ideographs.
QString squeezed(const QString &s) {
    QString out = s.normalized(QString::NormalizationForm_KC);
    out.remove(QRegularExpression(QStringLiteral("\\s+")));
    return out;
}

} // namespace

class TestReports : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void visitReportIsAPdfWithTheVisit();
    void visitReportInEnglish();
    void visitReportOfUnknownVisitIsNotFound();
    void ledgerXlsxIsAWorkbook();
    void ledgerXlsxKeepsFormulaLookingTextAsText();
    void ledgerExportsAgreeOnDevicesThatGotChangesInAnotherOrder();

private:
    std::unique_ptr<Device> m_dev;
    std::unique_ptr<Inspection> m_insp;
    std::unique_ptr<BlobStore> m_blobs;
    std::unique_ptr<PhotoLibrary> m_photos;
    Campaign m_campaign;
    Visit m_visit;
};

void TestReports::init() {
    m_dev = std::make_unique<Device>();
    QVERIFY(m_dev->valid());
    FL_VERIFY_OK(m_dev->create());
    m_insp = std::make_unique<Inspection>(m_dev->store());
    m_blobs = std::make_unique<BlobStore>(m_dev->dirPath() + QStringLiteral("/blobs"));
    m_photos = std::make_unique<PhotoLibrary>(m_dev->store(), *m_blobs);

    Campaign c;
    c.name = QStringLiteral("2026年第四轮党建督查");
    c.startDate = QDate(2026, 11, 1);
    c.endDate = QDate(2026, 12, 31);
    auto campaign = m_insp->createCampaign(c);
    FL_VERIFY_OK(campaign);
    m_campaign = *campaign;

    ChecklistItem item;
    item.campaignId = m_campaign.id;
    item.level = Level::PartyGroup;
    item.code = QStringLiteral("1.1");
    item.text = QStringLiteral("按期换届");
    item.maxDeduction = 5;
    auto item1 = m_insp->addChecklistItem(item);
    FL_VERIFY_OK(item1);
    item.level = Level::Grassroots;
    item.code = QStringLiteral("3.1");
    item.text = QStringLiteral("三会一课");
    item.maxDeduction = 10;
    auto item2 = m_insp->addChecklistItem(item);
    FL_VERIFY_OK(item2);

    Unit u;
    u.campaignId = m_campaign.id;
    u.name = UnitName;
    auto unit = m_insp->createUnit(u);
    FL_VERIFY_OK(unit);
    Visit v;
    v.unitId = unit->id;
    v.date = QDate(2026, 11, 20);
    v.team = QStringList{QStringLiteral("张三"), QStringLiteral("李四")};
    auto visit = m_insp->createVisit(v);
    FL_VERIFY_OK(visit);
    m_visit = *visit;

    const auto finding = [&](const ChecklistItem &on, double deduction, const QString &title) {
        Finding f;
        f.visitId = m_visit.id;
        f.checklistItemId = on.id;
        f.level = on.level;
        f.deduction = deduction;
        f.title = title;
        f.description = QStringLiteral("党支部2025年到期未换届，无请示报告。");
        f.responsibleParty = QStringLiteral("机关党委 王五");
        f.dueDate = QDate(2026, 12, 31);
        f.severity = Severity::Serious;
        return m_insp->createFinding(f);
    };
    // 4 + 3 on item 1.1 are capped at its 5; 2 on 3.1: total 300 - 7 = 293.
    auto f1 = finding(*item1, 4, Title1);
    FL_VERIFY_OK(f1);
    FL_VERIFY_OK(finding(*item1, 3, Title2));
    FL_VERIFY_OK(finding(*item2, 2, FormulaTitle));
    FL_VERIFY_OK(m_photos->importFile(f1->id, QStringLiteral(FL_TEST_DATA "/photo_gps.jpg"),
                                      QStringLiteral("换届请示材料")));

    Interview i;
    i.visitId = m_visit.id;
    i.interviewee = QStringLiteral("赵六");
    i.role = QStringLiteral("办公室主任");
    i.at = QDateTime(QDate(2026, 11, 20), QTime(10, 30), Qt::UTC);
    i.place = QStringLiteral("三楼会议室");
    i.content = QStringLiteral("介绍了支部换届推迟的原因。");
    FL_VERIFY_OK(m_insp->createInterview(i));
}

void TestReports::cleanup() {
    m_photos.reset();
    m_blobs.reset();
    m_insp.reset();
    m_dev.reset();
}

void TestReports::visitReportIsAPdfWithTheVisit() {
    auto pdf = reports::visitReportPdf(*m_insp, *m_photos, m_visit.id, {});
    FL_VERIFY_OK(pdf);
    QVERIFY(pdf->startsWith("%PDF-"));
    QVERIFY(pdf->size() > 1024);

    const QString text = pdfText(*pdf, m_dev->dirPath());
    if (text.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text is not checked.");
    const QString flat = squeezed(text);
    QVERIFY2(flat.contains(UnitName), qPrintable(text));
    QVERIFY2(flat.contains(Title1), qPrintable(text));
    QVERIFY2(flat.contains(QStringLiteral("督查报告")), qPrintable(text));
    QVERIFY2(flat.contains(QStringLiteral("293")), qPrintable(text));
    QVERIFY2(flat.contains(QStringLiteral("赵六")), qPrintable(text));
}

void TestReports::visitReportInEnglish() {
    reports::VisitReportOptions options;
    options.language = reports::Language::en;
    auto pdf = reports::visitReportPdf(*m_insp, *m_photos, m_visit.id, options);
    FL_VERIFY_OK(pdf);
    QVERIFY(pdf->startsWith("%PDF-"));
    const QString text = pdfText(*pdf, m_dev->dirPath());
    if (text.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text is not checked.");
    QVERIFY2(text.contains(QStringLiteral("Visit report")), qPrintable(text));
    QVERIFY2(squeezed(text).contains(Title1), qPrintable(text));
}

void TestReports::visitReportOfUnknownVisitIsNotFound() {
    auto pdf = reports::visitReportPdf(*m_insp, *m_photos, QStringLiteral("no-such-visit"), {});
    QVERIFY(!pdf);
    QCOMPARE(pdf.error().code, ErrorCode::NotFound);
}

void TestReports::ledgerXlsxIsAWorkbook() {
    auto rows = m_insp->ledger(m_campaign.id, QDate(2026, 11, 26));
    FL_VERIFY_OK(rows);
    QCOMPARE(rows->size(), 3);
    auto xlsx = reports::ledgerXlsx(*rows);
    FL_VERIFY_OK(xlsx);
    QVERIFY(xlsx->startsWith("PK"));

    QBuffer buffer(&*xlsx);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QZipReader zip(&buffer);
    QCOMPARE(zip.status(), QZipReader::NoError);
    for (const char *part :
         {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
          "xl/styles.xml", "xl/worksheets/sheet1.xml"}) {
        const QByteArray xml = zip.fileData(QLatin1String(part));
        QVERIFY2(!xml.isEmpty(), part);
        QXmlStreamReader reader(xml);
        while (!reader.atEnd())
            reader.readNext();
        QVERIFY2(!reader.hasError(),
                 qPrintable(QLatin1String(part) + QStringLiteral(": ") + reader.errorString()));
    }
    const QString sheet =
        QString::fromUtf8(zip.fileData(QStringLiteral("xl/worksheets/sheet1.xml")));
    QVERIFY(sheet.contains(Title1));
    QVERIFY(sheet.contains(UnitName));
    // Header + 3 rows; the deduction (column H) is a number cell, dates are ISO text.
    QCOMPARE(sheet.count(QStringLiteral("<row ")), 4);
    const QRegularExpression deduction(QStringLiteral("<c r=\"H(\\d+)\"><v>4</v></c>"));
    QVERIFY(deduction.match(sheet).hasMatch());
    QVERIFY(sheet.contains(QStringLiteral("<t xml:space=\"preserve\">2026-12-31</t>")));
    QVERIFY(sheet.contains(QStringLiteral("<t xml:space=\"preserve\">deduction</t>")));
}

void TestReports::ledgerXlsxKeepsFormulaLookingTextAsText() {
    auto rows = m_insp->ledger(m_campaign.id, QDate(2026, 11, 26));
    FL_VERIFY_OK(rows);
    auto xlsx = reports::ledgerXlsx(*rows);
    FL_VERIFY_OK(xlsx);
    QBuffer buffer(&*xlsx);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QZipReader zip(&buffer);
    const QByteArray sheet = zip.fileData(QStringLiteral("xl/worksheets/sheet1.xml"));

    // Find the title's cell: an inline string, never a formula (<f>) or shared string.
    QXmlStreamReader reader(sheet);
    bool found = false;
    QString cellType;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("c"))
            cellType = reader.attributes().value(QLatin1String("t")).toString();
        if (reader.isStartElement() && reader.name() == QLatin1String("f"))
            QFAIL("the sheet has a formula");
        if (reader.isStartElement() && reader.name() == QLatin1String("t") &&
            reader.readElementText() == FormulaTitle) {
            QCOMPARE(cellType, QStringLiteral("inlineStr"));
            found = true;
        }
    }
    QVERIFY(!reader.hasError());
    QVERIFY(found);
}

void TestReports::ledgerExportsAgreeOnDevicesThatGotChangesInAnotherOrder() {
    // Two tablets of the round record a finding each at the same clock (both clocks were
    // moved to one a pulled change carried): the same creation clock on both findings.
    const QList<ChangeSet> planning = allChangeSets(m_dev->store());
    Device a, b;
    const quint64 sameMs = quint64(QDateTime::currentMSecsSinceEpoch()) + 10 * 60 * 1000;
    QList<ChangeSet> recorded[2];
    int n = 0;
    for (Device *d : {&a, &b}) {
        FL_VERIFY_OK(d->create());
        FL_VERIFY_OK(d->shareKeyFrom(*m_dev, m_campaign.id));
        QVERIFY(introduce(*d, *m_dev));
        FL_VERIFY_OK(d->store().applyRemote(planning));
        QVERIFY(d->store().clock().observe(hlc::make(sameMs, 0)));
        Inspection in(d->store());
        auto items = in.checklist(m_campaign.id);
        FL_VERIFY_OK(items);
        Finding f;
        f.visitId = m_visit.id;
        f.checklistItemId = items->first().id;
        f.level = items->first().level;
        f.deduction = 1;
        f.title = QStringLiteral("同一时刻的问题 %1").arg(n);
        FL_VERIFY_OK(in.createFinding(f));
        recorded[n++] = outbox(d->store());
    }
    QCOMPARE(recorded[0].first().hlc, recorded[1].first().hlc);

    // Two office devices receive the same changes, the tablets' in opposite orders.
    Device c, d;
    QByteArray csv[2], xlsx[2];
    n = 0;
    for (Device *office : {&c, &d}) {
        FL_VERIFY_OK(office->create());
        FL_VERIFY_OK(office->shareKeyFrom(*m_dev, m_campaign.id));
        QVERIFY(introduce(*office, *m_dev) && introduce(*office, a) && introduce(*office, b));
        FL_VERIFY_OK(office->store().applyRemote(planning));
        FL_VERIFY_OK(office->store().applyRemote(recorded[n]));
        FL_VERIFY_OK(office->store().applyRemote(recorded[1 - n]));
        auto rows = Inspection(office->store()).ledger(m_campaign.id, QDate(2026, 12, 1));
        FL_VERIFY_OK(rows);
        csv[n] = ledgerToCsv(*rows);
        auto book = reports::ledgerXlsx(*rows);
        FL_VERIFY_OK(book);
        xlsx[n++] = *book;
    }
    QVERIFY(csv[0].contains("同一时刻的问题 0") && csv[0].contains("同一时刻的问题 1"));
    QCOMPARE(csv[0], csv[1]);
    QCOMPARE(xlsx[0], xlsx[1]);
    // Byte for byte on any day too: no entry carries the time it was written.
    QBuffer buffer(&xlsx[0]);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QZipReader zip(&buffer);
    const auto entries = zip.fileInfoList();
    QVERIFY(!entries.isEmpty());
    for (const QZipReader::FileInfo &e : entries)
        QCOMPARE(e.lastModified.date(), QDate(1980, 1, 1));
}

QTEST_MAIN(TestReports)
#include "tst_reports.moc"
