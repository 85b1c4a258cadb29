#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QPointer>
#include <QQuickImageProvider>

namespace fl::app {

class AppServices;

/// The "photos" image provider: image://photos/<photo id>/thumb is the thumbnail and
/// image://photos/<photo id>/full the image turned by its stored EXIF orientation, both
/// decrypted in memory, never written to a file. The store is read and the bytes decrypted on
/// the GUI thread (it has one SQLite connection); the decoding and scaling, the costly part,
/// run on Qt's image loader thread, so a strip of many photos does not hold up the UI, and a
/// request cancelled before its turn (a delegate scrolled away) is never decrypted.
/// A photo that cannot be shown (not on this device yet, damaged, not decodable, locked)
/// gives a picture that says why, with the reason also in its text ErrorKey; nothing is logged,
/// and the other photos load as usual.
class PhotoImageProvider : public QQuickAsyncImageProvider {
    Q_DECLARE_TR_FUNCTIONS(PhotoImageProvider)
public:
    /// The provider's name in image:// URLs.
    static constexpr char Name[] = "photos";
    /// QImage::text() key holding why an image is a stand-in.
    static constexpr char ErrorKey[] = "fl-error";

    explicit PhotoImageProvider(AppServices &services);

    QQuickImageResponse *requestImageResponse(const QString &id,
                                              const QSize &requestedSize) override;

    /// The image for an id ("<photo id>/thumb" or "<photo id>/full"), at most requestedSize
    /// (either edge 0: keep the aspect), on the calling thread, which must be the GUI thread.
    [[nodiscard]] static QImage render(AppServices &services, const QString &id,
                                       const QSize &requestedSize);
    /// What render() needs from the store: the decrypted file bytes (plaintext, in memory
    /// only: decode() wipes them), or the stand-in picture when there is nothing to decode.
    struct Fetched {
        QByteArray bytes;
        int orientation = 1;
        QImage standIn;
    };
    /// The store and decryption half of render(), on the GUI thread.
    [[nodiscard]] static Fetched fetch(AppServices &services, const QString &id,
                                       const QSize &requestedSize);
    /// The decoding half of render(), on any thread; wipes the bytes.
    [[nodiscard]] static QImage decode(Fetched fetched, const QSize &requestedSize);
    /// A stand-in picture saying `message`.
    [[nodiscard]] static QImage errorImage(const QString &message, const QSize &requestedSize);

private:
    QPointer<AppServices> m_services;
};

} // namespace fl::app
