#include "change/changeid.h"

#include <QtEndian>

namespace fl::changeid {

QByteArray make(QByteArrayView device, quint64 sequence) {
    QByteArray id = device.first(qMin(device.size(), DeviceIdSize)).toByteArray();
    id.resize(Size, '\0');
    qToBigEndian(sequence, id.data() + DeviceIdSize);
    return id;
}

quint64 sequence(QByteArrayView id) {
    return isValid(id) ? qFromBigEndian<quint64>(id.constData() + DeviceIdSize) : 0;
}

} // namespace fl::changeid
