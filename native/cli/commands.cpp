#include "cli/commands.h"

#include "cli/passphrase.h"
#include "cli/session.h"
#include "common/savefile.h"
#include "domain/lifecycle.h"
#include "domain/scoring.h"
#include "media/photolibrary.h"
#include "reports/reports.h"
#include "store/store.h"
#include "sync/client/syncclient.h"
#include "sync/client/syncengine.h"

#include <QCborArray>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTextStream>
#include <QTimeZone>

#include <cstdio>
#include <functional>

namespace fl::cli {

namespace {

struct Args {
    QStringList words;               // command words and positional arguments
    QHash<QString, QString> options; // --name value
    QSet<QString> flags;             // --name
};

const QSet<QString> KnownFlags = {QStringLiteral("json"), QStringLiteral("thumbnail"),
                                  QStringLiteral("include-deleted"), QStringLiteral("help"),
                                  QStringLiteral("retry-rejected")};

struct Reply {
    QJsonValue json;
    QString text;
    int exitCode = ExitOk; ///< non-zero for a result that is also a failure (a sync that stopped)
    QString error{};       ///< printed to stderr as "error: ..." when set
};

Error usage(const QString &message) {
    return makeError(ErrorCode::InvalidArgument, message);
}

struct Context {
    Args args;
    std::unique_ptr<Session> session;
    std::unique_ptr<PassphraseReader> reader;

    QString opt(const QString &name) const { return args.options.value(name); }
    bool has(const QString &name) const { return args.options.contains(name); }
    bool flag(const QString &name) const { return args.flags.contains(name); }
    Result<QString> required(const QString &name) const {
        if (!has(name) || opt(name).isEmpty())
            return usage(QStringLiteral("Missing --%1.").arg(name));
        return opt(name);
    }
    Result<QString> positional(int i, const QString &what) const {
        if (i >= args.words.size())
            return usage(QStringLiteral("Missing %1.").arg(what));
        return args.words.at(i);
    }
};

// ---- parsing helpers -------------------------------------------------------------------------

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

/// A value typed on the command line: JSON when it parses as JSON, else the text itself.
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

template<typename T> QJsonObject toJson(const T &v) {
    return entityJson(v.id, toFields(v));
}

template<typename T> QJsonArray toJsonArray(const QList<T> &list) {
    QJsonArray a;
    for (const T &v : list)
        a.append(toJson(v));
    return a;
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

Reply rateReply(const scoring::RectificationRate &r) {
    return {QJsonObject{{QStringLiteral("closed"), r.closed},
                        {QStringLiteral("total"), r.total},
                        {QStringLiteral("rate"), r.rate}},
            QStringLiteral("%1 of %2 findings closed: %3%\n")
                .arg(r.closed)
                .arg(r.total)
                .arg(r.rate * 100, 0, 'f', 1)};
}

// ---- commands --------------------------------------------------------------------------------

Result<Reply> cmdInit(Context &c) {
    const QString kdf =
        c.has(QStringLiteral("kdf")) ? c.opt(QStringLiteral("kdf")) : QStringLiteral("moderate");
    KdfParams params;
    if (kdf == QLatin1String("moderate"))
        params = KdfParams::moderate();
    else if (kdf == QLatin1String("interactive"))
        params = KdfParams::interactive();
    else if (kdf == QLatin1String("minimum"))
        params = KdfParams::minimum();
    else
        return usage(QStringLiteral("--kdf is moderate, interactive or minimum."));
    if (auto r = c.session->initialize(*c.reader, params); !r)
        return r.error();
    const QString device = QString::fromLatin1(c.session->vault().deviceId().toHex());
    return Reply{QJsonObject{{QStringLiteral("data"), c.session->dataDir()},
                             {QStringLiteral("device_id"), device}},
                 QStringLiteral("Created an encrypted FieldLedger store in %1 (device %2).\n")
                     .arg(c.session->dataDir(), device)};
}

Result<Reply> cmdPasswd(Context &c) {
    Vault &vault = c.session->vault();
    if (!vault.exists())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("No vault in %1.").arg(c.session->dataDir()));
    auto old = c.reader->read(QStringLiteral("Current passphrase: "));
    if (!old)
        return old.error();
    auto next = c.reader->read(QStringLiteral("New passphrase: "));
    if (!next) {
        wipe(*old);
        return next.error();
    }
    Result<void> r = next->size() < 8
                         ? Result<void>(makeError(ErrorCode::Validation,
                                                  QStringLiteral("The new passphrase is too "
                                                                 "short: use at least 8 "
                                                                 "characters.")))
                         : vault.changePassphrase(*old, *next);
    wipe(*old);
    wipe(*next);
    if (!r)
        return r.error();
    return Reply{QJsonObject{{QStringLiteral("changed"), true}},
                 QStringLiteral("Passphrase changed. Your data did not need re-encrypting.\n")};
}

Result<Reply> cmdStatus(Context &c) {
    Store &s = c.session->store();
    auto pending = s.pendingCount();
    if (!pending)
        return pending.error();
    QJsonObject counts;
    QString text =
        QStringLiteral("data folder   %1\ndevice        %2\npending sync  %3 change "
                       "sets\n")
            .arg(c.session->dataDir(), QString::fromLatin1(c.session->vault().deviceId().toHex()))
            .arg(*pending);
    for (const char *type : {recordtype::Campaign, recordtype::Unit, recordtype::Visit,
                             recordtype::Finding, recordtype::Interview, recordtype::Photo}) {
        auto n = s.count(QLatin1String(type), {});
        if (!n)
            return n.error();
        counts.insert(QLatin1String(type), *n);
        text += QStringLiteral("%1 %2\n").arg(pad(QLatin1String(type), 14)).arg(*n);
    }
    return Reply{QJsonObject{{QStringLiteral("data"), c.session->dataDir()},
                             {QStringLiteral("device_id"),
                              QString::fromLatin1(c.session->vault().deviceId().toHex())},
                             {QStringLiteral("pending"), *pending},
                             {QStringLiteral("counts"), counts}},
                 text};
}

Result<Reply> cmdCampaignCreate(Context &c) {
    Campaign v;
    auto name = c.required(QStringLiteral("name"));
    if (!name)
        return name.error();
    v.name = *name;
    if (c.has(QStringLiteral("start"))) {
        auto d = parseDate(c.opt(QStringLiteral("start")), QStringLiteral("--start"));
        if (!d)
            return d.error();
        v.startDate = *d;
    }
    if (c.has(QStringLiteral("end"))) {
        auto d = parseDate(c.opt(QStringLiteral("end")), QStringLiteral("--end"));
        if (!d)
            return d.error();
        v.endDate = *d;
    }
    if (c.has(QStringLiteral("base"))) {
        const QStringList parts = splitList(c.opt(QStringLiteral("base")));
        if (parts.size() != LevelCount)
            return usage(QStringLiteral("--base takes three numbers: party group, organ "
                                        "committee, grassroots (e.g. 40,30,30)."));
        for (int l = 0; l < LevelCount; ++l) {
            auto n = parseNumber(parts[l], QStringLiteral("--base"));
            if (!n)
                return n.error();
            v.baseScore[l] = *n;
        }
    }
    auto created = c.session->inspection().createCampaign(v);
    if (!created)
        return created.error();
    return Reply{toJson(*created), created->id + QLatin1Char('\n')};
}

Result<Reply> cmdCampaignList(Context &c) {
    auto list = c.session->inspection().campaigns();
    if (!list)
        return list.error();
    QString text;
    for (const Campaign &v : std::as_const(*list))
        text += QStringLiteral("%1  %2\n").arg(v.id, v.name);
    return Reply{toJsonArray(*list), text};
}

Result<Reply> cmdChecklistAdd(Context &c) {
    ChecklistItem v;
    for (const char *name : {"campaign", "level", "code", "text", "max"}) {
        if (auto r = c.required(QLatin1String(name)); !r)
            return r.error();
    }
    v.campaignId = c.opt(QStringLiteral("campaign"));
    const auto level = levelFromString(c.opt(QStringLiteral("level")));
    if (!level)
        return usage(QStringLiteral("--level is party_group, organ_committee or grassroots."));
    v.level = *level;
    v.code = c.opt(QStringLiteral("code"));
    v.text = c.opt(QStringLiteral("text"));
    v.category = c.opt(QStringLiteral("category"));
    auto max = parseNumber(c.opt(QStringLiteral("max")), QStringLiteral("--max"));
    if (!max)
        return max.error();
    v.maxDeduction = *max;
    auto created = c.session->inspection().addChecklistItem(v);
    if (!created)
        return created.error();
    return Reply{toJson(*created), created->id + QLatin1Char('\n')};
}

Result<Reply> cmdChecklistList(Context &c) {
    auto campaign = c.required(QStringLiteral("campaign"));
    if (!campaign)
        return campaign.error();
    auto list = c.session->inspection().checklist(*campaign);
    if (!list)
        return list.error();
    QString text;
    for (const ChecklistItem &v : std::as_const(*list)) {
        text += QStringLiteral("%1  %2 %3 max %4  %5\n")
                    .arg(v.id, pad(toString(v.level), 16), pad(v.code, 8))
                    .arg(v.maxDeduction)
                    .arg(v.text);
    }
    return Reply{toJsonArray(*list), text};
}

Result<Reply> cmdUnitCreate(Context &c) {
    Unit v;
    auto campaign = c.required(QStringLiteral("campaign"));
    if (!campaign)
        return campaign.error();
    auto name = c.required(QStringLiteral("name"));
    if (!name)
        return name.error();
    v.campaignId = *campaign;
    v.name = *name;
    v.contact = c.opt(QStringLiteral("contact"));
    auto created = c.session->inspection().createUnit(v);
    if (!created)
        return created.error();
    return Reply{toJson(*created), created->id + QLatin1Char('\n')};
}

Result<Reply> cmdUnitList(Context &c) {
    auto campaign = c.required(QStringLiteral("campaign"));
    if (!campaign)
        return campaign.error();
    auto list = c.session->inspection().units(*campaign);
    if (!list)
        return list.error();
    QString text;
    for (const Unit &v : std::as_const(*list))
        text += QStringLiteral("%1  %2\n").arg(v.id, v.name);
    return Reply{toJsonArray(*list), text};
}

Result<Reply> cmdVisitCreate(Context &c) {
    Visit v;
    auto unit = c.required(QStringLiteral("unit"));
    if (!unit)
        return unit.error();
    auto dateText = c.required(QStringLiteral("date"));
    if (!dateText)
        return dateText.error();
    auto date = parseDate(*dateText, QStringLiteral("--date"));
    if (!date)
        return date.error();
    v.unitId = *unit;
    v.date = *date;
    v.team = splitList(c.opt(QStringLiteral("team")));
    auto created = c.session->inspection().createVisit(v);
    if (!created)
        return created.error();
    return Reply{toJson(*created), created->id + QLatin1Char('\n')};
}

Result<Reply> cmdVisitList(Context &c) {
    auto campaign = c.required(QStringLiteral("campaign"));
    if (!campaign)
        return campaign.error();
    auto list = c.session->inspection().visits(*campaign);
    if (!list)
        return list.error();
    QString text;
    for (const Visit &v : std::as_const(*list)) {
        text += QStringLiteral("%1  %2  %3  %4\n")
                    .arg(v.id, v.date.toString(Qt::ISODate), pad(toString(v.status), 12),
                         v.team.join(QStringLiteral(", ")));
    }
    return Reply{toJsonArray(*list), text};
}

Result<Reply> cmdFindingCreate(Context &c) {
    Finding f;
    for (const char *name : {"visit", "item", "title"}) {
        if (auto r = c.required(QLatin1String(name)); !r)
            return r.error();
    }
    f.visitId = c.opt(QStringLiteral("visit"));
    f.checklistItemId = c.opt(QStringLiteral("item"));
    f.title = c.opt(QStringLiteral("title"));
    f.description = c.opt(QStringLiteral("description"));
    f.category = c.opt(QStringLiteral("category"));
    f.responsibleParty = c.opt(QStringLiteral("responsible"));
    if (c.has(QStringLiteral("severity"))) {
        const auto s = severityFromString(c.opt(QStringLiteral("severity")));
        if (!s)
            return usage(QStringLiteral("--severity is minor, moderate or serious."));
        f.severity = *s;
    }
    if (c.has(QStringLiteral("deduction"))) {
        auto d = parseNumber(c.opt(QStringLiteral("deduction")), QStringLiteral("--deduction"));
        if (!d)
            return d.error();
        f.deduction = *d;
    }
    if (c.has(QStringLiteral("due"))) {
        auto d = parseDate(c.opt(QStringLiteral("due")), QStringLiteral("--due"));
        if (!d)
            return d.error();
        f.dueDate = *d;
    }
    // The level follows the checklist item unless given.
    auto item = c.session->inspection().checklistItem(f.checklistItemId);
    if (item)
        f.level = item->level;
    if (c.has(QStringLiteral("level"))) {
        const auto l = levelFromString(c.opt(QStringLiteral("level")));
        if (!l)
            return usage(QStringLiteral("--level is party_group, organ_committee or grassroots."));
        f.level = *l;
    }
    if (c.has(QStringLiteral("lat")) || c.has(QStringLiteral("lon"))) {
        auto lat = parseNumber(c.opt(QStringLiteral("lat")), QStringLiteral("--lat"));
        auto lon = parseNumber(c.opt(QStringLiteral("lon")), QStringLiteral("--lon"));
        if (!lat)
            return lat.error();
        if (!lon)
            return lon.error();
        f.location = GeoPosition{*lat, *lon, 0, 0};
    }
    auto created = c.session->inspection().createFinding(f);
    if (!created)
        return created.error();
    return Reply{toJson(*created), created->id + QLatin1Char('\n')};
}

Result<Reply> cmdFindingList(Context &c) {
    RecordFilter filter;
    filter.parentId = c.opt(QStringLiteral("visit"));
    filter.campaignId = c.opt(QStringLiteral("campaign"));
    filter.includeDeleted = c.flag(QStringLiteral("include-deleted"));
    if (filter.parentId.isEmpty() && filter.campaignId.isEmpty())
        return usage(QStringLiteral("Give --visit or --campaign."));
    int offset = 0;
    int limit = 50;
    if (c.has(QStringLiteral("offset")))
        offset = c.opt(QStringLiteral("offset")).toInt();
    if (c.has(QStringLiteral("limit")))
        limit = c.opt(QStringLiteral("limit")).toInt();
    auto list = c.session->inspection().findings(filter, offset, limit);
    if (!list)
        return list.error();
    auto total = c.session->store().count(QLatin1String(recordtype::Finding), filter);
    if (!total)
        return total.error();
    QString text;
    for (const Finding &f : std::as_const(*list)) {
        text += QStringLiteral("%1  %2 -%3  %4\n")
                    .arg(f.id, pad(toString(f.status), 22))
                    .arg(f.deduction)
                    .arg(f.title);
    }
    text +=
        QStringLiteral("(%1-%2 of %3)\n").arg(offset + 1).arg(offset + list->size()).arg(*total);
    return Reply{QJsonObject{{QStringLiteral("total"), *total},
                             {QStringLiteral("offset"), offset},
                             {QStringLiteral("items"), toJsonArray(*list)}},
                 text};
}

Result<Reply> cmdFindingShow(Context &c) {
    auto id = c.positional(2, QStringLiteral("the finding id"));
    if (!id)
        return id.error();
    auto f = c.session->inspection().finding(*id);
    if (!f)
        return f.error();
    auto history = c.session->inspection().history(*id);
    if (!history)
        return history.error();
    QJsonObject o = toJson(*f);
    o.insert(QStringLiteral("history"), toJsonArray(*history));
    QString text = QString::fromUtf8(QJsonDocument(toJson(*f)).toJson());
    for (const Transition &t : std::as_const(*history)) {
        text +=
            QStringLiteral("%1  %2 -> %3  by %4: %5\n")
                .arg(t.at.toString(Qt::ISODate), toString(t.from), toString(t.to), t.actor, t.note);
    }
    return Reply{o, text};
}

Result<Reply> cmdFindingSet(Context &c) {
    auto id = c.positional(2, QStringLiteral("the finding id"));
    auto field = c.positional(3, QStringLiteral("the field name"));
    auto value = c.positional(4, QStringLiteral("the value"));
    if (!id || !field || !value)
        return usage(QStringLiteral("Usage: finding set ID FIELD VALUE"));
    auto f = c.session->inspection().updateFinding(*id, QCborMap{{*field, parseValue(*value)}});
    if (!f)
        return f.error();
    return Reply{toJson(*f), QStringLiteral("saved\n")};
}

Result<Reply> cmdFindingTransition(Context &c) {
    auto id = c.positional(2, QStringLiteral("the finding id"));
    auto actionName = c.positional(3, QStringLiteral("the action"));
    if (!id || !actionName)
        return usage(QStringLiteral("Usage: finding transition ID ACTION --actor NAME [--note "
                                    "TEXT] [--evidence PHOTO_ID,...]"));
    const auto action = lifecycle::actionFromString(*actionName);
    if (!action)
        return usage(QStringLiteral("ACTION is start_rectification, submit_for_verification, "
                                    "verify_passed or verify_failed."));
    auto f = c.session->inspection().transition(*id, *action, c.opt(QStringLiteral("actor")),
                                                c.opt(QStringLiteral("note")),
                                                splitList(c.opt(QStringLiteral("evidence"))));
    if (!f)
        return f.error();
    return Reply{toJson(*f), QStringLiteral("now %1\n").arg(toString(f->status))};
}

Result<Reply> cmdRemove(Context &c) {
    auto id = c.positional(2, QStringLiteral("the record id"));
    if (!id)
        return id.error();
    if (auto r = c.session->inspection().remove(*id); !r)
        return r.error();
    return Reply{QJsonObject{{QStringLiteral("deleted"), *id}}, QStringLiteral("deleted\n")};
}

Result<Reply> cmdInterviewCreate(Context &c) {
    Interview v;
    for (const char *name : {"visit", "interviewee", "content"}) {
        if (auto r = c.required(QLatin1String(name)); !r)
            return r.error();
    }
    v.visitId = c.opt(QStringLiteral("visit"));
    v.interviewee = c.opt(QStringLiteral("interviewee"));
    v.role = c.opt(QStringLiteral("role"));
    v.place = c.opt(QStringLiteral("place"));
    v.content = c.opt(QStringLiteral("content"));
    v.linkedFindingIds = splitList(c.opt(QStringLiteral("findings")));
    v.at = QDateTime::currentDateTimeUtc();
    if (c.has(QStringLiteral("at"))) {
        v.at = QDateTime::fromString(c.opt(QStringLiteral("at")), Qt::ISODate);
        if (!v.at.isValid())
            return usage(QStringLiteral("--at must be a time like 2026-11-26T09:30:00+08:00."));
    }
    auto created = c.session->inspection().createInterview(v);
    if (!created)
        return created.error();
    return Reply{toJson(*created), created->id + QLatin1Char('\n')};
}

Result<Reply> cmdInterviewList(Context &c) {
    auto visit = c.required(QStringLiteral("visit"));
    if (!visit)
        return visit.error();
    auto list = c.session->inspection().interviews(*visit);
    if (!list)
        return list.error();
    QString text;
    for (const Interview &v : std::as_const(*list))
        text += QStringLiteral("%1  %2 (%3)\n").arg(v.id, v.interviewee, v.role);
    return Reply{toJsonArray(*list), text};
}

Result<Reply> cmdPhotoAdd(Context &c) {
    auto record = c.required(QStringLiteral("record"));
    if (!record)
        return record.error();
    auto file = c.required(QStringLiteral("file"));
    if (!file)
        return file.error();
    PhotoImportOptions options;
    if (c.has(QStringLiteral("max-edge")))
        options.maxLongestEdge = c.opt(QStringLiteral("max-edge")).toInt();
    PhotoLibrary library(c.session->store(), c.session->blobs());
    auto photo = library.importFile(*record, *file, c.opt(QStringLiteral("caption")), options);
    if (!photo)
        return photo.error();
    return Reply{toJson(*photo), photo->id + QLatin1Char('\n')};
}

Result<Reply> cmdPhotoList(Context &c) {
    auto record = c.required(QStringLiteral("record"));
    if (!record)
        return record.error();
    PhotoLibrary library(c.session->store(), c.session->blobs());
    auto list = library.photos(*record);
    if (!list)
        return list.error();
    QString text;
    for (const Photo &p : std::as_const(*list)) {
        text +=
            QStringLiteral("%1  %2x%3  %4\n").arg(p.id).arg(p.width).arg(p.height).arg(p.caption);
    }
    return Reply{toJsonArray(*list), text};
}

/// Writes a whole file or nothing; an earlier file of that name stays as it was on failure.
Result<void> writeFileSafely(const QString &path, const QByteArray &bytes) {
    if (auto failed = saveWhole(path, bytes))
        return makeError(failed->diskFull() ? ErrorCode::DiskFull : ErrorCode::Io,
                         QStringLiteral("Could not write %1: %2").arg(path, failed->errorString));
    return {};
}

Result<Reply> cmdPhotoExport(Context &c) {
    auto id = c.positional(2, QStringLiteral("the photo id"));
    if (!id)
        return id.error();
    auto out = c.required(QStringLiteral("out"));
    if (!out)
        return out.error();
    PhotoLibrary library(c.session->store(), c.session->blobs());
    auto bytes = c.flag(QStringLiteral("thumbnail")) ? library.thumbnail(*id) : library.image(*id);
    if (!bytes)
        return bytes.error();
    if (auto written = writeFileSafely(*out, *bytes); !written)
        return written.error();
    return Reply{QJsonObject{{QStringLiteral("written"), *out},
                             {QStringLiteral("bytes"), qint64(bytes->size())}},
                 QStringLiteral("wrote %1 bytes (decrypted) to %2\n").arg(bytes->size()).arg(*out)};
}

Result<Reply> cmdScore(Context &c) {
    Result<scoring::Score> s =
        c.has(QStringLiteral("visit"))
            ? c.session->inspection().visitScore(c.opt(QStringLiteral("visit")))
        : c.has(QStringLiteral("unit"))
            ? c.session->inspection().unitScore(c.opt(QStringLiteral("unit")))
            : Result<scoring::Score>(usage(QStringLiteral("Give --visit "
                                                          "or --unit.")));
    if (!s)
        return s.error();
    return Reply{scoreJson(*s), scoreText(*s)};
}

Result<Reply> cmdRate(Context &c) {
    Result<scoring::RectificationRate> r =
        c.has(QStringLiteral("campaign"))
            ? c.session->inspection().campaignRate(c.opt(QStringLiteral("campaign")))
        : c.has(QStringLiteral("unit"))
            ? c.session->inspection().unitRate(c.opt(QStringLiteral("unit")))
            : Result<scoring::RectificationRate>(usage(QStringLiteral("Give --campaign or "
                                                                      "--unit.")));
    if (!r)
        return r.error();
    return rateReply(*r);
}

Result<Reply> cmdLedgerExport(Context &c) {
    auto campaign = c.required(QStringLiteral("campaign"));
    if (!campaign)
        return campaign.error();
    auto out = c.required(QStringLiteral("out"));
    if (!out)
        return out.error();
    auto rows = c.session->inspection().ledger(*campaign, QDate::currentDate());
    if (!rows)
        return rows.error();
    if (*out == QLatin1String("-")) {
        const QByteArray csv = ledgerToCsv(*rows);
        std::fwrite(csv.constData(), 1, size_t(csv.size()), stdout);
        return Reply{QJsonValue(), QString()};
    }
    // The format follows the file name: .xlsx is a workbook, anything else CSV.
    Result<QByteArray> bytes = out->endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)
                                   ? reports::ledgerXlsx(*rows)
                                   : Result<QByteArray>(ledgerToCsv(*rows));
    if (!bytes)
        return bytes.error();
    if (auto written = writeFileSafely(*out, *bytes); !written)
        return written.error();
    return Reply{
        QJsonObject{{QStringLiteral("written"), *out}, {QStringLiteral("rows"), int(rows->size())}},
        QStringLiteral("wrote %1 findings to %2\n").arg(rows->size()).arg(*out)};
}

Result<Reply> cmdReportVisit(Context &c) {
    auto visit = c.required(QStringLiteral("visit"));
    if (!visit)
        return visit.error();
    auto out = c.required(QStringLiteral("out"));
    if (!out)
        return out.error();
    reports::VisitReportOptions options;
    if (c.has(QStringLiteral("lang"))) {
        const auto language = reports::languageFromString(c.opt(QStringLiteral("lang")));
        if (!language)
            return usage(QStringLiteral("--lang must be zh_CN or en, not '%1'.")
                             .arg(c.opt(QStringLiteral("lang"))));
        options.language = *language;
    }
    PhotoLibrary library(c.session->store(), c.session->blobs());
    auto pdf = reports::visitReportPdf(c.session->inspection(), library, *visit, options);
    if (!pdf)
        return pdf.error();
    if (auto written = writeFileSafely(*out, *pdf); !written)
        return written.error();
    return Reply{
        QJsonObject{{QStringLiteral("written"), *out},
                    {QStringLiteral("bytes"), qint64(pdf->size())}},
        QStringLiteral("wrote the visit report (%1 bytes) to %2\n").arg(pdf->size()).arg(*out)};
}

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
        text += QStringLiteral("%1  %2  %3 %4  device %5  %6\n")
                    .arg(e.seq)
                    .arg(at.toString(Qt::ISODate), e.change.recordType, e.change.recordId,
                         QString::fromLatin1(e.change.device.toHex().left(8)),
                         e.values.keys().isEmpty() ? QString()
                                                   : QStringList([&] {
                                                         QStringList ks;
                                                         for (const QCborValue &k : e.values.keys())
                                                             ks.append(k.toString());
                                                         return ks;
                                                     }())
                                                         .join(QStringLiteral(", ")));
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

// ---- sync ------------------------------------------------------------------------------------

int exitCodeFor(ErrorCode code);

int exitCodeFor(const sync::SyncFailure &failure) {
    // Whatever a later attempt can fix on its own is "try again later".
    if (failure.error != sync::SyncError::None && failure.retryable())
        return ExitServer;
    switch (failure.error) {
    case sync::SyncError::None:
        return ExitOk;
    case sync::SyncError::Network:
    case sync::SyncError::Timeout:
    case sync::SyncError::ServerError:
    case sync::SyncError::Protocol:
        return ExitServer;
    case sync::SyncError::Unauthorized:
    case sync::SyncError::Forbidden:
        return ExitAuth;
    case sync::SyncError::BadRequest:
        return ExitValidation;
    case sync::SyncError::NotEnrolled:
        return ExitNotFound;
    case sync::SyncError::Local:
        return exitCodeFor(failure.localCode);
    case sync::SyncError::Cancelled:
    case sync::SyncError::Tls:
        return ExitError;
    }
    return ExitError;
}

QJsonValue failureJson(const sync::SyncFailure &f) {
    if (f.error == sync::SyncError::None)
        return QJsonValue(QJsonValue::Null);
    return QJsonObject{{QStringLiteral("code"), sync::errorName(f.error)},
                       {QStringLiteral("reason"), f.code},
                       {QStringLiteral("http_status"), f.httpStatus},
                       {QStringLiteral("retryable"), f.retryable()},
                       {QStringLiteral("message"), f.message}};
}

/// A reply that is a failure: printed as {"error": ...} with --json, exit code by error type.
Reply failureReply(const sync::SyncFailure &f) {
    return Reply{QJsonObject{{QStringLiteral("error"), failureJson(f)}}, QString(), exitCodeFor(f),
                 f.message};
}

std::unique_ptr<sync::SyncEngine> syncEngine(Session &s) {
    return std::make_unique<sync::SyncEngine>(s.vault(), s.databasePath(), s.blobDir());
}

QString bytesText(qint64 bytes) {
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KiB").arg(double(bytes) / 1024, 0, 'f', 1);
    return QStringLiteral("%1 MiB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
}

Result<Reply> cmdEnrol(Context &c) {
    auto server = c.required(QStringLiteral("server"));
    if (!server)
        return server.error();
    auto code = c.required(QStringLiteral("code"));
    if (!code)
        return code.error();
    if (auto url = sync::SyncClient::checkServerUrl(*server); !url)
        return usage(url.failure().message);
    const QString name =
        c.has(QStringLiteral("name")) ? c.opt(QStringLiteral("name")) : QSysInfo::machineHostName();
    auto engine = syncEngine(*c.session);
    auto role = engine->enrol(*server, *code, name);
    if (!role)
        return failureReply(role.failure());
    const QString device = QString::fromLatin1(c.session->vault().deviceId().toHex());
    return Reply{QJsonObject{{QStringLiteral("device_id"), device},
                             {QStringLiteral("role"), *role},
                             {QStringLiteral("server"), *server}},
                 QStringLiteral("Enrolled device %1 as %2 with %3.\n").arg(device, *role, *server)};
}

Result<Reply> cmdSync(Context &c) {
    auto engine = syncEngine(*c.session);
    if (c.has(QStringLiteral("server"))) {
        auto url = sync::SyncClient::checkServerUrl(c.opt(QStringLiteral("server")));
        if (!url)
            return usage(url.failure().message);
        engine->setServerOverride(*url);
    }
    if (c.flag(QStringLiteral("retry-rejected"))) {
        if (auto r = engine->retryRejected(); !r)
            return r.error();
    }
    const sync::SyncReport report = engine->runSync();
    const sync::SyncProgress &p = report.progress;
    QJsonArray rejected;
    const int pulled = report.pulledApplied + report.parkedApplied;
    QString text = QStringLiteral("pushed %1 change sets, pulled %2, uploaded %3 files (%4), "
                                  "downloaded %5 files (%6)\n")
                       .arg(p.pushed)
                       .arg(pulled)
                       .arg(p.uploaded)
                       .arg(bytesText(p.bytesUp))
                       .arg(p.downloaded)
                       .arg(bytesText(p.bytesDown));
    if (report.keysAdded > 0)
        text += QStringLiteral("received keys for %1 campaigns\n").arg(report.keysAdded);
    if (report.pending > 0)
        text += QStringLiteral("%1 change sets still to push\n").arg(report.pending);
    if (report.deferred > 0)
        text += QStringLiteral("%1 change sets wait until this device may write their campaign "
                               "(ask the office to share it) or its clock is right; they stay "
                               "in the outbox\n")
                    .arg(report.deferred);
    if (!report.rejected.isEmpty())
        text += QStringLiteral("%1 change sets were refused by the server and set aside (still "
                               "on this device; retry with 'sync --retry-rejected'):\n")
                    .arg(report.rejected.size());
    for (const sync::RejectedChange &r : report.rejected) {
        const QString id = QString::fromLatin1(r.changeId.toHex());
        rejected.append(QJsonObject{{QStringLiteral("change_id"), id},
                                    {QStringLiteral("record_type"), r.recordType},
                                    {QStringLiteral("record_id"), r.recordId},
                                    {QStringLiteral("reason"), r.reason}});
        text += QStringLiteral("  %1 %2: %3\n").arg(r.recordType, r.recordId, r.reason);
    }
    if (!report.parked.isEmpty())
        text += QStringLiteral("%1 change sets from the server could not be applied yet and are "
                               "kept for the next sync (first reason: %2)\n")
                    .arg(report.parked.size())
                    .arg(report.parked.first().reason);
    if (report.missingBlobs > 0)
        text += QStringLiteral("%1 photo files are not on the server yet (their device uploads "
                               "them when it syncs)\n")
                    .arg(report.missingBlobs);
    if (report.blobFailures > 0)
        text += QStringLiteral("%1 photo files could not be transferred; they are retried next "
                               "time\n")
                    .arg(report.blobFailures);
    const QJsonObject json{{QStringLiteral("pushed"), p.pushed},
                           {QStringLiteral("pulled"), pulled},
                           {QStringLiteral("pulled_total"), p.pulled},
                           {QStringLiteral("uploaded"), p.uploaded},
                           {QStringLiteral("downloaded"), p.downloaded},
                           {QStringLiteral("bytes_up"), p.bytesUp},
                           {QStringLiteral("bytes_down"), p.bytesDown},
                           {QStringLiteral("keys_added"), report.keysAdded},
                           {QStringLiteral("pending"), report.pending},
                           {QStringLiteral("deferred"), report.deferred},
                           {QStringLiteral("rejected"), rejected},
                           {QStringLiteral("parked"), int(report.parked.size())},
                           {QStringLiteral("missing_blobs"), report.missingBlobs},
                           {QStringLiteral("blob_failures"), report.blobFailures},
                           {QStringLiteral("error"), failureJson(report.failure)}};
    return Reply{json, text, exitCodeFor(report.failure), report.failure.message};
}

Result<Reply> cmdShare(Context &c) {
    auto campaign = c.required(QStringLiteral("campaign"));
    if (!campaign)
        return campaign.error();
    QList<QByteArray> devices;
    for (const QString &hex : splitList(c.opt(QStringLiteral("devices")))) {
        const QByteArray id = QByteArray::fromHex(hex.toLatin1());
        if (id.size() != 16 || hex.size() != 32)
            return usage(QStringLiteral("--devices takes device ids of 32 hex characters, "
                                        "separated by commas."));
        devices.append(id);
    }
    auto engine = syncEngine(*c.session);
    auto shared = engine->shareCampaign(*campaign, devices);
    if (!shared)
        return failureReply(shared.failure());
    QJsonArray ids;
    QString text =
        QStringLiteral("Shared campaign %1 with %2 devices:\n").arg(*campaign).arg(shared->size());
    for (const QByteArray &d : std::as_const(*shared)) {
        ids.append(QString::fromLatin1(d.toHex()));
        text += QStringLiteral("  %1\n").arg(QString::fromLatin1(d.toHex()));
    }
    return Reply{
        QJsonObject{{QStringLiteral("campaign"), *campaign}, {QStringLiteral("devices"), ids}},
        text};
}

Result<Reply> cmdDemo(Context &c);

// ---- dispatch --------------------------------------------------------------------------------

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

} // namespace

// The demo is what the README's first command runs: the real workflow on sample data.
namespace {
// Two units visited earlier in the round, their findings at every stage of rectification (closed,
// awaiting verification, overdue), so that the ledger and the office console's rates and
// scores have something to show.
Result<void> addEarlierVisits(Inspection &in, const QString &campaignId,
                              const QList<ChecklistItem> &items) {
    using lifecycle::Action;
    struct FindingSpec {
        int item;
        const char *title;
        double deduction;
        QDate due;
        int steps; ///< how far along open → rectifying → awaiting verification → closed
    };
    struct VisitSpec {
        const char *unit;
        QDate date;
        QList<FindingSpec> findings;
    };
    const QList<VisitSpec> visits = {
        {"省财政厅",
         QDate(2026, 11, 6),
         {{1, "主体责任清单未按年度更新", 4, QDate(2026, 11, 20), 3},
          {2, "机关党委会议记录缺少议题和表决情况", 2, QDate(2026, 11, 20), 3},
          {3, "2026年第三季度党费未按时收缴", 3, QDate(2026, 12, 10), 2}}},
        {"省卫生健康委",
         QDate(2026, 11, 12),
         {{0, "中心组学习未形成研讨材料", 2, QDate(2026, 11, 25), 1},
          {4, "第一党支部主题党日活动记录不全", 1.5, QDate(2026, 11, 30), 3},
          {5, "入党积极分子培养考察记录缺失", 5, QDate(2026, 12, 31), 0}}},
    };
    const Action path[] = {Action::StartRectification, Action::SubmitForVerification,
                           Action::VerifyPassed};
    const QString notes[] = {QStringLiteral("单位已制定整改方案"),
                             QStringLiteral("整改完成，提交佐证材料"),
                             QStringLiteral("现场核查整改到位，予以销号")};
    for (const VisitSpec &spec : visits) {
        Unit unit;
        unit.campaignId = campaignId;
        unit.name = QString::fromUtf8(spec.unit);
        auto u = in.createUnit(unit);
        if (!u)
            return u.error();
        Visit visit;
        visit.unitId = u->id;
        visit.date = spec.date;
        visit.team = {QStringLiteral("张明"), QStringLiteral("李华")};
        visit.status = VisitStatus::Completed;
        auto v = in.createVisit(visit);
        if (!v)
            return v.error();
        for (const FindingSpec &fs : spec.findings) {
            Finding f;
            f.visitId = v->id;
            f.checklistItemId = items[fs.item].id;
            f.level = items[fs.item].level;
            f.title = QString::fromUtf8(fs.title);
            f.deduction = fs.deduction;
            f.responsibleParty = QStringLiteral("机关党委");
            f.dueDate = fs.due;
            auto created = in.createFinding(f);
            if (!created)
                return created.error();
            for (int step = 0; step < fs.steps; ++step) {
                if (auto r =
                        in.transition(created->id, path[step], QStringLiteral("李华"), notes[step]);
                    !r)
                    return r.error();
            }
        }
    }
    return {};
}

Result<Reply> cmdDemo(Context &c) {
    Session &s = *c.session;
    if (!s.vault().exists()) {
        const QString kdf = c.has(QStringLiteral("kdf")) ? c.opt(QStringLiteral("kdf"))
                                                         : QStringLiteral("interactive");
        const KdfParams params = kdf == QLatin1String("minimum")    ? KdfParams::minimum()
                                 : kdf == QLatin1String("moderate") ? KdfParams::moderate()
                                                                    : KdfParams::interactive();
        if (auto r = s.initialize(*c.reader, params); !r)
            return r.error();
    } else if (auto r = s.open(*c.reader); !r) {
        return r.error();
    }
    Inspection &in = s.inspection();
    Campaign campaign;
    campaign.name = QStringLiteral("2026年第四轮党建督查（演示）");
    campaign.startDate = QDate(2026, 11, 1);
    campaign.endDate = QDate(2026, 12, 31);
    campaign.baseScore[0] = 40;
    campaign.baseScore[1] = 30;
    campaign.baseScore[2] = 30;
    auto camp = in.createCampaign(campaign);
    if (!camp)
        return camp.error();
    struct ItemSpec {
        Level level;
        const char *code;
        const char *text;
        double max;
    };
    const ItemSpec specs[] = {
        {Level::PartyGroup, "1.1", "党组理论学习中心组学习不规范", 5},
        {Level::PartyGroup, "1.2", "落实全面从严治党主体责任不到位", 10},
        {Level::OrganCommittee, "2.1", "机关党委会议记录不完整", 4},
        {Level::OrganCommittee, "2.2", "党费收缴管理不规范", 6},
        {Level::Grassroots, "3.1", "“三会一课”落实不到位", 5},
        {Level::Grassroots, "3.2", "党员发展程序不规范", 8},
    };
    QList<ChecklistItem> items;
    for (const ItemSpec &spec : specs) {
        ChecklistItem item;
        item.campaignId = camp->id;
        item.level = spec.level;
        item.code = QLatin1String(spec.code);
        item.text = QString::fromUtf8(spec.text);
        item.maxDeduction = spec.max;
        auto added = in.addChecklistItem(item);
        if (!added)
            return added.error();
        items.append(*added);
    }
    Unit unit;
    unit.campaignId = camp->id;
    unit.name = QStringLiteral("省交通运输厅");
    auto u = in.createUnit(unit);
    if (!u)
        return u.error();
    Visit visit;
    visit.unitId = u->id;
    visit.date = QDate(2026, 11, 20);
    visit.team = {QStringLiteral("张明"), QStringLiteral("李华")};
    auto v = in.createVisit(visit);
    if (!v)
        return v.error();
    struct FindingSpec {
        int item;
        const char *title;
        double deduction;
        Severity severity;
    };
    const FindingSpec findingSpecs[] = {
        {0, "2026年中心组学习仅开展3次，少于计划", 3, Severity::Moderate},
        {4, "第二党支部9月未召开支部党员大会", 2, Severity::Minor},
        {5, "两名发展对象政审材料缺失", 8, Severity::Serious},
    };
    QList<Finding> findings;
    for (const FindingSpec &spec : findingSpecs) {
        Finding f;
        f.visitId = v->id;
        f.checklistItemId = items[spec.item].id;
        f.level = items[spec.item].level;
        f.title = QString::fromUtf8(spec.title);
        f.deduction = spec.deduction;
        f.severity = spec.severity;
        f.responsibleParty = QStringLiteral("机关党委");
        f.dueDate = QDate(2026, 12, 20);
        auto created = in.createFinding(f);
        if (!created)
            return created.error();
        findings.append(*created);
    }
    Interview iv;
    iv.visitId = v->id;
    iv.interviewee = QStringLiteral("王书记");
    iv.role = QStringLiteral("机关党委书记");
    iv.place = QStringLiteral("厅机关3楼会议室");
    iv.at = QDateTime(QDate(2026, 11, 20), QTime(10, 0), QTimeZone(8 * 3600));
    iv.content = QStringLiteral("介绍了本年度党建工作情况，承认中心组学习次数不足。");
    iv.linkedFindingIds = {findings[0].id};
    if (auto r = in.createInterview(iv); !r)
        return r.error();
    if (auto r = in.transition(findings[1].id, lifecycle::Action::StartRectification,
                               QStringLiteral("张明"), QStringLiteral("单位已制定整改方案"));
        !r)
        return r.error();
    if (auto r = addEarlierVisits(in, camp->id, items); !r)
        return r.error();
    auto score = in.visitScore(v->id);
    if (!score)
        return score.error();
    auto rate = in.campaignRate(camp->id);
    if (!rate)
        return rate.error();
    QString text = QStringLiteral("Demo campaign %1 (%2)\nunit %3, visit %4 on %5, %6 findings\n\n"
                                  "Score of the visit:\n%7\nRectification rate: %8 of %9 closed\n"
                                  "Data (encrypted) in %10\n")
                       .arg(camp->name, camp->id, u->name, v->id, v->date.toString(Qt::ISODate))
                       .arg(findings.size())
                       .arg(scoreText(*score))
                       .arg(rate->closed)
                       .arg(rate->total)
                       .arg(s.dataDir());
    return Reply{QJsonObject{{QStringLiteral("campaign_id"), camp->id},
                             {QStringLiteral("unit_id"), u->id},
                             {QStringLiteral("visit_id"), v->id},
                             {QStringLiteral("score"), scoreJson(*score)}},
                 text};
}
} // namespace

int run(const QStringList &argv) {
    Context c;
    QString dataDir = defaultDataDir();
    int passFd = 0;
    bool json = false;
    for (int i = 0; i < argv.size(); ++i) {
        const QString &a = argv[i];
        if (!a.startsWith(QLatin1String("--"))) {
            c.args.words.append(a);
            continue;
        }
        const QString name = a.mid(2);
        if (KnownFlags.contains(name)) {
            c.args.flags.insert(name);
            continue;
        }
        if (name == QLatin1String("passphrase")) {
            print(stderr, QStringLiteral("error: a passphrase on the command line is visible to "
                                         "every user of this machine; write it on standard "
                                         "input or use --passphrase-fd.\n"));
            return ExitUsage;
        }
        if (i + 1 >= argv.size()) {
            print(stderr, QStringLiteral("error: --%1 needs a value.\n").arg(name));
            return ExitUsage;
        }
        const QString value = argv[++i];
        if (name == QLatin1String("data"))
            dataDir = value;
        else if (name == QLatin1String("passphrase-fd"))
            passFd = value.toInt();
        else
            c.args.options.insert(name, value);
    }
    json = c.args.flags.contains(QStringLiteral("json"));
    if (c.args.words.isEmpty() || c.args.flags.contains(QStringLiteral("help"))) {
        print(c.args.words.isEmpty() ? stderr : stdout, usageText());
        return c.args.words.isEmpty() ? ExitUsage : ExitOk;
    }

    const Command *command = nullptr;
    for (const Command &cmd : commands()) {
        if (c.args.words.size() >= cmd.words.size() &&
            c.args.words.mid(0, cmd.words.size()) == cmd.words &&
            (!command || cmd.words.size() > command->words.size()))
            command = &cmd;
    }
    if (!command) {
        print(stderr, QStringLiteral("error: unknown command '%1'.\n\n%2")
                          .arg(c.args.words.join(QLatin1Char(' ')), usageText()));
        return ExitUsage;
    }
    for (auto it = c.args.options.cbegin(); it != c.args.options.cend(); ++it) {
        if (!command->options.contains(it.key())) {
            print(stderr, QStringLiteral("error: '%1' takes no option --%2. Usage: %1 %3\n")
                              .arg(command->words.join(QLatin1Char(' ')), it.key(),
                                   QLatin1String(command->help)));
            return ExitUsage;
        }
    }

    c.session = std::make_unique<Session>(dataDir);
    c.reader = std::make_unique<PassphraseReader>(passFd);
    Result<Reply> reply = makeError(ErrorCode::InvalidArgument, QString());
    Result<void> opened;
    if (command->needs == Needs::LockedStore)
        opened = c.session->openLocked();
    else if (command->needs == Needs::UnlockedStore)
        opened = c.session->open(*c.reader);
    reply = opened ? command->run(c) : Result<Reply>(opened.error());

    if (!reply) {
        const Error &e = reply.error();
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
    if (json) {
        if (!reply->json.isNull() && !reply->json.isUndefined()) {
            const QJsonDocument doc = reply->json.isArray() ? QJsonDocument(reply->json.toArray())
                                                            : QJsonDocument(reply->json.toObject());
            print(stdout,
                  QString::fromUtf8(doc.toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        }
    } else {
        print(stdout, reply->text);
    }
    if (!reply->error.isEmpty())
        print(stderr, QStringLiteral("error: %1\n").arg(reply->error));
    return reply->exitCode;
}

} // namespace fl::cli
