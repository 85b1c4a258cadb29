#include "positionfinder.h"

#include <QGeoPositionInfo>
#include <QGeoPositionInfoSource>
#include <QNmeaPositionInfoSource>

#include <cmath>

namespace fl::app {

PositionFinder::PositionFinder(QObject *parent)
    : QObject(parent) {
    const QString nmea = qEnvironmentVariable("FIELDLEDGER_NMEA_SOURCE");
    if (!nmea.isEmpty()) {
        usePlugin(QStringLiteral("nmea"),
                  {{QStringLiteral("nmea.source"), nmea},
                   {QLatin1String(UereParameter), qEnvironmentVariable("FIELDLEDGER_NMEA_UERE")}});
    }
}

PositionFinder::~PositionFinder() = default;

void PositionFinder::usePlugin(const QString &name, const QVariantMap &parameters) {
    delete m_source.data();
    m_plugin = name;
    m_parameters = parameters;
    m_sourceTried = false;
    setBusy(false);
}

bool PositionFinder::ensureSource() {
    if (m_source)
        return true;
    if (m_sourceTried)
        return false;
    m_sourceTried = true;
    // The plugin is loaded only now, on the first request, not at start.
    m_source = m_plugin.isEmpty()
                   ? QGeoPositionInfoSource::createDefaultSource(m_parameters, this)
                   : QGeoPositionInfoSource::createSource(m_plugin, m_parameters, this);
    if (!m_source)
        return false;
    // Qt 6.4's NMEA parser gives an accuracy (2 × HDOP × UERE) only when told the receiver's
    // range error; it does not read GST sentences.
    bool ok = false;
    const double uere = m_parameters.value(QLatin1String(UereParameter)).toDouble(&ok);
    if (auto *nmea = qobject_cast<QNmeaPositionInfoSource *>(m_source); nmea && ok && uere > 0)
        nmea->setUserEquivalentRangeError(uere);
    connect(m_source, &QGeoPositionInfoSource::positionUpdated, this, &PositionFinder::onUpdate);
    connect(m_source, &QGeoPositionInfoSource::errorOccurred, this,
            [this](QGeoPositionInfoSource::Error error) {
                if (!m_busy)
                    return; // about a request that was cancelled
                switch (error) {
                case QGeoPositionInfoSource::AccessError:
                    fail(tr("Location is not allowed for this app. Allow it in the system "
                            "settings to record where a finding is; everything else works "
                            "without it."));
                    break;
                case QGeoPositionInfoSource::UpdateTimeoutError:
                    fail(tr("No position fix arrived in time. Move to open sky or near a "
                            "window and try again, or leave the location empty."));
                    break;
                case QGeoPositionInfoSource::ClosedError:
                    fail(tr("The location service was switched off. Switch it on and try "
                            "again, or leave the location empty."));
                    break;
                case QGeoPositionInfoSource::NoError:
                    break;
                default:
                    fail(tr("The location service failed. Try again, or leave the location "
                            "empty."));
                    break;
                }
            });
    return true;
}

void PositionFinder::request() {
    if (m_busy)
        return;
    if (!ensureSource()) {
        fail(tr("This device has no location service (no GPS or position source was "
                "found). The finding is kept without a location."));
        return;
    }
    setMessage({});
    setBusy(true);
    m_source->requestUpdate(m_timeoutMs);
}

void PositionFinder::cancel() {
    if (!m_busy)
        return;
    if (m_source)
        m_source->stopUpdates();
    setBusy(false);
}

void PositionFinder::onUpdate(const QGeoPositionInfo &info) {
    if (!m_busy)
        return; // a source that keeps sending after the fix was taken
    const QGeoCoordinate c = info.coordinate();
    if (!info.isValid() || !c.isValid())
        return; // wait for a real fix, or the timeout
    GeoPosition p;
    p.latitude = c.latitude();
    p.longitude = c.longitude();
    if (c.type() == QGeoCoordinate::Coordinate3D && std::isfinite(c.altitude()))
        p.altitude = c.altitude();
    if (info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy)) {
        const double acc = info.attribute(QGeoPositionInfo::HorizontalAccuracy);
        if (std::isfinite(acc) && acc > 0)
            p.accuracy = acc;
    }
    m_source->stopUpdates();
    setBusy(false);
    setMessage({});
    Q_EMIT found(p);
}

void PositionFinder::fail(const QString &message) {
    if (m_source)
        m_source->stopUpdates();
    setBusy(false);
    setMessage(message);
}

void PositionFinder::setBusy(bool busy) {
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void PositionFinder::setMessage(const QString &message) {
    if (m_message == message)
        return;
    m_message = message;
    Q_EMIT messageChanged();
}

} // namespace fl::app
