// Makes the base images of the photo-import fixtures (see README.md). Not part of the build:
//   g++ -std=c++20 -fPIC fixturegen.cpp $(pkg-config --cflags --libs Qt6Gui) -o /tmp/fixturegen
//   QT_QPA_PLATFORM=offscreen /tmp/fixturegen <out-dir>
// Deterministic: a smooth gradient, a few shapes and seeded noise, so the JPEGs are not trivial
// to compress and a red block marks the top-left corner (to check orientation).
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>

static QImage photoLike(int width, int height, bool alpha) {
    QImage image(width, height, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    QRandomGenerator noise(42);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const int n = int(noise.bounded(17)) - 8;
            const int r = qBound(0, 40 + 180 * x / width + n, 255);
            const int g = qBound(0, 60 + 150 * y / height + n, 255);
            const int b = qBound(0, 200 - 120 * (x + y) / (width + height) + n, 255);
            const int a = alpha ? qBound(0, 255 * y / height + 40, 255) : 255;
            line[x] = qRgba(r, g, b, a);
        }
    }
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(QColor(40, 160, 60));
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPointF(width * 0.65, height * 0.55), width * 0.18, height * 0.22);
    p.fillRect(0, 0, width / 6, height / 6, QColor(230, 20, 20)); // top-left marker
    p.end();
    return image;
}

int main(int argc, char **argv) {
    QGuiApplication app(argc, argv);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    photoLike(480, 360, false).save(out + QStringLiteral("/photo_gps.jpg"), "jpeg", 85);
    photoLike(480, 240, false).save(out + QStringLiteral("/photo_rotated.jpg"), "jpeg", 85);
    QImage png = photoLike(240, 180, true);
    png.setText(QStringLiteral("Comment"), QStringLiteral("FLSECRET-PNG-TEXT"));
    png.save(out + QStringLiteral("/photo_text.png"), "png");
    return 0;
}
