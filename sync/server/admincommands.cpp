#include "sync/server/admincommands.h"

#include "sync/server/enrolcodes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace fl::server {

namespace {

qint64 now() {
    return QDateTime::currentMSecsSinceEpoch();
}

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

class Admin {
public:
    Admin(const ServerOptions &o, QTextStream &out, QTextStream &err)
        : m_o(o)
        , m_out(out)
        , m_err(err) {}

    int run() {
        const QStringList &a = m_o.admin;
        const QString command = a.first();
        // Check the words before touching the database.
        using Handler = int (Admin::*)();
        Handler handler = nullptr;
        if (command == QLatin1String("enrol-code") && a.size() == 1)
            handler = &Admin::enrolCode;
        else if (command == QLatin1String("devices") && a.size() == 1)
            handler = &Admin::devices;
        else if (command == QLatin1String("revoke") && a.size() == 2)
            handler = &Admin::revoke;
        else if (command == QLatin1String("member") && a.size() == 4 &&
                 a.at(1) == QLatin1String("add"))
            handler = &Admin::memberAdd;
        else if (command == QLatin1String("stats") && a.size() == 1)
            handler = &Admin::stats;
        if (!handler)
            return usage(QStringLiteral("unknown admin command: %1").arg(a.join(QLatin1Char(' '))));
        if (auto r = m_db.open(m_o.storage); !r) {
            m_err << "fieldledger-server: " << r.error().message << Qt::endl;
            return ExitFailure;
        }
        return (this->*handler)();
    }

private:
    int usage(const QString &why) {
        m_err << "fieldledger-server: " << why << Qt::endl << Qt::endl << server::usage();
        return ExitUsage;
    }
    int failed(const Error &e) {
        m_err << "fieldledger-server: " << e.message << Qt::endl;
        return ExitFailure;
    }
    void printJson(const QJsonObject &o) {
        m_out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    }
    /// A device id argument: 32 hex characters.
    std::optional<QString> deviceArg(const QString &s) {
        const QString lower = s.toLower();
        if (!isLowerHex(lower.toLatin1(), 32))
            return std::nullopt;
        return lower;
    }

    int enrolCode() {
        // Checked before the database is opened, like every other word.
        if (!isEnrolRole(m_o.role))
            return usage(QStringLiteral("enrol-code needs --role inspector or --role office"));
        auto code = issueEnrolCode(m_db, m_o.role, m_o.hours, now());
        if (!code)
            return code.error().code == ErrorCode::InvalidArgument ? usage(code.error().message)
                                                                   : failed(code.error());
        if (m_o.json)
            printJson({{QStringLiteral("code"), code->code},
                       {QStringLiteral("role"), code->role},
                       {QStringLiteral("expires_at"), isoTime(code->expiresAtMs)}});
        else
            m_out << code->code << Qt::endl;
        return ExitOk;
    }

    int devices() {
        auto rows = m_db.devices();
        if (!rows)
            return failed(rows.error());
        if (m_o.json) {
            QJsonArray list;
            for (const DeviceRow &d : std::as_const(*rows))
                list.append(QJsonObject{{QStringLiteral("id"), d.id},
                                        {QStringLiteral("name"), d.name},
                                        {QStringLiteral("role"), d.role},
                                        {QStringLiteral("revoked"), d.revoked},
                                        {QStringLiteral("enrolled_at"), isoTime(d.enrolledAt)}});
            printJson({{QStringLiteral("devices"), list}});
            return ExitOk;
        }
        for (const DeviceRow &d : std::as_const(*rows))
            m_out << d.id << "  " << d.role.leftJustified(9) << "  "
                  << (d.revoked ? "revoked" : "active ") << "  " << isoTime(d.enrolledAt) << "  "
                  << d.name << Qt::endl;
        return ExitOk;
    }

    int revoke() {
        const auto id = deviceArg(m_o.admin.at(1));
        if (!id)
            return usage(QStringLiteral("a device id is 32 hex characters"));
        auto done = m_db.revoke(*id, now());
        if (!done)
            return failed(done.error());
        if (!*done) {
            m_err << "fieldledger-server: no device " << *id << Qt::endl;
            return ExitNotFound;
        }
        m_out << "revoked " << *id << Qt::endl;
        return ExitOk;
    }

    int memberAdd() {
        const QString campaign = normaliseCampaignId(m_o.admin.at(2));
        const auto id = deviceArg(m_o.admin.at(3));
        if (!id || campaign.isEmpty())
            return usage(QStringLiteral("member add needs a campaign id and a device id"));
        auto done = m_db.addMember(campaign, *id, now());
        if (!done)
            return failed(done.error());
        if (!*done) {
            m_err << "fieldledger-server: no device " << *id << Qt::endl;
            return ExitNotFound;
        }
        m_out << "added " << *id << " to " << campaign << Qt::endl;
        return ExitOk;
    }

    int stats() {
        auto s = m_db.stats();
        if (!s)
            return failed(s.error());
        const qint64 bytes = s->changeBytes + s->blobBytes;
        if (m_o.json) {
            printJson({{QStringLiteral("devices"), s->devices},
                       {QStringLiteral("revoked_devices"), s->revokedDevices},
                       {QStringLiteral("campaigns"), s->campaigns},
                       {QStringLiteral("changes"), s->changes},
                       {QStringLiteral("change_bytes"), s->changeBytes},
                       {QStringLiteral("blobs"), s->blobs},
                       {QStringLiteral("blob_bytes"), s->blobBytes},
                       {QStringLiteral("bytes"), bytes},
                       {QStringLiteral("schema_version"), m_db.schemaVersion()}});
            return ExitOk;
        }
        m_out << "devices    " << s->devices << " (" << s->revokedDevices << " revoked)\n"
              << "campaigns  " << s->campaigns << "\n"
              << "changes    " << s->changes << " (" << s->changeBytes << " bytes)\n"
              << "blobs      " << s->blobs << " (" << s->blobBytes << " bytes)\n"
              << "bytes      " << bytes << Qt::endl;
        return ExitOk;
    }

    const ServerOptions &m_o;
    QTextStream &m_out;
    QTextStream &m_err;
    ServerDatabase m_db;
};

} // namespace

int runAdmin(const ServerOptions &options, QTextStream &out, QTextStream &err) {
    return Admin(options, out, err).run();
}

} // namespace fl::server
