#include "sync/server/serveroptions.h"

#include <QCommandLineParser>

namespace fl::server {

namespace {

Error usageError(const QString &why) {
    return makeError(ErrorCode::InvalidArgument, why);
}

} // namespace

QString usage() {
    return QStringLiteral(
        "Usage: fieldledger-server (--data DIR | --database URL [--blobs DIR]) [options]\n"
        "       fieldledger-server (--data DIR | --database URL) admin COMMAND\n"
        "\n"
        "Storage:\n"
        "  --data DIR                 SQLite database DIR/server.db and blobs in DIR/blobs\n"
        "  --database URL             PostgreSQL: postgresql://user[:pass]@host[:port]/dbname\n"
        "                             [?sslmode=require...] (password also from PGPASSWORD)\n"
        "  --blobs DIR                blob folder (required with --database unless --data)\n"
        "Serving:\n"
        "  --listen ADDR              address to listen on (default 127.0.0.1)\n"
        "  --port N                   port (default 8080; 0 picks a free one)\n"
        "  --cert FILE --key FILE     serve HTTPS with this PEM certificate and key\n"
        "  --insecure-allow-plain-http  allow plain HTTP on a non-loopback address\n"
        "Admin commands:\n"
        "  admin enrol-code --role inspector|office [--hours 24] [--json]\n"
        "  admin devices [--json]\n"
        "  admin revoke DEVICE_HEX\n"
        "  admin member add CAMPAIGN DEVICE_HEX\n"
        "  admin stats [--json]\n"
        "Exit codes: 0 ok, 1 failure, 2 usage, 3 not found.\n");
}

Result<ServerOptions> parseOptions(const QStringList &arguments) {
    QCommandLineParser p;
    const QCommandLineOption data(QStringLiteral("data"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption database(QStringLiteral("database"), QString(), QStringLiteral("URL"));
    const QCommandLineOption blobs(QStringLiteral("blobs"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption listen(QStringLiteral("listen"), QString(), QStringLiteral("ADDR"));
    const QCommandLineOption port(QStringLiteral("port"), QString(), QStringLiteral("N"));
    const QCommandLineOption cert(QStringLiteral("cert"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("key"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption plain(QStringLiteral("insecure-allow-plain-http"), QString());
    const QCommandLineOption role(QStringLiteral("role"), QString(), QStringLiteral("ROLE"));
    const QCommandLineOption hours(QStringLiteral("hours"), QString(), QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"), QString());
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QString());
    const QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                     QString());
    p.addOptions(
        {data, database, blobs, listen, port, cert, key, plain, role, hours, json, help, version});
    if (!p.parse(QStringList{QStringLiteral("fieldledger-server")} + arguments))
        return usageError(p.errorText());

    ServerOptions o;
    o.help = p.isSet(help);
    o.version = p.isSet(version);
    if (o.help || o.version)
        return o;
    o.storage.dataDir = p.value(data);
    o.storage.databaseUrl = p.value(database);
    o.storage.blobDir = p.value(blobs);
    if (o.storage.dataDir.isEmpty() && o.storage.databaseUrl.isEmpty())
        return usageError(QStringLiteral("give --data DIR or --database URL"));
    const QStringList positional = p.positionalArguments();
    if (!positional.isEmpty()) {
        if (positional.first() != QLatin1String("admin") || positional.size() < 2)
            return usageError(QStringLiteral("unexpected argument %1").arg(positional.first()));
        o.admin = positional.mid(1);
    }
    if (o.admin.isEmpty() && !o.storage.databaseUrl.isEmpty() && o.storage.dataDir.isEmpty() &&
        o.storage.blobDir.isEmpty())
        return usageError(QStringLiteral("with --database, give --blobs DIR (or --data DIR)"));
    if (p.isSet(listen))
        o.listen.address = p.value(listen);
    if (p.isSet(port)) {
        bool ok = false;
        const uint n = p.value(port).toUInt(&ok);
        if (!ok || n > 65535)
            return usageError(QStringLiteral("--port must be 0 to 65535"));
        o.listen.port = quint16(n);
    }
    o.listen.certFile = p.value(cert);
    o.listen.keyFile = p.value(key);
    o.listen.allowPlainHttp = p.isSet(plain);
    o.role = p.value(role);
    if (p.isSet(hours)) {
        bool ok = false;
        o.hours = p.value(hours).toInt(&ok);
        if (!ok || o.hours < 1 || o.hours > 24 * 365)
            return usageError(QStringLiteral("--hours must be 1 to 8760"));
    }
    o.json = p.isSet(json);
    return o;
}

} // namespace fl::server
