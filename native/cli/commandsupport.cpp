#include "cli/commandsupport.h"

#include "common/savefile.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace fl::cli {

Error usage(const QString &message) {
    return makeError(ErrorCode::InvalidArgument, message);
}

Result<QString> Context::required(const QString &name) const {
    if (!has(name) || opt(name).isEmpty())
        return usage(QStringLiteral("Missing --%1.").arg(name));
    return opt(name);
}

Result<QString> Context::positional(int i, const QString &what) const {
    if (i >= args.words.size())
        return usage(QStringLiteral("Missing %1.").arg(what));
    return args.words.at(i);
}

Result<QDate> parseDate(const QString &s, const QString &what) {
    const QDate d = QDate::fromString(s, Qt::ISODate);
    if (!d.isValid())
        return usage(QStringLiteral("%1 must be a date like 2026-11-26, not '%2'.").arg(what, s));
    return d;
}

Result<double> parseNumber(const QString &s, const QString &what) {
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok)
        return usage(QStringLiteral("%1 must be a number, not '%2'.").arg(what, s));
    return v;
}

QStringList splitList(const QString &s) {
    QStringList out;
    for (const QString &part : s.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.append(part.trimmed());
    return out;
}

QCborValue parseValue(const QString &s) {
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson("[" + s.toUtf8() + "]", &err);
    if (err.error == QJsonParseError::NoError && doc.array().size() == 1) {
        const QJsonValue v = doc.array().at(0);
        // Numbers stay doubles (fromJsonValue would make 4 an integer): the domain stores
        // deductions and scores as doubles.
        if (v.isDouble())
            return QCborValue(v.toDouble());
        return QCborValue::fromJsonValue(v);
    }
    return QCborValue(s);
}

QJsonObject entityJson(const QString &id, const QCborMap &fields) {
    QJsonObject o = fields.toJsonObject();
    o.insert(QStringLiteral("id"), id);
    return o;
}

QString pad(const QString &s, int width) {
    return s.size() >= width ? s.left(width - 1) + QStringLiteral("… ") : s.leftJustified(width);
}

QJsonObject scoreJson(const scoring::Score &s) {
    QJsonObject o;
    QJsonArray levels;
    for (int l = 0; l < LevelCount; ++l) {
        levels.append(QJsonObject{{QStringLiteral("level"), toString(Level(l))},
                                  {QStringLiteral("base"), s.base[l]},
                                  {QStringLiteral("deducted"), s.deducted[l]},
                                  {QStringLiteral("score"), s.score[l]}});
    }
    o.insert(QStringLiteral("levels"), levels);
    o.insert(QStringLiteral("total_base"), s.totalBase);
    o.insert(QStringLiteral("total_deducted"), s.totalDeducted);
    o.insert(QStringLiteral("total"), s.total);
    QJsonArray items;
    for (const scoring::ItemDeduction &d : s.items) {
        items.append(QJsonObject{{QStringLiteral("checklist_item_id"), d.checklistItemId},
                                 {QStringLiteral("level"), toString(d.level)},
                                 {QStringLiteral("raw"), d.raw},
                                 {QStringLiteral("capped"), d.capped},
                                 {QStringLiteral("findings"), d.findingCount}});
    }
    o.insert(QStringLiteral("items"), items);
    return o;
}

QString scoreText(const scoring::Score &s) {
    QString t;
    for (int l = 0; l < LevelCount; ++l) {
        t += QStringLiteral("%1 %2 / %3 (-%4)\n")
                 .arg(pad(toString(Level(l)), 18))
                 .arg(s.score[l])
                 .arg(s.base[l])
                 .arg(s.deducted[l]);
    }
    t += QStringLiteral("%1 %2 / %3 (-%4)\n")
             .arg(pad(QStringLiteral("total"), 18))
             .arg(s.total)
             .arg(s.totalBase)
             .arg(s.totalDeducted);
    return t;
}

Result<void> writeFileSafely(const QString &path, const QByteArray &bytes) {
    if (auto failed = saveWhole(path, bytes))
        return makeError(failed->diskFull() ? ErrorCode::DiskFull : ErrorCode::Io,
                         QStringLiteral("Could not write %1: %2").arg(path, failed->errorString));
    return {};
}

int exitCodeFor(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return ExitUsage;
    case ErrorCode::WrongPassphrase:
    case ErrorCode::LockedOut:
    case ErrorCode::Locked:
        return ExitAuth;
    case ErrorCode::Validation:
    case ErrorCode::Conflict:
    case ErrorCode::Unsupported:
        return ExitValidation;
    case ErrorCode::NotFound:
        return ExitNotFound;
    case ErrorCode::Corrupt:
    case ErrorCode::ForeignFile:
    case ErrorCode::DiskFull:
    case ErrorCode::Io:
        return ExitStorage;
    case ErrorCode::Integrity:
        return ExitIntegrity;
    }
    return ExitError;
}

} // namespace fl::cli
