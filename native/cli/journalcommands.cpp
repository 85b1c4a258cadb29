#include "cli/commandgroups.h"

#include "change/hlc.h"
#include "store/store.h"

namespace fl::cli {

namespace {

/// The names of the fields a change set wrote, comma-separated.
QString fieldNames(const QCborMap &values) {
    QStringList names;
    for (const QCborValue &k : values.keys())
        names.append(k.toString());
    return names.join(QStringLiteral(", "));
}

} // namespace

Result<Reply> cmdJournal(Context &c) {
    const int limit = c.has(QStringLiteral("limit")) ? c.opt(QStringLiteral("limit")).toInt() : 50;
    auto entries = c.session->store().journal(c.opt(QStringLiteral("record")), limit);
    if (!entries)
        return entries.error();
    QJsonArray a;
    QString text;
    for (const JournalEntry &e : std::as_const(*entries)) {
        const QDateTime at =
            QDateTime::fromMSecsSinceEpoch(qint64(hlc::physicalMs(e.change.hlc)), Qt::UTC);
        QJsonObject o{{QStringLiteral("seq"), e.seq},
                      {QStringLiteral("change_id"), QString::fromLatin1(e.change.id.toHex())},
                      {QStringLiteral("device"), QString::fromLatin1(e.change.device.toHex())},
                      {QStringLiteral("local"), e.local},
                      {QStringLiteral("at"), at.toString(Qt::ISODateWithMs)},
                      {QStringLiteral("hlc"), QString::number(e.change.hlc)},
                      {QStringLiteral("record_type"), e.change.recordType},
                      {QStringLiteral("record_id"), e.change.recordId},
                      {QStringLiteral("synced"), e.change.serverSeq > 0},
                      {QStringLiteral("values"), e.values.toJsonObject()}};
        a.append(o);
        text +=
            QStringLiteral("%1  %2  %3 %4  device %5  %6\n")
                .arg(e.seq)
                .arg(at.toString(Qt::ISODate), e.change.recordType, e.change.recordId,
                     QString::fromLatin1(e.change.device.toHex().left(8)), fieldNames(e.values));
    }
    return Reply{a, text};
}

Result<Reply> cmdConflicts(Context &c) {
    auto list = c.session->store().conflicts();
    if (!list)
        return list.error();
    QJsonArray a;
    QString text;
    for (const Conflict &k : std::as_const(*list)) {
        a.append(QJsonObject{{QStringLiteral("record_id"), k.recordId},
                             {QStringLiteral("record_type"), k.recordType},
                             {QStringLiteral("field"), k.field},
                             {QStringLiteral("current"), k.current.toJsonValue()},
                             {QStringLiteral("other"), k.other.toJsonValue()}});
        text += QStringLiteral("%1 %2 %3: now %4, also %5\n")
                    .arg(k.recordType, k.recordId, k.field,
                         QString::fromUtf8(QCborValue(k.current).toDiagnosticNotation().toUtf8()),
                         k.other.toDiagnosticNotation());
    }
    return Reply{a, text.isEmpty() ? QStringLiteral("no conflicts\n") : text};
}

Result<Reply> cmdConflictResolve(Context &c) {
    auto id = c.positional(2, QStringLiteral("the record id"));
    auto field = c.positional(3, QStringLiteral("the field name"));
    auto value = c.positional(4, QStringLiteral("the value to keep"));
    if (!id || !field || !value)
        return usage(QStringLiteral("Usage: conflict resolve RECORD FIELD VALUE"));
    if (auto r = c.session->store().resolveConflict(*id, *field, parseValue(*value)); !r)
        return r.error();
    return Reply{QJsonObject{{QStringLiteral("resolved"), true}}, QStringLiteral("resolved\n")};
}

Result<Reply> cmdCheck(Context &c) {
    auto report = c.session->store().check();
    if (!report)
        return report.error();
    QJsonArray mismatches;
    for (const QString &m : std::as_const(report->mismatches))
        mismatches.append(m);
    QString text = QStringLiteral("database integrity: %1\nrecords: %2, journal change sets: "
                                  "%3\n")
                       .arg(report->integrity)
                       .arg(report->records)
                       .arg(report->changeSets);
    for (const QString &m : std::as_const(report->mismatches))
        text += QStringLiteral("mismatch: %1\n").arg(m);
    if (!report->ok())
        return makeError(ErrorCode::Corrupt, text.trimmed());
    return Reply{QJsonObject{{QStringLiteral("integrity"), report->integrity},
                             {QStringLiteral("records"), report->records},
                             {QStringLiteral("change_sets"), report->changeSets},
                             {QStringLiteral("ok"), true}},
                 text + QStringLiteral("journal matches the records\n")};
}

} // namespace fl::cli
