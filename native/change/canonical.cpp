#include "change/canonical.h"

#include "change/cborwriter.h"
#include "common/sodiumready.h"

#include <sodium.h>

#include <algorithm>

namespace fl::canonical {

namespace {
constexpr char Tag[] = "fl-changeset";
}

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
    cbor::arrayHeader(out, 10);
    cbor::text(out, QString::fromLatin1(Tag));
    cbor::integer(out, Version);
    cbor::bytes(out, cs.id);
    cbor::bytes(out, cs.device);
    cbor::text(out, cs.recordType);
    cbor::text(out, cs.recordId);
    cbor::text(out, cs.campaignId);
    cbor::text(out, cs.parentId);
    cbor::header(out, 0, cs.hlc);
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
