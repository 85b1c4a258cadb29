#pragma once

// Shared fixtures of the store tests: a "device" is a temporary folder with its own vault
// (own random device id) and its own store file, as on a real tablet.

#include "store/store.h"
#include "vault/recordcipher.h"
#include "vault/vault.h"

#include <QCborArray>
#include <QDateTime>
#include <QHash>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace fl::test {

inline const QByteArray Passphrase("store test passphrase");

inline QString errorText(const Error &e) {
    return QStringLiteral("code %1: %2").arg(int(e.code)).arg(e.message);
}

/// Fails the test with the error's message when a Result is an error. (QVERIFY2 would build
/// its message even on success, and reading error() of a success throws.)
#define FL_VERIFY_OK(expr)                                                                         \
    do {                                                                                           \
        const auto &flResult_ = (expr);                                                            \
        if (!flResult_)                                                                            \
            QFAIL(qPrintable(::fl::test::errorText(flResult_.error())));                           \
    } while (false)

/// One simulated device: vault + store in a folder of its own.
class Device {
public:
    Device() = default;
    Device(const Device &) = delete;
    Device &operator=(const Device &) = delete;

    [[nodiscard]] bool valid() const { return m_dir.isValid(); }
    [[nodiscard]] QString dirPath() const { return m_dir.path(); }
    [[nodiscard]] QString dbPath() const { return m_dir.filePath(QStringLiteral("store.db")); }
    [[nodiscard]] QString vaultPath() const {
        return m_dir.filePath(QStringLiteral("device.vault"));
    }

    /// Creates the vault (cheap KDF) and opens the store.
    Result<void> create() {
        m_vault = std::make_unique<Vault>(vaultPath());
        if (auto r = m_vault->create(Passphrase, KdfParams::minimum()); !r)
            return r;
        m_store = std::make_unique<Store>(*m_vault);
        return m_store->open(dbPath());
    }

    /// Drops the objects and opens the same files again, as after an app restart.
    Result<void> reopen() {
        m_store.reset();
        m_vault.reset();
        m_vault = std::make_unique<Vault>(vaultPath());
        if (auto r = m_vault->unlock(Passphrase); !r)
            return r;
        m_store = std::make_unique<Store>(*m_vault);
        return m_store->open(dbPath());
    }

    /// Gives this device another device's campaign key (enrolment, simplified).
    Result<void> shareKeyFrom(const Device &other, const QString &campaignId) {
        auto key = other.store().campaignKey(campaignId);
        if (!key)
            return key.error();
        return m_store->addCampaignKey(campaignId, **key);
    }

    [[nodiscard]] Store &store() const { return *m_store; }
    [[nodiscard]] Vault &vault() const { return *m_vault; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Vault> m_vault;
    std::unique_ptr<Store> m_store;
};

/// What a device pushes: its outbox, sealed into its chains (signed), oldest first.
inline QList<ChangeSet> outbox(Store &store, int limit = 1'000'000) {
    auto pending = store.pending(limit);
    if (!pending)
        return {};
    QList<ChangeSet> batch = *pending;
    if (!store.sealForPush(batch))
        return {};
    return batch;
}

/// Lets `to` check what `from` signs (what GET /v1/signers does in a sync).
inline bool introduce(const Device &to, const Device &from) {
    return to.store().pinSigner(from.vault().deviceId(), from.vault().signingPublicKey()).ok();
}

/// Every device of `devices` knows every other's signing key.
template<typename Devices> inline bool introduceAll(const Devices &devices) {
    for (const auto &a : devices) {
        for (const auto &b : devices) {
            if (&a != &b && !introduce(*a, *b))
                return false;
        }
    }
    return true;
}

/// Reorders `changeSets` (already shuffled) so that each author's change sets of a campaign
/// come in chain order, keeping the interleaving of authors: the order a server that checks
/// chains hands them out in, one of many.
inline void keepChainOrder(QList<ChangeSet> &changeSets) {
    QHash<QByteArray, QList<ChangeSet>> chains;
    const auto keyOf = [](const ChangeSet &cs) {
        return cs.device + cs.campaignId.toUtf8();
    };
    for (const ChangeSet &cs : std::as_const(changeSets))
        chains[keyOf(cs)].append(cs);
    for (auto &chain : chains) {
        std::sort(chain.begin(), chain.end(), [](const ChangeSet &a, const ChangeSet &b) {
            return a.chainIndex < b.chainIndex;
        });
    }
    QHash<QByteArray, int> taken;
    for (ChangeSet &cs : changeSets) {
        const QByteArray k = keyOf(cs);
        cs = chains[k].at(taken[k]++);
    }
}

/// Every change set a store holds (local, sealed now if it was not, and pulled), oldest first.
inline QList<ChangeSet> allChangeSets(Store &store) {
    (void)outbox(store);
    QList<ChangeSet> out;
    auto j = store.journal({}, 1'000'000);
    if (!j)
        return out;
    for (auto it = j->crbegin(); it != j->crend(); ++it)
        out.append(it->change);
    return out;
}

inline int journalLength(const Store &store, const QString &recordId = {}) {
    auto j = store.journal(recordId, 1'000'000);
    return j ? int(j->size()) : -1;
}

/// Unix ms now, for clocks.
inline quint64 nowMs() {
    return quint64(QDateTime::currentMSecsSinceEpoch());
}

/// Byte order of device ids as the merge must use it: unsigned, lexicographic.
inline bool deviceLess(const QByteArray &a, const QByteArray &b) {
    const int c = std::memcmp(a.constData(), b.constData(), size_t(qMin(a.size(), b.size())));
    return c != 0 ? c < 0 : a.size() < b.size();
}

/// A raw sqlite3 connection for poking at a store file behind its back.
class RawDb {
public:
    explicit RawDb(const QString &path) {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
            sqlite3_close(m_db);
            m_db = nullptr;
        }
    }
    ~RawDb() { sqlite3_close(m_db); }
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    [[nodiscard]] bool isOpen() const { return m_db != nullptr; }
    bool exec(const char *sql) { return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == 0; }

    /// One blob column of one row, by text key.
    [[nodiscard]] QByteArray blob(const char *sql, const QString &key) const {
        sqlite3_stmt *st = nullptr;
        QByteArray out;
        if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) != SQLITE_OK)
            return out;
        const QByteArray k = key.toUtf8();
        sqlite3_bind_text(st, 1, k.constData(), int(k.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW) {
            out = QByteArray(static_cast<const char *>(sqlite3_column_blob(st, 0)),
                             sqlite3_column_bytes(st, 0));
        }
        sqlite3_finalize(st);
        return out;
    }

    /// Runs `sql` with ?1 = blob, ?2 = text key; returns the rows changed (-1 on error).
    int setBlob(const char *sql, const QByteArray &value, const QString &key) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) != SQLITE_OK)
            return -1;
        const QByteArray k = key.toUtf8();
        sqlite3_bind_blob(st, 1, value.constData(), int(value.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, k.constData(), int(k.size()), SQLITE_TRANSIENT);
        const int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        return rc == SQLITE_DONE ? sqlite3_changes(m_db) : -1;
    }

private:
    sqlite3 *m_db = nullptr;
};

} // namespace fl::test
