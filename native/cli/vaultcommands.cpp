#include "cli/commandgroups.h"

namespace fl::cli {

Result<Reply> cmdInit(Context &c) {
    const QString kdf =
        c.has(QStringLiteral("kdf")) ? c.opt(QStringLiteral("kdf")) : QStringLiteral("moderate");
    KdfParams params;
    if (kdf == QLatin1String("moderate"))
        params = KdfParams::moderate();
    else if (kdf == QLatin1String("interactive"))
        params = KdfParams::interactive();
    else if (kdf == QLatin1String("minimum"))
        params = KdfParams::minimum();
    else
        return usage(QStringLiteral("--kdf is moderate, interactive or minimum."));
    if (auto r = c.session->initialize(*c.reader, params); !r)
        return r.error();
    const QString device = QString::fromLatin1(c.session->vault().deviceId().toHex());
    return Reply{QJsonObject{{QStringLiteral("data"), c.session->dataDir()},
                             {QStringLiteral("device_id"), device}},
                 QStringLiteral("Created an encrypted FieldLedger store in %1 (device %2).\n")
                     .arg(c.session->dataDir(), device)};
}

Result<Reply> cmdPasswd(Context &c) {
    Vault &vault = c.session->vault();
    if (!vault.exists())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("No vault in %1.").arg(c.session->dataDir()));
    auto old = c.reader->read(QStringLiteral("Current passphrase: "));
    if (!old)
        return old.error();
    auto next = c.reader->read(QStringLiteral("New passphrase: "));
    if (!next) {
        wipe(*old);
        return next.error();
    }
    Result<void> r = next->size() < 8
                         ? Result<void>(makeError(ErrorCode::Validation,
                                                  QStringLiteral("The new passphrase is too "
                                                                 "short: use at least 8 "
                                                                 "characters.")))
                         : vault.changePassphrase(*old, *next);
    wipe(*old);
    wipe(*next);
    if (!r)
        return r.error();
    return Reply{QJsonObject{{QStringLiteral("changed"), true}},
                 QStringLiteral("Passphrase changed. Your data did not need re-encrypting.\n")};
}

Result<Reply> cmdStatus(Context &c) {
    Store &s = c.session->store();
    auto pending = s.pendingCount();
    if (!pending)
        return pending.error();
    QJsonObject counts;
    QString text =
        QStringLiteral("data folder   %1\ndevice        %2\npending sync  %3 change "
                       "sets\n")
            .arg(c.session->dataDir(), QString::fromLatin1(c.session->vault().deviceId().toHex()))
            .arg(*pending);
    for (const char *type : {recordtype::Campaign, recordtype::Unit, recordtype::Visit,
                             recordtype::Finding, recordtype::Interview, recordtype::Photo}) {
        auto n = s.count(QLatin1String(type), {});
        if (!n)
            return n.error();
        counts.insert(QLatin1String(type), *n);
        text += QStringLiteral("%1 %2\n").arg(pad(QLatin1String(type), 14)).arg(*n);
    }
    return Reply{QJsonObject{{QStringLiteral("data"), c.session->dataDir()},
                             {QStringLiteral("device_id"),
                              QString::fromLatin1(c.session->vault().deviceId().toHex())},
                             {QStringLiteral("pending"), *pending},
                             {QStringLiteral("counts"), counts}},
                 text};
}

} // namespace fl::cli
