#pragma once

#include "rowsync.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>
#include <QQmlEngine>

namespace fl::app {

class AppServices;

/// The interview notes (谈话记录) of a visit, in the order recorded, with how many findings
/// and photos each is linked to. Small enough to read whole; updated row by row.
class InterviewListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        fl::app::AppServices *services READ services WRITE setServices NOTIFY servicesChanged)
    Q_PROPERTY(QString visitId READ visitId WRITE setVisitId NOTIFY visitIdChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        InterviewIdRole = Qt::UserRole,
        IntervieweeRole,
        IntervieweeRoleRole, ///< the person's position (职务), "intervieweeRole" in QML
        AtRole,              ///< QDateTime
        AtTextRole,
        PlaceRole,
        ExcerptRole, ///< the start of the content, on one line
        LinkedCountRole,
        PhotoCountRole,
    };
    Q_ENUM(Role)

    explicit InterviewListModel(QObject *parent = nullptr);

    [[nodiscard]] AppServices *services() const { return m_services; }
    void setServices(AppServices *services);
    [[nodiscard]] QString visitId() const { return m_visitId; }
    void setVisitId(const QString &visitId);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void servicesChanged();
    void visitIdChanged();
    void countChanged();

private:
    struct Row {
        QString id;
        QString interviewee;
        QString role;
        QDateTime at;
        QString place;
        QString excerpt;
        int linked = 0;
        int photos = 0;
        bool operator==(const Row &) const = default;
    };
    void apply(const QList<Row> &next);

    QPointer<AppServices> m_services;
    QString m_visitId;
    QList<Row> m_rows;
};

} // namespace fl::app
