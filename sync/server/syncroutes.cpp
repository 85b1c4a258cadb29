#include "sync/server/syncroutes.h"

#include "sync/protocol/wire.h"
#include "sync/server/authenticator.h"
#include "sync/server/bodycaps.h"
#include "sync/server/enrolcodes.h"
#include "sync/server/serverdatabase.h"

#include <QCborMap>
#include <QCborValue>
#include <QHttpServer>
#include <QUrlQuery>

namespace fl::server {

using http::Failure;
using http::refuse;
using http::Status;
using Method = QHttpServerRequest::Method;

namespace {

/// Devices as the wire lists them: public keys, and names only for the office.
QList<wire::DeviceInfo> deviceInfos(const QList<DeviceRow> &rows, bool withNames) {
    QList<wire::DeviceInfo> out;
    for (const DeviceRow &d : rows)
        out.append({QByteArray::fromHex(d.id.toLatin1()), withNames ? d.name : QString(), d.role,
                    d.boxKey, d.revoked, d.signKey});
    return out;
}

QHttpServerResponse ok() {
    QCborMap m;
    m.insert(QStringLiteral("v"), wire::Version);
    m.insert(QStringLiteral("status"), QStringLiteral("ok"));
    return http::cbor(QCborValue(m).toCbor());
}

Failure forbidden() {
    return {Status::Forbidden, QStringLiteral("forbidden"),
            QStringLiteral("only an office device may do this")};
}

Failure malformed(const QString &why) {
    return {Status::BadRequest, QStringLiteral("malformed"), why};
}

/// A query parameter as a number in [min, max], or `fallback` when absent.
std::optional<qint64> queryNumber(const QUrlQuery &q, const QString &name, qint64 fallback,
                                  qint64 min, qint64 max) {
    if (!q.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 v = q.queryItemValue(name).toLongLong(&ok);
    if (!ok || v < min || v > max)
        return std::nullopt;
    return v;
}

} // namespace

SyncRoutes::SyncRoutes(ServerDatabase &db, Authenticator &auth)
    : m_db(db)
    , m_auth(auth)
    , m_log(db) {}

void SyncRoutes::install(QHttpServer &server) {
    server.route("/v1/health", Method::Get, [this] { return health(); });
    server.route("/v1/enrol", Method::Post,
                 [this](const QHttpServerRequest &r) { return enrol(r); });
    server.route("/v1/devices", Method::Get,
                 [this](const QHttpServerRequest &r) { return devices(r); });
    server.route("/v1/signers", Method::Get,
                 [this](const QHttpServerRequest &r) { return signers(r); });
    server.route("/v1/enrol-codes", Method::Post,
                 [this](const QHttpServerRequest &r) { return enrolCode(r); });
    server.route("/v1/campaigns", Method::Put,
                 [this](const QHttpServerRequest &r) { return putCampaign(r); });
    server.route("/v1/keys", Method::Get, [this](const QHttpServerRequest &r) { return keys(r); });
    server.route("/v1/push", Method::Post, [this](const QHttpServerRequest &r) { return push(r); });
    server.route("/v1/pull", Method::Get, [this](const QHttpServerRequest &r) { return pull(r); });
}

QHttpServerResponse SyncRoutes::health() {
    if (!m_db.ping())
        return refuse({Status::ServiceUnavailable, QStringLiteral("unavailable"),
                       QStringLiteral("the database is not reachable")});
    return ok();
}

QHttpServerResponse SyncRoutes::enrol(const QHttpServerRequest &request) {
    if (auto f = http::checkCborBody(request, BodyCaps::SmallBytes))
        return refuse(*f);
    auto r = wire::decodeEnrolRequest(request.body());
    if (!r)
        return refuse(http::decodeFailure(r.error()));
    if (auto f = m_auth.verifyWithKey(request, r->device, r->signingKey))
        return refuse(*f);
    DeviceRow device;
    device.id = hex(r->device);
    device.signKey = r->signingKey;
    device.boxKey = r->boxKey;
    device.name = r->name.isEmpty() ? QStringLiteral("") : r->name; // null binds as NULL
    auto status = m_db.enrol(device, r->code, http::nowMs());
    if (!status)
        return http::internalError(status.error());
    switch (*status) {
    case EnrolStatus::Enrolled:
        qCInfo(lcServer).noquote() << "enrolled device" << device.id << "as" << device.role;
        return http::cbor(wire::encode(wire::EnrolResponse{r->device, device.role}));
    case EnrolStatus::BadCode:
        return refuse({Status::Forbidden, QStringLiteral("bad_code"),
                       QStringLiteral("the enrolment code is unknown, used or expired")});
    case EnrolStatus::DeviceTaken:
        break;
    }
    return refuse({Status::Conflict, QStringLiteral("conflict"),
                   QStringLiteral("this device id is enrolled already")});
}

std::optional<Failure> SyncRoutes::authenticateOffice(const QHttpServerRequest &request,
                                                      Caller &caller) {
    if (auto f = m_auth.authenticate(request, caller))
        return f;
    if (!caller.isOffice())
        return forbidden();
    return std::nullopt;
}

QHttpServerResponse SyncRoutes::devices(const QHttpServerRequest &request) {
    Caller caller;
    if (auto f = authenticateOffice(request, caller))
        return refuse(*f);
    auto rows = m_db.devices();
    if (!rows)
        return http::internalError(rows.error());
    return http::cbor(wire::encode(deviceInfos(*rows, true)));
}

QHttpServerResponse SyncRoutes::signers(const QHttpServerRequest &request) {
    // Any device: it needs the authors' keys to check what it pulls. Public keys only, no
    // names; revoked devices stay listed, their earlier change sets stay valid.
    Caller caller;
    if (auto f = m_auth.authenticate(request, caller))
        return refuse(*f);
    auto rows = m_db.devices();
    if (!rows)
        return http::internalError(rows.error());
    return http::cbor(wire::encode(deviceInfos(*rows, false)));
}

QHttpServerResponse SyncRoutes::enrolCode(const QHttpServerRequest &request) {
    if (auto f = http::checkCborBody(request, BodyCaps::SmallBytes))
        return refuse(*f);
    Caller caller;
    if (auto f = authenticateOffice(request, caller))
        return refuse(*f);
    auto r = wire::decodeEnrolCodeRequest(request.body());
    if (!r)
        return refuse(http::decodeFailure(r.error()));
    // The same path as `admin enrol-code`: one place decides what a code is.
    auto code = issueEnrolCode(m_db, r->role, r->hours, http::nowMs());
    if (!code) {
        if (code.error().code == ErrorCode::InvalidArgument)
            return refuse(malformed(code.error().message));
        return http::internalError(code.error());
    }
    // Never the code itself in the log: it enrols a device until it is used.
    qCInfo(lcServer).noquote() << "device" << caller.deviceHex << "issued an enrolment code for"
                               << code->role;
    return http::cbor(
        wire::encode(wire::EnrolCodeResponse{code->code, code->role, code->expiresAtMs}));
}

QHttpServerResponse SyncRoutes::putCampaign(const QHttpServerRequest &request) {
    if (auto f = http::checkCborBody(request, BodyCaps::CampaignGrantBytes))
        return refuse(*f);
    Caller caller;
    if (auto f = authenticateOffice(request, caller))
        return refuse(*f);
    auto g = wire::decodeCampaignGrant(request.body());
    if (!g)
        return refuse(http::decodeFailure(g.error()));
    const QString campaign = normaliseCampaignId(g->campaignId);
    QStringList members;
    for (const QByteArray &m : std::as_const(g->members))
        members.append(hex(m));
    QList<ServerDatabase::Envelope> envelopes;
    for (const wire::KeyEnvelope &e : std::as_const(g->envelopes))
        envelopes.append({normaliseCampaignId(e.campaignId), hex(e.device), e.sealed});
    QString why;
    auto status = m_db.grant(campaign, caller.deviceHex, members, envelopes, http::nowMs(), &why);
    if (!status)
        return http::internalError(status.error());
    switch (*status) {
    case GrantStatus::Granted:
        return ok();
    case GrantStatus::NotMember:
        return refuse({Status::Forbidden, QStringLiteral("not_member"),
                       QStringLiteral("the campaign exists and this device is not a member")});
    case GrantStatus::UnknownDevice:
        return refuse({Status::NotFound, QStringLiteral("not_found"), why});
    case GrantStatus::Malformed:
        break;
    }
    return refuse(malformed(why));
}

QHttpServerResponse SyncRoutes::keys(const QHttpServerRequest &request) {
    Caller caller;
    if (auto f = m_auth.authenticate(request, caller))
        return refuse(*f);
    auto rows = m_db.envelopesFor(caller.deviceHex);
    if (!rows)
        return http::internalError(rows.error());
    QList<wire::KeyEnvelope> out;
    for (const ServerDatabase::Envelope &e : std::as_const(*rows))
        out.append({e.campaignId, QByteArray::fromHex(e.device.toLatin1()), e.sealed});
    return http::cbor(wire::encode(out));
}

QHttpServerResponse SyncRoutes::push(const QHttpServerRequest &request) {
    const wire::Limits limits;
    if (auto f = http::checkCborBody(request, BodyCaps::PushBytes))
        return refuse(*f);
    Caller caller;
    if (auto f = m_auth.authenticate(request, caller))
        return refuse(*f);
    auto changeSets = wire::decodePush(request.body(), caller.device, limits);
    if (!changeSets)
        return refuse(http::decodeFailure(changeSets.error()));
    auto result = m_log.push(*changeSets, caller.deviceHex, http::nowMs());
    if (!result)
        return http::internalError(result.error());
    qCDebug(lcServer).noquote() << "push from" << caller.deviceHex << "stored"
                                << result->stored.size() << "rejected" << result->rejected.size()
                                << (result->rejected.isEmpty() ? QString()
                                                               : result->rejected.first().second);
    return http::cbor(wire::encodePushResult(*result));
}

QHttpServerResponse SyncRoutes::pull(const QHttpServerRequest &request) {
    Caller caller;
    if (auto f = m_auth.authenticate(request, caller))
        return refuse(*f);
    const QUrlQuery query = request.query();
    const auto after =
        queryNumber(query, QStringLiteral("after"), 0, 0, std::numeric_limits<qint64>::max());
    const auto limit =
        queryNumber(query, QStringLiteral("limit"), 1000, 1, wire::Limits{}.maxChangeSets);
    if (!after || !limit)
        return refuse(malformed(QStringLiteral("after must be >= 0 and limit 1 to %1")
                                    .arg(wire::Limits{}.maxChangeSets)));
    // campaign=ID narrows the pull to one campaign (the verifier reads one round's history).
    const QString campaign = normaliseCampaignId(query.queryItemValue(QStringLiteral("campaign")));
    auto page = m_log.pull(caller.deviceHex, *after, int(*limit), campaign);
    if (!page)
        return http::internalError(page.error());
    return http::cbor(wire::encodePullPage(*page));
}

} // namespace fl::server
