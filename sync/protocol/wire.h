#pragma once

#include "change/changeset.h"
#include "common/result.h"
#include "sync/protocol/bodylimits.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace fl::wire {

/// The protocol version in every path (/v1/...) and every CBOR body ("v").
constexpr int Version = 1;
inline constexpr char ContentType[] = "application/cbor";

/// What a decoder accepts at most; anything beyond is refused before it is processed.
struct Limits {
    qsizetype maxBodyBytes = MaxPushBodyBytes;     ///< every body but a pull page
    qsizetype maxPullPageBytes = MaxPullPageBytes; ///< a pull page (decodePullPage)
    int maxChangeSets = 5000;
    int maxFieldsPerChangeSet = 128;
    int maxPrevPerField = 64;
    qsizetype maxValueBytes = 1024 * 1024;
    qsizetype maxNameBytes = 128;
};

/// A decoding failure: the reason code the server answers with, and a message.
Error malformed(const QString &why);

// ---- change set batches (push body, pull page) ------------------------------------------------

/// A push: the sending device's change sets.
[[nodiscard]] QByteArray encodePush(const QByteArray &device, const QList<ChangeSet> &changeSets);
/// Checks shapes, sizes and that every change set comes from `device`.
[[nodiscard]] Result<QList<ChangeSet>> decodePush(const QByteArray &body, const QByteArray &device,
                                                  const Limits &limits = {});

/// The server's answer to a push: per change set, stored (with its server sequence, also when it
/// was stored by an earlier, repeated push) or rejected (with a reason code).
struct PushResult {
    QList<QPair<QByteArray, qint64>> stored;
    QList<QPair<QByteArray, QString>> rejected;
};
[[nodiscard]] QByteArray encodePushResult(const PushResult &r);
[[nodiscard]] Result<PushResult> decodePushResult(const QByteArray &body,
                                                  const Limits &limits = {});

/// One page of a pull: change sets after the cursor, in server order, and where to go on.
struct PullPage {
    QList<ChangeSet> changeSets; ///< each with serverSeq set
    qint64 next = 0;             ///< the cursor for the next request
    bool more = false;
};
[[nodiscard]] QByteArray encodePullPage(const PullPage &page);
[[nodiscard]] Result<PullPage> decodePullPage(const QByteArray &body, const Limits &limits = {});

// ---- enrolment and keys ------------------------------------------------------------------------

struct EnrolRequest {
    QString code;
    QByteArray device;     ///< 16 bytes
    QByteArray signingKey; ///< Ed25519 public key, 32 bytes
    QByteArray boxKey;     ///< X25519 public key, 32 bytes
    QString name;
};
[[nodiscard]] QByteArray encode(const EnrolRequest &r);
[[nodiscard]] Result<EnrolRequest> decodeEnrolRequest(const QByteArray &body);

struct EnrolResponse {
    QByteArray device;
    QString role; ///< "inspector" or "office"
};
[[nodiscard]] QByteArray encode(const EnrolResponse &r);
[[nodiscard]] Result<EnrolResponse> decodeEnrolResponse(const QByteArray &body);

/// Office: a one-time enrolment code for a new device.
struct EnrolCodeRequest {
    QString role;   ///< "inspector" or "office"
    int hours = 24; ///< how long the code is valid
};
[[nodiscard]] QByteArray encode(const EnrolCodeRequest &r);
/// Checks the shape only (role a string, hours an integer); the server judges the values.
[[nodiscard]] Result<EnrolCodeRequest> decodeEnrolCodeRequest(const QByteArray &body);

struct EnrolCodeResponse {
    QString code; ///< XXXX-XXXX-XXXX-XXXX, shown once: the server keeps only its hash
    QString role;
    qint64 expiresAtMs = 0; ///< Unix milliseconds
};
[[nodiscard]] QByteArray encode(const EnrolCodeResponse &r);
[[nodiscard]] Result<EnrolCodeResponse> decodeEnrolCodeResponse(const QByteArray &body);

/// A device as the office sees it (GET /v1/devices), or as any member sees the signers of the
/// change sets it pulls (GET /v1/signers: no names).
struct DeviceInfo {
    QByteArray device;
    QString name;
    QString role;
    QByteArray boxKey;
    bool revoked = false;
    QByteArray signKey; ///< Ed25519 public key, 32 bytes
};
[[nodiscard]] QByteArray encode(const QList<DeviceInfo> &devices);
[[nodiscard]] Result<QList<DeviceInfo>> decodeDevices(const QByteArray &body);

/// A campaign key sealed to one device (crypto_box_seal): the only form the server holds.
struct KeyEnvelope {
    QString campaignId;
    QByteArray device;
    QByteArray sealed;
};
[[nodiscard]] QByteArray encode(const QList<KeyEnvelope> &envelopes);
[[nodiscard]] Result<QList<KeyEnvelope>> decodeEnvelopes(const QByteArray &body);

/// Registers a campaign and its members (office only); the office device becomes a member.
struct CampaignGrant {
    QString campaignId;
    QList<QByteArray> members;
    QList<KeyEnvelope> envelopes;
};
[[nodiscard]] QByteArray encode(const CampaignGrant &g);
[[nodiscard]] Result<CampaignGrant> decodeCampaignGrant(const QByteArray &body);

/// An error body: {"v":1,"error":code,"message":text}. Codes are listed in PROTOCOL.md.
[[nodiscard]] QByteArray encodeError(const QString &code, const QString &message);
struct WireError {
    QString code;
    QString message;
};
[[nodiscard]] std::optional<WireError> decodeError(const QByteArray &body);

// ---- ids ---------------------------------------------------------------------------------------

/// Record and campaign ids are UUID strings in the app and 16 bytes on the wire.
[[nodiscard]] QByteArray uuidToBytes(const QString &uuid);
[[nodiscard]] QString uuidFromBytes(QByteArrayView bytes);

} // namespace fl::wire
