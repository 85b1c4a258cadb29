#include "store/store.h"

#include "store/schema.h"
#include "store/storeinternal.h"
#include "vault/vault.h"

#include <QLoggingCategory>
#include <QtEndian>

Q_LOGGING_CATEGORY(lcStore, "fl.store")

namespace fl {

using namespace storeinternal;

// ---- Store: lifecycle ------------------------------------------------------------------------

Store::Store(Vault &vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault) {
    // Unwrapped campaign keys must not outlive the device key.
    connect(&m_vault, &Vault::lockedChanged, this, [this](bool locked) {
        if (locked)
            m_keys.clear();
    });
}

Store::~Store() = default;

Result<void> Store::open(const QString &path) {
    close();
    m_device = m_vault.deviceId();
    if (m_device.size() != DeviceIdSize)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The vault has no device identity; create it first."));
    if (auto r = m_db.open(path); !r)
        return r;
    // Refuse a foreign file before WAL mode rewrites its header.
    if (auto r = schema::verifyOwnership(m_db); !r) {
        m_db.close();
        return r;
    }
    if (auto r = m_db.configure(); !r) {
        m_db.close();
        return r;
    }
    if (auto r = schema::migrate(m_db); !r) {
        m_db.close();
        return r;
    }
    m_path = path;
    if (!m_checkpointer.start(m_db.handle(), path))
        qCWarning(lcStore, "could not start the background checkpointer; checkpoints run inline");

    return restoreClock();
}

Result<void> Store::restoreClock() {
    // This device's last change set holds the last clock it issued (its clocks grow with its
    // sequence), journalled in the same transaction; nothing is leased ahead of it.
    auto last = m_db.prepare("SELECT change_id, hlc FROM journal WHERE change_id BETWEEN ? AND ? "
                             "ORDER BY change_id DESC LIMIT 1");
    if (!last)
        return last.error();
    last->bindBlob(1, changeid::make(m_device, 0))
        .bindBlob(2, changeid::make(m_device, ~quint64(0)));
    if (last->step() == SQLITE_ROW) {
        m_sequence = changeid::sequence(last->blob(0));
        m_clock.restore(Hlc(last->int64(1)));
    }
    auto observed = m_db.prepare("SELECT value FROM meta WHERE key = 'clock_observed'");
    if (!observed)
        return observed.error();
    if (observed->step() == SQLITE_ROW) {
        m_observedPersisted = Hlc(observed->int64(0));
        m_clock.restore(m_observedPersisted);
    }
    return {};
}

void Store::close() {
    m_db.close();
    m_keys.clear();
    m_sequence = 0;
    m_observedPersisted = 0;
}

// ---- Store: campaign keys -------------------------------------------------------------------

Result<void> Store::addCampaignKey(const QString &campaignId, const SecretKey &key) {
    auto wrapped = m_vault.wrapKey(key);
    if (!wrapped)
        return wrapped.error();
    auto st = m_db.prepare("INSERT OR REPLACE INTO campaign_keys (campaign_id, wrapped) "
                           "VALUES (?, ?)");
    if (!st)
        return st.error();
    st->bind(1, campaignId).bindBlob(2, *wrapped);
    if (const int rc = st->step(); rc != SQLITE_DONE)
        return stepError(m_db, rc);
    m_keys.remove(campaignId);
    return {};
}

bool Store::hasCampaignKey(const QString &campaignId) const {
    auto st = m_db.prepare("SELECT 1 FROM campaign_keys WHERE campaign_id = ?");
    return st && st->bind(1, campaignId).step() == SQLITE_ROW;
}

Result<std::shared_ptr<const SecretKey>> Store::campaignKey(const QString &campaignId) const {
    if (!m_vault.isUnlocked())
        return lockedError();
    if (auto it = m_keys.constFind(campaignId); it != m_keys.cend())
        return *it;
    auto st = m_db.prepare("SELECT wrapped FROM campaign_keys WHERE campaign_id = ?");
    if (!st)
        return st.error();
    if (st->bind(1, campaignId).step() != SQLITE_ROW)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("This device has no key for campaign %1. Sync, or ask "
                                        "the office to grant this device access.")
                             .arg(campaignId));
    auto key = m_vault.unwrapKey(st->blob(0));
    if (!key)
        return key.error();
    auto shared = std::make_shared<const SecretKey>(std::move(*key));
    m_keys.insert(campaignId, shared);
    return shared;
}

Result<QByteArray> Store::sealCampaignKey(const QString &campaignId,
                                          QByteArrayView boxPublicKey) const {
    auto key = campaignKey(campaignId);
    if (!key)
        return key.error();
    return Vault::sealKeyTo(**key, boxPublicKey);
}

// ---- Store: device settings ------------------------------------------------------------------

Result<QByteArray> Store::setting(const QString &key) const {
    auto st = m_db.prepare("SELECT value FROM meta WHERE key = ?");
    if (!st)
        return st.error();
    const int rc = st->bind(1, key).step();
    if (rc == SQLITE_DONE)
        return QByteArray();
    if (rc != SQLITE_ROW)
        return m_db.lastError(rc, QStringLiteral("read a setting"));
    return st->blob(0);
}

Result<void> Store::setSetting(const QString &key, const QByteArray &value) {
    auto st = value.isEmpty()
                  ? m_db.prepare("DELETE FROM meta WHERE key = ?")
                  : m_db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    if (!st)
        return st.error();
    st->bind(1, key);
    if (!value.isEmpty())
        st->bindBlob(2, value);
    if (const int rc = st->step(); rc != SQLITE_DONE)
        return stepError(m_db, rc);
    return {};
}

} // namespace fl
