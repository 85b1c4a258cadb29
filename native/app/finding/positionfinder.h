#pragma once

#include "domain/entities.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantMap>

QT_BEGIN_NAMESPACE
class QGeoPositionInfo;
class QGeoPositionInfoSource;
QT_END_NAMESPACE

namespace fl::app {

/// Takes one position fix for a record on request, from the platform's position source
/// (QGeoPositionInfoSource: GPS, network location, or an NMEA receiver or log). Where there is
/// no source, the permission is denied or no fix arrives in time, `message` says so in plain
/// words and nothing else changes. Positions are sensitive: they are handed to the caller only,
/// never logged or kept here longer than the request.
class PositionFinder : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A FindingEditor owns its PositionFinder.")
    /// A fix has been asked for and has not arrived or failed yet.
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// Why the last request gave no position; empty after a fix.
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
public:
    explicit PositionFinder(QObject *parent = nullptr);
    ~PositionFinder() override;

    /// For an NMEA receiver: its user equivalent range error in metres, from which Qt derives
    /// the accuracy (2 × HDOP × UERE); without it an NMEA fix has no accuracy.
    static constexpr char UereParameter[] = "fieldledger.uere";

    /// Uses the named position plugin ("nmea", "geoclue2", ...) with its parameters instead of
    /// the system default. FIELDLEDGER_NMEA_SOURCE (a file, serial: or socket:// address) and
    /// FIELDLEDGER_NMEA_UERE do the same for the nmea plugin without code, for demonstrations
    /// and external receivers.
    void usePlugin(const QString &name, const QVariantMap &parameters = {});
    /// How long one request waits for a fix.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] QString message() const { return m_message; }

    /// Asks for one fix; found() or a message follows. Does nothing while a request is open.
    Q_INVOKABLE void request();
    /// Drops the open request: a fix that still arrives is not reported.
    void cancel();

Q_SIGNALS:
    void busyChanged();
    void messageChanged();
    /// One fix, with accuracy in metres (0 when the source does not say).
    void found(const fl::GeoPosition &position);

private:
    bool ensureSource();
    void onUpdate(const QGeoPositionInfo &info);
    void fail(const QString &message);
    void setBusy(bool busy);
    void setMessage(const QString &message);

    QPointer<QGeoPositionInfoSource> m_source;
    QString m_plugin;
    QVariantMap m_parameters;
    int m_timeoutMs = 30'000;
    bool m_busy = false;
    bool m_sourceTried = false;
    QString m_message;
};

} // namespace fl::app
