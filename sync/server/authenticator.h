#pragma once

#include "sync/server/httpsupport.h"

#include <QByteArray>
#include <QString>

#include <optional>

class QHttpServerRequest;

namespace fl::server {

class ServerDatabase;

/// The device a request was verified to come from.
struct Caller {
    QByteArray device; ///< 16 bytes
    QString deviceHex;
    QString role; ///< "inspector" or "office"
    [[nodiscard]] bool isOffice() const { return role == QLatin1String("office"); }
};

/// Verifies request signatures (PROTOCOL.md, "Identity and request signing") against the keys in
/// the database: headers, timestamp window, signature, revocation, nonce replay.
class Authenticator {
public:
    explicit Authenticator(ServerDatabase &db)
        : m_db(db) {}

    /// How long a nonce is remembered: any request that passes the timestamp check again
    /// (±5 minutes around its own time) falls inside this window.
    static constexpr qint64 NonceMemoryMs = 10ll * 60 * 1000;

    /// The caller of a signed request, or why it is refused (401, or 500 on a database error).
    [[nodiscard]] std::optional<http::Failure> authenticate(const QHttpServerRequest &request,
                                                            Caller &caller);
    /// Enrolment: the device is not known yet; the request is signed with the key in its body.
    [[nodiscard]] std::optional<http::Failure> verifyWithKey(const QHttpServerRequest &request,
                                                             const QByteArray &device,
                                                             const QByteArray &signingKey);

private:
    struct Signed {
        QByteArray deviceHex;
        qint64 timeMs = 0;
        QByteArray nonceHex;
        QByteArray signature;
    };
    [[nodiscard]] std::optional<http::Failure> readHeaders(const QHttpServerRequest &request,
                                                           Signed &out) const;
    [[nodiscard]] static bool signatureValid(const QHttpServerRequest &request, const Signed &s,
                                             const QByteArray &key);
    [[nodiscard]] std::optional<http::Failure> consumeNonce(const Signed &s);

    ServerDatabase &m_db;
};

} // namespace fl::server
