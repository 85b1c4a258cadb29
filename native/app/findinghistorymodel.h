#pragma once

#include "rowsync.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>
#include <QQmlEngine>

namespace fl::app {

class AppServices;

/// A finding's history: each lifecycle step with who took it, when, the note and the evidence,
/// oldest first. Small enough to read whole; a new step comes in as one inserted row.
class FindingHistoryModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        fl::app::AppServices *services READ services WRITE setServices NOTIFY servicesChanged)
    Q_PROPERTY(QString findingId READ findingId WRITE setFindingId NOTIFY findingIdChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        TransitionIdRole = Qt::UserRole,
        ActorRole,
        AtRole,       ///< QDateTime
        AtTextRole,   ///< local date and time in the UI language
        StepNameRole, ///< the action the step was ("Verification passed", ...)
        FromStatusNameRole,
        ToStatusNameRole,
        ToStatusRole, ///< fl::FindingStatus as int
        NoteRole,
        EvidencePhotoIdsRole, ///< QStringList
        EvidenceCountRole,
    };
    Q_ENUM(Role)

    explicit FindingHistoryModel(QObject *parent = nullptr);

    [[nodiscard]] AppServices *services() const { return m_services; }
    void setServices(AppServices *services);
    [[nodiscard]] QString findingId() const { return m_findingId; }
    void setFindingId(const QString &id);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void servicesChanged();
    void findingIdChanged();
    void countChanged();

private:
    struct Row {
        QString id;
        QString actor;
        QDateTime at;
        int from = 0;
        int to = 0;
        QString note;
        QStringList evidence;
        bool operator==(const Row &) const = default;
    };
    void apply(const QList<Row> &next);

    QPointer<AppServices> m_services;
    QString m_findingId;
    QList<Row> m_rows;
};

} // namespace fl::app
