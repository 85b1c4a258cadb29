// The change set array that push bodies and pull pages both carry.
#include "sync/protocol/wireinternal.h"

namespace fl::wire::detail {

namespace {

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

} // namespace

QCborArray encodeChange(const ChangeSet &cs, StringTable &types, StringTable &fields) {
    const quint64 seq = changeid::sequence(cs.id);
    return QCborArray{
        qint64(seq),
        types.of(cs.recordType),
        idValue(cs.recordId),
        idValue(cs.campaignId),
        idValue(cs.parentId),
        qint64(cs.hlc),
        encodeFields(cs, fields),
        cs.isSigned() ? QCborValue(QCborArray{qint64(cs.chainIndex), cs.chainPrev, cs.signature})
                      : QCborValue(nullptr)};
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
    const QCborValue sealed = at(7);
    if (!sealed.isNull() && !sealed.isArray())
        return malformed(QStringLiteral("a change set's seal must be null or an array"));
    const QCborArray seal = sealed.toArray();
    if (sealed.isArray() &&
        (seal.size() != 3 || !seal.at(0).isInteger() || seal.at(0).toInteger() <= 0 ||
         !seal.at(1).isByteArray() || !seal.at(2).isByteArray() ||
         (seal.at(1).toByteArray().size() != 0 && seal.at(1).toByteArray().size() != 32) ||
         seal.at(2).toByteArray().size() != 64))
        return malformed(QStringLiteral("a change set's seal must be [chain index, previous "
                                        "digest (0 or 32 bytes), signature (64 bytes)]"));
    ChangeSet cs;
    cs.device = device;
    cs.id = changeid::make(device, quint64(at(0).toInteger()));
    cs.recordType = types.at(typeIdx);
    cs.recordId = *record;
    cs.campaignId = *campaign;
    cs.parentId = *parent;
    cs.hlc = Hlc(at(5).toInteger());
    cs.fields = std::move(*fs);
    if (sealed.isArray()) {
        cs.chainIndex = quint64(seal.at(0).toInteger());
        cs.chainPrev = seal.at(1).toByteArray();
        cs.signature = seal.at(2).toByteArray();
    }
    return cs;
}

} // namespace fl::wire::detail
