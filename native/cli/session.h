#pragma once

#include "common/result.h"
#include "media/blobstore.h"
#include "store/inspection.h"
#include "store/store.h"
#include "vault/vault.h"

#include <QString>

#include <memory>

namespace fl::cli {

class PassphraseReader;

/// The files of one device's data folder and the services over them.
class Session {
public:
    explicit Session(QString dataDir);
    ~Session();

    [[nodiscard]] QString dataDir() const { return m_dir; }
    [[nodiscard]] QString vaultPath() const;
    [[nodiscard]] QString databasePath() const;
    [[nodiscard]] QString blobDir() const;

    /// Creates the folder, the vault (passphrase read once, or twice on a terminal) and the
    /// database. Refuses when a vault is already there.
    Result<void> initialize(PassphraseReader &reader, KdfParams params);
    /// Unlocks the vault with a passphrase from `reader` and opens the database.
    Result<void> open(PassphraseReader &reader);
    /// Opens the database with the vault left locked (metadata only).
    Result<void> openLocked();

    Vault &vault() { return *m_vault; }
    Store &store() { return *m_store; }
    BlobStore &blobs() { return *m_blobs; }
    Inspection &inspection() { return *m_inspection; }

private:
    QString m_dir;
    std::unique_ptr<Vault> m_vault;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<BlobStore> m_blobs;
    std::unique_ptr<Inspection> m_inspection;
};

} // namespace fl::cli
