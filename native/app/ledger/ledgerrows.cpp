// A ledger row: built from a finding, tested against the filters, ordered, and turned into
// the report layer's LedgerRow.
#include "ledgermodel.h"

#include "appservices.h"
#include "labels.h"
#include "store/inspection.h"

#include <algorithm>

namespace fl::app {

LedgerModel::Row LedgerModel::toRow(const Finding &f) {
    Row r;
    r.id = f.id;
    r.visitId = f.visitId;
    r.checklistItemId = f.checklistItemId;
    r.title = f.title;
    r.responsibleParty = f.responsibleParty;
    r.dueDate = f.dueDate;
    r.deduction = f.deduction;
    r.status = f.status;
    r.severity = f.severity;
    r.level = f.level;
    return r;
}

bool LedgerModel::overdue(const Row &row) const {
    Finding f;
    f.dueDate = row.dueDate;
    f.status = row.status;
    return lifecycle::isOverdue(f, m_today);
}

bool LedgerModel::matches(const Row &row) const {
    if (row.removed)
        return false;
    if (m_statusFilter >= 0 && int(row.status) != m_statusFilter)
        return false;
    if (!m_unitFilter.isEmpty() && m_visits.value(row.visitId).unitId != m_unitFilter)
        return false;
    if (m_overdueOnly && !overdue(row))
        return false;
    for (const QString &term : m_terms) {
        if (!row.title.contains(term, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool LedgerModel::less(int a, int b) const {
    const Row &ra = m_all.at(a);
    const Row &rb = m_all.at(b);
    switch (m_sortOrder) {
    case ByDueDate:
        if (ra.dueDate.isValid() != rb.dueDate.isValid())
            return ra.dueDate.isValid();
        if (ra.dueDate != rb.dueDate)
            return ra.dueDate < rb.dueDate;
        break;
    case ByDeduction:
        if (ra.deduction != rb.deduction)
            return ra.deduction > rb.deduction;
        break;
    case ByStatus:
        if (ra.status != rb.status)
            return int(ra.status) < int(rb.status);
        break;
    case ByRecorded:
        break;
    }
    return a < b;
}

LedgerRow LedgerModel::toLedgerRow(const Row &row) const {
    LedgerRow out;
    Finding &f = out.finding;
    f.id = row.id;
    f.visitId = row.visitId;
    f.checklistItemId = row.checklistItemId;
    f.title = row.title;
    f.responsibleParty = row.responsibleParty;
    f.dueDate = row.dueDate;
    f.deduction = row.deduction;
    f.status = row.status;
    f.severity = row.severity;
    f.level = row.level;
    const VisitInfo visit = m_visits.value(row.visitId);
    out.unitId = visit.unitId;
    out.unitName = m_unitNames.value(visit.unitId);
    out.visitDate = visit.date;
    out.itemCode = m_itemCodes.value(row.checklistItemId);
    out.overdue = overdue(row);
    return out;
}

} // namespace fl::app
