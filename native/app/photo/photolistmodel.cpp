#include "photolistmodel.h"

#include "appservices.h"
#include "labels.h"
#include "media/blobstore.h"
#include "media/photolibrary.h"
#include "store/store.h"

#include <QBuffer>
#include <QImageWriter>
#include <QStandardPaths>

namespace fl::app {

PhotoListModel::PhotoListModel(QObject *parent)
    : ServiceListModel(parent) {}

void PhotoListModel::setRecordId(const QString &recordId) {
    if (!setKey(m_recordId, recordId, &PhotoListModel::recordIdChanged))
        return;
    setError({});
    reload();
}

void PhotoListModel::onStoreChanged(const QString &recordType, const QStringList &) {
    if (recordType == QLatin1String(recordtype::Photo))
        reload();
}

int PhotoListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PhotoListModel::data(const QModelIndex &index, int role) const {
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case PhotoIdRole:
        return r.id;
    case Qt::DisplayRole:
    case CaptionRole:
        return r.caption;
    case ThumbnailSourceRole:
        return QUrl(QStringLiteral("image://photos/%1/thumb").arg(r.id));
    case ImageSourceRole:
        return QUrl(QStringLiteral("image://photos/%1/full").arg(r.id));
    case TakenAtTextRole:
        return Labels::dateTime(r.takenAt);
    case SizeTextRole:
        if (r.width <= 0)
            return QString();
        // As viewed: orientations 5 to 8 turn the picture a quarter.
        return r.orientation >= 5 && r.orientation <= 8
                   ? tr("%1 × %2", "photo size in pixels").arg(r.height).arg(r.width)
                   : tr("%1 × %2", "photo size in pixels").arg(r.width).arg(r.height);
    case AvailableRole:
        return r.available;
    default:
        return {};
    }
}

QHash<int, QByteArray> PhotoListModel::roleNames() const {
    return {
        {PhotoIdRole, "photoId"},
        {CaptionRole, "caption"},
        {ThumbnailSourceRole, "thumbnailSource"},
        {ImageSourceRole, "imageSource"},
        {TakenAtTextRole, "takenAtText"},
        {SizeTextRole, "sizeText"},
        {AvailableRole, "available"},
    };
}

QString PhotoListModel::importFile(const QUrl &fileUrl, const QString &caption) {
    if (!m_services || m_recordId.isEmpty()) {
        setError(tr("Save the record first: photos are attached to a saved finding or note."));
        return {};
    }
    // A plain path, a file: URL, or on Android the content: URL its file picker gives (QFile
    // opens those there).
    const QString path =
        fileUrl.isLocalFile() ? fileUrl.toLocalFile()
        : fileUrl.scheme().isEmpty() || fileUrl.scheme() == QLatin1String("content")
            ? fileUrl.toString()
            : QString();
    if (path.isEmpty()) {
        setError(tr("Choose an image file on this device."));
        return {};
    }
    auto photo = m_services->photos().importFile(m_recordId, path, caption.trimmed());
    if (!photo) {
        setError(describe(photo.error()));
        return {};
    }
    setError({});
    reload(); // the store's signal did this already; harmless when it did
    return photo->id;
}

QString PhotoListModel::importImage(const QImage &image, const QString &caption) {
    if (!m_services || m_recordId.isEmpty()) {
        setError(tr("Save the record first: photos are attached to a saved finding or note."));
        return {};
    }
    if (image.isNull()) {
        setError(tr("The camera gave no picture. Try again."));
        return {};
    }
    QByteArray jpeg;
    {
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, "jpeg");
        writer.setQuality(90);
        if (!writer.write(image)) {
            setError(tr("The picture could not be encoded. Try again."));
            return {};
        }
    }
    // importBytes wipes its copy; this buffer was moved into it.
    auto photo = m_services->photos().importBytes(m_recordId, std::move(jpeg), caption.trimmed());
    if (!photo) {
        setError(describe(photo.error()));
        return {};
    }
    setError({});
    reload();
    return photo->id;
}

QUrl PhotoListModel::picturesFolder() {
    return QUrl::fromLocalFile(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation));
}

int PhotoListModel::rowOf(const QString &photoId) const {
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows.at(i).id == photoId)
            return i;
    }
    return -1;
}

QString PhotoListModel::describe(const Error &error) {
    switch (error.code) {
    case ErrorCode::Unsupported:
        return tr("This file is not a JPEG or PNG photo.");
    case ErrorCode::Corrupt:
        return tr("This photo is damaged or incomplete and could not be read.");
    case ErrorCode::NotFound:
        return tr("The file was not found.");
    case ErrorCode::Locked:
        return tr("Locked. Unlock to continue.");
    case ErrorCode::DiskFull:
        return tr("The device is full: free some space (delete old files or apps), then add "
                  "the photo again. Nothing saved before was lost.");
    default:
        return error.message;
    }
}

void PhotoListModel::reload() {
    QList<Row> next;
    if (storeReady() && !m_recordId.isEmpty()) {
        auto photos = m_services->photos().photos(m_recordId);
        if (!photos)
            return; // keep what is shown; the next change tries again
        for (const Photo &p : std::as_const(*photos)) {
            next.append({p.id, p.caption, p.takenAt, p.width, p.height, p.orientation,
                         m_services->blobs().contains(p.blobId)});
        }
    }
    apply(next);
}

void PhotoListModel::apply(const QList<Row> &next) {
    showRows(m_rows, next, [](const Row &r) { return r.id; });
}

void PhotoListModel::setError(const QString &text) {
    if (m_errorString == text)
        return;
    m_errorString = text;
    Q_EMIT errorStringChanged();
}

} // namespace fl::app
