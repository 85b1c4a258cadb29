#pragma once

// Internal to Inspection's .cpp files (inspection.cpp, verification.cpp): typed entities read
// from records, and the field diff every update writes. Not for other parts.

#include "common/result.h"
#include "domain/entities.h"
#include "store/store.h"

#include <QCborMap>

namespace fl::inspectioninternal {

inline void adoptLinks(const Record &, Campaign &) {}
inline void adoptLinks(const Record &r, ChecklistItem &v) {
    v.campaignId = r.campaignId;
}
inline void adoptLinks(const Record &r, Unit &v) {
    v.campaignId = r.campaignId;
}
inline void adoptLinks(const Record &r, Visit &v) {
    v.campaignId = r.campaignId;
}
inline void adoptLinks(const Record &r, Finding &v) {
    if (v.visitId.isEmpty())
        v.visitId = r.parentId;
}
inline void adoptLinks(const Record &r, Transition &v) {
    if (v.findingId.isEmpty())
        v.findingId = r.parentId;
}
inline void adoptLinks(const Record &r, Interview &v) {
    if (v.visitId.isEmpty())
        v.visitId = r.parentId;
}

template<typename T> T toEntity(const Record &r) {
    T v;
    fromFields(r.fields, v);
    v.id = r.id;
    adoptLinks(r, v);
    return v;
}

inline Error wrongRecordError(const QString &id, const char *type) {
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("No %1 with id %2.").arg(QLatin1String(type), id));
}

template<typename T> Result<T> getAs(const Store &store, const QString &id, const char *type) {
    auto r = store.get(id);
    if (!r)
        return r.error();
    if (r->type != QLatin1String(type) || r->deleted)
        return wrongRecordError(id, type);
    return toEntity<T>(*r);
}

template<typename T>
Result<QList<T>> listAs(const Store &store, const char *type, const RecordFilter &filter,
                        int offset = 0, int limit = -1) {
    auto rows = store.list(QLatin1String(type), filter, offset, limit);
    if (!rows)
        return rows.error();
    QList<T> out;
    out.reserve(rows->size());
    for (const Record &r : std::as_const(*rows))
        out.append(toEntity<T>(r));
    return out;
}

/// The fields of `after` that differ from `before`; a field that disappeared becomes null.
inline QCborMap changedFields(const QCborMap &before, const QCborMap &after) {
    QCborMap diff;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (before.value(it.key()) != it.value())
            diff.insert(it.key(), it.value());
    }
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        if (!after.contains(it.key()))
            diff.insert(it.key(), QCborValue(nullptr));
    }
    return diff;
}

} // namespace fl::inspectioninternal
