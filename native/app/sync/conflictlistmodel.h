#pragma once

#include "servicelistmodel.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QQmlEngine>

namespace fl {
struct Conflict;
}

namespace fl::app {

/// The fields two devices changed concurrently (Store::conflicts): for each, the value in
/// force and the value that lost, side by side, with who wrote them and when, so that a person
/// can choose. One row per losing value; choosing settles the field (every row of it goes).
/// Follows the store row by row, pulled changes included.
class ConflictListModel : public fl::app::ServiceListModel {
    Q_OBJECT
    QML_ELEMENT
    /// Why the list or the last choice failed; empty when all went well.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
public:
    enum Role {
        RecordIdRole = Qt::UserRole,
        RecordTypeRole,
        RecordTypeNameRole, ///< "Finding", "Visit"... in the UI language
        RecordTitleRole,    ///< the record's title or name, to tell which one it is
        FieldRole,          ///< the wire name ("title")
        FieldNameRole,      ///< the field's label in the UI language
        CurrentTextRole,    ///< the value in force, as the UI shows it
        CurrentOriginRole,  ///< "This tablet · 20/11/2026 14:32"
        CurrentIsLocalRole, ///< the value in force was written on this device
        OtherTextRole,      ///< the concurrent value that lost
        OtherOriginRole,
        OtherIsLocalRole,
    };
    Q_ENUM(Role)

    explicit ConflictListModel(QObject *parent = nullptr);

    [[nodiscard]] QString errorString() const { return m_errorString; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Settles the row's field: keeps the value in force, or takes the other one. The choice
    /// is a new change, synced like any edit. Returns false (errorString says why) on failure.
    Q_INVOKABLE bool resolve(int row, bool takeOther);
    void reload() override;

Q_SIGNALS:
    void errorStringChanged();

private:
    struct Row {
        QString recordId;
        QString recordType;
        QString recordTitle;
        QString field;
        QByteArray otherChangeId;
        QCborValue current;
        QByteArray currentDevice;
        quint64 currentMs = 0;
        QCborValue other;
        QByteArray otherDevice;
        quint64 otherMs = 0;
        bool operator==(const Row &) const = default;
    };
    [[nodiscard]] QList<Row> readRows();
    [[nodiscard]] QString titleOf(const QString &recordId) const;
    [[nodiscard]] QString originText(const QByteArray &device, quint64 ms) const;
    [[nodiscard]] bool isLocal(const QByteArray &device) const;
    void apply(const QList<Row> &next);
    void setError(const QString &text);

    QList<Row> m_rows;
    QString m_errorString;
};

/// The words the UI shows for a field and its values (ConflictListModel, and anywhere a bare
/// field value must be shown).
class FieldText {
    Q_DECLARE_TR_FUNCTIONS(FieldText)
public:
    [[nodiscard]] static QString recordType(const QString &type);
    [[nodiscard]] static QString fieldName(const QString &field);
    /// A stored value as the UI shows it: enums by their label, dates and points localised.
    [[nodiscard]] static QString value(const QString &field, const QCborValue &value);
};

} // namespace fl::app
