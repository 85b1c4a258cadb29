#include "cli/commandgroups.h"

#include "media/photolibrary.h"

namespace fl::cli {

Result<Reply> cmdPhotoAdd(Context &c) {
    auto record = c.required(QStringLiteral("record"));
    if (!record)
        return record.error();
    auto file = c.required(QStringLiteral("file"));
    if (!file)
        return file.error();
    PhotoImportOptions options;
    if (c.has(QStringLiteral("max-edge")))
        options.maxLongestEdge = c.opt(QStringLiteral("max-edge")).toInt();
    PhotoLibrary library(c.session->store(), c.session->blobs());
    auto photo = library.importFile(*record, *file, c.opt(QStringLiteral("caption")), options);
    if (!photo)
        return photo.error();
    return Reply{toJson(*photo), photo->id + QLatin1Char('\n')};
}

Result<Reply> cmdPhotoList(Context &c) {
    auto record = c.required(QStringLiteral("record"));
    if (!record)
        return record.error();
    PhotoLibrary library(c.session->store(), c.session->blobs());
    auto list = library.photos(*record);
    if (!list)
        return list.error();
    QString text;
    for (const Photo &p : std::as_const(*list)) {
        text +=
            QStringLiteral("%1  %2x%3  %4\n").arg(p.id).arg(p.width).arg(p.height).arg(p.caption);
    }
    return Reply{toJsonArray(*list), text};
}

Result<Reply> cmdPhotoExport(Context &c) {
    auto id = c.positional(2, QStringLiteral("the photo id"));
    if (!id)
        return id.error();
    auto out = c.required(QStringLiteral("out"));
    if (!out)
        return out.error();
    PhotoLibrary library(c.session->store(), c.session->blobs());
    auto bytes = c.flag(QStringLiteral("thumbnail")) ? library.thumbnail(*id) : library.image(*id);
    if (!bytes)
        return bytes.error();
    if (auto written = writeFileSafely(*out, *bytes); !written)
        return written.error();
    return Reply{QJsonObject{{QStringLiteral("written"), *out},
                             {QStringLiteral("bytes"), qint64(bytes->size())}},
                 QStringLiteral("wrote %1 bytes (decrypted) to %2\n").arg(bytes->size()).arg(*out)};
}

} // namespace fl::cli
