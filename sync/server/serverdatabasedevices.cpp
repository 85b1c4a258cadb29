// ServerDatabase: enrolled devices, one-time enrolment codes and request nonces.
#include "sync/server/serverdatabase.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace fl::server {

namespace {

QString codeHash(const QString &code) {
    // Codes are typed by people: case, spaces and dashes do not matter.
    QString normal;
    for (const QChar c : code) {
        if (c.isLetterOrNumber())
            normal.append(c.toUpper());
    }
    return QString::fromLatin1(
        QCryptographicHash::hash(normal.toUtf8(), QCryptographicHash::Sha256).toHex());
}

DeviceRow deviceFrom(const QSqlQuery &q) {
    DeviceRow d;
    d.id = q.value(0).toString();
    d.signKey = q.value(1).toByteArray();
    d.boxKey = q.value(2).toByteArray();
    d.role = q.value(3).toString();
    d.name = q.value(4).toString();
    d.revoked = q.value(5).toInt() != 0;
    d.enrolledAt = q.value(6).toLongLong();
    return d;
}

const char DeviceColumns[] = "id, sign_pk, box_pk, role, name, revoked, enrolled_at";

/// An enrolment code as stored.
struct CodeRow {
    QString role;
    qint64 expiresAt = 0;
    QString usedBy; ///< empty while unused
};

Result<std::optional<CodeRow>> findCode(ServerDatabase &db, const QString &hash) {
    auto c = db.exec(QStringLiteral("SELECT role, expires_at, used_by FROM enrol_codes "
                                    "WHERE code_hash = ?"),
                     {hash});
    if (!c)
        return c.error();
    if (!c->next())
        return std::optional<CodeRow>();
    CodeRow row{c->value(0).toString(), c->value(1).toLongLong(), c->value(2).toString()};
    c->finish();
    return std::optional<CodeRow>(row);
}

/// A code used already: a repeated enrolment (the answer was lost) answers the same.
Result<EnrolStatus> repeatedEnrolment(ServerDatabase &db, DeviceRow &device,
                                      const QString &usedBy) {
    if (usedBy != device.id)
        return EnrolStatus::BadCode;
    auto existing = db.device(device.id);
    if (!existing)
        return existing.error();
    if (!*existing || (*existing)->signKey != device.signKey ||
        (*existing)->boxKey != device.boxKey)
        return EnrolStatus::BadCode;
    device.role = (*existing)->role;
    return EnrolStatus::Enrolled;
}

/// Claims an unused code for `device` and inserts the device, inside the caller's transaction.
Result<EnrolStatus> claimCodeAndEnrol(ServerDatabase &db, DeviceRow &device, const QString &hash,
                                      const QString &role, qint64 nowMs) {
    // Claim the code first: a concurrent claim waits on the row and then finds it used.
    auto claim = db.exec(QStringLiteral("UPDATE enrol_codes SET used_by = ?, used_at = ? "
                                        "WHERE code_hash = ? AND used_by IS NULL"),
                         {device.id, nowMs, hash});
    if (!claim)
        return claim.error();
    if (claim->numRowsAffected() != 1)
        return EnrolStatus::BadCode;
    auto existing = db.device(device.id);
    if (!existing)
        return existing.error();
    if (*existing)
        return EnrolStatus::DeviceTaken;
    device.role = role;
    device.enrolledAt = nowMs;
    auto ins = db.exec(QStringLiteral("INSERT INTO devices (%1) VALUES (?, ?, ?, ?, ?, 0, ?)")
                           .arg(QLatin1String(DeviceColumns)),
                       {device.id, device.signKey, device.boxKey, device.role, device.name, nowMs});
    if (!ins)
        return ins.error();
    return EnrolStatus::Enrolled;
}

} // namespace

Result<std::optional<DeviceRow>> ServerDatabase::device(const QString &id) {
    auto q = exec(
        QStringLiteral("SELECT %1 FROM devices WHERE id = ?").arg(QLatin1String(DeviceColumns)),
        {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<DeviceRow>();
    return std::optional<DeviceRow>(deviceFrom(*q));
}

Result<QList<DeviceRow>> ServerDatabase::devices() {
    auto q = exec(QStringLiteral("SELECT %1 FROM devices ORDER BY enrolled_at, id")
                      .arg(QLatin1String(DeviceColumns)));
    if (!q)
        return q.error();
    QList<DeviceRow> out;
    while (q->next())
        out.append(deviceFrom(*q));
    return out;
}

Result<bool> ServerDatabase::revoke(const QString &id, qint64 nowMs) {
    auto q = exec(QStringLiteral("UPDATE devices SET revoked = 1, revoked_at = ? WHERE id = ?"),
                  {nowMs, id});
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

Result<QString> ServerDatabase::createEnrolCode(const QString &role, qint64 expiresAtMs,
                                                qint64 nowMs) {
    // 16 characters from 30 unambiguous ones: about 78 bits, typed as XXXX-XXXX-XXXX-XXXX.
    static const char Alphabet[] = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    if (sodium_init() < 0)
        return makeError(ErrorCode::Io, QStringLiteral("libsodium failed to initialise"));
    QString code;
    for (int i = 0; i < 16; ++i) {
        if (i && i % 4 == 0)
            code += QLatin1Char('-');
        code += QLatin1Char(Alphabet[randombytes_uniform(sizeof Alphabet - 1)]);
    }
    auto q = exec(QStringLiteral("INSERT INTO enrol_codes (code_hash, role, created_at, "
                                 "expires_at) VALUES (?, ?, ?, ?)"),
                  {codeHash(code), role, nowMs, expiresAtMs});
    if (!q)
        return q.error();
    return code;
}

Result<EnrolStatus> ServerDatabase::enrol(DeviceRow &device, const QString &code, qint64 nowMs) {
    Transaction tx(*this);
    if (auto r = tx.begin(); !r)
        return r.error();
    const QString hash = codeHash(code);
    auto found = findCode(*this, hash);
    if (!found)
        return found.error();
    if (!*found)
        return EnrolStatus::BadCode;
    const CodeRow &c = **found;
    if (!c.usedBy.isEmpty())
        return repeatedEnrolment(*this, device, c.usedBy);
    if (c.expiresAt < nowMs)
        return EnrolStatus::BadCode;
    auto status = claimCodeAndEnrol(*this, device, hash, c.role, nowMs);
    if (!status || *status != EnrolStatus::Enrolled)
        return status;
    if (auto r = tx.commit(); !r)
        return r.error();
    return EnrolStatus::Enrolled;
}

Result<bool> ServerDatabase::useNonce(const QString &device, const QString &nonce, qint64 nowMs) {
    auto q = exec(QStringLiteral("INSERT INTO nonces (device, nonce, seen_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT DO NOTHING"),
                  {device, nonce, nowMs});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Result<void> ServerDatabase::pruneNonces(qint64 olderThanMs) {
    auto q = exec(QStringLiteral("DELETE FROM nonces WHERE seen_at < ?"), {olderThanMs});
    if (!q)
        return q.error();
    return {};
}

} // namespace fl::server
