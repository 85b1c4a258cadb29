#pragma once
// Shared by the server tests: the real fieldledger-server process on a free loopback port, test
// devices with raw libsodium keys, and signed HTTP through QNetworkAccessManager.

#include "change/canonical.h"
#include "change/changeset.h"
#include "change/provenance.h"
#include "sync/protocol/requestsigning.h"
#include "sync/protocol/wire.h"

#include <QCborMap>
#include <QCborValue>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QtEndian>
#include <QTimer>
#include <QUuid>

#include <sodium.h>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

#include <memory>
#include <optional>

namespace fltest {

inline qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

// ---- the server process ------------------------------------------------------------------------

/// Runs fieldledger-server to completion (admin commands, refused configurations).
struct CommandResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

inline CommandResult runServerCommand(const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral(FL_SERVER_PATH), args);
    p.waitForFinished(60000);
    CommandResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/// A running server: started with --port 0, its URL read from the first line of stdout.
class ServerProcess {
public:
    ServerProcess() = default;
    ~ServerProcess() { stop(); }
    Q_DISABLE_COPY_MOVE(ServerProcess)

    bool start(const QStringList &storageArgs, const QStringList &extra = {}) {
        m_process.setProcessChannelMode(m_captureLog ? QProcess::SeparateChannels
                                                     : QProcess::ForwardedErrorChannel);
#ifdef Q_OS_LINUX
        // A test that crashes must not leave its server behind: an orphan keeps CTest's output
        // pipe open, and CTest then waits for the test's whole timeout.
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
        m_process.start(QStringLiteral(FL_SERVER_PATH),
                        storageArgs + QStringList{QStringLiteral("--port"), QStringLiteral("0")} +
                            extra);
        if (!m_process.waitForStarted(10000))
            return false;
        QByteArray line;
        while (!line.contains('\n')) {
            if (!m_process.waitForReadyRead(20000)) {
                qWarning() << "server did not start:" << m_process.readAllStandardError();
                return false;
            }
            line += m_process.readAllStandardOutput();
        }
        line = line.left(line.indexOf('\n'));
        const QByteArray prefix = "listening on ";
        if (!line.startsWith(prefix))
            return false;
        m_url = QUrl(QString::fromLatin1(line.mid(prefix.size())));
        return m_url.isValid() && m_url.port() > 0;
    }
    void stop() {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    /// Sends SIGTERM as a service manager would; true when the server then ended by itself,
    /// within `timeoutMs`, with exit code 0.
    bool terminateGracefully(int timeoutMs = 10000) {
        m_process.terminate();
        if (!m_process.waitForFinished(timeoutMs))
            return false;
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }
    [[nodiscard]] QUrl url() const {
        return m_url;
    }
    [[nodiscard]] QByteArray stderrText() {
        return m_process.readAllStandardError();
    }
    /// Keeps the server's log (stderr) for stderrText() instead of passing it on; before start().
    void captureLog(const QProcessEnvironment &env) {
        m_process.setProcessEnvironment(env);
        m_captureLog = true;
    }
    [[nodiscard]] qint64 processId() const {
        return m_process.processId();
    }

private:
    QProcess m_process;
    QUrl m_url;
    bool m_captureLog = false;
};

// ---- devices -----------------------------------------------------------------------------------

/// A device identity from raw libsodium keys (what native/vault holds on a tablet).
struct TestDevice {
    QByteArray id;
    QByteArray signPk;
    QByteArray signSk;
    QByteArray boxPk;
    QByteArray boxSk;

    static TestDevice create() {
        if (sodium_init() < 0)
            qFatal("libsodium failed");
        TestDevice d;
        d.id.resize(16);
        randombytes_buf(d.id.data(), 16);
        d.signPk.resize(crypto_sign_PUBLICKEYBYTES);
        d.signSk.resize(crypto_sign_SECRETKEYBYTES);
        crypto_sign_keypair(reinterpret_cast<unsigned char *>(d.signPk.data()),
                            reinterpret_cast<unsigned char *>(d.signSk.data()));
        d.boxPk.resize(crypto_box_PUBLICKEYBYTES);
        d.boxSk.resize(crypto_box_SECRETKEYBYTES);
        crypto_box_keypair(reinterpret_cast<unsigned char *>(d.boxPk.data()),
                           reinterpret_cast<unsigned char *>(d.boxSk.data()));
        return d;
    }
    [[nodiscard]] QString hex() const { return QString::fromLatin1(id.toHex()); }
    [[nodiscard]] QByteArray sign(QByteArrayView message) const {
        QByteArray sig(crypto_sign_BYTES, Qt::Uninitialized);
        crypto_sign_detached(reinterpret_cast<unsigned char *>(sig.data()), nullptr,
                             reinterpret_cast<const unsigned char *>(message.data()),
                             quint64(message.size()),
                             reinterpret_cast<const unsigned char *>(signSk.constData()));
        return sig;
    }
    [[nodiscard]] fl::signing::Signer signer() const {
        return [this](QByteArrayView m) {
            return fl::Result<QByteArray>(sign(m));
        };
    }
    /// Seals this device's unsealed change sets into its chains, as a device does at push: a
    /// change set sealed before (a repeated push) keeps its seal.
    void seal(QList<fl::ChangeSet> &changes) const {
        for (fl::ChangeSet &cs : changes) {
            if (cs.isSigned() || cs.device != id)
                continue;
            const auto before = chains->sealed.constFind(cs.id);
            if (before != chains->sealed.cend() && sameContent(*before, cs)) {
                cs = *before;
                continue;
            }
            fl::provenance::ChainHead &head = chains->heads[cs.campaignId];
            auto next = fl::provenance::seal(cs, head, signer());
            if (!next)
                qFatal("sealing failed");
            head = *next;
            chains->sealed.insert(cs.id, cs);
        }
    }
    /// A sealed copy of `changes`, for a push body built by hand.
    [[nodiscard]] QList<fl::ChangeSet> sealed(QList<fl::ChangeSet> changes) const {
        seal(changes);
        return changes;
    }
    /// After a push: the chains go on from what the server stored, not from what it refused.
    void settle(const QList<fl::ChangeSet> &sent, const QSet<QByteArray> &stored) const {
        QHash<QString, fl::provenance::ChainHead> heads;
        for (const fl::ChangeSet &cs : sent) {
            if (cs.device != id || !cs.isSigned())
                continue;
            if (!heads.contains(cs.campaignId))
                heads.insert(cs.campaignId, {cs.chainIndex - 1, cs.chainPrev});
            if (stored.contains(cs.id) && cs.chainIndex == heads[cs.campaignId].index + 1)
                heads[cs.campaignId] = {cs.chainIndex, fl::canonical::digest(cs)};
            else if (!stored.contains(cs.id))
                chains->sealed.remove(cs.id);
        }
        for (auto it = heads.cbegin(); it != heads.cend(); ++it)
            chains->heads.insert(it.key(), *it);
    }
    static bool sameContent(fl::ChangeSet a, fl::ChangeSet b) {
        a.chainIndex = b.chainIndex = 0;
        a.chainPrev = b.chainPrev = {};
        return fl::canonical::encode(a) == fl::canonical::encode(b);
    }
    struct Chains {
        QHash<QString, fl::provenance::ChainHead> heads;
        QHash<QByteArray, fl::ChangeSet> sealed;
    };
    std::shared_ptr<Chains> chains = std::make_shared<Chains>();

    /// A 32-byte key sealed to this device (crypto_box_seal): 80 bytes.
    [[nodiscard]] QByteArray sealedKey() const {
        QByteArray key(32, Qt::Uninitialized);
        randombytes_buf(key.data(), 32);
        QByteArray sealed(32 + crypto_box_SEALBYTES, Qt::Uninitialized);
        crypto_box_seal(reinterpret_cast<unsigned char *>(sealed.data()),
                        reinterpret_cast<const unsigned char *>(key.constData()), 32,
                        reinterpret_cast<const unsigned char *>(boxPk.constData()));
        return sealed;
    }
};

inline QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// A change set of `device` with per-device sequence `seq`.
inline fl::ChangeSet makeChange(const TestDevice &device, quint64 seq, const QString &campaign,
                                const QString &record, fl::Hlc hlc = 0,
                                const QString &type = QStringLiteral("finding"),
                                const QString &parent = {}) {
    fl::ChangeSet cs;
    cs.device = device.id;
    cs.id = device.id;
    cs.id.resize(24);
    qToBigEndian(seq, cs.id.data() + 16);
    cs.recordType = type;
    cs.recordId = record;
    cs.campaignId = campaign;
    cs.parentId = parent;
    cs.hlc = hlc ? hlc : fl::hlc::make(quint64(nowMs()), quint32(seq & 0xffff));
    QByteArray value(40 + int(seq % 7), Qt::Uninitialized);
    randombytes_buf(value.data(), size_t(value.size()));
    cs.fields.append({QStringLiteral("title"), value, {}});
    cs.fields.append({QStringLiteral("severity"), QByteArray(24, char(seq)), {}});
    return cs;
}

// ---- HTTP --------------------------------------------------------------------------------------

using Headers = QList<QPair<QByteArray, QByteArray>>;

struct HttpReply {
    int status = 0;
    QByteArray body;
    Headers headers;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    [[nodiscard]] QByteArray header(QByteArrayView name) const {
        for (const auto &[k, v] : headers) {
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
    /// The error code of a CBOR error body ("" when there is none).
    [[nodiscard]] QString error() const {
        const auto e = fl::wire::decodeError(body);
        return e ? e->code : QString();
    }
};

/// Synchronous signed requests to one server.
class HttpClient {
public:
    explicit HttpClient(QUrl base, bool acceptAnyCertificate = false)
        : m_base(std::move(base))
        , m_acceptAnyCertificate(acceptAnyCertificate) {}

    /// The Host header of requests to `base`, as Qt writes it.
    static QByteArray hostOf(const QUrl &base) { return fl::signing::hostHeader(base); }
    /// The headers of one signed request to `base`, as a client makes them: Host, `sent` (the
    /// request's other headers, which the signature covers too) and the signature headers.
    static Headers signedHeadersFor(const QUrl &base, const TestDevice &device,
                                    const QByteArray &method, const QByteArray &pathAndQuery,
                                    const QByteArray &body = {}, qint64 timeMs = nowMs(),
                                    const Headers &sent = {}) {
        const Headers covered = Headers{{"Host", hostOf(base)}} + sent;
        auto h = fl::signing::sign(device.signer(), device.id, method, pathAndQuery, covered, body,
                                   timeMs);
        if (!h)
            qFatal("signing failed");
        return covered + Headers{{fl::signing::DeviceHeader, h->device},
                                 {fl::signing::TimeHeader, h->time},
                                 {fl::signing::NonceHeader, h->nonce},
                                 {fl::signing::SignatureHeader, h->signature}};
    }
    /// signedHeadersFor() this client's server.
    [[nodiscard]] Headers signedHeaders(const TestDevice &device, const QByteArray &method,
                                        const QByteArray &pathAndQuery, const QByteArray &body = {},
                                        qint64 timeMs = nowMs(), const Headers &sent = {}) const {
        return signedHeadersFor(m_base, device, method, pathAndQuery, body, timeMs, sent);
    }

    /// Sends exactly these headers.
    HttpReply raw(const QByteArray &method, const QByteArray &pathAndQuery,
                  const QByteArray &body = {}, const Headers &headers = {}) {
        QNetworkRequest req(QUrl(m_base.toString() + QString::fromLatin1(pathAndQuery)));
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
        for (const auto &[k, v] : headers)
            req.setRawHeader(k, v);
        QNetworkReply *reply =
            method == "HEAD" ? m_nam.head(req) : m_nam.sendCustomRequest(req, method, body);
        if (m_acceptAnyCertificate)
            QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                             [reply] { reply->ignoreSslErrors(); });
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        HttpReply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        r.networkError = reply->error();
        reply->deleteLater();
        return r;
    }

    /// A signed request with a body of `contentType` (when there is a body).
    HttpReply send(const TestDevice &device, const QByteArray &method,
                   const QByteArray &pathAndQuery, const QByteArray &body = {},
                   const QByteArray &contentType = fl::wire::ContentType, Headers extra = {}) {
        Headers sent;
        if (!body.isEmpty() || method == "POST" || method == "PUT")
            sent.append({"Content-Type", contentType});
        sent += extra;
        return raw(method, pathAndQuery, body,
                   signedHeaders(device, method, pathAndQuery, body, nowMs(), sent));
    }

    // Protocol calls used by many tests.
    HttpReply enrol(const TestDevice &d, const QString &code,
                    const QString &name = QStringLiteral("tablet")) {
        const QByteArray body =
            fl::wire::encode(fl::wire::EnrolRequest{code, d.id, d.signPk, d.boxPk, name});
        return send(d, "POST", "/v1/enrol", body);
    }
    HttpReply grant(const TestDevice &office, const QString &campaign,
                    const QList<const TestDevice *> &members) {
        fl::wire::CampaignGrant g;
        g.campaignId = campaign;
        for (const TestDevice *m : members) {
            g.members.append(m->id);
            g.envelopes.append({campaign, m->id, m->sealedKey()});
        }
        g.envelopes.append({campaign, office.id, office.sealedKey()});
        return send(office, "PUT", "/v1/campaigns", fl::wire::encode(g));
    }
    /// Pushes `changes`, sealing the unsealed ones as the device's sync engine does.
    HttpReply push(const TestDevice &d, QList<fl::ChangeSet> changes) {
        d.seal(changes);
        HttpReply r = send(d, "POST", "/v1/push", fl::wire::encodePush(d.id, changes));
        if (auto result = fl::wire::decodePushResult(r.body); r.status == 200 && result) {
            QSet<QByteArray> stored;
            for (const auto &entry : std::as_const(result->stored))
                stored.insert(entry.first);
            d.settle(changes, stored);
        }
        return r;
    }
    /// Pushes exactly these bytes (a test of what the server refuses).
    HttpReply pushRaw(const TestDevice &d, const QList<fl::ChangeSet> &changes) {
        return send(d, "POST", "/v1/push", fl::wire::encodePush(d.id, changes));
    }
    HttpReply pull(const TestDevice &d, qint64 after, int limit = 1000) {
        return send(d, "GET",
                    "/v1/pull?after=" + QByteArray::number(after) +
                        "&limit=" + QByteArray::number(limit));
    }
    /// Every change set visible to `d`, page by page; empty optional on a failed request.
    std::optional<QList<fl::ChangeSet>> pullAll(const TestDevice &d, int limit = 1000,
                                                int *pages = nullptr) {
        QList<fl::ChangeSet> all;
        qint64 cursor = 0;
        int n = 0;
        for (;;) {
            const HttpReply r = pull(d, cursor, limit);
            if (r.status != 200)
                return std::nullopt;
            auto page = fl::wire::decodePullPage(r.body);
            if (!page)
                return std::nullopt;
            ++n;
            all += page->changeSets;
            cursor = page->next;
            if (!page->more)
                break;
        }
        if (pages)
            *pages = n;
        return all;
    }

    [[nodiscard]] QNetworkAccessManager &nam() { return m_nam; }
    [[nodiscard]] QUrl base() const { return m_base; }

private:
    QUrl m_base;
    bool m_acceptAnyCertificate = false;
    QNetworkAccessManager m_nam;
};

/// A server with an enrolled office device, two inspectors and a campaign of all three.
struct Fixture {
    QStringList storage; ///< --data DIR, or --database URL --blobs DIR
    ServerProcess server;
    std::unique_ptr<HttpClient> http;
    TestDevice office = TestDevice::create();
    TestDevice alice = TestDevice::create();
    TestDevice bob = TestDevice::create();
    QString campaign = newUuid();

    QString enrolCode(const QString &role) {
        const CommandResult r = runServerCommand(
            storage + QStringList{QStringLiteral("admin"), QStringLiteral("enrol-code"),
                                  QStringLiteral("--role"), role});
        return r.exitCode == 0 ? QString::fromLatin1(r.out.trimmed()) : QString();
    }
    /// Starts the server and enrols the devices; bob is not a member of the campaign.
    bool setUp(const QStringList &storageArgs) {
        storage = storageArgs;
        if (!server.start(storage))
            return false;
        http = std::make_unique<HttpClient>(server.url());
        if (http->enrol(office, enrolCode(QStringLiteral("office"))).status != 200 ||
            http->enrol(alice, enrolCode(QStringLiteral("inspector"))).status != 200 ||
            http->enrol(bob, enrolCode(QStringLiteral("inspector"))).status != 200)
            return false;
        return http->grant(office, campaign, {&alice}).status == 200;
    }
    CommandResult admin(const QStringList &words) {
        return runServerCommand(storage + QStringList{QStringLiteral("admin")} + words);
    }
};

} // namespace fltest
