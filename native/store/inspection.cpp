#include "store/inspection.h"

#include "domain/validation.h"
#include "store/inspectioninternal.h"
#include "store/store.h"

#include <QHash>
#include <QUuid>

#include <algorithm>

namespace fl {

using namespace inspectioninternal;

namespace {

/// Applies `changes` to an entity, refusing names or types the entity does not have.
template<typename T> Result<T> patched(const T &current, const QCborMap &changes) {
    QCborMap map = toFields(current);
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
        map.insert(it.key(), it.value());
    T next = current;
    fromFields(map, next);
    const QCborMap check = toFields(next);
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        if (!it.value().isNull() && check.value(it.key()) != it.value()) {
            return makeError(ErrorCode::Validation,
                             QStringLiteral("Field '%1' is unknown or has the wrong type.")
                                 .arg(it.key().toString()));
        }
    }
    return next;
}

/// Stores a new entity as a record and gives it the record's id.
template<typename T>
Result<T> created(Store &store, T entity, const char *type, const QString &campaignId,
                  const QString &parentId) {
    auto id = store.create(QLatin1String(type), campaignId, parentId, toFields(entity));
    if (!id)
        return id.error();
    entity.id = *id;
    return entity;
}

/// Writes the fields in which `next` differs from `current`, as one change set.
template<typename T> Result<T> saved(Store &store, const T &current, T next) {
    if (auto r = store.update(current.id, changedFields(toFields(current), toFields(next))); !r)
        return r.error();
    return next;
}

} // namespace

// ---- planning --------------------------------------------------------------------------------

Result<Campaign> Inspection::createCampaign(Campaign campaign) {
    if (auto v = validation::validate(campaign); !v)
        return v.error();
    campaign.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = m_store.write([&](Writer &w) -> Result<void> {
        if (auto k = w.createCampaignKey(campaign.id); !k)
            return k;
        auto id = w.create(QLatin1String(recordtype::Campaign), campaign.id, {}, toFields(campaign),
                           campaign.id);
        if (!id)
            return id.error();
        return {};
    });
    if (!r)
        return r.error();
    return campaign;
}

Result<ChecklistItem> Inspection::addChecklistItem(ChecklistItem item) {
    if (auto v = validation::validate(item); !v)
        return v.error();
    if (auto c = campaign(item.campaignId); !c)
        return c.error();
    return created(m_store, item, recordtype::ChecklistItem, item.campaignId, QString());
}

Result<Unit> Inspection::createUnit(Unit unit) {
    if (auto v = validation::validate(unit); !v)
        return v.error();
    if (auto c = campaign(unit.campaignId); !c)
        return c.error();
    return created(m_store, unit, recordtype::Unit, unit.campaignId, QString());
}

Result<Visit> Inspection::createVisit(Visit visit) {
    if (auto v = validation::validate(visit); !v)
        return v.error();
    auto u = unit(visit.unitId);
    if (!u)
        return u.error();
    visit.campaignId = u->campaignId;
    return created(m_store, visit, recordtype::Visit, visit.campaignId, visit.unitId);
}

Result<Visit> Inspection::updateVisit(const QString &id, const QCborMap &changes) {
    auto current = visit(id);
    if (!current)
        return current.error();
    auto next = patched(*current, changes);
    if (!next)
        return next.error();
    if (next->unitId != current->unitId)
        return makeError(ErrorCode::Validation, QStringLiteral("A visit cannot move to another "
                                                               "unit; create a new visit."));
    if (auto v = validation::validate(*next); !v)
        return v.error();
    return saved(m_store, *current, std::move(*next));
}

// ---- capture ---------------------------------------------------------------------------------

Result<Finding> Inspection::createFinding(Finding finding) {
    auto v = visit(finding.visitId);
    if (!v)
        return v.error();
    auto item = checklistItem(finding.checklistItemId);
    if (!item && item.error().code != ErrorCode::NotFound)
        return item.error();
    finding.status = FindingStatus::Open;
    if (auto ok = validation::validate(finding, item ? *item : ChecklistItem{}, *v); !ok)
        return ok.error();
    return created(m_store, finding, recordtype::Finding, v->campaignId, v->id);
}

Result<Finding> Inspection::updateFinding(const QString &id, const QCborMap &changes) {
    if (changes.contains(QStringLiteral("status"))) {
        return makeError(ErrorCode::Validation,
                         QStringLiteral("The status of a finding changes only through its "
                                        "rectification steps (start, submit, verify)."));
    }
    auto current = finding(id);
    if (!current)
        return current.error();
    auto next = patched(*current, changes);
    if (!next)
        return next.error();
    if (next->visitId != current->visitId)
        return makeError(ErrorCode::Validation,
                         QStringLiteral("A finding cannot move to another visit."));
    auto v = visit(next->visitId);
    if (!v)
        return v.error();
    auto item = checklistItem(next->checklistItemId);
    if (!item && item.error().code != ErrorCode::NotFound)
        return item.error();
    if (auto ok = validation::validate(*next, item ? *item : ChecklistItem{}, *v); !ok)
        return ok.error();
    return saved(m_store, *current, std::move(*next));
}

Result<Interview> Inspection::createInterview(Interview interview) {
    if (auto ok = validation::validate(interview); !ok)
        return ok.error();
    auto v = visit(interview.visitId);
    if (!v)
        return v.error();
    return created(m_store, interview, recordtype::Interview, v->campaignId, v->id);
}

Result<Interview> Inspection::updateInterview(const QString &id, const QCborMap &changes) {
    auto current = interview(id);
    if (!current)
        return current.error();
    auto next = patched(*current, changes);
    if (!next)
        return next.error();
    if (next->visitId != current->visitId)
        return makeError(ErrorCode::Validation,
                         QStringLiteral("An interview cannot move to another visit."));
    if (auto ok = validation::validate(*next); !ok)
        return ok.error();
    return saved(m_store, *current, std::move(*next));
}

Result<void> Inspection::remove(const QString &id) {
    return m_store.remove(id);
}

// ---- reading ---------------------------------------------------------------------------------

Result<Campaign> Inspection::campaign(const QString &id) const {
    return getAs<Campaign>(m_store, id, recordtype::Campaign);
}

Result<QList<Campaign>> Inspection::campaigns() const {
    return listAs<Campaign>(m_store, recordtype::Campaign, {});
}

Result<QList<ChecklistItem>> Inspection::checklist(const QString &campaignId) const {
    RecordFilter f;
    f.campaignId = campaignId;
    auto items = listAs<ChecklistItem>(m_store, recordtype::ChecklistItem, f);
    if (!items)
        return items;
    std::stable_sort(items->begin(), items->end(),
                     [](const ChecklistItem &a, const ChecklistItem &b) {
                         if (a.level != b.level)
                             return int(a.level) < int(b.level);
                         return scoring::compareCodes(a.code, b.code) < 0;
                     });
    return items;
}

Result<ChecklistItem> Inspection::checklistItem(const QString &id) const {
    return getAs<ChecklistItem>(m_store, id, recordtype::ChecklistItem);
}

Result<QList<Unit>> Inspection::units(const QString &campaignId) const {
    RecordFilter f;
    f.campaignId = campaignId;
    return listAs<Unit>(m_store, recordtype::Unit, f);
}

Result<Unit> Inspection::unit(const QString &id) const {
    return getAs<Unit>(m_store, id, recordtype::Unit);
}

Result<QList<Visit>> Inspection::visits(const QString &campaignId) const {
    RecordFilter f;
    f.campaignId = campaignId;
    return listAs<Visit>(m_store, recordtype::Visit, f);
}

Result<Visit> Inspection::visit(const QString &id) const {
    return getAs<Visit>(m_store, id, recordtype::Visit);
}

Result<Finding> Inspection::finding(const QString &id) const {
    return getAs<Finding>(m_store, id, recordtype::Finding);
}

Result<QList<Finding>> Inspection::findings(const RecordFilter &filter, int offset,
                                            int limit) const {
    return listAs<Finding>(m_store, recordtype::Finding, filter, offset, limit);
}

Result<QList<Interview>> Inspection::interviews(const QString &visitId) const {
    RecordFilter f;
    f.parentId = visitId;
    return listAs<Interview>(m_store, recordtype::Interview, f);
}

Result<Interview> Inspection::interview(const QString &id) const {
    return getAs<Interview>(m_store, id, recordtype::Interview);
}

// ---- scores, rates, ledger -------------------------------------------------------------------

Result<scoring::Score> Inspection::visitScore(const QString &visitId) const {
    auto v = visit(visitId);
    if (!v)
        return v.error();
    auto c = campaign(v->campaignId);
    if (!c)
        return c.error();
    auto items = checklist(v->campaignId);
    if (!items)
        return items.error();
    RecordFilter f;
    f.parentId = visitId;
    auto fs = findings(f);
    if (!fs)
        return fs.error();
    return scoring::score(*c, *items, *fs);
}

Result<QList<Finding>> Inspection::unitFindings(const QString &unitId) const {
    auto u = unit(unitId);
    if (!u)
        return u.error();
    RecordFilter byUnit;
    byUnit.parentId = unitId;
    auto vs = listAs<Visit>(m_store, recordtype::Visit, byUnit);
    if (!vs)
        return vs.error();
    QList<Finding> all;
    for (const Visit &v : std::as_const(*vs)) {
        RecordFilter f;
        f.parentId = v.id;
        auto fs = findings(f);
        if (!fs)
            return fs.error();
        all.append(*fs);
    }
    return all;
}

Result<scoring::Score> Inspection::unitScore(const QString &unitId) const {
    auto u = unit(unitId);
    if (!u)
        return u.error();
    auto c = campaign(u->campaignId);
    if (!c)
        return c.error();
    auto items = checklist(u->campaignId);
    if (!items)
        return items.error();
    auto fs = unitFindings(unitId);
    if (!fs)
        return fs.error();
    return scoring::score(*c, *items, *fs);
}

Result<scoring::RectificationRate> Inspection::campaignRate(const QString &campaignId) const {
    RecordFilter f;
    f.campaignId = campaignId;
    auto fs = findings(f);
    if (!fs)
        return fs.error();
    return scoring::rectificationRate(*fs);
}

Result<scoring::RectificationRate> Inspection::unitRate(const QString &unitId) const {
    auto fs = unitFindings(unitId);
    if (!fs)
        return fs.error();
    return scoring::rectificationRate(*fs);
}

namespace {
/// A round's findings in one order on every device: creation clock, then finding id.
Result<QList<Finding>> findingsInTotalOrder(const Store &store, const QString &campaignId) {
    RecordFilter f;
    f.campaignId = campaignId;
    auto records = store.list(QLatin1String(recordtype::Finding), f);
    if (!records)
        return records.error();
    // Creation order, and the finding id where two devices created findings at the same clock:
    // a list's own tie-break is local arrival order, which differs between devices, and an
    // exported ledger is an official document that must come out the same everywhere.
    std::stable_sort(records->begin(), records->end(), [](const Record &a, const Record &b) {
        return a.createdHlc != b.createdHlc ? a.createdHlc < b.createdHlc : a.id < b.id;
    });
    QList<Finding> out;
    out.reserve(records->size());
    for (const Record &r : std::as_const(*records))
        out.append(toEntity<Finding>(r));
    return out;
}
} // namespace

Result<QList<LedgerRow>> Inspection::ledger(const QString &campaignId, const QDate &today) const {
    auto vs = visits(campaignId);
    if (!vs)
        return vs.error();
    auto us = units(campaignId);
    if (!us)
        return us.error();
    auto items = checklist(campaignId);
    if (!items)
        return items.error();
    auto fs = findingsInTotalOrder(m_store, campaignId);
    if (!fs)
        return fs.error();
    QHash<QString, Visit> visitById;
    for (const Visit &v : std::as_const(*vs))
        visitById.insert(v.id, v);
    QHash<QString, QString> unitName;
    for (const Unit &u : std::as_const(*us))
        unitName.insert(u.id, u.name);
    QHash<QString, QString> itemCode;
    for (const ChecklistItem &i : std::as_const(*items))
        itemCode.insert(i.id, i.code);
    QList<LedgerRow> rows;
    rows.reserve(fs->size());
    for (const Finding &fd : std::as_const(*fs)) {
        LedgerRow row;
        row.finding = fd;
        const Visit v = visitById.value(fd.visitId);
        row.unitId = v.unitId;
        row.unitName = unitName.value(v.unitId);
        row.visitDate = v.date;
        row.itemCode = itemCode.value(fd.checklistItemId);
        row.overdue = lifecycle::isOverdue(fd, today);
        rows.append(std::move(row));
    }
    return rows;
}

namespace {
QByteArray csvField(const QString &value) {
    QString v = value;
    // A leading = + - @ would run as a formula in a spreadsheet.
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char('"')) || v.contains(QLatin1Char(',')) ||
        v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r')) || v != value) {
        v.replace(QLatin1String("\""), QLatin1String("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v.toUtf8();
}
} // namespace

QByteArray ledgerToCsv(const QList<LedgerRow> &rows) {
    QByteArray out("\xEF\xBB\xBF");
    out += "finding_id,unit,visit_date,item,level,title,severity,deduction,responsible_party,"
           "due_date,status,overdue\r\n";
    for (const LedgerRow &r : rows) {
        const Finding &f = r.finding;
        const QList<QByteArray> cells = {
            csvField(f.id),
            csvField(r.unitName),
            csvField(r.visitDate.toString(Qt::ISODate)),
            csvField(r.itemCode),
            csvField(toString(f.level)),
            csvField(f.title),
            csvField(toString(f.severity)),
            QByteArray::number(f.deduction, 'g', 6),
            csvField(f.responsibleParty),
            csvField(f.dueDate.toString(Qt::ISODate)),
            csvField(toString(f.status)),
            r.overdue ? QByteArrayLiteral("yes") : QByteArrayLiteral("no"),
        };
        out += cells.join(',');
        out += "\r\n";
    }
    return out;
}

} // namespace fl
