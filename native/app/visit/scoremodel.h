#pragma once

#include "servicelistmodel.h"

#include <QQmlEngine>

namespace fl::app {

/// A visit's running score: one row per checklist level (base, deducted, score) and the
/// totals as properties. The arithmetic is the domain's (fl::scoring); this only shows it.
class ScoreModel : public fl::app::ServiceListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString visitId READ visitId WRITE setVisitId NOTIFY visitIdChanged)
    Q_PROPERTY(double totalBase READ totalBase NOTIFY totalsChanged)
    Q_PROPERTY(double totalDeducted READ totalDeducted NOTIFY totalsChanged)
    Q_PROPERTY(double total READ total NOTIFY totalsChanged)
public:
    enum Role {
        LevelRole = Qt::UserRole, ///< fl::Level as int
        LevelNameRole,
        BaseRole,
        DeductedRole,
        ScoreRole,
    };
    Q_ENUM(Role)

    explicit ScoreModel(QObject *parent = nullptr);

    [[nodiscard]] QString visitId() const { return m_visitId; }
    void setVisitId(const QString &visitId);
    [[nodiscard]] double totalBase() const { return m_totalBase; }
    [[nodiscard]] double totalDeducted() const { return m_totalDeducted; }
    [[nodiscard]] double total() const { return m_total; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void reload() override;

Q_SIGNALS:
    void visitIdChanged();
    void totalsChanged();

private:
    struct Row {
        int level = 0;
        double base = 0;
        double deducted = 0;
        double score = 0;
        bool operator==(const Row &) const = default;
    };
    void onStoreChanged(const QString &recordType, const QStringList &ids) override;

    QString m_visitId;
    QList<Row> m_rows;
    double m_totalBase = 0;
    double m_totalDeducted = 0;
    double m_total = 0;
};

} // namespace fl::app
