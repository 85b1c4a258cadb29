// Writes fuzz_wire's seed corpus with the real encoders: one well-formed body of every message
// kind, so the fuzzer starts from inputs that reach deep into each decoder.
#include "sync/protocol/wire.h"

#include <QDir>
#include <QFile>
#include <QUuid>

#include <cstdio>

using namespace fl;

namespace {
QByteArray bytes(int n, char c) {
    return QByteArray(n, c);
}

bool write(const QDir &dir, const char *name, const QByteArray &body) {
    QFile f(dir.filePath(QLatin1String(name)));
    return f.open(QIODevice::WriteOnly) && f.write(body) == body.size();
}

ChangeSet sample(const QByteArray &device, quint64 seq) {
    ChangeSet cs;
    cs.device = device;
    cs.id = device + QByteArray(7, '\0') + char(seq);
    cs.recordType = QStringLiteral("finding");
    cs.recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    cs.campaignId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    cs.parentId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    cs.hlc = (quint64(1765000000000) << 16) | seq;
    cs.fields = {{QStringLiteral("title"), bytes(40, 't'), {}},
                 {QStringLiteral("deduction"), bytes(24, 'd'), {cs.id}}};
    cs.serverSeq = qint64(seq);
    return cs;
}
} // namespace

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds DIR\n");
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    const QByteArray device = bytes(16, '\x01');
    const QList<ChangeSet> batch{sample(device, 1), sample(device, 2)};
    wire::PushResult result;
    result.stored = {{batch[0].id, 7}};
    result.rejected = {{batch[1].id, QStringLiteral("not_member")}};
    wire::PullPage page{batch, 2, true};
    const wire::KeyEnvelope env{QUuid::createUuid().toString(QUuid::WithoutBraces), device, bytes(80, 's')};
    wire::CampaignGrant grant{env.campaignId, {device}, {env}};
    const bool ok =
        write(dir, "push", wire::encodePush(device, batch)) &&
        write(dir, "push_result", wire::encodePushResult(result)) &&
        write(dir, "pull_page", wire::encodePullPage(page)) &&
        write(dir, "enrol_request",
              wire::encode(wire::EnrolRequest{QStringLiteral("ABCD-EFGH-IJKL-MNOP"), device,
                                              bytes(32, 'k'), bytes(32, 'b'),
                                              QStringLiteral("平板")})) &&
        write(dir, "enrol_response", wire::encode(wire::EnrolResponse{device, QStringLiteral("office")})) &&
        write(dir, "enrol_code_request",
              wire::encode(wire::EnrolCodeRequest{QStringLiteral("inspector"), 24})) &&
        write(dir, "enrol_code_response",
              wire::encode(wire::EnrolCodeResponse{QStringLiteral("ABCD-EFGH-IJKL-MNOP"),
                                                   QStringLiteral("inspector"), 1765000000000})) &&
        write(dir, "devices",
              wire::encode(QList<wire::DeviceInfo>{{device, QStringLiteral("平板"),
                                                   QStringLiteral("inspector"), bytes(32, 'b'),
                                                   false}})) &&
        write(dir, "envelopes", wire::encode(QList<wire::KeyEnvelope>{env})) &&
        write(dir, "grant", wire::encode(grant)) &&
        write(dir, "error", wire::encodeError(QStringLiteral("not_member"), QStringLiteral("x")));
    return ok ? 0 : 1;
}
