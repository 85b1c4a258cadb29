// The office console's server calls (device list, enrolment codes, sharing a round), run on the
// sync engine's thread so the UI never waits on the network; answers and failures come back
// queued and are shown in plain words.
#include "officeplanning.h"

#include "appservices.h"
#include "sync/client/syncengine.h"
#include "syncstatus.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QTimer>

#include <memory>

namespace fl::app {

using sync::SyncEngine;
using sync::SyncError;
using sync::SyncFailure;

namespace {
// The engine answers "busy" while a sync (or its reachability probe) runs: try again shortly,
// for about half a minute, then say so.
constexpr int BusyRetryMs = 1500;
constexpr int BusyRetries = 20;
} // namespace

void OfficePlanning::callServer(std::function<SyncFailure(SyncEngine &)> job,
                                std::function<void(const SyncFailure &)> done, int attempt) {
    if (!m_services)
        return;
    if (attempt == 0) {
        ++m_pending;
        Q_EMIT busyChanged();
        if (!isOfficeDevice()) {
            const SyncFailure refused =
                m_services->sync().isEnrolled()
                    ? SyncFailure{SyncError::Forbidden, QStringLiteral("forbidden"), 0, {}}
                    : sync::makeFailure(SyncError::NotEnrolled);
            finishCall(refused);
            done(refused);
            return;
        }
    }
    SyncStatus *status = &m_services->sync(); // outlives the engine's thread: the answer's relay
    SyncEngine *engine = status->engine();
    QPointer<OfficePlanning> guard(this);
    QMetaObject::invokeMethod(
        engine,
        [engine, status, guard, job, done, attempt] {
            const SyncFailure failure = job(*engine);
            QMetaObject::invokeMethod(
                status,
                [guard, job, done, attempt, failure] {
                    if (!guard)
                        return;
                    const bool busy = failure.error == SyncError::Cancelled &&
                                      failure.code == QLatin1String("busy");
                    if (busy && attempt < BusyRetries) {
                        QTimer::singleShot(BusyRetryMs, guard, [guard, job, done, attempt] {
                            guard->callServer(job, done, attempt + 1);
                        });
                        return;
                    }
                    guard->finishCall(failure);
                    done(failure);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void OfficePlanning::finishCall(const SyncFailure &failure) {
    m_pending = std::max(0, m_pending - 1);
    setServerError(failure);
    Q_EMIT busyChanged();
}

void OfficePlanning::setServerError(const SyncFailure &failure) {
    const auto [what, next] = SyncStatus::describe(failure);
    const QString text =
        next.isEmpty() ? what : tr("%1 %2", "an error, then what to do").arg(what, next);
    if (text == m_serverError)
        return;
    m_serverError = text;
    Q_EMIT serverErrorChanged();
}

void OfficePlanning::refreshDevices() {
    auto found = std::make_shared<QList<DeviceEntry>>();
    const QByteArray me = m_services ? m_services->vault().deviceId() : QByteArray();
    callServer(
        [found, me](SyncEngine &engine) {
            auto list = engine.devices();
            if (!list)
                return list.failure();
            // Only what the page needs; public keys stay with the engine.
            for (const wire::DeviceInfo &d : std::as_const(*list)) {
                const QString id = QString::fromLatin1(d.device.toHex());
                if (!d.revoked && d.device != me)
                    found->append({id, d.name, d.role});
            }
            return SyncFailure();
        },
        [this, found](const SyncFailure &failure) {
            const bool ok = failure.error == SyncError::None;
            if (ok) {
                m_devices = *found;
                m_devicesLoaded = true;
                Q_EMIT devicesChanged();
            }
            Q_EMIT devicesRefreshed(ok);
        });
}

void OfficePlanning::issueEnrolCode(const QString &role, int hours) {
    auto answer = std::make_shared<wire::EnrolCodeResponse>();
    callServer(
        [answer, role, hours](SyncEngine &engine) {
            auto code = engine.issueEnrolCode(role, hours);
            if (!code)
                return code.failure();
            *answer = *code;
            return SyncFailure();
        },
        [this, answer](const SyncFailure &failure) {
            const bool ok = failure.error == SyncError::None;
            if (ok) {
                m_enrolCode = answer->code;
                m_enrolCodeRole = answer->role;
                m_enrolCodeExpires = QDateTime::fromMSecsSinceEpoch(answer->expiresAtMs, Qt::UTC);
                Q_EMIT enrolCodeChanged();
            }
            Q_EMIT enrolCodeIssued(ok);
        });
}

void OfficePlanning::shareCampaign(const QStringList &deviceIds) {
    if (m_campaignId.isEmpty() || deviceIds.isEmpty()) {
        m_serverError = m_campaignId.isEmpty() ? tr("Create a round first.")
                                               : tr("Pick at least one device to share with.");
        Q_EMIT serverErrorChanged();
        Q_EMIT campaignShared(false);
        return;
    }
    QList<QByteArray> ids;
    for (const QString &hex : deviceIds)
        ids.append(QByteArray::fromHex(hex.toLatin1()));
    const QString campaign = m_campaignId;
    auto count = std::make_shared<int>(0);
    callServer(
        [campaign, ids, count](SyncEngine &engine) {
            auto shared = engine.shareCampaign(campaign, ids);
            if (!shared)
                return shared.failure();
            *count = int(shared->size());
            return SyncFailure();
        },
        [this, count](const SyncFailure &failure) {
            const bool ok = failure.error == SyncError::None;
            if (ok) {
                m_shareResult = tr("Shared with %n device(s). They receive the round and its "
                                   "visits with their next sync.",
                                   "", *count);
                Q_EMIT shareResultChanged();
                // The round's records reach the server now that it knows the round.
                m_services->sync().syncNow();
            }
            Q_EMIT campaignShared(ok);
        });
}

void OfficePlanning::copyEnrolCode() const {
    if (m_enrolCode.isEmpty())
        return;
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(m_enrolCode);
}

} // namespace fl::app
