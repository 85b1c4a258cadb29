#pragma once

#include "common/result.h"
#include "servicelistmodel.h"

#include <QDateTime>
#include <QImage>
#include <QQmlEngine>
#include <QUrl>

namespace fl::app {

/// The photos (evidence) attached to one record, a finding or an interview note, oldest
/// first, and their import from image files. The images themselves are shown through the
/// "photos" image provider (image://photos/<id>/thumb and /full), decrypted in memory.
class PhotoListModel : public fl::app::ServiceListModel {
    Q_OBJECT
    QML_ELEMENT
    /// The finding or interview whose photos are listed and imported.
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    /// Why the last import failed; empty after one succeeds.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    /// Where an import looks first: the pictures folder.
    Q_PROPERTY(QUrl picturesFolder READ picturesFolder CONSTANT)
public:
    enum Role {
        PhotoIdRole = Qt::UserRole,
        CaptionRole,
        ThumbnailSourceRole, ///< image://photos/<id>/thumb
        ImageSourceRole,     ///< image://photos/<id>/full
        TakenAtTextRole,
        SizeTextRole,  ///< "4032 × 3024"
        AvailableRole, ///< the image is on this device (not waiting for a sync)
    };
    Q_ENUM(Role)

    explicit PhotoListModel(QObject *parent = nullptr);

    [[nodiscard]] QString recordId() const { return m_recordId; }
    void setRecordId(const QString &recordId);
    [[nodiscard]] QString errorString() const { return m_errorString; }
    [[nodiscard]] static QUrl picturesFolder();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Imports a JPEG or PNG file (metadata stripped, encrypted) and attaches it to the record.
    /// Returns the new photo's id, or an empty string with errorString saying why.
    Q_INVOKABLE QString importFile(const QUrl &fileUrl, const QString &caption = {});
    /// Imports a picture taken by the camera (ImageCapture's imageCaptured image): encoded as
    /// JPEG in memory and encrypted like a file import; no plaintext is ever written to a file.
    /// Returns the new photo's id, or an empty string with errorString saying why.
    Q_INVOKABLE QString importImage(const QImage &image, const QString &caption = {});
    /// The row of a photo, or -1.
    Q_INVOKABLE int rowOf(const QString &photoId) const;
    void reload() override;

    /// The words shown for a failed import or display.
    [[nodiscard]] static QString describe(const Error &error);

Q_SIGNALS:
    void recordIdChanged();
    void errorStringChanged();

private:
    struct Row {
        QString id;
        QString caption;
        QDateTime takenAt;
        int width = 0;
        int height = 0;
        int orientation = 1;
        bool available = false;
        bool operator==(const Row &) const = default;
    };
    void onStoreChanged(const QString &recordType, const QStringList &ids) override;
    void apply(const QList<Row> &next);
    void setError(const QString &text);

    QString m_recordId;
    QList<Row> m_rows;
    QString m_errorString;
};

} // namespace fl::app
