#include "sync/protocol/bodybudget.h"

namespace fl::wire {

namespace {

// CBOR (RFC 8949) spends at most 9 bytes on a head: an integer, or the length of a string or
// an array. Each bound below takes the largest head, so it holds however large the numbers.
constexpr qsizetype Head = 9;

qsizetype textBound(const QString &s) {
    return Head + s.toUtf8().size();
}

/// An id travels as 16 bytes when it is a UUID, as text otherwise, as null when empty.
qsizetype idBound(const QString &id) {
    return Head + std::max<qsizetype>(16, id.toUtf8().size());
}

} // namespace

qsizetype BodyBudget::cost(const ChangeSet &cs) const {
    // [device index (pull), seq, type index, record, campaign, parent, hlc, fields, seal,
    // server sequence (pull)]
    qsizetype bytes = Head + Head + Head + Head + idBound(cs.recordId) + idBound(cs.campaignId) +
                      idBound(cs.parentId) + Head + Head + Head;
    for (const FieldChange &f : cs.fields) {
        // [name index, value, [prev...]]
        bytes += Head + Head + Head + f.value.size() + Head + f.prev.size() * (Head + 24);
        if (!m_fields.contains(f.field))
            bytes += textBound(f.field);
    }
    // The seal, counted whole even before the change set is sealed (a push batch is packed
    // first and sealed just before it goes): an array of three (1), the chain index (at most
    // Head), 32 and 64 bytes (a 2-byte head each).
    bytes += 1 + Head + 2 + 32 + 2 + 64;
    if (!m_types.contains(cs.recordType))
        bytes += textBound(cs.recordType);
    if (!m_devices.contains(cs.device))
        bytes += Head + 16;
    return bytes;
}

bool BodyBudget::admit(const ChangeSet &cs) {
    const qsizetype bytes = cost(cs);
    if (!m_empty && m_used + bytes > m_max)
        return false;
    m_used += bytes;
    m_empty = false;
    m_types.insert(cs.recordType);
    m_devices.insert(cs.device);
    for (const FieldChange &f : cs.fields)
        m_fields.insert(f.field);
    return true;
}

} // namespace fl::wire
