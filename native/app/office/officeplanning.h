#pragma once

#include "sync/client/syncerror.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>

#include <functional>

namespace fl {
class Inspection;
}
namespace fl::sync {
class SyncEngine;
} // namespace fl::sync

namespace fl::app {

class AppServices;

/// The office console's planning: rounds, their checklists, units and visits with their teams,
/// written locally through Inspection (so they work offline and sync like any record); and the
/// parts that need the server: the enrolled devices, sharing a round's key with its team, and
/// one-time enrolment codes for new tablets.
///
/// Server calls run on the sync engine's thread (SyncStatus owns it), never on the UI thread:
/// the call is queued to the engine, its answer comes back queued. While a sync runs the engine
/// answers "busy"; the call is then made again once that sync has ended.
class OfficePlanning : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        fl::app::AppServices *services READ services WRITE setServices NOTIFY servicesChanged)
    /// The round being planned; a new round becomes it.
    Q_PROPERTY(QString campaignId READ campaignId WRITE setCampaignId NOTIFY campaignIdChanged)
    // Every list's rows also hold "title" and "detail": how the page lists them.
    /// Every round: {campaignId, name, period}.
    Q_PROPERTY(QVariantList campaigns READ campaigns NOTIFY recordsChanged)
    /// The round's checklist by level, then code: {itemId, level, levelName, code, text,
    /// maxDeduction (text)}.
    Q_PROPERTY(QVariantList checklist READ checklist NOTIFY recordsChanged)
    /// The round's units: {unitId, name, contact}.
    Q_PROPERTY(QVariantList units READ units NOTIFY recordsChanged)
    /// The round's visits by date: {visitId, unitName, date, team}.
    Q_PROPERTY(QVariantList visits READ visits NOTIFY recordsChanged)
    /// The three checklist levels, in fl::Level order.
    Q_PROPERTY(QStringList levelNames READ levelNames CONSTANT)
    /// Why the server's part (devices, sharing, codes) cannot be used now, with what to do;
    /// empty when this is an enrolled office device in reach of the server.
    Q_PROPERTY(QString serverNotice READ serverNotice NOTIFY serverStateChanged)
    /// This device is enrolled as an office device (it may ask the server at all).
    Q_PROPERTY(bool officeDevice READ isOfficeDevice NOTIFY serverStateChanged)
    /// A server call runs.
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// The enrolled devices other than this one, not revoked: {deviceId (hex), name, label,
    /// role, roleName, inTeam (its name is in a team of the round's visits)}.
    Q_PROPERTY(QVariantList devices READ devices NOTIFY devicesChanged)
    Q_PROPERTY(bool devicesLoaded READ devicesLoaded NOTIFY devicesChanged)
    /// What went wrong with the last server call, in plain words with what to do; empty after a
    /// success.
    Q_PROPERTY(QString serverError READ serverError NOTIFY serverErrorChanged)
    /// The last code issued (shown once; kept only in memory).
    Q_PROPERTY(QString enrolCode READ enrolCode NOTIFY enrolCodeChanged)
    Q_PROPERTY(QString enrolCodeRoleName READ enrolCodeRoleName NOTIFY enrolCodeChanged)
    Q_PROPERTY(QDateTime enrolCodeExpires READ enrolCodeExpires NOTIFY enrolCodeChanged)
    Q_PROPERTY(QString enrolCodeExpiresText READ enrolCodeExpiresText NOTIFY enrolCodeChanged)
    /// What the last share did ("Shared with 2 devices…"); empty before one succeeds.
    Q_PROPERTY(QString shareResult READ shareResult NOTIFY shareResultChanged)
public:
    explicit OfficePlanning(QObject *parent = nullptr);

    [[nodiscard]] AppServices *services() const { return m_services; }
    void setServices(AppServices *services);
    [[nodiscard]] QString campaignId() const { return m_campaignId; }
    void setCampaignId(const QString &id);
    [[nodiscard]] QVariantList campaigns() const { return m_campaigns; }
    [[nodiscard]] QVariantList checklist() const { return m_checklist; }
    [[nodiscard]] QVariantList units() const { return m_units; }
    [[nodiscard]] QVariantList visits() const { return m_visits; }
    [[nodiscard]] QStringList levelNames() const;
    [[nodiscard]] QString serverNotice() const;
    [[nodiscard]] bool isOfficeDevice() const;
    [[nodiscard]] bool isBusy() const { return m_pending > 0; }
    [[nodiscard]] QVariantList devices() const;
    [[nodiscard]] bool devicesLoaded() const { return m_devicesLoaded; }
    [[nodiscard]] QString serverError() const { return m_serverError; }
    [[nodiscard]] QString enrolCode() const { return m_enrolCode; }
    [[nodiscard]] QString enrolCodeRoleName() const;
    [[nodiscard]] QDateTime enrolCodeExpires() const { return m_enrolCodeExpires; }
    [[nodiscard]] QString enrolCodeExpiresText() const;
    [[nodiscard]] QString shareResult() const { return m_shareResult; }

    // Local writes: each returns "" on success, else why not (the domain's words); nothing is
    // written then.
    /// Dates as 2026-11-20 (either may be empty); base scores as the UI language writes numbers.
    Q_INVOKABLE QString createCampaign(const QString &name, const QString &startDate,
                                       const QString &endDate, const QString &partyGroupBase,
                                       const QString &organCommitteeBase,
                                       const QString &grassrootsBase);
    /// `level` is an index into levelNames.
    Q_INVOKABLE QString addChecklistItem(int level, const QString &code, const QString &text,
                                         const QString &maxDeduction, const QString &category = {});
    Q_INVOKABLE QString createUnit(const QString &name, const QString &contact = {});
    /// The team: the names of the devices picked (deviceIds, from devices) and the names typed
    /// (separated by commas or 、).
    Q_INVOKABLE QString createVisit(const QString &unitId, const QString &date,
                                    const QStringList &deviceIds, const QString &typedNames);

    // Server calls (office devices): the answer comes through the properties and signals.
    Q_INVOKABLE void refreshDevices();
    /// `role` "inspector" or "office"; `hours` how long the code is valid.
    Q_INVOKABLE void issueEnrolCode(const QString &role, int hours = 24);
    /// Gives the round's key to these devices (hex ids) and registers them as members; they
    /// receive the round with their next sync. A sync of this device follows.
    Q_INVOKABLE void shareCampaign(const QStringList &deviceIds);
    /// The devices (hex ids) whose names are in a team of the round's visits: whom to share
    /// the round with.
    [[nodiscard]] Q_INVOKABLE QStringList teamDeviceIds() const;
    /// Puts the code on the clipboard.
    Q_INVOKABLE void copyEnrolCode() const;

Q_SIGNALS:
    void servicesChanged();
    void campaignIdChanged();
    void recordsChanged();
    void serverStateChanged();
    void busyChanged();
    void devicesChanged();
    void serverErrorChanged();
    void enrolCodeChanged();
    void shareResultChanged();
    /// After issueEnrolCode() ended; `ok` false: serverError says why.
    void enrolCodeIssued(bool ok);
    /// After shareCampaign() ended.
    void campaignShared(bool ok);
    /// After refreshDevices() ended.
    void devicesRefreshed(bool ok);

private:
    struct DeviceEntry {
        QString id; ///< hex
        QString name;
        QString role;
    };
    /// Runs `job` on the engine's thread; `done` gets its failure (None on success) back on
    /// this thread. A "busy" answer runs the job again after the running sync.
    void callServer(std::function<sync::SyncFailure(sync::SyncEngine &)> job,
                    std::function<void(const sync::SyncFailure &)> done, int attempt = 0);
    void finishCall(const sync::SyncFailure &failure);
    void reload();
    void reloadCampaigns(const Inspection &in);
    void reloadChecklist(const Inspection &in);
    void reloadUnitsAndVisits(const Inspection &in);
    void setServerError(const sync::SyncFailure &failure);
    [[nodiscard]] QString deviceLabel(const DeviceEntry &d) const;
    [[nodiscard]] QStringList teamNamesOfRound() const;

    QPointer<AppServices> m_services;
    QString m_campaignId;
    QVariantList m_campaigns;
    QVariantList m_checklist;
    QVariantList m_units;
    QVariantList m_visits;
    QList<DeviceEntry> m_devices;
    bool m_devicesLoaded = false;
    int m_pending = 0;
    QString m_serverError;
    QString m_enrolCode;
    QString m_enrolCodeRole;
    QDateTime m_enrolCodeExpires;
    QString m_shareResult;
};

} // namespace fl::app
