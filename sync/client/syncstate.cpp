#include "sync/client/syncstate.h"

#include "store/store.h"
#include "sync/protocol/wire.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QCryptographicHash>

#include <limits>

namespace fl::sync {

namespace {

QString key(const char *k) {
    return QLatin1String(k);
}

Error corruptSetting(const char *k) {
    return makeError(ErrorCode::Corrupt,
                     QStringLiteral("The sync bookkeeping (%1) is damaged.").arg(key(k)));
}

/// Blob states are tagged with the server they describe, so enrolling with another server
/// makes them all unknown without having to find and delete them.
QByteArray serverTag(const QString &url) {
    return QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
}

} // namespace

Result<QString> SyncState::serverUrl() const {
    auto v = m_store.setting(key(settingkey::ServerUrl));
    if (!v)
        return v.error();
    return QString::fromUtf8(*v);
}

Result<QString> SyncState::role() const {
    auto v = m_store.setting(key(settingkey::Role));
    if (!v)
        return v.error();
    return QString::fromUtf8(*v);
}

Result<void> SyncState::setEnrolment(const QString &serverUrl, const QString &role) {
    auto previous = this->serverUrl();
    if (!previous)
        return previous.error();
    if (*previous != serverUrl) {
        for (const char *k : {settingkey::Cursor, settingkey::Parked, settingkey::Rejected}) {
            if (auto r = m_store.setSetting(key(k), {}); !r)
                return r;
        }
    }
    if (auto r = m_store.setSetting(key(settingkey::ServerUrl), serverUrl.toUtf8()); !r)
        return r;
    return m_store.setSetting(key(settingkey::Role), role.toUtf8());
}

Result<qint64> SyncState::cursor() const {
    auto v = m_store.setting(key(settingkey::Cursor));
    if (!v)
        return v.error();
    if (v->isEmpty())
        return qint64(0);
    bool ok = false;
    const qint64 c = v->toLongLong(&ok);
    if (!ok || c < 0)
        return corruptSetting(settingkey::Cursor);
    return c;
}

Result<void> SyncState::setCursor(qint64 cursor) {
    return m_store.setSetting(key(settingkey::Cursor), QByteArray::number(cursor));
}

Result<QList<RejectedChange>> SyncState::rejected() const {
    auto v = m_store.setting(key(settingkey::Rejected));
    if (!v)
        return v.error();
    QList<RejectedChange> out;
    if (v->isEmpty())
        return out;
    const QCborValue root = QCborValue::fromCbor(*v);
    if (!root.isArray())
        return corruptSetting(settingkey::Rejected);
    for (const QCborValue &e : root.toArray()) {
        const QCborArray a = e.toArray();
        if (a.size() != 5 || !a.at(0).isByteArray())
            return corruptSetting(settingkey::Rejected);
        out.append({a.at(0).toByteArray(), a.at(1).toString(), a.at(2).toString(),
                    a.at(3).toString(), a.at(4).toInteger()});
    }
    return out;
}

Result<void> SyncState::setRejected(const QList<RejectedChange> &rejected) {
    if (rejected.isEmpty())
        return m_store.setSetting(key(settingkey::Rejected), {});
    QCborArray a;
    for (const RejectedChange &r : rejected)
        a.append(QCborArray{r.changeId, r.recordType, r.recordId, r.reason, r.atMs});
    return m_store.setSetting(key(settingkey::Rejected), QCborValue(a).toCbor());
}

Result<QList<ParkedChange>> SyncState::parked() const {
    auto v = m_store.setting(key(settingkey::Parked));
    if (!v)
        return v.error();
    QList<ParkedChange> out;
    if (v->isEmpty())
        return out;
    // {"page": a pull page in the wire format, "reasons": [[text, code, final]...]} (a plain
    // text per change set before provenance checks)
    const QCborMap m = QCborValue::fromCbor(*v).toMap();
    // Parked change sets accumulate over syncs: the wire's per-page limits do not apply.
    wire::Limits limits;
    limits.maxBodyBytes = std::numeric_limits<qsizetype>::max();
    limits.maxChangeSets = std::numeric_limits<int>::max();
    auto page = wire::decodePullPage(m.value(QLatin1String("page")).toByteArray(), limits);
    const QCborArray reasons = m.value(QLatin1String("reasons")).toArray();
    if (!page || reasons.size() != page->changeSets.size())
        return corruptSetting(settingkey::Parked);
    for (qsizetype i = 0; i < reasons.size(); ++i) {
        const QCborValue r = reasons.at(i);
        if (r.isArray())
            out.append({page->changeSets.at(i), r.toArray().at(0).toString(),
                        r.toArray().at(1).toString(), r.toArray().at(2).toBool()});
        else
            out.append({page->changeSets.at(i), r.toString(), {}, false});
    }
    return out;
}

Result<void> SyncState::setParked(const QList<ParkedChange> &parked) {
    if (parked.isEmpty())
        return m_store.setSetting(key(settingkey::Parked), {});
    wire::PullPage page;
    QCborArray reasons;
    for (const ParkedChange &p : parked) {
        page.changeSets.append(p.changeSet);
        reasons.append(QCborArray{p.reason, p.code, p.final});
    }
    QCborMap m;
    m.insert(QLatin1String("page"), wire::encodePullPage(page));
    m.insert(QLatin1String("reasons"), reasons);
    return m_store.setSetting(key(settingkey::Parked), QCborValue(m).toCbor());
}

Result<QByteArray> SyncState::blobState(const QByteArray &contentId) const {
    auto url = serverUrl();
    if (!url)
        return url.error();
    auto v = m_store.setting(key(settingkey::BlobPrefix) + QString::fromLatin1(contentId));
    if (!v)
        return v.error();
    const QByteArray tag = serverTag(*url) + ' ';
    if (!v->startsWith(tag))
        return QByteArray();
    return v->mid(tag.size());
}

Result<void> SyncState::setBlobState(const QByteArray &contentId, const QByteArray &state) {
    auto url = serverUrl();
    if (!url)
        return url.error();
    const QString k = key(settingkey::BlobPrefix) + QString::fromLatin1(contentId);
    return m_store.setSetting(k, state.isEmpty() ? QByteArray() : serverTag(*url) + ' ' + state);
}

} // namespace fl::sync
