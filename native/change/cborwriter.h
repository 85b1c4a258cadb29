#pragma once

#include <QByteArray>
#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QtEndian>

#include <cstring>

namespace fl::cbor {

// A direct CBOR (RFC 8949) encoder for the store's hot path. QCborValue::toCbor() goes through
// a QIODevice per item and costs tens of thousands of instructions for a small array; a save
// encodes a dozen values, a journal entry and a record state. Decoding stays with Qt.

inline void header(QByteArray &out, quint8 major, quint64 n) {
    const char m = char(major << 5);
    if (n < 24) {
        out.append(char(m | char(n)));
    } else if (n <= 0xff) {
        out.append(char(m | 24));
        out.append(char(n));
    } else if (n <= 0xffff) {
        out.append(char(m | 25));
        char b[2];
        qToBigEndian(quint16(n), b);
        out.append(b, 2);
    } else if (n <= 0xffffffffu) {
        out.append(char(m | 26));
        char b[4];
        qToBigEndian(quint32(n), b);
        out.append(b, 4);
    } else {
        out.append(char(m | 27));
        char b[8];
        qToBigEndian(n, b);
        out.append(b, 8);
    }
}

inline void integer(QByteArray &out, qint64 v) {
    if (v >= 0)
        header(out, 0, quint64(v));
    else
        header(out, 1, quint64(-1 - v));
}

inline void bytes(QByteArray &out, QByteArrayView b) {
    header(out, 2, quint64(b.size()));
    out.append(b.data(), b.size());
}

inline void text(QByteArray &out, const QString &s) {
    const QByteArray utf8 = s.toUtf8();
    header(out, 3, quint64(utf8.size()));
    out.append(utf8);
}

inline void arrayHeader(QByteArray &out, qsizetype n) {
    header(out, 4, quint64(n));
}
inline void mapHeader(QByteArray &out, qsizetype n) {
    header(out, 5, quint64(n));
}

/// Any value; what this encoder does not cover (tags, simple types, ...) goes through Qt.
inline void value(QByteArray &out, const QCborValue &v) {
    switch (v.type()) {
    case QCborValue::Integer:
        integer(out, v.toInteger());
        return;
    case QCborValue::ByteArray:
        bytes(out, v.toByteArray());
        return;
    case QCborValue::String:
        text(out, v.toString());
        return;
    case QCborValue::Double: {
        out.append(char(0xfb));
        const double d = v.toDouble();
        quint64 bits;
        std::memcpy(&bits, &d, sizeof bits);
        char b[8];
        qToBigEndian(bits, b);
        out.append(b, 8);
        return;
    }
    case QCborValue::False:
        out.append(char(0xf4));
        return;
    case QCborValue::True:
        out.append(char(0xf5));
        return;
    case QCborValue::Null:
        out.append(char(0xf6));
        return;
    case QCborValue::Undefined:
        out.append(char(0xf7));
        return;
    case QCborValue::Array: {
        const QCborArray a = v.toArray();
        arrayHeader(out, a.size());
        for (const QCborValue &e : a)
            value(out, e);
        return;
    }
    case QCborValue::Map: {
        const QCborMap m = v.toMap();
        mapHeader(out, m.size());
        for (auto it = m.constBegin(); it != m.constEnd(); ++it) {
            value(out, it.key());
            value(out, it.value());
        }
        return;
    }
    default:
        out.append(v.toCbor());
        return;
    }
}

inline QByteArray encode(const QCborValue &v) {
    QByteArray out;
    value(out, v);
    return out;
}

} // namespace fl::cbor
