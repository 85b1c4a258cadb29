#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fl {

/// Record type names as they appear in the journal and on the wire (plaintext metadata).
namespace recordtype {
inline constexpr char Campaign[] = "campaign";
inline constexpr char ChecklistItem[] = "checklist_item";
inline constexpr char Unit[] = "unit";
inline constexpr char Visit[] = "visit";
inline constexpr char Finding[] = "finding";
inline constexpr char Transition[] = "transition";
inline constexpr char Interview[] = "interview";
inline constexpr char Photo[] = "photo";
} // namespace recordtype

/// Field-map keys (wire names), shared by toFields/fromFields and the store's indexes.
/// Dates are "yyyy-MM-dd", date-times ISO 8601 UTC with milliseconds, enums by toString().
namespace fieldkey {
inline constexpr char Name[] = "name";
inline constexpr char StartDate[] = "start_date";
inline constexpr char EndDate[] = "end_date";
inline constexpr char BaseScores[] = "base_scores"; ///< array of LevelCount doubles
inline constexpr char CampaignId[] = "campaign_id";
inline constexpr char Level[] = "level";
inline constexpr char Code[] = "code";
inline constexpr char Text[] = "text";
inline constexpr char Category[] = "category";
inline constexpr char MaxDeduction[] = "max_deduction";
inline constexpr char Contact[] = "contact";
inline constexpr char UnitId[] = "unit_id";
inline constexpr char Date[] = "date";
inline constexpr char Team[] = "team";
inline constexpr char Status[] = "status";
inline constexpr char VisitId[] = "visit_id";
inline constexpr char ChecklistItemId[] = "checklist_item_id";
inline constexpr char Severity[] = "severity";
inline constexpr char Deduction[] = "deduction";
inline constexpr char Title[] = "title";
inline constexpr char Description[] = "description";
inline constexpr char Location[] = "location"; ///< map {lat, lon, alt, acc}
inline constexpr char ResponsibleParty[] = "responsible_party";
inline constexpr char DueDate[] = "due_date";
inline constexpr char FindingId[] = "finding_id";
inline constexpr char From[] = "from";
inline constexpr char To[] = "to";
inline constexpr char Actor[] = "actor";
inline constexpr char At[] = "at";
inline constexpr char Note[] = "note";
inline constexpr char EvidencePhotoIds[] = "evidence_photo_ids";
inline constexpr char Interviewee[] = "interviewee";
inline constexpr char Role[] = "role";
inline constexpr char Place[] = "place";
inline constexpr char Content[] = "content";
inline constexpr char LinkedFindingIds[] = "linked_finding_ids";
inline constexpr char RecordId[] = "record_id";
inline constexpr char Caption[] = "caption";
inline constexpr char TakenAt[] = "taken_at";
inline constexpr char MimeType[] = "mime_type";
inline constexpr char Width[] = "width";
inline constexpr char Height[] = "height";
inline constexpr char Orientation[] = "orientation";
inline constexpr char BlobId[] = "blob_id";                    ///< hex content id, text string
inline constexpr char ThumbnailBlobId[] = "thumbnail_blob_id"; ///< hex content id, text string
inline constexpr char ByteSize[] = "byte_size";
} // namespace fieldkey

/// The three levels of responsibility a checklist item belongs to.
enum class Level { PartyGroup, OrganCommittee, Grassroots };
inline constexpr int LevelCount = 3;

/// The rectification lifecycle of a finding.
enum class FindingStatus { Open, Rectifying, AwaitingVerification, Closed };

/// How serious a finding is.
enum class Severity { Minor, Moderate, Serious };

enum class VisitStatus { Planned, InProgress, Completed };

/// A WGS84 position with its accuracy (metres; 0 = unknown).
struct GeoPosition {
    double latitude = 0;
    double longitude = 0;
    double altitude = 0;
    double accuracy = 0;
    friend bool operator==(const GeoPosition &, const GeoPosition &) = default;
};

/// A round of visits with one checklist (轮次). Base scores are per level.
struct Campaign {
    QString id;
    QString name;
    QDate startDate;
    QDate endDate;
    double baseScore[LevelCount] = {100, 100, 100};
    friend bool operator==(const Campaign &, const Campaign &) = default;
};

/// A deduction item of a campaign's checklist (减分项).
struct ChecklistItem {
    QString id;
    QString campaignId;
    Level level = Level::PartyGroup;
    QString code; ///< e.g. "1.2.3"; orders the checklist
    QString text;
    QString category; ///< grouping inside a level
    double maxDeduction = 0;
    friend bool operator==(const ChecklistItem &, const ChecklistItem &) = default;
};

/// An inspected unit or bureau (被督查单位).
struct Unit {
    QString id;
    QString campaignId;
    QString name;
    QString contact;
    friend bool operator==(const Unit &, const Unit &) = default;
};

/// One team's visit to one unit on a date (走访).
struct Visit {
    QString id;
    QString campaignId;
    QString unitId;
    QDate date;
    QStringList team;
    VisitStatus status = VisitStatus::Planned;
    friend bool operator==(const Visit &, const Visit &) = default;
};

/// A problem found on a visit (问题), tracked in the ledger until closed.
struct Finding {
    QString id;
    QString visitId;
    QString checklistItemId;
    Level level = Level::PartyGroup;
    QString category;
    Severity severity = Severity::Moderate;
    double deduction = 0;
    QString title;
    QString description;
    std::optional<GeoPosition> location;
    QString responsibleParty;
    QDate dueDate;
    FindingStatus status = FindingStatus::Open;
    friend bool operator==(const Finding &, const Finding &) = default;
};

/// One step of a finding's lifecycle: who moved it, when, why, with what evidence.
struct Transition {
    QString id;
    QString findingId;
    FindingStatus from = FindingStatus::Open;
    FindingStatus to = FindingStatus::Open;
    QString actor;
    QDateTime at;
    QString note;
    QStringList evidencePhotoIds;
    friend bool operator==(const Transition &, const Transition &) = default;
};

/// An interview note (谈话记录).
struct Interview {
    QString id;
    QString visitId;
    QString interviewee;
    QString role;
    QDateTime at;
    QString place;
    QString content;
    QStringList linkedFindingIds;
    friend bool operator==(const Interview &, const Interview &) = default;
};

/// Photo evidence; the image and thumbnail are encrypted blobs named by content id.
struct Photo {
    QString id;
    QString recordId; ///< the finding, interview or transition it belongs to
    QString caption;
    QDateTime takenAt;
    std::optional<GeoPosition> location;
    QString mimeType;
    int width = 0;
    int height = 0;
    int orientation = 1; ///< EXIF orientation to apply when showing (the file has no EXIF)
    QByteArray blobId;
    QByteArray thumbnailBlobId;
    qint64 byteSize = 0;
    friend bool operator==(const Photo &, const Photo &) = default;
};

// Field maps: how each entity is stored as per-field values (CBOR), the unit of sync.
// Keys are stable wire names; ids are not part of the map.
[[nodiscard]] QCborMap toFields(const Campaign &v);
[[nodiscard]] QCborMap toFields(const ChecklistItem &v);
[[nodiscard]] QCborMap toFields(const Unit &v);
[[nodiscard]] QCborMap toFields(const Visit &v);
[[nodiscard]] QCborMap toFields(const Finding &v);
[[nodiscard]] QCborMap toFields(const Transition &v);
[[nodiscard]] QCborMap toFields(const Interview &v);
[[nodiscard]] QCborMap toFields(const Photo &v);

void fromFields(const QCborMap &fields, Campaign &v);
void fromFields(const QCborMap &fields, ChecklistItem &v);
void fromFields(const QCborMap &fields, Unit &v);
void fromFields(const QCborMap &fields, Visit &v);
void fromFields(const QCborMap &fields, Finding &v);
void fromFields(const QCborMap &fields, Transition &v);
void fromFields(const QCborMap &fields, Interview &v);
void fromFields(const QCborMap &fields, Photo &v);

/// Stable wire names of enum values ("party_group", "awaiting_verification", ...).
[[nodiscard]] QString toString(Level v);
[[nodiscard]] QString toString(FindingStatus v);
[[nodiscard]] QString toString(Severity v);
[[nodiscard]] QString toString(VisitStatus v);
[[nodiscard]] std::optional<Level> levelFromString(QStringView s);
[[nodiscard]] std::optional<FindingStatus> findingStatusFromString(QStringView s);
[[nodiscard]] std::optional<Severity> severityFromString(QStringView s);
[[nodiscard]] std::optional<VisitStatus> visitStatusFromString(QStringView s);

} // namespace fl
