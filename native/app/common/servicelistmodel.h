#pragma once

#include "rowsync.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>

namespace fl::app {

class AppServices;

/// What the app's list models share: the `services` they read from, a reload when it is set
/// and when the vault locks or unlocks, and a hook for the store's changes (a reload unless a
/// model does better). Rows go in and out row by row through rowSignals() or showRows().
/// Derive from it as `fl::app::ServiceListModel`: Qt 6.4's qmltyperegistrar does not resolve an
/// unqualified base, and the QML tooling would then not see `services` and `count`.
class ServiceListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(
        fl::app::AppServices *services READ services WRITE setServices NOTIFY servicesChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    [[nodiscard]] AppServices *services() const { return m_services; }
    void setServices(AppServices *services);

    /// Re-reads what is shown (models also follow the store on their own).
    Q_INVOKABLE virtual void reload() = 0;

Q_SIGNALS:
    void servicesChanged();
    void countChanged();

protected:
    explicit ServiceListModel(QObject *parent = nullptr);

    /// Records of `recordType` changed in the services' store. Reloads unless overridden.
    virtual void onStoreChanged(const QString &recordType, const QStringList &ids);
    /// Services are set, the vault unlocked and the store open: there is something to read.
    [[nodiscard]] bool storeReady() const;

    /// Sets one of the keys a model lists by (a visit, a round...) and emits its signal; false
    /// when it was already that.
    template<typename Model>
    bool setKey(QString &key, const QString &value, void (Model::*changed)()) {
        if (key == value)
            return false;
        key = value;
        Q_EMIT(static_cast<Model *>(this)->*changed)();
        return true;
    }
    /// The model's row notifications, for syncRows().
    [[nodiscard]] RowSignals rowSignals();
    /// Turns `rows` into `next` row by row (syncRows), with countChanged when the count moves.
    template<typename Row, typename KeyFn>
    void showRows(QList<Row> &rows, const QList<Row> &next, KeyFn key) {
        const int before = int(rows.size());
        syncRows(rows, next, key, rowSignals());
        if (before != int(rows.size()))
            Q_EMIT countChanged();
    }

    QPointer<AppServices> m_services;
};

} // namespace fl::app
