#pragma once

// Internal to the store's own .cpp files (Store's implementation is split by concern over
// store.cpp, storewrite.cpp, storeapply.cpp, storeread.cpp, journal.cpp, storecheck.cpp and
// conflicts.cpp): the row type and the small helpers they share. Not for other parts.

#include "change/cborwriter.h"
#include "change/changeid.h"
#include "change/changeset.h"
#include "change/provenance.h"
#include "store/database.h"
#include "store/merge.h"
#include "store/store.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QHash>

namespace fl {

struct Store::Stored {
    qint64 rowid = 0; // 0 = not in the table yet
    QString id;
    QString type;
    QString campaignId;
    QString parentId;
    Hlc created = 0;
    Hlc updated = 0;
    bool deleted = false;
    QCborMap state; // field -> [change id, clock, ciphertext] of the winning value
};

// The chain heads one applyRemote() batch has seen, so a page of one author's change sets reads
// the journal once, not once per change set.
struct Store::ChainCursor {
    QHash<QByteArray, provenance::ChainHead> heads; ///< device || campaign -> head
    QByteArray pendingKey;                          ///< the head the vetted change set moves
    provenance::ChainHead pendingHead;
    static QByteArray keyOf(const QByteArray &device, const QString &campaign) {
        return device + campaign.toUtf8();
    }
};

namespace storeinternal {

inline constexpr qsizetype DeviceIdSize = changeid::DeviceIdSize;
inline constexpr qsizetype ChangeIdSize = changeid::Size;

/// A change set's fields as the journal stores them: [[field, ciphertext, [prev ids]], ...].
inline QByteArray encodeFields(const QList<FieldChange> &fields) {
    QByteArray out;
    cbor::arrayHeader(out, fields.size());
    for (const FieldChange &f : fields) {
        cbor::arrayHeader(out, 3);
        cbor::text(out, f.field);
        cbor::bytes(out, f.value);
        cbor::arrayHeader(out, f.prev.size());
        for (const QByteArray &p : f.prev)
            cbor::bytes(out, p);
    }
    return out;
}

inline QList<FieldChange> decodeFields(const QByteArray &blob) {
    QList<FieldChange> out;
    const QCborArray arr = QCborValue::fromCbor(blob).toArray();
    out.reserve(arr.size());
    for (const QCborValue &v : arr) {
        const QCborArray f = v.toArray();
        FieldChange fc{f.at(0).toString(), f.at(1).toByteArray(), {}};
        for (const QCborValue &p : f.at(2).toArray())
            fc.prev.append(p.toByteArray());
        out.append(std::move(fc));
    }
    return out;
}

/// The journal columns changeSetFromRow() reads, in its order.
#define FL_JOURNAL_CHANGE_COLUMNS                                                                  \
    "change_id, record_id, record_type, campaign_id, parent_id, hlc, device, fields, server_seq, " \
    "chain_index, chain_prev, signature"

/// A journal row read from `first` on: the FL_JOURNAL_CHANGE_COLUMNS.
inline ChangeSet changeSetFromRow(const Statement &st, int first) {
    ChangeSet cs;
    cs.id = st.blob(first);
    cs.recordId = st.text(first + 1);
    cs.recordType = st.text(first + 2);
    cs.campaignId = st.text(first + 3);
    cs.parentId = st.text(first + 4);
    cs.hlc = Hlc(st.int64(first + 5));
    cs.device = st.blob(first + 6);
    cs.fields = decodeFields(st.blob(first + 7));
    cs.serverSeq = st.isNull(first + 8) ? 0 : st.int64(first + 8);
    if (!st.isNull(first + 11)) {
        cs.chainIndex = quint64(st.int64(first + 9));
        cs.chainPrev = st.blob(first + 10);
        cs.signature = st.blob(first + 11);
    }
    return cs;
}

inline merge::Head headFromState(const QCborValue &v) {
    const QCborArray a = v.toArray();
    return merge::Head{a.at(0).toByteArray(), Hlc(a.at(1).toInteger()), a.at(2).toByteArray()};
}

inline QCborValue stateFromHead(const merge::Head &h) {
    return QCborArray{h.changeId, qint64(h.hlc), h.value};
}

inline Error lockedError() {
    return makeError(ErrorCode::Locked, QStringLiteral("The vault is locked. Unlock it with "
                                                       "your passphrase to read or write."));
}

inline Error stepError(const Database &db, int rc) {
    return db.lastError(rc, QStringLiteral("write to the database"));
}

} // namespace storeinternal
} // namespace fl
