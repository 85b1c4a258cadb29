#include "photoimageprovider.h"

#include "appservices.h"
#include "media/photoimporter.h"
#include "media/photolibrary.h"
#include "store/store.h"

#include <QBuffer>
#include <QImageReader>
#include <QPainter>

#include <sodium.h>

#include <atomic>
#include <memory>

namespace fl::app {

namespace {

void wipe(QByteArray &bytes);

/// Delivers one image to Qt's loader thread. It starts only once the loader has connected
/// to it (the first queued call runs in the loader thread after requestImageResponse returned),
/// then reads and decrypts on the GUI thread, and decodes back on the loader thread.
class PhotoResponse : public QQuickImageResponse {
public:
    PhotoResponse(AppServices *services, const QString &id, const QSize &size) {
        QMetaObject::invokeMethod(
            this,
            [this, services = QPointer<AppServices>(services), id, size] {
                if (!services) {
                    deliver(PhotoImageProvider::errorImage(
                        PhotoImageProvider::tr("The app is closing."), size));
                    return;
                }
                QPointer<PhotoResponse> self(this);
                QMetaObject::invokeMethod(
                    services.data(),
                    [self, services, id, size] {
                        if (!self || self->m_cancelled.load())
                            return; // scrolled away before its turn: nothing is decrypted
                        auto fetched = std::make_shared<PhotoImageProvider::Fetched>(
                            PhotoImageProvider::fetch(*services, id, size));
                        // Decoded on the loader thread, where this response lives.
                        const bool posted =
                            self && QMetaObject::invokeMethod(
                                        self.data(),
                                        [self, fetched, size] {
                                            self->deliver(PhotoImageProvider::decode(
                                                std::move(*fetched), size));
                                        },
                                        Qt::QueuedConnection);
                        if (!posted)
                            wipe(fetched->bytes);
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

    [[nodiscard]] QQuickTextureFactory *textureFactory() const override {
        return QQuickTextureFactory::textureFactoryForImage(m_image);
    }

    void cancel() override { m_cancelled.store(true); }

private:
    // The image is complete before finished() is posted to the loader thread, which reads it
    // only after that.
    void deliver(QImage image) {
        m_image = std::move(image);
        Q_EMIT finished();
    }

    QImage m_image;
    std::atomic<bool> m_cancelled{false};
};

/// `size` made to fit `requested` (an edge of 0 or less follows the aspect); never enlarged.
QSize fitted(const QSize &size, const QSize &requested) {
    if (!size.isValid() || (requested.width() <= 0 && requested.height() <= 0))
        return size;
    QSize bound = requested;
    if (bound.width() <= 0)
        bound.setWidth(size.width() * bound.height() / std::max(1, size.height()));
    if (bound.height() <= 0)
        bound.setHeight(size.height() * bound.width() / std::max(1, size.width()));
    if (size.width() <= bound.width() && size.height() <= bound.height())
        return size;
    return size.scaled(bound.expandedTo(QSize(1, 1)), Qt::KeepAspectRatio);
}

void wipe(QByteArray &bytes) {
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

QString describe(const Error &error) {
    switch (error.code) {
    case ErrorCode::Locked:
        return PhotoImageProvider::tr("Locked. Unlock to see this photo.");
    case ErrorCode::NotFound:
        return PhotoImageProvider::tr(
            "This photo is not on this tablet yet. It arrives with the next sync.");
    case ErrorCode::Integrity:
    case ErrorCode::Corrupt:
        return PhotoImageProvider::tr("This photo's file is damaged and cannot be shown.");
    default:
        return error.message;
    }
}

} // namespace

PhotoImageProvider::PhotoImageProvider(AppServices &services)
    : m_services(&services) {}

QQuickImageResponse *PhotoImageProvider::requestImageResponse(const QString &id,
                                                              const QSize &requestedSize) {
    return new PhotoResponse(m_services.data(), id, requestedSize);
}

QImage PhotoImageProvider::render(AppServices &services, const QString &id,
                                  const QSize &requestedSize) {
    return decode(fetch(services, id, requestedSize), requestedSize);
}

PhotoImageProvider::Fetched PhotoImageProvider::fetch(AppServices &services, const QString &id,
                                                      const QSize &requestedSize) {
    const auto standIn = [&requestedSize](const QString &message) {
        Fetched f;
        f.standIn = errorImage(message, requestedSize);
        return f;
    };
    const qsizetype slash = id.lastIndexOf(QLatin1Char('/'));
    const QString photoId = id.left(slash);
    const QString kind = id.mid(slash + 1);
    const bool full = kind == QLatin1String("full");
    if (slash <= 0 || (!full && kind != QLatin1String("thumb")))
        return standIn(tr("This photo address is not valid."));
    if (!services.isUnlocked() || !services.store().isOpen())
        return standIn(tr("Locked. Unlock to see this photo."));

    const PhotoLibrary &library = services.photos();
    auto photo = library.photo(photoId);
    if (!photo)
        return standIn(tr("This photo was deleted or is not on this tablet."));
    auto bytes = full ? library.image(photoId) : library.thumbnail(photoId);
    if (!bytes)
        return standIn(describe(bytes.error()));
    Fetched fetched;
    fetched.bytes = std::move(*bytes);
    // The thumbnail is stored already turned; the image is turned after decoding.
    fetched.orientation = full ? photo->orientation : 1;
    return fetched;
}

QImage PhotoImageProvider::decode(Fetched fetched, const QSize &requestedSize) {
    if (fetched.bytes.isEmpty())
        return fetched.standIn.isNull()
                   ? errorImage(tr("This photo could not be decoded. The rest of the record is "
                                   "not affected."),
                                requestedSize)
                   : fetched.standIn;
    // The size asked for is the turned one.
    const int orientation = fetched.orientation;
    const bool quarterTurn = orientation >= 5 && orientation <= 8;
    QImage image;
    {
        QBuffer buffer(&fetched.bytes);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        reader.setAutoTransform(false); // the stored file has no EXIF; the record says
        QSize size = reader.size();
        if (quarterTurn)
            size.transpose();
        QSize target = fitted(size, requestedSize);
        if (quarterTurn)
            target.transpose();
        if (target.isValid() && target != reader.size())
            reader.setScaledSize(target);
        image = reader.read();
    }
    wipe(fetched.bytes);
    if (image.isNull()) {
        return errorImage(tr("This photo could not be decoded. The rest of the record is "
                             "not affected."),
                          requestedSize);
    }
    return orientedImage(std::move(image), orientation);
}

QImage PhotoImageProvider::errorImage(const QString &message, const QSize &requestedSize) {
    QSize size(480, 360);
    if (requestedSize.width() > 0 && requestedSize.height() > 0)
        size = requestedSize;
    else if (requestedSize.width() > 0)
        size = QSize(requestedSize.width(), requestedSize.width() * 3 / 4);
    else if (requestedSize.height() > 0)
        size = QSize(requestedSize.height() * 4 / 3, requestedSize.height());
    size = size.expandedTo(QSize(96, 72));

    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(0xee, 0xee, 0xee));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    // A picture frame with a crack: "this image cannot be shown".
    const int edge = std::min(size.width(), size.height());
    const QRect icon(size.width() / 2 - edge / 8, edge / 10, edge / 4, edge / 5);
    p.setPen(QPen(QColor(0x9e, 0x9e, 0x9e), std::max(2, edge / 60)));
    p.drawRect(icon);
    p.drawLine(icon.topLeft() + QPoint(icon.width() / 3, 0),
               icon.bottomLeft() + QPoint(icon.width() * 2 / 3, 0));
    QFont font = p.font();
    font.setPixelSize(std::max(11, edge / 14));
    p.setFont(font);
    p.setPen(QColor(0x42, 0x42, 0x42));
    const int margin = std::max(6, edge / 16);
    const QRect text(margin, icon.bottom() + margin, size.width() - 2 * margin,
                     size.height() - icon.bottom() - 2 * margin);
    p.drawText(text, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, message);
    p.end();
    image.setText(QLatin1String(ErrorKey), message);
    return image;
}

} // namespace fl::app
