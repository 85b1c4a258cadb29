// `verify`: the chain-of-custody report of one round, from the server's copy of its history.
#include "cli/commandgroups.h"
#include "cli/syncsupport.h"

#include "sync/client/syncengine.h"

namespace fl::cli {

namespace {

QString hex(const QByteArray &b) {
    return QString::fromLatin1(b.toHex());
}

QJsonObject findingJson(const audit::Finding &f) {
    QJsonObject o{{QStringLiteral("code"), f.code},
                  {QStringLiteral("device"), hex(f.device)},
                  {QStringLiteral("detail"), f.detail}};
    if (!f.changeId.isEmpty())
        o.insert(QStringLiteral("change_id"), hex(f.changeId));
    if (f.place > 0)
        o.insert(QStringLiteral("place"), qint64(f.place));
    return o;
}

Reply reportReply(const QString &campaign, const audit::Report &report) {
    QJsonArray devices, findings;
    QString text = QStringLiteral("Campaign %1: %2 change sets on the server.\n")
                       .arg(campaign)
                       .arg(report.changeSets);
    for (const audit::DeviceChain &d : report.devices) {
        devices.append(QJsonObject{{QStringLiteral("device"), hex(d.device)},
                                   {QStringLiteral("change_sets"), d.changeSets},
                                   {QStringLiteral("verified"), d.verified},
                                   {QStringLiteral("head_index"), qint64(d.headIndex)},
                                   {QStringLiteral("head_digest"), hex(d.headDigest)}});
        text += QStringLiteral("  device %1: %2 of %3 verified, chain head #%4 %5\n")
                    .arg(hex(d.device))
                    .arg(d.verified)
                    .arg(d.changeSets)
                    .arg(d.headIndex)
                    .arg(hex(d.headDigest));
    }
    for (const audit::Finding &f : report.findings) {
        findings.append(findingJson(f));
        text +=
            QStringLiteral("  FAILED %1: device %2%3%4: %5\n")
                .arg(f.code, hex(f.device),
                     f.changeId.isEmpty() ? QString()
                                          : QStringLiteral(", change set %1").arg(hex(f.changeId)),
                     f.place > 0 ? QStringLiteral(", place %1").arg(f.place) : QString(), f.detail);
    }
    text += report.ok()
                ? QStringLiteral("Verified: every change set is signed by its device, "
                                 "every chain is complete.\n")
                : QStringLiteral("NOT verified: %1 failures.\n").arg(report.findings.size());
    Reply reply{QJsonObject{{QStringLiteral("campaign"), campaign},
                            {QStringLiteral("ok"), report.ok()},
                            {QStringLiteral("change_sets"), report.changeSets},
                            {QStringLiteral("devices"), devices},
                            {QStringLiteral("findings"), findings}},
                text};
    if (!report.ok()) {
        reply.exitCode = ExitIntegrity;
        reply.error = QStringLiteral("the history of campaign %1 on the server does not verify")
                          .arg(campaign);
    }
    return reply;
}

} // namespace

Result<Reply> cmdVerify(Context &c) {
    auto campaign = c.required(QStringLiteral("campaign"));
    if (!campaign)
        return campaign.error();
    auto engine = syncEngine(*c.session);
    auto report = engine->verifyCampaign(*campaign);
    if (!report)
        return failureReply(report.failure());
    return reportReply(*campaign, *report);
}

} // namespace fl::cli
