#include "media/exifreader.h"

#include <libexif/exif-data.h>
#include <libexif/exif-utils.h>

#include <QString>
#include <QTime>

#include <cmath>
#include <memory>

namespace fl::media {

namespace {

struct ExifDataDeleter {
    void operator()(ExifData *data) const { exif_data_unref(data); }
};
using ExifDataPtr = std::unique_ptr<ExifData, ExifDataDeleter>;

ExifEntry *entry(ExifData *data, ExifIfd ifd, int tag) {
    return exif_content_get_entry(data->ifd[ifd], static_cast<ExifTag>(tag));
}

std::optional<double> rational(const ExifEntry *e, ExifByteOrder order, unsigned long index) {
    if (!e || e->format != EXIF_FORMAT_RATIONAL || e->components <= index ||
        e->size < (index + 1) * 8)
        return std::nullopt;
    const ExifRational r = exif_get_rational(e->data + index * 8, order);
    if (r.denominator == 0)
        return std::nullopt;
    return double(r.numerator) / double(r.denominator);
}

/// An ASCII value without its terminating NULs; empty when the entry is not ASCII.
QString ascii(const ExifEntry *e) {
    if (!e || e->format != EXIF_FORMAT_ASCII || !e->data)
        return {};
    qsizetype length = qsizetype(e->size);
    while (length > 0 && e->data[length - 1] == '\0')
        --length;
    return QString::fromLatin1(reinterpret_cast<const char *>(e->data), length).trimmed();
}

/// Degrees, minutes, seconds plus a hemisphere letter; nullopt unless all are there, since a
/// position in the wrong hemisphere is worse than none.
std::optional<double> coordinate(ExifData *data, int valueTag, int refTag, char positive,
                                 char negative, double limit) {
    const ExifByteOrder order = exif_data_get_byte_order(data);
    const ExifEntry *value = entry(data, EXIF_IFD_GPS, valueTag);
    const auto degrees = rational(value, order, 0);
    const auto minutes = rational(value, order, 1);
    const auto seconds = rational(value, order, 2);
    const QString ref = ascii(entry(data, EXIF_IFD_GPS, refTag));
    if (!degrees || !minutes || !seconds || ref.isEmpty())
        return std::nullopt;
    double result = *degrees + *minutes / 60.0 + *seconds / 3600.0;
    const char hemisphere = ref.at(0).toUpper().toLatin1();
    if (hemisphere == negative)
        result = -result;
    else if (hemisphere != positive)
        return std::nullopt;
    if (!std::isfinite(result) || std::abs(result) > limit)
        return std::nullopt;
    return result;
}

std::optional<GeoPosition> position(ExifData *data) {
    // A receiver without a fix writes GPSStatus "V" (void) and often zeros: not a position.
    if (ascii(entry(data, EXIF_IFD_GPS, EXIF_TAG_GPS_STATUS)).startsWith(QLatin1Char('V')))
        return std::nullopt;
    const auto latitude =
        coordinate(data, EXIF_TAG_GPS_LATITUDE, EXIF_TAG_GPS_LATITUDE_REF, 'N', 'S', 90.0);
    const auto longitude =
        coordinate(data, EXIF_TAG_GPS_LONGITUDE, EXIF_TAG_GPS_LONGITUDE_REF, 'E', 'W', 180.0);
    if (!latitude || !longitude)
        return std::nullopt;

    GeoPosition result;
    result.latitude = *latitude;
    result.longitude = *longitude;
    const ExifByteOrder order = exif_data_get_byte_order(data);
    if (const auto altitude =
            rational(entry(data, EXIF_IFD_GPS, EXIF_TAG_GPS_ALTITUDE), order, 0)) {
        const ExifEntry *ref = entry(data, EXIF_IFD_GPS, EXIF_TAG_GPS_ALTITUDE_REF);
        const bool belowSeaLevel =
            ref && ref->format == EXIF_FORMAT_BYTE && ref->size >= 1 && ref->data[0] == 1;
        result.altitude = belowSeaLevel ? -*altitude : *altitude;
    }
    if (const auto error =
            rational(entry(data, EXIF_IFD_GPS, EXIF_TAG_GPS_H_POSITIONING_ERROR), order, 0))
        result.accuracy = *error;
    return result;
}

/// "+08:00" → seconds east of UTC; nullopt when absent or malformed.
std::optional<int> utcOffset(const QString &text) {
    if (text.size() != 6 || (text[0] != QLatin1Char('+') && text[0] != QLatin1Char('-')) ||
        text[3] != QLatin1Char(':'))
        return std::nullopt;
    bool okHours = false;
    bool okMinutes = false;
    const int hours = text.mid(1, 2).toInt(&okHours);
    const int minutes = text.mid(4, 2).toInt(&okMinutes);
    if (!okHours || !okMinutes || hours > 14 || minutes > 59)
        return std::nullopt;
    const int seconds = hours * 3600 + minutes * 60;
    return text[0] == QLatin1Char('-') ? -seconds : seconds;
}

std::optional<QDateTime> takenAt(ExifData *data) {
    const QString text = ascii(entry(data, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL));
    const QDateTime parsed = QDateTime::fromString(text, QStringLiteral("yyyy:MM:dd HH:mm:ss"));
    if (!parsed.isValid())
        return std::nullopt; // also "0000:00:00 00:00:00", which cameras write when unset
    QTime time = parsed.time();
    const QString subSeconds = ascii(entry(data, EXIF_IFD_EXIF, EXIF_TAG_SUB_SEC_TIME_ORIGINAL));
    if (!subSeconds.isEmpty()) {
        bool ok = false;
        const int ms = (subSeconds + QStringLiteral("00")).left(3).toInt(&ok);
        if (ok && ms >= 0)
            time = time.addMSecs(ms);
    }
    // Without an offset the camera's clock is wall time where the photo was taken, which
    // for an inspector's own device is local time.
    const auto offset = utcOffset(ascii(entry(data, EXIF_IFD_EXIF, EXIF_TAG_OFFSET_TIME_ORIGINAL)));
    if (offset)
        return QDateTime(parsed.date(), time, Qt::OffsetFromUTC, *offset);
    return QDateTime(parsed.date(), time, Qt::LocalTime);
}

int orientation(ExifData *data) {
    const ExifEntry *e = entry(data, EXIF_IFD_0, EXIF_TAG_ORIENTATION);
    if (!e || e->format != EXIF_FORMAT_SHORT || e->size < 2)
        return 1;
    const int value = exif_get_short(e->data, exif_data_get_byte_order(data));
    return value >= 1 && value <= 8 ? value : 1;
}

} // namespace

PhotoExif readExif(QByteArrayView exif) {
    PhotoExif result;
    // A real EXIF block fits a 64 KB JPEG segment; a huge PNG eXIf chunk is not worth parsing.
    if (exif.isEmpty() || exif.size() > 1024 * 1024)
        return result;
    ExifDataPtr data(exif_data_new());
    if (!data)
        return result;
    // Read what is there as it is: following the specification would make libexif add
    // default entries (and fix values) that the photo never had; unknown tags are kept so
    // newer GPS tags are not discarded.
    exif_data_unset_option(data.get(), EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
    exif_data_unset_option(data.get(), EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS);
    exif_data_load_data(data.get(), reinterpret_cast<const unsigned char *>(exif.data()),
                        static_cast<unsigned int>(exif.size()));

    result.orientation = orientation(data.get());
    result.position = position(data.get());
    result.takenAt = takenAt(data.get());
    return result;
}

} // namespace fl::media
