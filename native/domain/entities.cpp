#include "domain/entities.h"

#include <QCborArray>
#include <QCborValue>

#include <algorithm>
#include <cmath>
#include <limits>

namespace fl {

namespace {

// Keys of the nested GeoPosition map; short because photos carry one each.
constexpr char GeoLat[] = "lat";
constexpr char GeoLon[] = "lon";
constexpr char GeoAlt[] = "alt";
constexpr char GeoAcc[] = "acc";

QLatin1String key(const char *k) {
    return QLatin1String(k);
}

// --- writing -------------------------------------------------------------------------------

void putDate(QCborMap &m, const char *k, const QDate &d) {
    // An unset date is absent, not an empty string, so that "no due date" reads back as such.
    if (d.isValid())
        m.insert(key(k), d.toString(Qt::ISODate));
}

void putDateTime(QCborMap &m, const char *k, const QDateTime &dt) {
    // Always UTC with milliseconds: devices in other zones must agree on the same text.
    if (dt.isValid())
        m.insert(key(k), dt.toUTC().toString(Qt::ISODateWithMs));
}

QCborArray toArray(const QStringList &list) {
    QCborArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QCborMap toMap(const GeoPosition &p) {
    QCborMap m;
    m.insert(key(GeoLat), p.latitude);
    m.insert(key(GeoLon), p.longitude);
    m.insert(key(GeoAlt), p.altitude);
    m.insert(key(GeoAcc), p.accuracy);
    return m;
}

void putLocation(QCborMap &m, const std::optional<GeoPosition> &p) {
    if (p)
        m.insert(key(fieldkey::Location), toMap(*p));
}

// --- reading -------------------------------------------------------------------------------
// Each reader leaves the target untouched when the key is missing or holds the wrong type:
// a record may be assembled field by field from sync, and one bad field must not wipe others.

void getString(const QCborMap &m, const char *k, QString &out) {
    const QCborValue v = m.value(key(k));
    if (v.isString())
        out = v.toString();
}

// Integers are accepted where a double is expected: another writer may have encoded 5.0 as 5.
bool readNumber(const QCborValue &v, double &out) {
    if (v.isDouble()) {
        out = v.toDouble();
        return true;
    }
    if (v.isInteger()) {
        out = double(v.toInteger());
        return true;
    }
    return false;
}

void getDouble(const QCborMap &m, const char *k, double &out) {
    double d = 0;
    if (readNumber(m.value(key(k)), d))
        out = d;
}

void getInt(const QCborMap &m, const char *k, int &out) {
    const QCborValue v = m.value(key(k));
    if (!v.isInteger())
        return;
    const qint64 i = v.toInteger();
    if (i >= std::numeric_limits<int>::min() && i <= std::numeric_limits<int>::max())
        out = int(i);
}

void getInt64(const QCborMap &m, const char *k, qint64 &out) {
    const QCborValue v = m.value(key(k));
    if (v.isInteger())
        out = v.toInteger();
}

// A CBOR null on an optional field means "cleared": that is how a removal travels in sync.
void getDate(const QCborMap &m, const char *k, QDate &out) {
    const QCborValue v = m.value(key(k));
    if (v.isNull()) {
        out = QDate();
        return;
    }
    if (!v.isString())
        return;
    const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
    if (d.isValid())
        out = d;
}

void getDateTime(const QCborMap &m, const char *k, QDateTime &out) {
    const QCborValue v = m.value(key(k));
    if (v.isNull()) {
        out = QDateTime();
        return;
    }
    if (!v.isString())
        return;
    const QDateTime dt = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (dt.isValid())
        out = dt.toUTC();
}

// The whole list or nothing: a list with a non-string in it is a wrong type, not a shorter list.
void getStringList(const QCborMap &m, const char *k, QStringList &out) {
    const QCborValue v = m.value(key(k));
    if (!v.isArray())
        return;
    const QCborArray a = v.toArray();
    QStringList list;
    list.reserve(a.size());
    for (const QCborValue &e : a) {
        if (!e.isString())
            return;
        list.append(e.toString());
    }
    out = list;
}

// Content ids are hex text; a byte string is accepted too, in case a writer kept them raw.
void getBlobId(const QCborMap &m, const char *k, QByteArray &out) {
    const QCborValue v = m.value(key(k));
    if (v.isString())
        out = v.toString().toLatin1();
    else if (v.isByteArray())
        out = v.toByteArray();
}

// A position needs at least a finite latitude and longitude; altitude and accuracy default to 0.
void getLocation(const QCborMap &m, std::optional<GeoPosition> &out) {
    const QCborValue v = m.value(key(fieldkey::Location));
    if (v.isNull()) {
        out.reset();
        return;
    }
    if (!v.isMap())
        return;
    const QCborMap g = v.toMap();
    GeoPosition p;
    if (!readNumber(g.value(key(GeoLat)), p.latitude) ||
        !readNumber(g.value(key(GeoLon)), p.longitude))
        return;
    if (!std::isfinite(p.latitude) || !std::isfinite(p.longitude))
        return;
    (void)readNumber(g.value(key(GeoAlt)), p.altitude);
    (void)readNumber(g.value(key(GeoAcc)), p.accuracy);
    out = p;
}

template<typename E, typename Parse>
void getEnum(const QCborMap &m, const char *k, E &out, Parse parse) {
    const QCborValue v = m.value(key(k));
    if (!v.isString())
        return;
    if (const std::optional<E> e = parse(v.toString()))
        out = *e;
}

} // namespace

// --- enum wire names -----------------------------------------------------------------------

QString toString(Level v) {
    switch (v) {
    case Level::PartyGroup:
        return QStringLiteral("party_group");
    case Level::OrganCommittee:
        return QStringLiteral("organ_committee");
    case Level::Grassroots:
        return QStringLiteral("grassroots");
    }
    return {};
}

QString toString(FindingStatus v) {
    switch (v) {
    case FindingStatus::Open:
        return QStringLiteral("open");
    case FindingStatus::Rectifying:
        return QStringLiteral("rectifying");
    case FindingStatus::AwaitingVerification:
        return QStringLiteral("awaiting_verification");
    case FindingStatus::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

QString toString(Severity v) {
    switch (v) {
    case Severity::Minor:
        return QStringLiteral("minor");
    case Severity::Moderate:
        return QStringLiteral("moderate");
    case Severity::Serious:
        return QStringLiteral("serious");
    }
    return {};
}

QString toString(VisitStatus v) {
    switch (v) {
    case VisitStatus::Planned:
        return QStringLiteral("planned");
    case VisitStatus::InProgress:
        return QStringLiteral("in_progress");
    case VisitStatus::Completed:
        return QStringLiteral("completed");
    }
    return {};
}

std::optional<Level> levelFromString(QStringView s) {
    for (Level v : {Level::PartyGroup, Level::OrganCommittee, Level::Grassroots}) {
        if (s == toString(v))
            return v;
    }
    return std::nullopt;
}

std::optional<FindingStatus> findingStatusFromString(QStringView s) {
    for (FindingStatus v : {FindingStatus::Open, FindingStatus::Rectifying,
                            FindingStatus::AwaitingVerification, FindingStatus::Closed}) {
        if (s == toString(v))
            return v;
    }
    return std::nullopt;
}

std::optional<Severity> severityFromString(QStringView s) {
    for (Severity v : {Severity::Minor, Severity::Moderate, Severity::Serious}) {
        if (s == toString(v))
            return v;
    }
    return std::nullopt;
}

std::optional<VisitStatus> visitStatusFromString(QStringView s) {
    for (VisitStatus v : {VisitStatus::Planned, VisitStatus::InProgress, VisitStatus::Completed}) {
        if (s == toString(v))
            return v;
    }
    return std::nullopt;
}

// --- Campaign ------------------------------------------------------------------------------

QCborMap toFields(const Campaign &v) {
    QCborMap m;
    m.insert(key(fieldkey::Name), v.name);
    putDate(m, fieldkey::StartDate, v.startDate);
    putDate(m, fieldkey::EndDate, v.endDate);
    QCborArray scores;
    for (double s : v.baseScore)
        scores.append(s);
    m.insert(key(fieldkey::BaseScores), scores);
    return m;
}

void fromFields(const QCborMap &fields, Campaign &v) {
    getString(fields, fieldkey::Name, v.name);
    getDate(fields, fieldkey::StartDate, v.startDate);
    getDate(fields, fieldkey::EndDate, v.endDate);

    // All three scores or none: a partial array cannot say which level a value belongs to.
    const QCborValue scores = fields.value(key(fieldkey::BaseScores));
    if (scores.isArray() && scores.toArray().size() == LevelCount) {
        const QCborArray a = scores.toArray();
        double read[LevelCount] = {};
        bool allNumbers = true;
        for (int i = 0; i < LevelCount; ++i)
            allNumbers = allNumbers && readNumber(a.at(i), read[i]);
        if (allNumbers)
            std::copy(std::begin(read), std::end(read), std::begin(v.baseScore));
    }
}

// --- ChecklistItem -------------------------------------------------------------------------

QCborMap toFields(const ChecklistItem &v) {
    QCborMap m;
    m.insert(key(fieldkey::CampaignId), v.campaignId);
    m.insert(key(fieldkey::Level), toString(v.level));
    m.insert(key(fieldkey::Code), v.code);
    m.insert(key(fieldkey::Text), v.text);
    m.insert(key(fieldkey::Category), v.category);
    m.insert(key(fieldkey::MaxDeduction), v.maxDeduction);
    return m;
}

void fromFields(const QCborMap &fields, ChecklistItem &v) {
    getString(fields, fieldkey::CampaignId, v.campaignId);
    getEnum(fields, fieldkey::Level, v.level, levelFromString);
    getString(fields, fieldkey::Code, v.code);
    getString(fields, fieldkey::Text, v.text);
    getString(fields, fieldkey::Category, v.category);
    getDouble(fields, fieldkey::MaxDeduction, v.maxDeduction);
}

// --- Unit ----------------------------------------------------------------------------------

QCborMap toFields(const Unit &v) {
    QCborMap m;
    m.insert(key(fieldkey::CampaignId), v.campaignId);
    m.insert(key(fieldkey::Name), v.name);
    m.insert(key(fieldkey::Contact), v.contact);
    return m;
}

void fromFields(const QCborMap &fields, Unit &v) {
    getString(fields, fieldkey::CampaignId, v.campaignId);
    getString(fields, fieldkey::Name, v.name);
    getString(fields, fieldkey::Contact, v.contact);
}

// --- Visit ---------------------------------------------------------------------------------

QCborMap toFields(const Visit &v) {
    QCborMap m;
    m.insert(key(fieldkey::CampaignId), v.campaignId);
    m.insert(key(fieldkey::UnitId), v.unitId);
    putDate(m, fieldkey::Date, v.date);
    m.insert(key(fieldkey::Team), toArray(v.team));
    m.insert(key(fieldkey::Status), toString(v.status));
    return m;
}

void fromFields(const QCborMap &fields, Visit &v) {
    getString(fields, fieldkey::CampaignId, v.campaignId);
    getString(fields, fieldkey::UnitId, v.unitId);
    getDate(fields, fieldkey::Date, v.date);
    getStringList(fields, fieldkey::Team, v.team);
    getEnum(fields, fieldkey::Status, v.status, visitStatusFromString);
}

// --- Finding -------------------------------------------------------------------------------

QCborMap toFields(const Finding &v) {
    QCborMap m;
    m.insert(key(fieldkey::VisitId), v.visitId);
    m.insert(key(fieldkey::ChecklistItemId), v.checklistItemId);
    m.insert(key(fieldkey::Level), toString(v.level));
    m.insert(key(fieldkey::Category), v.category);
    m.insert(key(fieldkey::Severity), toString(v.severity));
    m.insert(key(fieldkey::Deduction), v.deduction);
    m.insert(key(fieldkey::Title), v.title);
    m.insert(key(fieldkey::Description), v.description);
    putLocation(m, v.location);
    m.insert(key(fieldkey::ResponsibleParty), v.responsibleParty);
    putDate(m, fieldkey::DueDate, v.dueDate);
    m.insert(key(fieldkey::Status), toString(v.status));
    return m;
}

void fromFields(const QCborMap &fields, Finding &v) {
    getString(fields, fieldkey::VisitId, v.visitId);
    getString(fields, fieldkey::ChecklistItemId, v.checklistItemId);
    getEnum(fields, fieldkey::Level, v.level, levelFromString);
    getString(fields, fieldkey::Category, v.category);
    getEnum(fields, fieldkey::Severity, v.severity, severityFromString);
    getDouble(fields, fieldkey::Deduction, v.deduction);
    getString(fields, fieldkey::Title, v.title);
    getString(fields, fieldkey::Description, v.description);
    getLocation(fields, v.location);
    getString(fields, fieldkey::ResponsibleParty, v.responsibleParty);
    getDate(fields, fieldkey::DueDate, v.dueDate);
    getEnum(fields, fieldkey::Status, v.status, findingStatusFromString);
}

// --- Transition ----------------------------------------------------------------------------

QCborMap toFields(const Transition &v) {
    QCborMap m;
    m.insert(key(fieldkey::FindingId), v.findingId);
    m.insert(key(fieldkey::From), toString(v.from));
    m.insert(key(fieldkey::To), toString(v.to));
    m.insert(key(fieldkey::Actor), v.actor);
    putDateTime(m, fieldkey::At, v.at);
    m.insert(key(fieldkey::Note), v.note);
    m.insert(key(fieldkey::EvidencePhotoIds), toArray(v.evidencePhotoIds));
    return m;
}

void fromFields(const QCborMap &fields, Transition &v) {
    getString(fields, fieldkey::FindingId, v.findingId);
    getEnum(fields, fieldkey::From, v.from, findingStatusFromString);
    getEnum(fields, fieldkey::To, v.to, findingStatusFromString);
    getString(fields, fieldkey::Actor, v.actor);
    getDateTime(fields, fieldkey::At, v.at);
    getString(fields, fieldkey::Note, v.note);
    getStringList(fields, fieldkey::EvidencePhotoIds, v.evidencePhotoIds);
}

// --- Interview -----------------------------------------------------------------------------

QCborMap toFields(const Interview &v) {
    QCborMap m;
    m.insert(key(fieldkey::VisitId), v.visitId);
    m.insert(key(fieldkey::Interviewee), v.interviewee);
    m.insert(key(fieldkey::Role), v.role);
    putDateTime(m, fieldkey::At, v.at);
    m.insert(key(fieldkey::Place), v.place);
    m.insert(key(fieldkey::Content), v.content);
    m.insert(key(fieldkey::LinkedFindingIds), toArray(v.linkedFindingIds));
    return m;
}

void fromFields(const QCborMap &fields, Interview &v) {
    getString(fields, fieldkey::VisitId, v.visitId);
    getString(fields, fieldkey::Interviewee, v.interviewee);
    getString(fields, fieldkey::Role, v.role);
    getDateTime(fields, fieldkey::At, v.at);
    getString(fields, fieldkey::Place, v.place);
    getString(fields, fieldkey::Content, v.content);
    getStringList(fields, fieldkey::LinkedFindingIds, v.linkedFindingIds);
}

// --- Photo ---------------------------------------------------------------------------------

QCborMap toFields(const Photo &v) {
    QCborMap m;
    m.insert(key(fieldkey::RecordId), v.recordId);
    m.insert(key(fieldkey::Caption), v.caption);
    putDateTime(m, fieldkey::TakenAt, v.takenAt);
    putLocation(m, v.location);
    m.insert(key(fieldkey::MimeType), v.mimeType);
    m.insert(key(fieldkey::Width), v.width);
    m.insert(key(fieldkey::Height), v.height);
    m.insert(key(fieldkey::Orientation), v.orientation);
    m.insert(key(fieldkey::BlobId), QString::fromLatin1(v.blobId));
    m.insert(key(fieldkey::ThumbnailBlobId), QString::fromLatin1(v.thumbnailBlobId));
    m.insert(key(fieldkey::ByteSize), v.byteSize);
    return m;
}

void fromFields(const QCborMap &fields, Photo &v) {
    getString(fields, fieldkey::RecordId, v.recordId);
    getString(fields, fieldkey::Caption, v.caption);
    getDateTime(fields, fieldkey::TakenAt, v.takenAt);
    getLocation(fields, v.location);
    getString(fields, fieldkey::MimeType, v.mimeType);
    getInt(fields, fieldkey::Width, v.width);
    getInt(fields, fieldkey::Height, v.height);
    getInt(fields, fieldkey::Orientation, v.orientation);
    getBlobId(fields, fieldkey::BlobId, v.blobId);
    getBlobId(fields, fieldkey::ThumbnailBlobId, v.thumbnailBlobId);
    getInt64(fields, fieldkey::ByteSize, v.byteSize);
}

} // namespace fl
