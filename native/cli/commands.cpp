#include "cli/commands.h"

#include "cli/commandgroups.h"

#include <QJsonDocument>
#include <QStandardPaths>

#include <cstdio>
#include <functional>
#include <optional>

namespace fl::cli {

namespace {

const QSet<QString> KnownFlags = {QStringLiteral("json"), QStringLiteral("thumbnail"),
                                  QStringLiteral("include-deleted"), QStringLiteral("help"),
                                  QStringLiteral("retry-rejected")};

enum class Needs { Nothing, LockedStore, UnlockedStore };

struct Command {
    QStringList words;
    Needs needs;
    QStringList options;
    std::function<Result<Reply>(Context &)> run;
    const char *help;
};

const QList<Command> &commands() {
    using L = QStringList;
    static const QList<Command> list = {
        {{"init"}, Needs::Nothing, L{"kdf"}, cmdInit, "create the encrypted store"},
        {{"passwd"}, Needs::Nothing, {}, cmdPasswd, "change the passphrase (old, new on stdin)"},
        {{"status"}, Needs::LockedStore, {}, cmdStatus, "counts and pending changes"},
        {{"demo"}, Needs::Nothing, L{"kdf"}, cmdDemo, "create a demo campaign and record a visit"},
        {{"campaign", "create"},
         Needs::UnlockedStore,
         L{"name", "start", "end", "base"},
         cmdCampaignCreate,
         "--name N [--start D --end D --base 40,30,30]"},
        {{"campaign", "list"}, Needs::UnlockedStore, {}, cmdCampaignList, ""},
        {{"checklist", "add"},
         Needs::UnlockedStore,
         L{"campaign", "level", "code", "text", "max", "category"},
         cmdChecklistAdd,
         "--campaign C --level L --code X --text T --max M [--category K]"},
        {{"checklist", "list"},
         Needs::UnlockedStore,
         L{"campaign"},
         cmdChecklistList,
         "--campaign C"},
        {{"unit", "create"},
         Needs::UnlockedStore,
         L{"campaign", "name", "contact"},
         cmdUnitCreate,
         "--campaign C --name N [--contact X]"},
        {{"unit", "list"}, Needs::UnlockedStore, L{"campaign"}, cmdUnitList, "--campaign C"},
        {{"visit", "create"},
         Needs::UnlockedStore,
         L{"unit", "date", "team"},
         cmdVisitCreate,
         "--unit U --date D [--team A,B]"},
        {{"visit", "list"}, Needs::UnlockedStore, L{"campaign"}, cmdVisitList, "--campaign C"},
        {{"finding", "create"},
         Needs::UnlockedStore,
         L{"visit", "item", "title", "description", "category", "severity", "deduction", "due",
           "responsible", "level", "lat", "lon"},
         cmdFindingCreate,
         "--visit V --item I --title T [--deduction N --severity S --due D --description X "
         "--responsible R --category K --lat --lon]"},
        {{"finding", "list"},
         Needs::UnlockedStore,
         L{"visit", "campaign", "offset", "limit"},
         cmdFindingList,
         "(--visit V | --campaign C) [--offset N --limit N --include-deleted]"},
        {{"finding", "show"}, Needs::UnlockedStore, {}, cmdFindingShow, "ID"},
        {{"finding", "set"}, Needs::UnlockedStore, {}, cmdFindingSet, "ID FIELD VALUE"},
        {{"finding", "transition"},
         Needs::UnlockedStore,
         L{"actor", "note", "evidence"},
         cmdFindingTransition,
         "ID ACTION --actor A [--note T --evidence P1,P2]"},
        {{"finding", "delete"}, Needs::UnlockedStore, {}, cmdRemove, "ID"},
        {{"interview", "create"},
         Needs::UnlockedStore,
         L{"visit", "interviewee", "role", "at", "place", "content", "findings"},
         cmdInterviewCreate,
         "--visit V --interviewee X --content T [--role R --at TIME --place P --findings F1,F2]"},
        {{"interview", "list"}, Needs::UnlockedStore, L{"visit"}, cmdInterviewList, "--visit V"},
        {{"interview", "delete"}, Needs::UnlockedStore, {}, cmdRemove, "ID"},
        {{"photo", "add"},
         Needs::UnlockedStore,
         L{"record", "file", "caption", "max-edge"},
         cmdPhotoAdd,
         "--record R --file PATH [--caption T --max-edge N]"},
        {{"photo", "list"}, Needs::UnlockedStore, L{"record"}, cmdPhotoList, "--record R"},
        {{"photo", "export"},
         Needs::UnlockedStore,
         L{"out"},
         cmdPhotoExport,
         "ID --out PATH [--thumbnail]"},
        {{"score"}, Needs::UnlockedStore, L{"visit", "unit"}, cmdScore, "(--visit V | --unit U)"},
        {{"rate"},
         Needs::UnlockedStore,
         L{"campaign", "unit"},
         cmdRate,
         "(--campaign C | --unit U)"},
        {{"ledger", "export"},
         Needs::UnlockedStore,
         L{"campaign", "out"},
         cmdLedgerExport,
         "--campaign C --out FILE.csv|FILE.xlsx|-"},
        {{"report", "visit"},
         Needs::UnlockedStore,
         L{"visit", "out", "lang"},
         cmdReportVisit,
         "--visit V --out FILE.pdf [--lang zh_CN|en] the visit report"},
        {{"journal"},
         Needs::UnlockedStore,
         L{"record", "limit"},
         cmdJournal,
         "[--record R --limit N]"},
        {{"conflicts"}, Needs::UnlockedStore, {}, cmdConflicts, ""},
        {{"conflict", "resolve"},
         Needs::UnlockedStore,
         {},
         cmdConflictResolve,
         "RECORD FIELD VALUE"},
        {{"check"}, Needs::UnlockedStore, {}, cmdCheck, "integrity check and journal replay"},
        {{"enrol"},
         Needs::UnlockedStore,
         L{"server", "code", "name"},
         cmdEnrol,
         "--server URL --code CODE [--name N]"},
        {{"sync"},
         Needs::UnlockedStore,
         L{"server"},
         cmdSync,
         "[--server URL] [--retry-rejected] one full sync: push, pull, photo files"},
        {{"share"},
         Needs::UnlockedStore,
         L{"campaign", "devices"},
         cmdShare,
         "--campaign C [--devices HEX,...] (office) give devices the campaign key"},
        {{"verify"},
         Needs::UnlockedStore,
         L{"campaign"},
         cmdVerify,
         "--campaign C check every change set of a round on the server: signatures, each "
         "device's chain, and the server's copy against this device's; exit 7 on any failure"},
    };
    return list;
}

QString usageText() {
    QString t = QStringLiteral(
        "Usage: fieldledger-cli [--data DIR] [--json] [--passphrase-fd N] COMMAND ...\n"
        "The passphrase is read from standard input (or descriptor N), one line per prompt;\n"
        "never pass it as an argument.\n\nCommands:\n");
    for (const Command &c : commands()) {
        t += QStringLiteral("  %1 %2\n")
                 .arg(c.words.join(QLatin1Char(' ')).leftJustified(22), QLatin1String(c.help));
    }
    t += QStringLiteral("\nExit codes: 0 ok, 1 error, 2 usage, 3 passphrase/locked (or the server "
                        "refused this\ndevice), 4 refused input (validation, unsupported format), "
                        "5 not found (or not\nenrolled), 6 storage damaged/foreign/full, 7 "
                        "tampered data, 8 server unreachable\nor failing: nothing lost, try again "
                        "later.\n");
    return t;
}

QString errorCodeName(ErrorCode code) {
    static const char *const names[] = {"invalid_argument", "validation", "not_found",
                                        "wrong_passphrase", "locked_out", "locked",
                                        "integrity",        "corrupt",    "foreign_file",
                                        "disk_full",        "io",         "unsupported",
                                        "conflict"};
    return QLatin1String(names[int(code)]);
}

void print(FILE *to, const QString &s) {
    const QByteArray utf8 = s.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), to);
}

QString defaultDataDir() {
    const QString env = qEnvironmentVariable("FIELDLEDGER_DATA");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

/// The command line split into the command's own words and options and the global ones.
struct CommandLine {
    Args args;
    QString dataDir = defaultDataDir();
    int passFd = 0;
};

/// nullopt (after saying why on stderr) when the line is refused before any command runs.
std::optional<CommandLine> parseCommandLine(const QStringList &argv) {
    CommandLine line;
    for (int i = 0; i < argv.size(); ++i) {
        const QString &a = argv[i];
        if (!a.startsWith(QLatin1String("--"))) {
            line.args.words.append(a);
            continue;
        }
        const QString name = a.mid(2);
        if (KnownFlags.contains(name)) {
            line.args.flags.insert(name);
            continue;
        }
        if (name == QLatin1String("passphrase")) {
            print(stderr, QStringLiteral("error: a passphrase on the command line is visible to "
                                         "every user of this machine; write it on standard "
                                         "input or use --passphrase-fd.\n"));
            return std::nullopt;
        }
        if (i + 1 >= argv.size()) {
            print(stderr, QStringLiteral("error: --%1 needs a value.\n").arg(name));
            return std::nullopt;
        }
        const QString value = argv[++i];
        if (name == QLatin1String("data"))
            line.dataDir = value;
        else if (name == QLatin1String("passphrase-fd"))
            line.passFd = value.toInt();
        else
            line.args.options.insert(name, value);
    }
    return line;
}

/// The command with the longest word list that starts the command line, or null.
const Command *findCommand(const QStringList &words) {
    const Command *command = nullptr;
    for (const Command &cmd : commands()) {
        if (words.size() >= cmd.words.size() && words.mid(0, cmd.words.size()) == cmd.words &&
            (!command || cmd.words.size() > command->words.size()))
            command = &cmd;
    }
    return command;
}

/// False (after saying which on stderr) when an option is not one the command takes.
bool checkOptions(const Command &command, const Args &args) {
    for (auto it = args.options.cbegin(); it != args.options.cend(); ++it) {
        if (!command.options.contains(it.key())) {
            print(stderr, QStringLiteral("error: '%1' takes no option --%2. Usage: %1 %3\n")
                              .arg(command.words.join(QLatin1Char(' ')), it.key(),
                                   QLatin1String(command.help)));
            return false;
        }
    }
    return true;
}

/// Opens the session as far as the command needs, then runs it.
Result<Reply> execute(const Command &command, Context &c) {
    Result<void> opened;
    if (command.needs == Needs::LockedStore)
        opened = c.session->openLocked();
    else if (command.needs == Needs::UnlockedStore)
        opened = c.session->open(*c.reader);
    return opened ? command.run(c) : Result<Reply>(opened.error());
}

int printError(const Error &e, bool json) {
    if (json) {
        print(stdout,
              QString::fromUtf8(
                  QJsonDocument(
                      QJsonObject{{QStringLiteral("error"),
                                   QJsonObject{{QStringLiteral("code"), errorCodeName(e.code)},
                                               {QStringLiteral("message"), e.message}}}})
                      .toJson(QJsonDocument::Compact)) +
                  QLatin1Char('\n'));
    }
    print(stderr, QStringLiteral("error: %1\n").arg(e.message));
    return exitCodeFor(e.code);
}

int printReply(const Reply &reply, bool json) {
    if (json) {
        if (!reply.json.isNull() && !reply.json.isUndefined()) {
            const QJsonDocument doc = reply.json.isArray() ? QJsonDocument(reply.json.toArray())
                                                           : QJsonDocument(reply.json.toObject());
            print(stdout,
                  QString::fromUtf8(doc.toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        }
    } else {
        print(stdout, reply.text);
    }
    if (!reply.error.isEmpty())
        print(stderr, QStringLiteral("error: %1\n").arg(reply.error));
    return reply.exitCode;
}

} // namespace

int run(const QStringList &argv) {
    std::optional<CommandLine> line = parseCommandLine(argv);
    if (!line)
        return ExitUsage;
    const bool json = line->args.flags.contains(QStringLiteral("json"));
    if (line->args.words.isEmpty() || line->args.flags.contains(QStringLiteral("help"))) {
        print(line->args.words.isEmpty() ? stderr : stdout, usageText());
        return line->args.words.isEmpty() ? ExitUsage : ExitOk;
    }
    const Command *command = findCommand(line->args.words);
    if (!command) {
        print(stderr, QStringLiteral("error: unknown command '%1'.\n\n%2")
                          .arg(line->args.words.join(QLatin1Char(' ')), usageText()));
        return ExitUsage;
    }
    if (!checkOptions(*command, line->args))
        return ExitUsage;

    Context c;
    c.args = std::move(line->args);
    c.session = std::make_unique<Session>(line->dataDir);
    c.reader = std::make_unique<PassphraseReader>(line->passFd);
    const Result<Reply> reply = execute(*command, c);
    if (!reply)
        return printError(reply.error(), json);
    return printReply(*reply, json);
}

} // namespace fl::cli
