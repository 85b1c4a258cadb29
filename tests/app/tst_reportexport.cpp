#include "apptestsupport.h"
#include "ledgermodel.h"
#include "reportexport.h"

#include <QBuffer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>

#include <private/qzipreader_p.h>

#include <csignal>
#include <sys/resource.h>

using namespace fl;
using namespace fl::app;

namespace {

const QString Title1 = QStringLiteral("支部未按期换届");
const QString Title2 = QStringLiteral("党员大会记录缺失");

/// pdftotext's reading of a PDF file, whitespace removed and NFKC-folded (Qt's PDF maps some
/// CJK glyphs to Kangxi radicals, which NFKC folds back); empty without pdftotext.
QString pdfText(const QString &path) {
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return {};
    QProcess p;
    p.start(tool, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    QString text =
        QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    text.remove(QRegularExpression(QStringLiteral("\\s+")));
    return text;
}

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Lowers the largest file this process may write, as a disk that fills up does; restores on
/// destruction. SIGXFSZ is ignored meanwhile so that the write fails with EFBIG instead.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &m_saved);
        m_previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_saved;
        limit.rlim_cur = bytes;
        m_ok = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_previous);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    rlimit m_saved{};
    void (*m_previous)(int) = nullptr;
    bool m_ok = false;
};

} // namespace

class TstReportExport : public QObject {
    Q_OBJECT

    test::AppFixture m_fx;
    test::Round m_round;
    ReportExport m_exporter;

    [[nodiscard]] QString target(const QString &name) const {
        return m_fx.dataDir() + QLatin1Char('/') + name;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_fx.start());
        auto round = test::makeRound(m_fx.inspection());
        FL_VERIFY_OK(round);
        m_round = *round;
        FL_VERIFY_OK(
            test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[0], Title1, 3));
        FL_VERIFY_OK(
            test::addFinding(m_fx.inspection(), m_round.visit, m_round.items[5], Title2, 6));
        m_exporter.setServices(&m_fx.services());
    }

    void writesTheVisitReportAsPdf() {
        QSignalSpy finished(&m_exporter, &ReportExport::finished);
        const QString path = target(QStringLiteral("visit report.pdf"));
        QVERIFY2(m_exporter.exportVisitPdf(m_round.visit.id, QUrl::fromLocalFile(path)),
                 qPrintable(m_exporter.errorString()));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(m_exporter.lastPath(), path);
        QVERIFY(m_exporter.errorString().isEmpty());
        const QByteArray pdf = readFile(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        const QString text = pdfText(path);
        if (text.isEmpty())
            QSKIP("pdftotext is not installed: the PDF's text was not checked");
        QVERIFY2(text.contains(m_round.unit.name), qPrintable(text.left(400)));
        QVERIFY(text.contains(Title1));
        QVERIFY(text.contains(Title2));
    }

    void writesTheRoundLedgerAsXlsxAndCsv() {
        const QString xlsxPath = target(QStringLiteral("ledger.xlsx"));
        QVERIFY2(m_exporter.exportRoundLedger(m_round.campaign.id, QUrl::fromLocalFile(xlsxPath)),
                 qPrintable(m_exporter.errorString()));
        QByteArray xlsx = readFile(xlsxPath);
        QVERIFY(xlsx.startsWith("PK"));
        QBuffer buffer(&xlsx);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QZipReader zip(&buffer);
        QCOMPARE(zip.status(), QZipReader::NoError);
        const QString sheet =
            QString::fromUtf8(zip.fileData(QStringLiteral("xl/worksheets/sheet1.xml")));
        QVERIFY(sheet.contains(Title1));
        QVERIFY(sheet.contains(Title2));
        QVERIFY(sheet.contains(m_round.unit.name));
        QCOMPARE(sheet.count(QStringLiteral("<row ")), 3); // header + 2 findings

        const QString csvPath = target(QStringLiteral("ledger.csv"));
        QVERIFY(m_exporter.exportRoundLedger(m_round.campaign.id, QUrl::fromLocalFile(csvPath)));
        const QString csv = QString::fromUtf8(readFile(csvPath));
        QVERIFY(csv.contains(Title1));
        QVERIFY(csv.contains(Title2));
        QCOMPARE(csv.trimmed().split(QStringLiteral("\r\n")).size(), 3);
    }

    void writesWhatTheLedgerPageShows() {
        LedgerModel ledger;
        ledger.setServices(&m_fx.services());
        ledger.setCampaignId(m_round.campaign.id);
        ledger.setSearch(QStringLiteral("党员大会"));
        QVERIFY(
            QTest::qWaitFor([&] { return ledger.allLoaded() && ledger.rowCount() == 1; }, 10000));
        const QString path = target(QStringLiteral("shown.xlsx"));
        QVERIFY2(m_exporter.exportShownLedger(&ledger, QUrl::fromLocalFile(path)),
                 qPrintable(m_exporter.errorString()));
        QByteArray xlsx = readFile(path);
        QBuffer buffer(&xlsx);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QZipReader zip(&buffer);
        const QString sheet =
            QString::fromUtf8(zip.fileData(QStringLiteral("xl/worksheets/sheet1.xml")));
        QVERIFY(sheet.contains(Title2));
        QVERIFY(!sheet.contains(Title1)); // filtered out on the page: not exported
    }

    void aFolderThatCannotBeWrittenIsAClearErrorAndChangesNothing() {
        // /sys refuses new files even to root (tests may run as root, where chmod does not).
        if (!QFileInfo(QStringLiteral("/sys")).isDir())
            QSKIP("no /sys on this system");
        QSignalSpy finished(&m_exporter, &ReportExport::finished);
        QVERIFY(!m_exporter.exportVisitPdf(m_round.visit.id,
                                           QUrl::fromLocalFile(QStringLiteral("/sys/report.pdf"))));
        QCOMPARE(finished.count(), 1);
        QVERIFY(m_exporter.lastPath().isEmpty());
        const QString error = m_exporter.errorString();
        QVERIFY2(error.contains(QStringLiteral("/sys")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("cannot be written")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("choose another folder")), qPrintable(error));
        QVERIFY(!QFile::exists(QStringLiteral("/sys/report.pdf")));

        QVERIFY(!m_exporter.exportRoundLedger(
            m_round.campaign.id, QUrl::fromLocalFile(target(QStringLiteral("gone/ledger.xlsx")))));
        QVERIFY2(m_exporter.errorString().contains(QStringLiteral("does not exist")),
                 qPrintable(m_exporter.errorString()));

        // A success afterwards clears the error.
        QVERIFY(m_exporter.exportRoundLedger(
            m_round.campaign.id, QUrl::fromLocalFile(target(QStringLiteral("again.csv")))));
        QVERIFY(m_exporter.errorString().isEmpty());
    }

    void aFullDiskIsAClearErrorAndKeepsTheEarlierFile() {
        const QString path = target(QStringLiteral("kept.pdf"));
        QVERIFY(m_exporter.exportVisitPdf(m_round.visit.id, QUrl::fromLocalFile(path)));
        const QByteArray before = readFile(path);
        QVERIFY(before.size() > 4096);
        {
            FileSizeLimit limit(1024);
            if (!limit.ok())
                QSKIP("cannot lower RLIMIT_FSIZE here");
            QVERIFY(!m_exporter.exportVisitPdf(m_round.visit.id, QUrl::fromLocalFile(path)));
        }
        const QString error = m_exporter.errorString();
        QVERIFY2(error.contains(QStringLiteral("not enough space")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("Nothing was changed")), qPrintable(error));
        QCOMPARE(readFile(path), before); // the earlier report is whole
        // No temporary file is left beside it.
        const QStringList left =
            QDir(m_fx.dataDir()).entryList({QStringLiteral("kept.pdf*")}, QDir::Files);
        QCOMPARE(left, QStringList{QStringLiteral("kept.pdf")});
    }

    void lockedOrNotALocalFileIsRefused() {
        QVERIFY(!m_exporter.exportRoundLedger(m_round.campaign.id,
                                              QUrl(QStringLiteral("https://example.org/x.csv"))));
        QVERIFY(!m_exporter.errorString().isEmpty());
        m_fx.services().lock();
        QVERIFY(!m_exporter.exportRoundLedger(
            m_round.campaign.id, QUrl::fromLocalFile(target(QStringLiteral("locked.csv")))));
        QVERIFY(m_exporter.errorString().contains(QStringLiteral("Unlock")));
        QVERIFY(!QFile::exists(target(QStringLiteral("locked.csv"))));
        QVERIFY(m_fx.unlock());
    }

    void suggestsNamesInTheDocumentsFolder() {
        const QUrl visit = m_exporter.suggestedVisitReportUrl(m_round.visit.id);
        QVERIFY(visit.isLocalFile());
        QVERIFY(visit.toLocalFile().endsWith(QStringLiteral(".pdf")));
        QVERIFY(visit.toLocalFile().contains(m_round.unit.name));
        const QUrl ledger =
            m_exporter.suggestedLedgerUrl(m_round.campaign.id, QStringLiteral("xlsx"));
        QVERIFY(ledger.toLocalFile().endsWith(QStringLiteral(".xlsx")));
        QVERIFY(ledger.toLocalFile().contains(m_round.campaign.name));
        QCOMPARE(QFileInfo(ledger.toLocalFile()).absolutePath(),
                 QDir(ReportExport::exportFolder().toLocalFile()).absolutePath());
    }
};

QTEST_MAIN(TstReportExport)
#include "tst_reportexport.moc"
