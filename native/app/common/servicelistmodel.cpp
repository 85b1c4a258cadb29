#include "servicelistmodel.h"

#include "appservices.h"
#include "store/store.h"

namespace fl::app {

ServiceListModel::ServiceListModel(QObject *parent)
    : QAbstractListModel(parent) {}

void ServiceListModel::setServices(AppServices *services) {
    if (m_services == services)
        return;
    if (m_services) {
        disconnect(m_services, nullptr, this, nullptr);
        disconnect(&m_services->store(), nullptr, this, nullptr);
    }
    m_services = services;
    if (m_services) {
        connect(&m_services->store(), &Store::changed, this, &ServiceListModel::onStoreChanged);
        connect(m_services, &AppServices::unlockedChanged, this, &ServiceListModel::reload);
    }
    Q_EMIT servicesChanged();
    reload();
}

void ServiceListModel::onStoreChanged(const QString &, const QStringList &) {
    reload();
}

bool ServiceListModel::storeReady() const {
    return m_services && m_services->isUnlocked() && m_services->store().isOpen();
}

RowSignals ServiceListModel::rowSignals() {
    return {
        [this](int f, int l) { beginInsertRows({}, f, l); },
        [this] { endInsertRows(); },
        [this](int f, int l) { beginRemoveRows({}, f, l); },
        [this] { endRemoveRows(); },
        [this](int from, int to) { beginMoveRows({}, from, from, {}, to); },
        [this] { endMoveRows(); },
        [this](int row) { Q_EMIT dataChanged(index(row), index(row)); },
    };
}

} // namespace fl::app
