#include "change/canonical.h"

#include "change/cborwriter.h"
#include "common/sodiumready.h"

#include <QUuid>

#include <sodium.h>

#include <algorithm>

namespace fl::canonical {

namespace {
constexpr char Tag[] = "fl-changeset";

void id(QByteArray &out, const QString &text) {
    if (text.isEmpty()) {
        out.append(char(0xf6)); // null
        return;
    }
    // Exactly the wire's rule (wire::uuidToBytes): a 36-character, non-nil UUID.
    const QUuid uuid = text.size() == 36 ? QUuid::fromString(text) : QUuid();
    if (uuid.isNull())
        cbor::text(out, text);
    else
        cbor::bytes(out, uuid.toRfc4122());
}
} // namespace

QByteArray encode(const ChangeSet &cs) {
    QList<const FieldChange *> fields;
    fields.reserve(cs.fields.size());
    for (const FieldChange &f : cs.fields)
        fields.append(&f);
    // Names are compared as UTF-8 bytes, so every platform sorts them alike.
    std::sort(fields.begin(), fields.end(), [](const FieldChange *a, const FieldChange *b) {
        return a->field.toUtf8() < b->field.toUtf8();
    });

    QByteArray out;
    out.reserve(128 + cs.fields.size() * 96);
    cbor::arrayHeader(out, 12);
    cbor::text(out, QString::fromLatin1(Tag));
    cbor::integer(out, Version);
    cbor::bytes(out, cs.id);
    cbor::bytes(out, cs.device);
    cbor::text(out, cs.recordType);
    id(out, cs.recordId);
    id(out, cs.campaignId);
    id(out, cs.parentId);
    cbor::header(out, 0, cs.hlc);
    cbor::header(out, 0, cs.chainIndex);
    cbor::bytes(out, cs.chainPrev);
    cbor::arrayHeader(out, fields.size());
    for (const FieldChange *f : fields) {
        QList<QByteArray> prev = f->prev;
        std::sort(prev.begin(), prev.end());
        cbor::arrayHeader(out, 3);
        cbor::text(out, f->field);
        cbor::bytes(out, f->value);
        cbor::arrayHeader(out, prev.size());
        for (const QByteArray &p : prev)
            cbor::bytes(out, p);
    }
    return out;
}

QByteArray digest(const ChangeSet &cs) {
    ensureSodium();
    const QByteArray bytes = encode(cs);
    QByteArray out(DigestSize, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()),
                       reinterpret_cast<const unsigned char *>(bytes.constData()),
                       quint64(bytes.size()), nullptr, 0);
    return out;
}

} // namespace fl::canonical
