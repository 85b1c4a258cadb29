// Pull: one page of change sets from several devices, and the cursor to go on from.
#include "sync/protocol/wire.h"

#include "sync/protocol/wireinternal.h"

namespace fl::wire {

using namespace detail;

namespace {

/// A page names each device once; its change sets refer to them by index.
Result<QList<QByteArray>> decodeDeviceIds(const QCborArray &devices) {
    QList<QByteArray> out;
    for (const QCborValue &d : devices) {
        if (!d.isByteArray() || d.toByteArray().size() != DeviceIdSize)
            return malformed(QStringLiteral("a device id must be 16 bytes"));
        out.append(d.toByteArray());
    }
    return out;
}

} // namespace

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
    // A page may be larger than the push that carried its change sets (bodylimits.h).
    Limits pageLimits = limits;
    pageLimits.maxBodyBytes = limits.maxPullPageBytes;
    auto m = openBody(body, pageLimits);
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
    const auto deviceIds = decodeDeviceIds(devices.toArray());
    if (!deviceIds)
        return deviceIds.error();
    if (changes.toArray().size() > limits.maxChangeSets)
        return malformed(QStringLiteral("too many change sets in one page"));
    PullPage page;
    page.next = next.toInteger();
    page.more = m->value(key("more")).toBool();
    for (const QCborValue &c : changes.toArray()) {
        // Device index, the change set, server sequence. A page parked by a release before
        // signing has no seal and is still read.
        QCborArray a = c.toArray();
        if (a.size() == ChangeElements + 1)
            a.insert(ChangeElements, QCborValue(nullptr));
        constexpr qsizetype Size = ChangeElements + 2;
        if (!c.isArray() || a.size() != Size || !a.at(0).isInteger() || !a.at(Size - 1).isInteger())
            return malformed(QStringLiteral("a pulled change set must be an array of %1")
                                 .arg(ChangeElements + 2));
        const qint64 d = a.at(0).toInteger();
        if (d < 0 || d >= deviceIds->size())
            return malformed(QStringLiteral("device index out of range"));
        auto cs = decodeChange(a, 1, deviceIds->at(d), *types, *fields, limits);
        if (!cs)
            return cs.error();
        cs->serverSeq = a.at(Size - 1).toInteger();
        if (cs->serverSeq <= 0)
            return malformed(QStringLiteral("a pulled change set needs its server sequence"));
        page.changeSets.append(std::move(*cs));
    }
    return page;
}

} // namespace fl::wire
