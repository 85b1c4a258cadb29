// Enrolment: a device's request and its answer, and the office's one-time codes.
#include "sync/protocol/wire.h"

#include "sync/protocol/wireinternal.h"

#include <algorithm>

namespace fl::wire {

using namespace detail;

QByteArray encode(const EnrolRequest &r) {
    QCborMap m;
    m.insert(key("code"), r.code);
    m.insert(key("device"), r.device);
    m.insert(key("sign_pk"), r.signingKey);
    m.insert(key("box_pk"), r.boxKey);
    m.insert(key("name"), r.name);
    return closeBody(m);
}

Result<EnrolRequest> decodeEnrolRequest(const QByteArray &body) {
    auto m = openBody(body, Limits{});
    if (!m)
        return m.error();
    EnrolRequest r;
    r.code = m->value(key("code")).toString();
    r.device = m->value(key("device")).toByteArray();
    r.signingKey = m->value(key("sign_pk")).toByteArray();
    r.boxKey = m->value(key("box_pk")).toByteArray();
    r.name = m->value(key("name")).toString();
    if (r.code.isEmpty() || r.device.size() != DeviceIdSize || r.signingKey.size() != 32 ||
        r.boxKey.size() != 32 || r.name.size() > 200)
        return malformed(QStringLiteral("enrolment needs a code, a 16-byte device id and two "
                                        "32-byte public keys"));
    return r;
}

QByteArray encode(const EnrolResponse &r) {
    QCborMap m;
    m.insert(key("device"), r.device);
    m.insert(key("role"), r.role);
    return closeBody(m);
}

Result<EnrolResponse> decodeEnrolResponse(const QByteArray &body) {
    auto m = openBody(body, Limits{});
    if (!m)
        return m.error();
    EnrolResponse r{m->value(key("device")).toByteArray(), m->value(key("role")).toString()};
    if (r.device.size() != DeviceIdSize || r.role.isEmpty())
        return malformed(QStringLiteral("an enrolment answer needs a device id and a role"));
    return r;
}

QByteArray encode(const EnrolCodeRequest &r) {
    QCborMap m;
    m.insert(key("role"), r.role);
    m.insert(key("hours"), r.hours);
    return closeBody(m);
}

Result<EnrolCodeRequest> decodeEnrolCodeRequest(const QByteArray &body) {
    auto m = openBody(body, Limits{});
    if (!m)
        return m.error();
    const QCborValue role = m->value(key("role"));
    const QCborValue hours = m->value(key("hours"));
    if (!role.isString() || role.toString().size() > 32 ||
        (!hours.isUndefined() && !hours.isInteger()))
        return malformed(QStringLiteral("an enrolment code request needs a role and, if given, "
                                        "whole hours"));
    EnrolCodeRequest r;
    r.role = role.toString();
    if (hours.isInteger()) {
        // Clamped into int; the server refuses anything out of its range anyway.
        r.hours = int(std::clamp<qint64>(hours.toInteger(), -1, 1 << 30));
    }
    return r;
}

QByteArray encode(const EnrolCodeResponse &r) {
    QCborMap m;
    m.insert(key("code"), r.code);
    m.insert(key("role"), r.role);
    m.insert(key("expires"), r.expiresAtMs);
    return closeBody(m);
}

Result<EnrolCodeResponse> decodeEnrolCodeResponse(const QByteArray &body) {
    auto m = openBody(body, Limits{});
    if (!m)
        return m.error();
    EnrolCodeResponse r{m->value(key("code")).toString(), m->value(key("role")).toString(),
                        m->value(key("expires")).toInteger()};
    if (r.code.isEmpty() || r.role.isEmpty() || r.expiresAtMs <= 0)
        return malformed(QStringLiteral("an enrolment code answer needs a code, a role and an "
                                        "expiry"));
    return r;
}

} // namespace fl::wire
