#pragma once

#include "sync/client/syncerror.h"
#include "sync/protocol/requestsigning.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace fl::sync {

/// A complete answer: the whole body arrived (Content-Length checked) with an accepted status.
struct HttpResponse {
    int status = 0;
    QByteArray body;      ///< empty when a sink received it
    qint64 bodyBytes = 0; ///< bytes received
    QList<QPair<QByteArray, QByteArray>> headers;
    /// The value of a header (case-insensitive name); empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

/// One HTTP exchange with the sync server.
struct HttpRequest {
    QByteArray method = "GET";
    /// Path and query below the server address ("/v1/pull?after=0&limit=500"), or empty when
    /// `url` is given (a tus upload's Location).
    QByteArray target;
    QUrl url;
    QByteArray body;
    QByteArray contentType = "application/cbor"; ///< of the body, when there is one
    QList<QPair<QByteArray, QByteArray>> headers;
    bool sign = true; ///< every request but GET /v1/health is signed
    /// Whether Qt's network layer may send the request again by itself when the connection is
    /// cut while the request is being sent (it does so on a fresh connection). Off for a tus
    /// chunk: the server may have kept part of it, so the uploader asks it where to go on
    /// instead of sending the whole chunk again into an offset mismatch.
    bool resendable = true;
    /// Statuses handed back to the caller; any other becomes a typed failure.
    QList<int> accept = {200};
    /// Accepted answers that carry a body must be CBOR (Content-Type application/cbor).
    bool cborAnswer = true;
    qint64 maxAnswerBytes = 32 * 1024 * 1024;
    /// Receives a 2xx body as it arrives instead of collecting it (blob downloads keep what
    /// arrived before a cut), with the status and headers; a failure aborts the request with
    /// that failure. Bodies of other statuses are collected as usual.
    std::function<SyncResult<void>(const HttpResponse &head, QByteArrayView chunk)> sink;
};

/// The sync protocol's HTTP layer: builds, signs (PROTOCOL.md, signing::sign with the vault as
/// signer) and sends requests with QNetworkAccessManager, and checks every answer: status,
/// content type, completeness. Anything else is a typed SyncFailure, so a caller never sees a
/// half or undecodable answer.
///
/// execute() runs one request to its end in a local event loop of the calling thread: call it
/// only on the sync engine's own thread (or in a command-line tool), never on a UI thread.
/// cancel() may be called from any thread.
class SyncClient : public QObject {
    Q_OBJECT
public:
    explicit SyncClient(QObject *parent = nullptr);
    ~SyncClient() override;

    /// The server's base address (scheme, host, port, optional path prefix).
    void setServer(const QUrl &base) { m_base = base; }
    [[nodiscard]] QUrl server() const { return m_base; }
    /// Signs requests as `deviceId` (16 bytes) with `signer` (Vault::sign).
    void setSigner(const QByteArray &deviceId, signing::Signer signer);
    /// A request fails with SyncError::Timeout when nothing moves for this long.
    void setTimeout(std::chrono::milliseconds inactivity) { m_timeout = inactivity; }
    [[nodiscard]] std::chrono::milliseconds timeout() const { return m_timeout; }

    [[nodiscard]] SyncResult<HttpResponse> execute(const HttpRequest &request);

    /// A signed CBOR request answered with a CBOR body (status 200 unless `accept` says more).
    [[nodiscard]] SyncResult<QByteArray> cbor(const QByteArray &method, const QByteArray &target,
                                              const QByteArray &body = {});
    /// GET /v1/health, unsigned: true when the server answers it as specified.
    [[nodiscard]] SyncResult<void> probe();

    /// Aborts the running request and makes every later one fail with SyncError::Cancelled
    /// until resetCancel(). Thread-safe.
    void cancel();
    void resetCancel();
    [[nodiscard]] bool isCancelled() const { return m_cancelled.load(); }

    /// Checks a server address: http(s) with a host; plain http only to this machine.
    [[nodiscard]] static SyncResult<QUrl> checkServerUrl(const QString &text);

Q_SIGNALS:
    /// Request body bytes handed to the network (upload progress of the running request).
    void uploadProgress(qint64 sent, qint64 total);
    /// Answer bytes received so far for the running request.
    void downloadProgress(qint64 received, qint64 total);

private:
    void abortCurrent(quint64 generation);
    [[nodiscard]] SyncResult<HttpResponse> executeOnce(const HttpRequest &request);
    [[nodiscard]] SyncResult<QUrl> resolve(const HttpRequest &request) const;

    QNetworkAccessManager *m_nam = nullptr;
    QUrl m_base;
    QByteArray m_device;
    signing::Signer m_signer;
    std::chrono::milliseconds m_timeout{30000};
    std::atomic<bool> m_cancelled{false};
    // Bumped by resetCancel(), so an abort queued by an earlier cancel() cannot hit a request
    // of a later sync.
    std::atomic<quint64> m_generation{0};
    QPointer<QNetworkReply> m_current;
};

} // namespace fl::sync
