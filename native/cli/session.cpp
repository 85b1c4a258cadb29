#include "cli/session.h"

#include "cli/passphrase.h"

#include <QDir>

#include <unistd.h>

namespace fl::cli {

Session::Session(QString dataDir)
    : m_dir(std::move(dataDir))
    , m_vault(std::make_unique<Vault>(vaultPath()))
    , m_store(std::make_unique<Store>(*m_vault))
    , m_blobs(std::make_unique<BlobStore>(blobDir()))
    , m_inspection(std::make_unique<Inspection>(*m_store)) {}

Session::~Session() {
    m_store->close();
    m_vault->lock();
}

QString Session::vaultPath() const {
    return m_dir + QStringLiteral("/vault.json");
}
QString Session::databasePath() const {
    return m_dir + QStringLiteral("/fieldledger.db");
}
QString Session::blobDir() const {
    return m_dir + QStringLiteral("/blobs");
}

Result<void> Session::initialize(PassphraseReader &reader, KdfParams params) {
    if (m_vault->exists())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 already holds a FieldLedger vault; nothing was "
                                        "changed.")
                             .arg(m_dir));
    if (!QDir().mkpath(m_dir))
        return makeError(ErrorCode::Io,
                         QStringLiteral("Could not create the data folder %1.").arg(m_dir));
    auto pass = reader.read(QStringLiteral("New passphrase: "));
    if (!pass)
        return pass.error();
    if (pass->size() < 8) {
        wipe(*pass);
        return makeError(ErrorCode::Validation,
                         QStringLiteral("The passphrase is too short: use at least 8 characters "
                                        "(a few words are easy to type and hard to guess)."));
    }
    if (isatty(0)) {
        auto again = reader.read(QStringLiteral("Repeat it: "));
        const bool same = again && *again == *pass;
        if (again)
            wipe(*again);
        if (!same) {
            wipe(*pass);
            return makeError(ErrorCode::Validation,
                             QStringLiteral("The two passphrases differ; nothing was created."));
        }
    }
    auto created = m_vault->create(*pass, params);
    wipe(*pass);
    if (!created)
        return created;
    return m_store->open(databasePath());
}

Result<void> Session::open(PassphraseReader &reader) {
    if (!m_vault->exists())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("No FieldLedger data in %1. Run 'fieldledger-cli init' "
                                        "first (or pass --data).")
                             .arg(m_dir));
    auto pass = reader.read(QStringLiteral("Passphrase: "));
    if (!pass)
        return pass.error();
    auto unlocked = m_vault->unlock(*pass);
    wipe(*pass);
    if (!unlocked)
        return unlocked;
    return m_store->open(databasePath());
}

Result<void> Session::openLocked() {
    if (!m_vault->exists())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("No FieldLedger data in %1.").arg(m_dir));
    return m_store->open(databasePath());
}

} // namespace fl::cli
