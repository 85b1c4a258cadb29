#include "conflictlistmodel.h"

#include "appservices.h"
#include "change/hlc.h"
#include "domain/entities.h"
#include "labels.h"
#include "store/store.h"

#include <QCborArray>
#include <QCborMap>
#include <QDateTime>
#include <QLocale>

namespace fl::app {

ConflictListModel::ConflictListModel(QObject *parent)
    : ServiceListModel(parent) {}

int ConflictListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const {
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case FieldNameRole:
        return FieldText::fieldName(r.field);
    case RecordIdRole:
        return r.recordId;
    case RecordTypeRole:
        return r.recordType;
    case RecordTypeNameRole:
        return FieldText::recordType(r.recordType);
    case RecordTitleRole:
        return r.recordTitle;
    case FieldRole:
        return r.field;
    case CurrentTextRole:
        return FieldText::value(r.field, r.current);
    case CurrentOriginRole:
        return originText(r.currentDevice, r.currentMs);
    case CurrentIsLocalRole:
        return isLocal(r.currentDevice);
    case OtherTextRole:
        return FieldText::value(r.field, r.other);
    case OtherOriginRole:
        return originText(r.otherDevice, r.otherMs);
    case OtherIsLocalRole:
        return isLocal(r.otherDevice);
    default:
        return {};
    }
}

QHash<int, QByteArray> ConflictListModel::roleNames() const {
    return {
        {RecordIdRole, "recordId"},
        {RecordTypeRole, "recordType"},
        {RecordTypeNameRole, "recordTypeName"},
        {RecordTitleRole, "recordTitle"},
        {FieldRole, "field"},
        {FieldNameRole, "fieldName"},
        {CurrentTextRole, "currentText"},
        {CurrentOriginRole, "currentOrigin"},
        {CurrentIsLocalRole, "currentIsLocal"},
        {OtherTextRole, "otherText"},
        {OtherOriginRole, "otherOrigin"},
        {OtherIsLocalRole, "otherIsLocal"},
    };
}

bool ConflictListModel::resolve(int row, bool takeOther) {
    if (!m_services || row < 0 || row >= int(m_rows.size()))
        return false;
    const Row r = m_rows.at(row);
    // The store announces the change; reload() then drops every row of the field.
    if (auto done = m_services->store().resolveConflict(r.recordId, r.field,
                                                        takeOther ? r.other : r.current);
        !done) {
        setError(done.error().message);
        return false;
    }
    setError({});
    return true;
}

// Any record may gain a conflict from a pull (announced through the UI's store) or lose one to
// a choice made here: every store change reloads (ServiceListModel's default).
void ConflictListModel::reload() {
    apply(readRows());
}

QList<ConflictListModel::Row> ConflictListModel::readRows() {
    QList<Row> rows;
    if (!storeReady())
        return rows;
    auto conflicts = m_services->store().conflicts();
    if (!conflicts) {
        setError(conflicts.error().message);
        return m_rows;
    }
    QHash<QString, QString> titles; // a record with several conflicts is read once
    for (const Conflict &c : std::as_const(*conflicts)) {
        Row r;
        r.recordId = c.recordId;
        r.recordType = c.recordType;
        if (!titles.contains(c.recordId))
            titles.insert(c.recordId, titleOf(c.recordId));
        r.recordTitle = titles.value(c.recordId);
        r.field = c.field;
        r.otherChangeId = c.otherOrigin.changeId;
        r.current = c.current;
        r.currentDevice = c.currentOrigin.device();
        r.currentMs = hlc::physicalMs(c.currentOrigin.hlc);
        r.other = c.other;
        r.otherDevice = c.otherOrigin.device();
        r.otherMs = hlc::physicalMs(c.otherOrigin.hlc);
        rows.append(std::move(r));
    }
    setError({});
    return rows;
}

QString ConflictListModel::titleOf(const QString &recordId) const {
    auto record = m_services->store().get(recordId);
    if (!record)
        return {};
    const QCborMap &f = record->fields;
    for (const char *key : {fieldkey::Title, fieldkey::Name, fieldkey::Interviewee,
                            fieldkey::Caption, fieldkey::Text}) {
        const QString text = f.value(QLatin1String(key)).toString();
        if (!text.isEmpty())
            return text;
    }
    return FieldText::value(QLatin1String(fieldkey::Date), f.value(QLatin1String(fieldkey::Date)));
}

QString ConflictListModel::originText(const QByteArray &device, quint64 ms) const {
    const QString who = isLocal(device) ? tr("This tablet", "who wrote a value")
                                        : tr("Device %1", "who wrote a value: a short device id")
                                              .arg(QString::fromLatin1(device.left(4).toHex()));
    if (ms == 0)
        return who;
    return tr("%1 · %2", "who wrote a value · when")
        .arg(who, QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(ms)).toLocalTime(),
                                     QLocale::ShortFormat));
}

bool ConflictListModel::isLocal(const QByteArray &device) const {
    return m_services && !device.isEmpty() && device == m_services->store().deviceId();
}

void ConflictListModel::apply(const QList<Row> &next) {
    showRows(m_rows, next, [](const Row &r) {
        return r.recordId + QLatin1Char('\n') + r.field + QLatin1Char('\n') +
               QString::fromLatin1(r.otherChangeId.toHex());
    });
}

void ConflictListModel::setError(const QString &text) {
    if (m_errorString == text)
        return;
    m_errorString = text;
    Q_EMIT errorStringChanged();
}

// ---- FieldText ---------------------------------------------------------------------------------

QString FieldText::recordType(const QString &type) {
    if (type == QLatin1String(recordtype::Campaign))
        return tr("Round", "record type: 轮次");
    if (type == QLatin1String(recordtype::ChecklistItem))
        return tr("Checklist item", "record type");
    if (type == QLatin1String(recordtype::Unit))
        return tr("Inspected unit", "record type: 被督查单位");
    if (type == QLatin1String(recordtype::Visit))
        return tr("Visit", "record type: 走访");
    if (type == QLatin1String(recordtype::Finding))
        return tr("Finding", "record type: 问题");
    if (type == QLatin1String(recordtype::Transition))
        return tr("Rectification step", "record type: a status change of a finding");
    if (type == QLatin1String(recordtype::Interview))
        return tr("Interview note", "record type: 谈话记录");
    if (type == QLatin1String(recordtype::Photo))
        return tr("Photo", "record type: evidence photo");
    return type;
}

QString FieldText::fieldName(const QString &field) {
    if (field == QLatin1String(fieldkey::Title))
        return tr("Title", "field of a finding");
    if (field == QLatin1String(fieldkey::Description))
        return tr("Description", "field of a finding");
    if (field == QLatin1String(fieldkey::Category))
        return tr("Category", "field");
    if (field == QLatin1String(fieldkey::Severity))
        return tr("Severity", "field of a finding");
    if (field == QLatin1String(fieldkey::Deduction))
        return tr("Deduction", "field of a finding: 扣分");
    if (field == QLatin1String(fieldkey::ResponsibleParty))
        return tr("Responsible unit or person", "field: 责任单位/责任人");
    if (field == QLatin1String(fieldkey::DueDate))
        return tr("Due date", "field: 整改时限");
    if (field == QLatin1String(fieldkey::Status))
        return tr("Status", "field");
    if (field == QLatin1String(fieldkey::Level))
        return tr("Level", "field: checklist level");
    if (field == QLatin1String(fieldkey::ChecklistItemId))
        return tr("Checklist item", "field of a finding");
    if (field == QLatin1String(fieldkey::Location))
        return tr("Location", "field");
    if (field == QLatin1String(fieldkey::Name))
        return tr("Name", "field");
    if (field == QLatin1String(fieldkey::Date))
        return tr("Date", "field");
    if (field == QLatin1String(fieldkey::Team))
        return tr("Team", "field of a visit: 督查组");
    if (field == QLatin1String(fieldkey::Text))
        return tr("Text", "field of a checklist item");
    if (field == QLatin1String(fieldkey::MaxDeduction))
        return tr("Maximum deduction", "field of a checklist item");
    if (field == QLatin1String(fieldkey::Interviewee))
        return tr("Interviewee", "field of an interview note");
    if (field == QLatin1String(fieldkey::Role))
        return tr("Role", "field of an interview note");
    if (field == QLatin1String(fieldkey::Place))
        return tr("Place", "field of an interview note");
    if (field == QLatin1String(fieldkey::Content))
        return tr("What was said", "field of an interview note");
    if (field == QLatin1String(fieldkey::Caption))
        return tr("Caption", "field of a photo");
    if (field == QLatin1String(fieldkey::Contact))
        return tr("Contact", "field of a unit");
    return field;
}

QString FieldText::value(const QString &field, const QCborValue &value) {
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()))
        return tr("(empty)", "a field with no value");
    if (value.isString()) {
        const QString s = value.toString();
        if (field == QLatin1String(fieldkey::Severity)) {
            if (const auto v = severityFromString(s))
                return Labels::severity(*v);
        } else if (field == QLatin1String(fieldkey::Status)) {
            if (const auto v = findingStatusFromString(s))
                return Labels::status(*v);
        } else if (field == QLatin1String(fieldkey::Level)) {
            if (const auto v = levelFromString(s))
                return Labels::level(*v);
        } else if (field == QLatin1String(fieldkey::DueDate) ||
                   field == QLatin1String(fieldkey::Date)) {
            const QDate d = QDate::fromString(s, Qt::ISODate);
            if (d.isValid())
                return Labels::date(d);
        }
        return s;
    }
    if (value.isDouble() || value.isInteger())
        return Labels::points(value.toDouble());
    if (value.isBool())
        return value.toBool() ? tr("yes") : tr("no");
    if (value.isArray()) {
        QStringList parts;
        for (const QCborValue &v : value.toArray())
            parts.append(FieldText::value(QString(), v));
        return parts.join(tr(", ", "list separator"));
    }
    if (value.isMap()) {
        const QCborMap m = value.toMap();
        if (m.contains(QLatin1String("lat")) && m.contains(QLatin1String("lon")))
            return QStringLiteral("%1, %2").arg(
                QLocale().toString(m.value(QLatin1String("lat")).toDouble(), 'f', 5),
                QLocale().toString(m.value(QLatin1String("lon")).toDouble(), 'f', 5));
    }
    return value.toDiagnosticNotation();
}

} // namespace fl::app
