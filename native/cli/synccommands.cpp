#include "cli/commandgroups.h"
#include "cli/syncsupport.h"

#include "sync/client/syncclient.h"
#include "sync/client/syncengine.h"

#include <QSysInfo>

namespace fl::cli {

namespace {

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
    QList<const sync::ParkedChange *> refused, waiting;
    for (const sync::ParkedChange &p : report.parked)
        (p.final ? refused : waiting).append(&p);
    if (!refused.isEmpty())
        text += QStringLiteral("%1 change sets from the server were REFUSED and not applied "
                               "(first: %2, %3). Report this to the office: the server may "
                               "have been tampered with\n")
                    .arg(refused.size())
                    .arg(QString::fromLatin1(refused.first()->changeSet.id.toHex()),
                         refused.first()->reason);
    if (!waiting.isEmpty())
        text += QStringLiteral("%1 change sets from the server could not be applied yet and are "
                               "kept for the next sync (first reason: %2)\n")
                    .arg(waiting.size())
                    .arg(waiting.first()->reason);
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

QJsonArray parkedJson(const QList<sync::ParkedChange> &parked) {
    QJsonArray a;
    for (const sync::ParkedChange &p : parked) {
        a.append(
            QJsonObject{{QStringLiteral("change_id"), QString::fromLatin1(p.changeSet.id.toHex())},
                        {QStringLiteral("device"), QString::fromLatin1(p.changeSet.device.toHex())},
                        {QStringLiteral("record_type"), p.changeSet.recordType},
                        {QStringLiteral("record_id"), p.changeSet.recordId},
                        {QStringLiteral("code"), p.code},
                        {QStringLiteral("refused"), p.final},
                        {QStringLiteral("reason"), p.reason}});
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
                       {QStringLiteral("parked_changes"), parkedJson(report.parked)},
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
