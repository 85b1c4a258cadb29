#include "cli/commandgroups.h"

#include "sync/client/syncclient.h"
#include "sync/client/syncengine.h"

#include <QSysInfo>

namespace fl::cli {

namespace {

using cli::exitCodeFor; // the core's error codes, for a failure of this device (SyncError::Local)

int exitCodeFor(const sync::SyncFailure &failure) {
    // Whatever a later attempt can fix on its own is "try again later".
    if (failure.error != sync::SyncError::None && failure.retryable())
        return ExitServer;
    switch (failure.error) {
    case sync::SyncError::None:
        return ExitOk;
    case sync::SyncError::Network:
    case sync::SyncError::Timeout:
    case sync::SyncError::ServerError:
    case sync::SyncError::Protocol:
        return ExitServer;
    case sync::SyncError::Unauthorized:
    case sync::SyncError::Forbidden:
        return ExitAuth;
    case sync::SyncError::BadRequest:
        return ExitValidation;
    case sync::SyncError::NotEnrolled:
        return ExitNotFound;
    case sync::SyncError::Local:
        return exitCodeFor(failure.localCode);
    case sync::SyncError::Cancelled:
    case sync::SyncError::Tls:
        return ExitError;
    }
    return ExitError;
}

QJsonValue failureJson(const sync::SyncFailure &f) {
    if (f.error == sync::SyncError::None)
        return QJsonValue(QJsonValue::Null);
    return QJsonObject{{QStringLiteral("code"), sync::errorName(f.error)},
                       {QStringLiteral("reason"), f.code},
                       {QStringLiteral("http_status"), f.httpStatus},
                       {QStringLiteral("retryable"), f.retryable()},
                       {QStringLiteral("message"), f.message}};
}

/// A reply that is a failure: printed as {"error": ...} with --json, exit code by error type.
Reply failureReply(const sync::SyncFailure &f) {
    return Reply{QJsonObject{{QStringLiteral("error"), failureJson(f)}}, QString(), exitCodeFor(f),
                 f.message};
}

std::unique_ptr<sync::SyncEngine> syncEngine(Session &s) {
    return std::make_unique<sync::SyncEngine>(s.vault(), s.databasePath(), s.blobDir());
}

QString bytesText(qint64 bytes) {
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KiB").arg(double(bytes) / 1024, 0, 'f', 1);
    return QStringLiteral("%1 MiB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
}

/// The sync report for a person: what moved, then whatever still needs attention.
QString syncText(const sync::SyncReport &report) {
    const sync::SyncProgress &p = report.progress;
    const int pulled = report.pulledApplied + report.parkedApplied;
    QString text = QStringLiteral("pushed %1 change sets, pulled %2, uploaded %3 files (%4), "
                                  "downloaded %5 files (%6)\n")
                       .arg(p.pushed)
                       .arg(pulled)
                       .arg(p.uploaded)
                       .arg(bytesText(p.bytesUp))
                       .arg(p.downloaded)
                       .arg(bytesText(p.bytesDown));
    if (report.keysAdded > 0)
        text += QStringLiteral("received keys for %1 campaigns\n").arg(report.keysAdded);
    if (report.pending > 0)
        text += QStringLiteral("%1 change sets still to push\n").arg(report.pending);
    if (report.deferredClockAhead > 0)
        text += QStringLiteral("%1 change sets were made while this device's clock ran more than "
                               "an hour ahead of the server's time; the server takes them once "
                               "its time catches up, and they stay in the outbox until then. "
                               "Check this device's date, time and time zone\n")
                    .arg(report.deferredClockAhead);
    if (report.deferred > report.deferredClockAhead)
        text += QStringLiteral("%1 change sets wait until this device may write their campaign "
                               "(ask the office to share it); they stay in the outbox\n")
                    .arg(report.deferred - report.deferredClockAhead);
    if (!report.rejected.isEmpty())
        text += QStringLiteral("%1 change sets were refused by the server and set aside (still "
                               "on this device; retry with 'sync --retry-rejected'):\n")
                    .arg(report.rejected.size());
    for (const sync::RejectedChange &r : report.rejected)
        text += QStringLiteral("  %1 %2: %3\n").arg(r.recordType, r.recordId, r.reason);
    if (!report.parked.isEmpty())
        text += QStringLiteral("%1 change sets from the server could not be applied yet and are "
                               "kept for the next sync (first reason: %2)\n")
                    .arg(report.parked.size())
                    .arg(report.parked.first().reason);
    if (report.missingBlobs > 0)
        text += QStringLiteral("%1 photo files are not on the server yet (their device uploads "
                               "them when it syncs)\n")
                    .arg(report.missingBlobs);
    if (report.blobFailures > 0)
        text += QStringLiteral("%1 photo files could not be transferred; they are retried next "
                               "time\n")
                    .arg(report.blobFailures);
    return text;
}

QJsonArray rejectedJson(const QList<sync::RejectedChange> &rejected) {
    QJsonArray a;
    for (const sync::RejectedChange &r : rejected) {
        a.append(QJsonObject{{QStringLiteral("change_id"), QString::fromLatin1(r.changeId.toHex())},
                             {QStringLiteral("record_type"), r.recordType},
                             {QStringLiteral("record_id"), r.recordId},
                             {QStringLiteral("reason"), r.reason}});
    }
    return a;
}

QJsonObject syncJson(const sync::SyncReport &report) {
    const sync::SyncProgress &p = report.progress;
    const int pulled = report.pulledApplied + report.parkedApplied;
    return QJsonObject{{QStringLiteral("pushed"), p.pushed},
                       {QStringLiteral("pulled"), pulled},
                       {QStringLiteral("pulled_total"), p.pulled},
                       {QStringLiteral("uploaded"), p.uploaded},
                       {QStringLiteral("downloaded"), p.downloaded},
                       {QStringLiteral("bytes_up"), p.bytesUp},
                       {QStringLiteral("bytes_down"), p.bytesDown},
                       {QStringLiteral("keys_added"), report.keysAdded},
                       {QStringLiteral("pending"), report.pending},
                       {QStringLiteral("deferred"), report.deferred},
                       {QStringLiteral("deferred_clock_ahead"), report.deferredClockAhead},
                       {QStringLiteral("rejected"), rejectedJson(report.rejected)},
                       {QStringLiteral("parked"), int(report.parked.size())},
                       {QStringLiteral("missing_blobs"), report.missingBlobs},
                       {QStringLiteral("blob_failures"), report.blobFailures},
                       {QStringLiteral("error"), failureJson(report.failure)}};
}

} // namespace

Result<Reply> cmdEnrol(Context &c) {
    auto server = c.required(QStringLiteral("server"));
    if (!server)
        return server.error();
    auto code = c.required(QStringLiteral("code"));
    if (!code)
        return code.error();
    if (auto url = sync::SyncClient::checkServerUrl(*server); !url)
        return usage(url.failure().message);
    const QString name =
        c.has(QStringLiteral("name")) ? c.opt(QStringLiteral("name")) : QSysInfo::machineHostName();
    auto engine = syncEngine(*c.session);
    auto role = engine->enrol(*server, *code, name);
    if (!role)
        return failureReply(role.failure());
    const QString device = QString::fromLatin1(c.session->vault().deviceId().toHex());
    return Reply{QJsonObject{{QStringLiteral("device_id"), device},
                             {QStringLiteral("role"), *role},
                             {QStringLiteral("server"), *server}},
                 QStringLiteral("Enrolled device %1 as %2 with %3.\n").arg(device, *role, *server)};
}

Result<Reply> cmdSync(Context &c) {
    auto engine = syncEngine(*c.session);
    if (c.has(QStringLiteral("server"))) {
        auto url = sync::SyncClient::checkServerUrl(c.opt(QStringLiteral("server")));
        if (!url)
            return usage(url.failure().message);
        engine->setServerOverride(*url);
    }
    if (c.flag(QStringLiteral("retry-rejected"))) {
        if (auto r = engine->retryRejected(); !r)
            return r.error();
    }
    const sync::SyncReport report = engine->runSync();
    return Reply{syncJson(report), syncText(report), exitCodeFor(report.failure),
                 report.failure.message};
}

Result<Reply> cmdShare(Context &c) {
    auto campaign = c.required(QStringLiteral("campaign"));
    if (!campaign)
        return campaign.error();
    QList<QByteArray> devices;
    for (const QString &hex : splitList(c.opt(QStringLiteral("devices")))) {
        const QByteArray id = QByteArray::fromHex(hex.toLatin1());
        if (id.size() != 16 || hex.size() != 32)
            return usage(QStringLiteral("--devices takes device ids of 32 hex characters, "
                                        "separated by commas."));
        devices.append(id);
    }
    auto engine = syncEngine(*c.session);
    auto shared = engine->shareCampaign(*campaign, devices);
    if (!shared)
        return failureReply(shared.failure());
    QJsonArray ids;
    QString text =
        QStringLiteral("Shared campaign %1 with %2 devices:\n").arg(*campaign).arg(shared->size());
    for (const QByteArray &d : std::as_const(*shared)) {
        ids.append(QString::fromLatin1(d.toHex()));
        text += QStringLiteral("  %1\n").arg(QString::fromLatin1(d.toHex()));
    }
    return Reply{
        QJsonObject{{QStringLiteral("campaign"), *campaign}, {QStringLiteral("devices"), ids}},
        text};
}

} // namespace fl::cli
