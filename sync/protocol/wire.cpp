#include "sync/protocol/wire.h"

#include "change/changeid.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QHash>
#include <QtEndian>
#include <QUuid>

#include <algorithm>

namespace fl::wire {

namespace {

constexpr qsizetype DeviceIdSize = changeid::DeviceIdSize;
constexpr qsizetype ChangeIdSize = changeid::Size;

QCborValue key(const char *k) {
    return QCborValue(QLatin1String(k));
}

/// Ids travel as 16 bytes when they are UUIDs, as text otherwise.
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

/// Interns strings so a batch names each record type and field once.
struct StringTable {
    QCborArray list;
    QHash<QString, int> index;
    int of(const QString &s) {
        auto it = index.constFind(s);
        if (it != index.cend())
            return *it;
        const int i = int(list.size());
        list.append(s);
        index.insert(s, i);
        return i;
    }
};

QCborArray encodeFields(const ChangeSet &cs, StringTable &fields) {
    QCborArray out;
    for (const FieldChange &f : cs.fields) {
        QCborArray prev;
        for (const QByteArray &p : f.prev)
            prev.append(p);
        out.append(QCborArray{fields.of(f.field), f.value, prev});
    }
    return out;
}

Result<QList<FieldChange>> decodeFields(const QCborValue &v, const QStringList &names,
                                        const Limits &limits) {
    if (!v.isArray())
        return malformed(QStringLiteral("fields must be an array"));
    const QCborArray arr = v.toArray();
    if (arr.isEmpty() || arr.size() > limits.maxFieldsPerChangeSet)
        return malformed(QStringLiteral("a change set has %1 fields (1 to %2 allowed)")
                             .arg(arr.size())
                             .arg(limits.maxFieldsPerChangeSet));
    QList<FieldChange> out;
    out.reserve(arr.size());
    for (const QCborValue &fv : arr) {
        const QCborArray f = fv.toArray();
        if (!fv.isArray() || f.size() != 3 || !f.at(0).isInteger() || !f.at(1).isByteArray() ||
            !f.at(2).isArray())
            return malformed(QStringLiteral("a field change must be [name, value, prev]"));
        const qint64 n = f.at(0).toInteger();
        if (n < 0 || n >= names.size())
            return malformed(QStringLiteral("field name index out of range"));
        FieldChange fc;
        fc.field = names.at(n);
        fc.value = f.at(1).toByteArray();
        if (fc.value.size() > limits.maxValueBytes)
            return malformed(QStringLiteral("a value exceeds %1 bytes").arg(limits.maxValueBytes));
        const QCborArray prev = f.at(2).toArray();
        if (prev.size() > limits.maxPrevPerField)
            return malformed(QStringLiteral("too many replaced values"));
        for (const QCborValue &p : prev) {
            if (!p.isByteArray() || p.toByteArray().size() != ChangeIdSize)
                return malformed(QStringLiteral("a replaced value id must be 24 bytes"));
            fc.prev.append(p.toByteArray());
        }
        out.append(std::move(fc));
    }
    return out;
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

/// [seq, type, record, campaign, parent, hlc, fields] — the device is implied or indexed.
QCborArray encodeChange(const ChangeSet &cs, StringTable &types, StringTable &fields) {
    const quint64 seq = changeid::sequence(cs.id);
    return QCborArray{qint64(seq),
                      types.of(cs.recordType),
                      idValue(cs.recordId),
                      idValue(cs.campaignId),
                      idValue(cs.parentId),
                      qint64(cs.hlc),
                      encodeFields(cs, fields)};
}

Result<ChangeSet> decodeChange(const QCborArray &a, qsizetype offset, const QByteArray &device,
                               const QStringList &types, const QStringList &fields,
                               const Limits &limits) {
    const auto at = [&](qsizetype i) {
        return a.at(offset + i);
    };
    if (!at(0).isInteger() || at(0).toInteger() < 0 || !at(1).isInteger() || !at(5).isInteger() ||
        at(5).toInteger() <= 0)
        return malformed(QStringLiteral("a change set's sequence, type or clock is malformed"));
    const qint64 typeIdx = at(1).toInteger();
    if (typeIdx < 0 || typeIdx >= types.size())
        return malformed(QStringLiteral("record type index out of range"));
    const auto record = idFrom(at(2), limits, false);
    const auto campaign = idFrom(at(3), limits, false);
    const auto parent = idFrom(at(4), limits, true);
    if (!record || !campaign || !parent)
        return malformed(QStringLiteral("a change set's record, campaign or parent id is "
                                        "malformed"));
    auto fs = decodeFields(at(6), fields, limits);
    if (!fs)
        return fs.error();
    ChangeSet cs;
    cs.device = device;
    cs.id = changeid::make(device, quint64(at(0).toInteger()));
    cs.recordType = types.at(typeIdx);
    cs.recordId = *record;
    cs.campaignId = *campaign;
    cs.parentId = *parent;
    cs.hlc = Hlc(at(5).toInteger());
    cs.fields = std::move(*fs);
    return cs;
}

} // namespace

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

// ---- push ------------------------------------------------------------------------------------

QByteArray encodePush(const QByteArray &device, const QList<ChangeSet> &changeSets) {
    StringTable types, fields;
    QCborArray changes;
    for (const ChangeSet &cs : changeSets)
        changes.append(encodeChange(cs, types, fields));
    QCborMap m;
    m.insert(key("device"), device);
    m.insert(key("types"), types.list);
    m.insert(key("fields"), fields.list);
    m.insert(key("changes"), changes);
    return closeBody(m);
}

Result<QList<ChangeSet>> decodePush(const QByteArray &body, const QByteArray &device,
                                    const Limits &limits) {
    auto m = openBody(body, limits);
    if (!m)
        return m.error();
    if (m->value(key("device")).toByteArray() != device || device.size() != DeviceIdSize)
        return malformed(QStringLiteral("the batch names another device than the signer"));
    auto types = decodeNames(m->value(key("types")), "types", limits);
    if (!types)
        return types.error();
    auto fields = decodeNames(m->value(key("fields")), "fields", limits);
    if (!fields)
        return fields.error();
    const QCborValue changes = m->value(key("changes"));
    if (!changes.isArray())
        return malformed(QStringLiteral("changes must be an array"));
    const QCborArray arr = changes.toArray();
    if (arr.size() > limits.maxChangeSets)
        return malformed(QStringLiteral("a batch holds %1 change sets; at most %2 are allowed")
                             .arg(arr.size())
                             .arg(limits.maxChangeSets));
    QList<ChangeSet> out;
    out.reserve(arr.size());
    for (const QCborValue &c : arr) {
        if (!c.isArray() || c.toArray().size() != 7)
            return malformed(QStringLiteral("a change set must be an array of 7"));
        auto cs = decodeChange(c.toArray(), 0, device, *types, *fields, limits);
        if (!cs)
            return cs.error();
        out.append(std::move(*cs));
    }
    return out;
}

QByteArray encodePushResult(const PushResult &r) {
    // Every answered change set is the pusher's: name the device once and each change set by
    // its sequence, which keeps the answer near 1 % of the ciphertext instead of 3 %.
    QByteArray device;
    bool oneDevice = true;
    const auto check = [&](const QByteArray &id) {
        if (id.size() != ChangeIdSize)
            oneDevice = false;
        else if (device.isEmpty())
            device = id.left(DeviceIdSize);
        else if (!id.startsWith(device))
            oneDevice = false;
    };
    for (const auto &entry : r.stored)
        check(entry.first);
    for (const auto &entry : r.rejected)
        check(entry.first);
    oneDevice = oneDevice && !device.isEmpty();
    const auto name = [&](const QByteArray &id) {
        return oneDevice ? QCborValue(qint64(changeid::sequence(id))) : QCborValue(id);
    };
    QCborArray stored, rejected;
    for (const auto &[id, seq] : r.stored)
        stored.append(QCborArray{name(id), seq});
    for (const auto &[id, reason] : r.rejected)
        rejected.append(QCborArray{name(id), reason});
    QCborMap m;
    if (oneDevice)
        m.insert(key("device"), device);
    m.insert(key("stored"), stored);
    m.insert(key("rejected"), rejected);
    return closeBody(m);
}

Result<PushResult> decodePushResult(const QByteArray &body, const Limits &limits) {
    auto m = openBody(body, limits);
    if (!m)
        return m.error();
    PushResult r;
    const QCborValue device = m->value(key("device"));
    const QCborValue stored = m->value(key("stored"));
    const QCborValue rejected = m->value(key("rejected"));
    if (!stored.isArray() || !rejected.isArray())
        return malformed(QStringLiteral("a push result needs stored and rejected arrays"));
    if (!device.isUndefined() &&
        (!device.isByteArray() || device.toByteArray().size() != DeviceIdSize))
        return malformed(QStringLiteral("a push result's device must be 16 bytes"));
    // A change set is named by its sequence when the answer names the device, else by its id.
    const auto idOf = [&](const QCborValue &v) -> QByteArray {
        if (device.isByteArray()) {
            if (!v.isInteger() || v.toInteger() < 0)
                return {};
            return changeid::make(device.toByteArray(), quint64(v.toInteger()));
        }
        return v.isByteArray() && v.toByteArray().size() == ChangeIdSize ? v.toByteArray()
                                                                         : QByteArray();
    };
    for (const QCborValue &s : stored.toArray()) {
        const QCborArray a = s.toArray();
        const QByteArray id = a.size() == 2 ? idOf(a.at(0)) : QByteArray();
        if (id.isEmpty() || !a.at(1).isInteger() || a.at(1).toInteger() <= 0)
            return malformed(QStringLiteral("a stored entry must be [change set, sequence]"));
        r.stored.append({id, a.at(1).toInteger()});
    }
    for (const QCborValue &s : rejected.toArray()) {
        const QCborArray a = s.toArray();
        const QByteArray id = a.size() == 2 ? idOf(a.at(0)) : QByteArray();
        if (id.isEmpty() || !a.at(1).isString())
            return malformed(QStringLiteral("a rejected entry must be [change set, reason]"));
        r.rejected.append({id, a.at(1).toString()});
    }
    return r;
}

// ---- pull ------------------------------------------------------------------------------------

QByteArray encodePullPage(const PullPage &page) {
    StringTable types, fields;
    QCborArray devices;
    QHash<QByteArray, int> deviceIndex;
    QCborArray changes;
    for (const ChangeSet &cs : page.changeSets) {
        auto it = deviceIndex.constFind(cs.device);
        int d;
        if (it == deviceIndex.cend()) {
            d = int(devices.size());
            devices.append(cs.device);
            deviceIndex.insert(cs.device, d);
        } else {
            d = *it;
        }
        QCborArray c = encodeChange(cs, types, fields);
        c.prepend(d);
        c.append(cs.serverSeq);
        changes.append(c);
    }
    QCborMap m;
    m.insert(key("devices"), devices);
    m.insert(key("types"), types.list);
    m.insert(key("fields"), fields.list);
    m.insert(key("changes"), changes);
    m.insert(key("next"), page.next);
    m.insert(key("more"), page.more);
    return closeBody(m);
}

Result<PullPage> decodePullPage(const QByteArray &body, const Limits &limits) {
    auto m = openBody(body, limits);
    if (!m)
        return m.error();
    auto types = decodeNames(m->value(key("types")), "types", limits);
    if (!types)
        return types.error();
    auto fields = decodeNames(m->value(key("fields")), "fields", limits);
    if (!fields)
        return fields.error();
    const QCborValue devices = m->value(key("devices"));
    const QCborValue changes = m->value(key("changes"));
    const QCborValue next = m->value(key("next"));
    if (!devices.isArray() || !changes.isArray() || !next.isInteger() ||
        !m->value(key("more")).isBool())
        return malformed(QStringLiteral("a pull page needs devices, changes, next and more"));
    QList<QByteArray> deviceIds;
    for (const QCborValue &d : devices.toArray()) {
        if (!d.isByteArray() || d.toByteArray().size() != DeviceIdSize)
            return malformed(QStringLiteral("a device id must be 16 bytes"));
        deviceIds.append(d.toByteArray());
    }
    if (changes.toArray().size() > limits.maxChangeSets)
        return malformed(QStringLiteral("too many change sets in one page"));
    PullPage page;
    page.next = next.toInteger();
    page.more = m->value(key("more")).toBool();
    for (const QCborValue &c : changes.toArray()) {
        const QCborArray a = c.toArray();
        if (!c.isArray() || a.size() != 9 || !a.at(0).isInteger() || !a.at(8).isInteger())
            return malformed(QStringLiteral("a pulled change set must be an array of 9"));
        const qint64 d = a.at(0).toInteger();
        if (d < 0 || d >= deviceIds.size())
            return malformed(QStringLiteral("device index out of range"));
        auto cs = decodeChange(a, 1, deviceIds.at(d), *types, *fields, limits);
        if (!cs)
            return cs.error();
        cs->serverSeq = a.at(8).toInteger();
        if (cs->serverSeq <= 0)
            return malformed(QStringLiteral("a pulled change set needs its server sequence"));
        page.changeSets.append(std::move(*cs));
    }
    return page;
}

// ---- enrolment and keys ----------------------------------------------------------------------

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

QByteArray encode(const QList<DeviceInfo> &devices) {
    QCborArray a;
    for (const DeviceInfo &d : devices) {
        QCborMap m;
        m.insert(key("device"), d.device);
        m.insert(key("name"), d.name);
        m.insert(key("role"), d.role);
        m.insert(key("box_pk"), d.boxKey);
        m.insert(key("revoked"), d.revoked);
        a.append(m);
    }
    QCborMap m;
    m.insert(key("devices"), a);
    return closeBody(m);
}

Result<QList<DeviceInfo>> decodeDevices(const QByteArray &body) {
    auto m = openBody(body, Limits{});
    if (!m)
        return m.error();
    QList<DeviceInfo> out;
    for (const QCborValue &v : m->value(key("devices")).toArray()) {
        const QCborMap d = v.toMap();
        DeviceInfo info{d.value(key("device")).toByteArray(), d.value(key("name")).toString(),
                        d.value(key("role")).toString(), d.value(key("box_pk")).toByteArray(),
                        d.value(key("revoked")).toBool()};
        if (info.device.size() != DeviceIdSize || info.boxKey.size() != 32)
            return malformed(QStringLiteral("a device entry is malformed"));
        out.append(info);
    }
    return out;
}

namespace {
QCborArray envelopesArray(const QList<KeyEnvelope> &envelopes) {
    QCborArray a;
    for (const KeyEnvelope &e : envelopes)
        a.append(QCborArray{idValue(e.campaignId), e.device, e.sealed});
    return a;
}

Result<QList<KeyEnvelope>> envelopesFrom(const QCborValue &v) {
    if (!v.isArray())
        return malformed(QStringLiteral("envelopes must be an array"));
    QList<KeyEnvelope> out;
    for (const QCborValue &e : v.toArray()) {
        const QCborArray a = e.toArray();
        const auto campaign = idFrom(a.at(0), Limits{}, false);
        // crypto_box_seal adds 48 bytes to the 32-byte key.
        if (a.size() != 3 || !campaign || a.at(1).toByteArray().size() != DeviceIdSize ||
            a.at(2).toByteArray().size() != 80)
            return malformed(QStringLiteral("an envelope must be [campaign, device, sealed key]"));
        out.append({*campaign, a.at(1).toByteArray(), a.at(2).toByteArray()});
    }
    return out;
}
} // namespace

QByteArray encode(const QList<KeyEnvelope> &envelopes) {
    QCborMap m;
    m.insert(key("envelopes"), envelopesArray(envelopes));
    return closeBody(m);
}

Result<QList<KeyEnvelope>> decodeEnvelopes(const QByteArray &body) {
    auto m = openBody(body, Limits{});
    if (!m)
        return m.error();
    return envelopesFrom(m->value(key("envelopes")));
}

QByteArray encode(const CampaignGrant &g) {
    QCborArray members;
    for (const QByteArray &d : g.members)
        members.append(d);
    QCborMap m;
    m.insert(key("campaign"), idValue(g.campaignId));
    m.insert(key("members"), members);
    m.insert(key("envelopes"), envelopesArray(g.envelopes));
    return closeBody(m);
}

Result<CampaignGrant> decodeCampaignGrant(const QByteArray &body) {
    auto m = openBody(body, Limits{});
    if (!m)
        return m.error();
    CampaignGrant g;
    const auto campaign = idFrom(m->value(key("campaign")), Limits{}, false);
    if (!campaign)
        return malformed(QStringLiteral("a grant needs a campaign id"));
    g.campaignId = *campaign;
    for (const QCborValue &d : m->value(key("members")).toArray()) {
        if (d.toByteArray().size() != DeviceIdSize)
            return malformed(QStringLiteral("a member must be a 16-byte device id"));
        g.members.append(d.toByteArray());
    }
    auto env = envelopesFrom(m->value(key("envelopes")));
    if (!env)
        return env.error();
    g.envelopes = *env;
    return g;
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
