#pragma once

#include "common/result.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QUrl>

namespace fl {
struct LedgerRow;
} // namespace fl

namespace fl::app {

class AppServices;
class LedgerModel;

/// Saves the reports of the core (native/reports) where the person chose: a visit's report as
/// PDF, a round's ledger as XLSX or CSV. The file is written whole or not at all (a temporary
/// file, flushed and synced to disk, then renamed over the target), so a full disk or a folder
/// that cannot be written leaves any earlier file as it was; `errorString` then says what
/// happened and what to do.
class ReportExport : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        fl::app::AppServices *services READ services WRITE setServices NOTIFY servicesChanged)
    /// Why the last export failed, in plain words with what to do; empty after a success.
    Q_PROPERTY(QString errorString READ errorString NOTIFY finished)
    /// Where the last export was written; empty after a failure.
    Q_PROPERTY(QString lastPath READ lastPath NOTIFY finished)
    /// Where exports are offered first: the documents folder (the home folder without one).
    Q_PROPERTY(QUrl exportFolder READ exportFolder CONSTANT)
public:
    explicit ReportExport(QObject *parent = nullptr);

    [[nodiscard]] AppServices *services() const { return m_services; }
    void setServices(AppServices *services);
    [[nodiscard]] QString errorString() const { return m_errorString; }
    [[nodiscard]] QString lastPath() const { return m_lastPath; }
    /// The documents folder, or the home folder where there is none yet.
    [[nodiscard]] static QUrl exportFolder();
    /// `name` with the letters a file name cannot hold on some system the file may travel to
    /// (and spaces) replaced by '_'.
    [[nodiscard]] static QString safeFileName(QString name);

    /// The visit report (督查报告) as PDF, in the UI language.
    Q_INVOKABLE bool exportVisitPdf(const QString &visitId, const QUrl &fileUrl);
    /// A round's whole ledger; XLSX when the file name ends in .xlsx, else CSV.
    Q_INVOKABLE bool exportRoundLedger(const QString &campaignId, const QUrl &fileUrl);
    /// The rows a ledger page shows (its filter and order; the whole round while it reads
    /// pages unfiltered), as LedgerModel::exportCsv chooses them; XLSX or CSV by file name.
    Q_INVOKABLE bool exportShownLedger(fl::app::LedgerModel *ledger, const QUrl &fileUrl);
    /// A file name in exportFolder for a visit's report: unit, date.
    Q_INVOKABLE QUrl suggestedVisitReportUrl(const QString &visitId) const;
    /// A file name in exportFolder for a round's ledger, with the suffix ("xlsx", "csv").
    Q_INVOKABLE QUrl suggestedLedgerUrl(const QString &campaignId, const QString &suffix) const;

    /// Writes `bytes` to `path` whole or not at all. The error says what happened and what to
    /// do (no space, a folder that cannot be written, ...).
    [[nodiscard]] static Result<void> writeFileSafely(const QString &path, const QByteArray &bytes);

Q_SIGNALS:
    void servicesChanged();
    /// After each export, successful or not (errorString and lastPath tell which).
    void finished();

private:
    [[nodiscard]] bool ready();
    [[nodiscard]] QString localPath(const QUrl &fileUrl);
    bool writeLedger(const QList<LedgerRow> &rows, const QString &path);
    bool succeed(const QString &path);
    bool fail(const QString &text);

    QPointer<AppServices> m_services;
    QString m_errorString;
    QString m_lastPath;
};

} // namespace fl::app
