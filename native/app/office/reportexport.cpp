#include "reportexport.h"

#include "appservices.h"
#include "common/savefile.h"
#include "ledgermodel.h"
#include "media/photolibrary.h"
#include "reports/reports.h"
#include "startup.h"
#include "store/inspection.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>

namespace fl::app {

namespace {

// What happened, in words that say what to do.
Error describeFailure(const QString &path, const SaveFailure &failure) {
    const QString folder = QDir::toNativeSeparators(QFileInfo(path).absolutePath());
    const QString name = QDir::toNativeSeparators(path);
    const int err = failure.errorNumber;
    if (failure.diskFull())
        return makeError(ErrorCode::DiskFull,
                         ReportExport::tr("There is not enough space on the disk to save %1. "
                                          "Nothing was changed: free some space or choose "
                                          "another place, then export again.")
                             .arg(name));
    if (err == EACCES || err == EPERM || err == EROFS)
        return makeError(ErrorCode::Io,
                         ReportExport::tr("The folder %1 cannot be written to. Nothing was "
                                          "changed: choose another folder, for example your "
                                          "documents, and export again.")
                             .arg(folder));
    if (err == ENOENT || err == ENOTDIR)
        return makeError(ErrorCode::NotFound,
                         ReportExport::tr("The folder %1 does not exist (any more). Choose "
                                          "another folder and export again.")
                             .arg(folder));
    return makeError(ErrorCode::Io, ReportExport::tr("Could not save %1: %2. Nothing was "
                                                     "changed: try again or choose another "
                                                     "place.")
                                        .arg(name, failure.errorString));
}

} // namespace

ReportExport::ReportExport(QObject *parent)
    : QObject(parent) {}

void ReportExport::setServices(AppServices *services) {
    if (m_services == services)
        return;
    m_services = services;
    Q_EMIT servicesChanged();
}

QString ReportExport::safeFileName(QString name) {
    static const QString unsafe = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : name) {
        if (unsafe.contains(c) || c.isSpace())
            c = QLatin1Char('_');
    }
    return name;
}

QUrl ReportExport::exportFolder() {
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // A fresh account may have no documents folder yet: offer the home folder instead.
    return QUrl::fromLocalFile(QFileInfo(documents).isDir() ? documents : QDir::homePath());
}

Result<void> ReportExport::writeFileSafely(const QString &path, const QByteArray &bytes) {
    if (auto failed = saveWhole(path, bytes))
        return describeFailure(path, *failed);
    return {};
}

bool ReportExport::ready() {
    if (m_services && m_services->isUnlocked())
        return true;
    return fail(tr("Unlock to export."));
}

QString ReportExport::localPath(const QUrl &fileUrl) {
    const QString path = fileUrl.isLocalFile()        ? fileUrl.toLocalFile()
                         : fileUrl.scheme().isEmpty() ? fileUrl.toString()
                                                      : QString();
    if (path.isEmpty())
        fail(tr("Choose a file on this device to export to."));
    return path;
}

bool ReportExport::exportVisitPdf(const QString &visitId, const QUrl &fileUrl) {
    const QString path = localPath(fileUrl);
    if (path.isEmpty() || !ready())
        return false;
    reports::VisitReportOptions options;
    options.language =
        currentLanguage() == QLatin1String("en") ? reports::Language::en : reports::Language::zh_CN;
    auto pdf =
        reports::visitReportPdf(m_services->inspection(), m_services->photos(), visitId, options);
    if (!pdf)
        return fail(pdf.error().message);
    if (auto written = writeFileSafely(path, *pdf); !written)
        return fail(written.error().message);
    return succeed(path);
}

bool ReportExport::exportRoundLedger(const QString &campaignId, const QUrl &fileUrl) {
    const QString path = localPath(fileUrl);
    if (path.isEmpty() || !ready())
        return false;
    auto rows = m_services->inspection().ledger(campaignId, QDate::currentDate());
    if (!rows)
        return fail(rows.error().message);
    return writeLedger(*rows, path);
}

bool ReportExport::exportShownLedger(LedgerModel *ledger, const QUrl &fileUrl) {
    const QString path = localPath(fileUrl);
    if (path.isEmpty() || !ready())
        return false;
    if (!ledger)
        return fail(tr("There is no ledger to export."));
    auto all = m_services->inspection().ledger(ledger->campaignId(), ledger->today());
    if (!all)
        return fail(all.error().message);
    if (!ledger->allLoaded()) // unfiltered, read a page at a time: the whole round
        return writeLedger(*all, path);
    QHash<QString, int> indexOf;
    for (int i = 0; i < int(all->size()); ++i)
        indexOf.insert(all->at(i).finding.id, i);
    QList<LedgerRow> shown;
    shown.reserve(ledger->rowCount());
    for (int row = 0; row < ledger->rowCount(); ++row) {
        const QString id = ledger->data(ledger->index(row), LedgerModel::FindingIdRole).toString();
        if (const int i = indexOf.value(id, -1); i >= 0)
            shown.append(all->at(i));
    }
    return writeLedger(shown, path);
}

bool ReportExport::writeLedger(const QList<LedgerRow> &rows, const QString &path) {
    Result<QByteArray> bytes = path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)
                                   ? reports::ledgerXlsx(rows)
                                   : Result<QByteArray>(ledgerToCsv(rows));
    if (!bytes)
        return fail(bytes.error().message);
    if (auto written = writeFileSafely(path, *bytes); !written)
        return fail(written.error().message);
    return succeed(path);
}

QUrl ReportExport::suggestedVisitReportUrl(const QString &visitId) const {
    QString name = tr("visit-report", "file name of a visit report: 督查报告");
    if (m_services && m_services->isUnlocked()) {
        if (auto visit = m_services->inspection().visit(visitId)) {
            if (auto unit = m_services->inspection().unit(visit->unitId))
                name += QLatin1Char('-') + unit->name;
            name += QLatin1Char('-') + visit->date.toString(Qt::ISODate);
        }
    }
    return QUrl::fromLocalFile(
        QDir(exportFolder().toLocalFile()).filePath(safeFileName(name) + QStringLiteral(".pdf")));
}

QUrl ReportExport::suggestedLedgerUrl(const QString &campaignId, const QString &suffix) const {
    QString name = tr("ledger", "file name of a ledger export: 台账");
    if (m_services && m_services->isUnlocked()) {
        if (auto campaign = m_services->inspection().campaign(campaignId))
            name += QLatin1Char('-') + campaign->name;
    }
    name += QLatin1Char('-') + QDate::currentDate().toString(Qt::ISODate);
    return QUrl::fromLocalFile(QDir(exportFolder().toLocalFile())
                                   .filePath(safeFileName(name) + QLatin1Char('.') + suffix));
}

bool ReportExport::succeed(const QString &path) {
    m_errorString.clear();
    m_lastPath = path;
    Q_EMIT finished();
    return true;
}

bool ReportExport::fail(const QString &text) {
    m_errorString = text;
    m_lastPath.clear();
    Q_EMIT finished();
    return false;
}

} // namespace fl::app
