// Verification (验收): a finding's status moves only through lifecycle steps, each written with
// its Transition record (who, when, note, evidence); the history lists those records.

#include "store/inspection.h"

#include "store/inspectioninternal.h"
#include "store/store.h"

#include <QDateTime>

namespace fl {

using namespace inspectioninternal;

Result<Finding> Inspection::transition(const QString &findingId, lifecycle::Action action,
                                       const QString &actor, const QString &note,
                                       const QStringList &evidencePhotoIds) {
    Finding result;
    auto r = m_store.write([&](Writer &w) -> Result<void> {
        auto rec = m_store.get(findingId);
        if (!rec)
            return rec.error();
        if (rec->type != QLatin1String(recordtype::Finding) || rec->deleted)
            return wrongRecordError(findingId, recordtype::Finding);
        const Finding before = toEntity<Finding>(*rec);
        auto to = lifecycle::apply(before.status, action);
        if (!to)
            return to.error();
        Transition t;
        t.findingId = findingId;
        t.from = before.status;
        t.to = *to;
        t.actor = actor;
        t.at = QDateTime::currentDateTimeUtc();
        t.note = note;
        t.evidencePhotoIds = evidencePhotoIds;
        if (auto ok = lifecycle::validateTransition(t, action); !ok)
            return ok;
        Finding after = before;
        after.status = *to;
        if (auto u = w.update(findingId, changedFields(toFields(before), toFields(after))); !u)
            return u;
        auto created = w.create(QLatin1String(recordtype::Transition), rec->campaignId, findingId,
                                toFields(t));
        if (!created)
            return created.error();
        result = after;
        return {};
    });
    if (!r)
        return r.error();
    return result;
}

Result<QList<Transition>> Inspection::history(const QString &findingId) const {
    RecordFilter f;
    f.parentId = findingId;
    return listAs<Transition>(m_store, recordtype::Transition, f);
}

} // namespace fl
