#pragma once

#include "sync/server/changelog.h"
#include "sync/server/httpsupport.h"

#include <optional>

class QHttpServer;

namespace fl::server {

class Authenticator;
class ServerDatabase;
struct Caller;

/// The CBOR routes of PROTOCOL.md: health, enrolment and enrolment codes, devices, campaigns,
/// keys, push, pull.
class SyncRoutes {
public:
    SyncRoutes(ServerDatabase &db, Authenticator &auth);

    void install(QHttpServer &server);

private:
    QHttpServerResponse health();
    QHttpServerResponse enrol(const QHttpServerRequest &request);
    QHttpServerResponse devices(const QHttpServerRequest &request);
    QHttpServerResponse signers(const QHttpServerRequest &request);
    QHttpServerResponse enrolCode(const QHttpServerRequest &request);
    QHttpServerResponse putCampaign(const QHttpServerRequest &request);
    QHttpServerResponse keys(const QHttpServerRequest &request);
    QHttpServerResponse push(const QHttpServerRequest &request);
    QHttpServerResponse pull(const QHttpServerRequest &request);
    /// A signed request from an office device, or why not (401 reasons, 403 for inspectors).
    std::optional<http::Failure> authenticateOffice(const QHttpServerRequest &request,
                                                    Caller &caller);

    ServerDatabase &m_db;
    Authenticator &m_auth;
    ChangeLog m_log;
};

} // namespace fl::server
