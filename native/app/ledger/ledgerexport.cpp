// The ledger as a CSV file, as shown (filters and order), and where it is offered to be saved.
#include "ledgermodel.h"

#include "appservices.h"
#include "reportexport.h"

#include "store/inspection.h"

#include <QDir>

namespace fl::app {

bool LedgerModel::exportCsv(const QUrl &fileUrl) {
    const QString path = fileUrl.isLocalFile()        ? fileUrl.toLocalFile()
                         : fileUrl.scheme().isEmpty() ? fileUrl.toString()
                                                      : QString();
    if (path.isEmpty()) {
        setError(tr("Choose a file on this device to export to."));
        return false;
    }
    if (!ready()) {
        setError(tr("Unlock to export the ledger."));
        return false;
    }
    QList<LedgerRow> rows;
    if (m_allLoaded) {
        rows.reserve(m_view.size());
        for (const int i : std::as_const(m_view))
            rows.append(toLedgerRow(m_all.at(i)));
    } else {
        // Unfiltered and partly read: the whole round, as the ledger lists it.
        auto all = m_services->inspection().ledger(m_campaignId, m_today);
        if (!all) {
            setError(all.error().message);
            return false;
        }
        rows = *all;
    }
    const QByteArray csv = ledgerToCsv(rows);
    if (auto written = ReportExport::writeFileSafely(path, csv); !written) {
        setError(written.error().message);
        return false;
    }
    setError({});
    Q_EMIT exported(int(rows.size()), path);
    return true;
}

QString LedgerModel::suggestedFileName() const {
    const QString name = ReportExport::safeFileName(m_campaignName);
    return tr("ledger", "file name of a ledger export: 台账") + QLatin1Char('-') +
           (name.isEmpty() ? QString() : name + QLatin1Char('-')) + m_today.toString(Qt::ISODate) +
           QStringLiteral(".csv");
}

QUrl LedgerModel::suggestedExportUrl() const {
    return QUrl::fromLocalFile(QDir(exportFolder().toLocalFile()).filePath(suggestedFileName()));
}

QUrl LedgerModel::exportFolder() {
    return ReportExport::exportFolder();
}

} // namespace fl::app
