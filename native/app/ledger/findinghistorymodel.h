#pragma once

#include "servicelistmodel.h"

#include <QDateTime>
#include <QQmlEngine>

namespace fl::app {

/// A finding's history: each lifecycle step with who took it, when, the note and the evidence,
/// oldest first. Small enough to read whole; a new step comes in as one inserted row.
class FindingHistoryModel : public fl::app::ServiceListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString findingId READ findingId WRITE setFindingId NOTIFY findingIdChanged)
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

    [[nodiscard]] QString findingId() const { return m_findingId; }
    void setFindingId(const QString &id);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void reload() override;

Q_SIGNALS:
    void findingIdChanged();

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
    void onStoreChanged(const QString &recordType, const QStringList &ids) override;
    void apply(const QList<Row> &next);

    QString m_findingId;
    QList<Row> m_rows;
};

} // namespace fl::app
