// The wire format's framing: the CBOR body, ids, string tables, error bodies. Each message
// kind is in wire<kind>.cpp.
#include "sync/protocol/wire.h"

#include "sync/protocol/wireinternal.h"

#include <QUuid>

namespace fl::wire {

namespace detail {

QCborValue idValue(const QString &id) {
    if (id.isEmpty())
        return QCborValue(nullptr);
    const QByteArray b = uuidToBytes(id);
    return b.isEmpty() ? QCborValue(id) : QCborValue(b);
}

std::optional<QString> idFrom(const QCborValue &v, const Limits &limits, bool nullable) {
    if (v.isNull() && nullable)
        return QString();
    if (v.isByteArray() && v.toByteArray().size() == 16)
        return uuidFromBytes(v.toByteArray());
    if (v.isString() && !v.toString().isEmpty() && v.toString().size() <= limits.maxNameBytes)
        return v.toString();
    return std::nullopt;
}

Result<QStringList> decodeNames(const QCborValue &v, const char *what, const Limits &limits) {
    if (!v.isArray())
        return malformed(QStringLiteral("%1 must be an array").arg(QLatin1String(what)));
    QStringList out;
    for (const QCborValue &s : v.toArray()) {
        if (!s.isString() || s.toString().isEmpty() || s.toString().size() > limits.maxNameBytes)
            return malformed(
                QStringLiteral("%1 must hold short non-empty strings").arg(QLatin1String(what)));
        out.append(s.toString());
    }
    return out;
}

Result<QCborMap> openBody(const QByteArray &body, const Limits &limits) {
    if (body.size() > limits.maxBodyBytes)
        return malformed(QStringLiteral("the body exceeds %1 bytes").arg(limits.maxBodyBytes));
    QCborParserError err;
    const QCborValue v = QCborValue::fromCbor(body, &err);
    if (err.error != QCborError::NoError)
        return malformed(QStringLiteral("the body is not valid CBOR: %1").arg(err.errorString()));
    if (!v.isMap())
        return malformed(QStringLiteral("the body must be a CBOR map"));
    const QCborMap m = v.toMap();
    const QCborValue version = m.value(key("v"));
    if (!version.isInteger())
        return malformed(QStringLiteral("the body has no protocol version"));
    if (version.toInteger() != Version) {
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("protocol version %1 is not supported (this side speaks "
                                        "%2)")
                             .arg(version.toInteger())
                             .arg(Version));
    }
    return m;
}

QByteArray closeBody(QCborMap m) {
    m.insert(key("v"), Version);
    return QCborValue(m).toCbor();
}

} // namespace detail

using namespace detail;

Error malformed(const QString &why) {
    return makeError(ErrorCode::InvalidArgument, why);
}

QByteArray uuidToBytes(const QString &uuid) {
    const QUuid u = QUuid::fromString(uuid);
    if (u.isNull() || uuid.size() != 36)
        return {};
    return u.toRfc4122();
}

QString uuidFromBytes(QByteArrayView bytes) {
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QByteArray encodeError(const QString &code, const QString &message) {
    QCborMap m;
    m.insert(key("error"), code);
    m.insert(key("message"), message);
    return closeBody(m);
}

std::optional<WireError> decodeError(const QByteArray &body) {
    QCborParserError err;
    const QCborValue v = QCborValue::fromCbor(body, &err);
    if (err.error != QCborError::NoError || !v.isMap())
        return std::nullopt;
    const QCborMap m = v.toMap();
    if (!m.value(key("error")).isString())
        return std::nullopt;
    return WireError{m.value(key("error")).toString(), m.value(key("message")).toString()};
}

} // namespace fl::wire
