#pragma once
// A throw-away PostgreSQL cluster in a temporary folder on a free port (TOOLCHAIN.md): initdb
// and pg_ctl run as the postgres user when the tests run as root, as initdb refuses root.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace fltest {

class PgCluster {
public:
    static QString binDir() { return QStringLiteral("/usr/lib/postgresql/15/bin"); }
    static bool available() { return QFile::exists(binDir() + QStringLiteral("/initdb")); }

    PgCluster() = default;
    ~PgCluster() { stop(); }
    Q_DISABLE_COPY_MOVE(PgCluster)

    /// Creates, starts and creates database "fieldledger"; `why` says what failed.
    bool start(QString *why) {
        if (!m_dir.isValid())
            return fail(why, QStringLiteral("no temporary folder"));
        m_port = freePort();
        if (::geteuid() == 0) {
            const passwd *pw = ::getpwnam("postgres");
            if (!pw)
                return fail(why, QStringLiteral("running as root and there is no postgres user"));
            if (::chown(QFile::encodeName(m_dir.path()).constData(), pw->pw_uid, pw->pw_gid) != 0)
                return fail(why, QStringLiteral("cannot give the folder to postgres"));
            m_asPostgres = true;
        }
        const QString data = m_dir.filePath(QStringLiteral("data"));
        if (!run(QStringLiteral("initdb"),
                 {"-D", data, "-A", "trust", "-U", "fl", "--no-sync", "-E", "UTF8"}, why))
            return false;
        const QString options =
            QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                           "-c max_connections=40")
                .arg(m_port)
                .arg(m_dir.path());
        if (!run(QStringLiteral("pg_ctl"),
                 {"-D", data, "-l", m_dir.filePath(QStringLiteral("log")), "-o", options, "-w",
                  "start"},
                 why))
            return false;
        m_started = true;
        return run(QStringLiteral("createdb"),
                   {"-h", "127.0.0.1", "-p", QString::number(m_port), "-U", "fl", "fieldledger"},
                   why);
    }
    /// Another empty database in the cluster; returns its URL (empty on failure).
    QString createDatabase(const QString &name, QString *why) {
        if (!run(QStringLiteral("createdb"),
                 {"-h", "127.0.0.1", "-p", QString::number(m_port), "-U", "fl", name}, why))
            return {};
        return QStringLiteral("postgresql://fl@127.0.0.1:%1/%2").arg(m_port).arg(name);
    }
    void stop() {
        if (!m_started)
            return;
        m_started = false;
        QString ignored;
        run(QStringLiteral("pg_ctl"),
            {"-D", m_dir.filePath(QStringLiteral("data")), "-m", "fast", "-w", "stop"}, &ignored);
    }
    [[nodiscard]] QString url() const {
        return QStringLiteral("postgresql://fl@127.0.0.1:%1/fieldledger").arg(m_port);
    }

private:
    static quint16 freePort() {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost, 0);
        return s.serverPort();
    }
    static bool fail(QString *why, const QString &what) {
        *why = what;
        return false;
    }
    bool run(const QString &tool, const QStringList &args, QString *why) {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        const QString exe = binDir() + QLatin1Char('/') + tool;
        if (m_asPostgres && tool != QLatin1String("createdb"))
            p.start(QStringLiteral("runuser"),
                    QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                QStringLiteral("--"), exe} +
                        args);
        else
            p.start(exe, args);
        if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0)
            return fail(why, tool + QStringLiteral(" failed: ") +
                                 QString::fromLocal8Bit(p.readAllStandardError()));
        return true;
    }

    QTemporaryDir m_dir;
    quint16 m_port = 0;
    bool m_asPostgres = false;
    bool m_started = false;
};

} // namespace fltest
