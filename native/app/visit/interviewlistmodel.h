#pragma once

#include "servicelistmodel.h"

#include <QDateTime>
#include <QQmlEngine>

namespace fl::app {

/// The interview notes (谈话记录) of a visit, in the order recorded, with how many findings
/// and photos each is linked to. Small enough to read whole; updated row by row.
class InterviewListModel : public fl::app::ServiceListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString visitId READ visitId WRITE setVisitId NOTIFY visitIdChanged)
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

    [[nodiscard]] QString visitId() const { return m_visitId; }
    void setVisitId(const QString &visitId);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void reload() override;

Q_SIGNALS:
    void visitIdChanged();

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
    void onStoreChanged(const QString &recordType, const QStringList &ids) override;
    void apply(const QList<Row> &next);

    QString m_visitId;
    QList<Row> m_rows;
};

} // namespace fl::app
