#pragma once

// Internal to fieldledger-cli: what every command group shares (the parsed command line, the
// reply a command returns, and the parsing and formatting helpers). Not installed, not public.

#include "cli/commands.h"
#include "cli/passphrase.h"
#include "cli/session.h"
#include "common/result.h"
#include "domain/entities.h"
#include "domain/scoring.h"

#include <QCborMap>
#include <QCborValue>
#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace fl::cli {

struct Args {
    QStringList words;               // command words and positional arguments
    QHash<QString, QString> options; // --name value
    QSet<QString> flags;             // --name
};

struct Reply {
    QJsonValue json;
    QString text;
    int exitCode = ExitOk; ///< non-zero for a result that is also a failure (a sync that stopped)
    QString error{};       ///< printed to stderr as "error: ..." when set
};

/// An InvalidArgument error: the command line was wrong (exit code 2).
Error usage(const QString &message);

struct Context {
    Args args;
    std::unique_ptr<Session> session;
    std::unique_ptr<PassphraseReader> reader;

    QString opt(const QString &name) const { return args.options.value(name); }
    bool has(const QString &name) const { return args.options.contains(name); }
    bool flag(const QString &name) const { return args.flags.contains(name); }
    Result<QString> required(const QString &name) const;
    Result<QString> positional(int i, const QString &what) const;
};

// ---- parsing ---------------------------------------------------------------------------------

Result<QDate> parseDate(const QString &s, const QString &what);
Result<double> parseNumber(const QString &s, const QString &what);
/// Comma-separated items, trimmed, empty ones dropped.
QStringList splitList(const QString &s);
/// A value typed on the command line: JSON when it parses as JSON, else the text itself.
QCborValue parseValue(const QString &s);

// ---- output ----------------------------------------------------------------------------------

QJsonObject entityJson(const QString &id, const QCborMap &fields);

template<typename T> QJsonObject toJson(const T &v) {
    return entityJson(v.id, toFields(v));
}

template<typename T> QJsonArray toJsonArray(const QList<T> &list) {
    QJsonArray a;
    for (const T &v : list)
        a.append(toJson(v));
    return a;
}

/// `s` left-justified in a column of `width`, cut with an ellipsis when too long.
QString pad(const QString &s, int width);
QJsonObject scoreJson(const scoring::Score &s);
QString scoreText(const scoring::Score &s);

/// Writes a whole file or nothing; an earlier file of that name stays as it was on failure.
Result<void> writeFileSafely(const QString &path, const QByteArray &bytes);

/// The process exit code (ExitCode in commands.h) for an error of the core.
int exitCodeFor(ErrorCode code);

} // namespace fl::cli
