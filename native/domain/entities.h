#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

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
};

/// A deduction item of a campaign's checklist (减分项).
struct ChecklistItem {
    QString id;
    QString campaignId;
    Level level = Level::PartyGroup;
    QString code;     ///< e.g. "1.2.3"; orders the checklist
    QString text;
    QString category; ///< grouping inside a level
    double maxDeduction = 0;
};

/// An inspected unit or bureau (被督查单位).
struct Unit {
    QString id;
    QString campaignId;
    QString name;
    QString contact;
};

/// One team's visit to one unit on a date (走访).
struct Visit {
    QString id;
    QString campaignId;
    QString unitId;
    QDate date;
    QStringList team;
    VisitStatus status = VisitStatus::Planned;
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
