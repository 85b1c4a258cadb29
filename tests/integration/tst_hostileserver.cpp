// Issue 8's hostile server: the operator edits the server's database behind the devices' backs
// (a real fieldledger-server process, real CLI devices as short-lived processes, the tampering
// done with SQL on the server's own SQLite file). Every forgery is refused by the devices with
// its typed reason and never applied; what they held before is untouched; `verify` names what
// was changed; once the tampering is undone, every device converges.
#include "../server/servertestsupport.h"
#include "clirunner.h"

#include <QCborArray>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace fltest;

namespace {

const QByteArray Pass = "hostile server passphrase\n";

struct Device {
    QString name;
    QString dir;
};

/// The server's database, opened beside the running server as its operator could.
class OperatorSql {
public:
    explicit OperatorSql(const QString &file) {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("operator"));
        m_db.setDatabaseName(file);
        m_db.open();
        QSqlQuery(m_db).exec(QStringLiteral("PRAGMA busy_timeout = 10000"));
    }
    ~OperatorSql() {
        m_db.close();
        m_db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("operator"));
    }
    bool exec(const QString &sql, const QVariantList &values = {}) {
        QSqlQuery q(m_db);
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec()) {
            qWarning() << sql << q.lastError().text();
            return false;
        }
        return true;
    }
    QVariantList row(const QString &sql, const QVariantList &values = {}) {
        QSqlQuery q(m_db);
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        QVariantList out;
        if (q.exec() && q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                out.append(q.value(i));
        }
        return out;
    }
    /// Seqs of one device's change sets in a campaign, in server order.
    QList<qint64> seqsOf(const QString &deviceHex) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT seq FROM changes WHERE device = ? ORDER BY seq"));
        q.addBindValue(deviceHex);
        QList<qint64> out;
        if (q.exec()) {
            while (q.next())
                out.append(q.value(0).toLongLong());
        }
        return out;
    }
    /// Keeps a row aside, to be put back by restore().
    bool save(qint64 seq) {
        return exec(QStringLiteral("DROP TABLE IF EXISTS saved")) &&
               exec(QStringLiteral("CREATE TABLE saved AS SELECT * FROM changes WHERE seq = ?"),
                    {seq});
    }
    bool restore(qint64 seq) {
        return exec(QStringLiteral("DELETE FROM changes WHERE seq = ?"), {seq}) &&
               exec(QStringLiteral("INSERT INTO changes SELECT * FROM saved"));
    }

private:
    QSqlDatabase m_db;
};

QByteArray flipValueByte(const QByteArray &fieldsCbor) {
    QCborArray fields = QCborValue::fromCbor(fieldsCbor).toArray();
    QCborArray first = fields.at(0).toArray();
    QByteArray value = first.at(1).toByteArray();
    value[value.size() / 2] = char(value[value.size() / 2] ^ 0x20);
    first[1] = value;
    fields[0] = first;
    return QCborValue(fields).toCbor();
}

} // namespace

class HostileServerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void honestRoundVerifies();
    void alteredCiphertextIsRefused();
    void reattributedChangeIsRefused();
    void replayedOldValueWithForgedPrevIsRefused();
    void reorderedChangesStillConverge();
    void withheldChangeIsReportedAndFilledLater();
    void swappedSigningKeyIsRefused();

private:
    CliResult cli(const Device &d, const QStringList &args) {
        return runCli(QStringList{QStringLiteral("--data"), d.dir, QStringLiteral("--json")} + args,
                      Pass);
    }
    QJsonObject sync(const Device &d) { return cli(d, {"sync"}).json().object(); }
    /// A new tablet, enrolled and given the campaign: it reads the whole history from zero.
    Device joiner(const QString &name);
    QJsonArray parkedOf(const QJsonObject &syncReply) {
        return syncReply.value(QStringLiteral("parked_changes")).toArray();
    }
    QStringList codesOf(const QJsonArray &parked) {
        QStringList out;
        for (const QJsonValue &p : parked)
            out.append(p.toObject().value(QStringLiteral("code")).toString());
        return out;
    }
    /// The findings' titles one device shows, sorted.
    QStringList titles(const Device &d) {
        const QJsonArray list = cli(d, {"finding", "list", "--visit", m_visit})
                                    .json()
                                    .object()
                                    .value(QStringLiteral("items"))
                                    .toArray();
        QStringList out;
        for (const QJsonValue &f : list)
            out.append(f.toObject().value(QStringLiteral("title")).toString());
        out.sort();
        return out;
    }
    /// Everything applied: nothing waits any more (a forgery under an id of its own stays
    /// listed as refused, the evidence of what the server did).
    void expectConverged(const Device &d) {
        const QJsonObject s = sync(d);
        for (const QJsonValue &p : parkedOf(s))
            QVERIFY(p.toObject().value(QStringLiteral("refused")).toBool());
        QCOMPARE(titles(d), m_expectedTitles);
        QCOMPARE(cli(d, {"check"}).exitCode, 0);
    }

    ServerProcess m_server;
    QTemporaryDir m_root;
    QString m_serverDir;
    Device m_office, m_author, m_reader;
    QString m_campaign, m_visit, m_authorHex;
    QStringList m_expectedTitles;
    int m_joiners = 0;
};

void HostileServerTest::initTestCase() {
    m_serverDir = m_root.filePath(QStringLiteral("server"));
    QVERIFY(m_server.start({QStringLiteral("--data"), m_serverDir}));
    const auto code = [&](const char *role) {
        return QString::fromLatin1(
            runServerCommand({"--data", m_serverDir, "admin", "enrol-code", "--role", role})
                .out.trimmed());
    };
    m_office = {QStringLiteral("office"), m_root.filePath(QStringLiteral("office"))};
    m_author = {QStringLiteral("author"), m_root.filePath(QStringLiteral("author"))};
    m_reader = {QStringLiteral("reader"), m_root.filePath(QStringLiteral("reader"))};
    for (const Device *d : {&m_office, &m_author, &m_reader}) {
        QCOMPARE(runCli({"--data", d->dir, "init", "--kdf", "minimum"}, Pass).exitCode, 0);
        const CliResult e = cli(*d, {"enrol", "--server", m_server.url().toString(), "--code",
                                     code(d == &m_office ? "office" : "inspector")});
        QVERIFY2(e.exitCode == 0, e.err.constData());
    }
    m_authorHex =
        cli(m_author, {"status"}).json().object().value(QStringLiteral("device_id")).toString();
    QVERIFY(!m_authorHex.isEmpty());

    auto idOf = [](const CliResult &r) {
        return r.json().object().value(QStringLiteral("id")).toString();
    };
    m_campaign = idOf(cli(m_office, {"campaign", "create", "--name", "第五轮"}));
    const QString item =
        idOf(cli(m_office, {"checklist", "add", "--campaign", m_campaign, "--level", "grassroots",
                            "--code", "3.1", "--text", "三会一课", "--max", "100"}));
    const QString unit =
        idOf(cli(m_office, {"unit", "create", "--campaign", m_campaign, "--name", "市审计局"}));
    m_visit = idOf(cli(m_office, {"visit", "create", "--unit", unit, "--date", "2026-12-01"}));
    QVERIFY(!m_visit.isEmpty());
    QCOMPARE(cli(m_office, {"sync"}).exitCode, 0);
    QCOMPARE(cli(m_office, {"share", "--campaign", m_campaign}).exitCode, 0);
    QCOMPARE(cli(m_office, {"sync"}).exitCode, 0);
    QCOMPARE(cli(m_author, {"sync"}).exitCode, 0);

    // The author records findings, one short-lived process each, and edits one of them.
    for (int i = 1; i <= 6; ++i) {
        const QString title = QStringLiteral("问题 %1").arg(i);
        const CliResult f = cli(m_author, {"finding", "create", "--visit", m_visit, "--item", item,
                                           "--title", title, "--deduction", "1"});
        QVERIFY2(f.exitCode == 0, f.err.constData());
        if (i == 3) {
            const QString id = idOf(f);
            QCOMPARE(cli(m_author, {"finding", "set", id, "title", "问题 3 (初稿)"}).exitCode, 0);
            QCOMPARE(cli(m_author, {"finding", "set", id, "title", "问题 3"}).exitCode, 0);
        }
        m_expectedTitles.append(title);
    }
    m_expectedTitles.sort();
    QCOMPARE(cli(m_author, {"sync"}).exitCode, 0);
    const QJsonObject r = sync(m_reader);
    QCOMPARE(r.value(QStringLiteral("parked")).toInt(), 0);
    QCOMPARE(titles(m_reader), m_expectedTitles);
    QCOMPARE(sync(m_office).value(QStringLiteral("parked")).toInt(), 0);
}

Device HostileServerTest::joiner(const QString &name) {
    Device d{name, m_root.filePath(name + QString::number(++m_joiners))};
    runCli({"--data", d.dir, "init", "--kdf", "minimum"}, Pass);
    const QString code = QString::fromLatin1(
        runServerCommand({"--data", m_serverDir, "admin", "enrol-code", "--role", "inspector"})
            .out.trimmed());
    cli(d, {"enrol", "--server", m_server.url().toString(), "--code", code});
    cli(m_office, {"share", "--campaign", m_campaign});
    return d;
}

void HostileServerTest::honestRoundVerifies() {
    const CliResult v = cli(m_office, {"verify", "--campaign", m_campaign});
    QVERIFY2(v.exitCode == 0, v.out.constData());
    const QJsonObject report = v.json().object();
    QVERIFY(report.value(QStringLiteral("ok")).toBool());
    bool authorListed = false;
    for (const QJsonValue &d : report.value(QStringLiteral("devices")).toArray()) {
        const QJsonObject o = d.toObject();
        QCOMPARE(o.value(QStringLiteral("verified")).toInt(),
                 o.value(QStringLiteral("change_sets")).toInt());
        if (o.value(QStringLiteral("device")).toString() == m_authorHex) {
            authorListed = true;
            QCOMPARE(o.value(QStringLiteral("head_index")).toInt(), 8); // 6 creates + 2 edits
        }
    }
    QVERIFY(authorListed);
}

void HostileServerTest::alteredCiphertextIsRefused() {
    OperatorSql sql(m_serverDir + QStringLiteral("/server.db"));
    const qint64 seq = sql.seqsOf(m_authorHex).at(1);
    QVERIFY(sql.save(seq));
    const QByteArray fields =
        sql.row(QStringLiteral("SELECT fields FROM changes WHERE seq = ?"), {seq})
            .value(0)
            .toByteArray();
    QVERIFY(sql.exec(QStringLiteral("UPDATE changes SET fields = ? WHERE seq = ?"),
                     {flipValueByte(fields), seq}));

    const Device d = joiner(QStringLiteral("altered"));
    const QJsonArray parked = parkedOf(sync(d));
    QVERIFY(!parked.isEmpty());
    QCOMPARE(parked.first().toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("bad_signature"));
    QVERIFY(parked.first().toObject().value(QStringLiteral("refused")).toBool());
    // The author's later change sets wait for the place the forgery held; none is applied.
    QVERIFY(titles(d).size() < m_expectedTitles.size());

    // The verifier on the office names the change set; the reader lost nothing.
    const CliResult v = cli(m_office, {"verify", "--campaign", m_campaign});
    QCOMPARE(v.exitCode, 7);
    const QJsonObject finding =
        v.json().object().value(QStringLiteral("findings")).toArray().first().toObject();
    QCOMPARE(finding.value(QStringLiteral("code")).toString(), QStringLiteral("bad_signature"));
    QCOMPARE(sync(m_reader).value(QStringLiteral("parked")).toInt(), 0);
    QCOMPARE(titles(m_reader), m_expectedTitles);

    QVERIFY(sql.restore(seq));
    expectConverged(d);
    QCOMPARE(cli(m_office, {"verify", "--campaign", m_campaign}).exitCode, 0);
}

void HostileServerTest::reattributedChangeIsRefused() {
    OperatorSql sql(m_serverDir + QStringLiteral("/server.db"));
    const QString readerHex =
        cli(m_reader, {"status"}).json().object().value(QStringLiteral("device_id")).toString();
    const qint64 seq = sql.seqsOf(m_authorHex).at(2);
    QVERIFY(sql.save(seq));
    const QByteArray id =
        sql.row(QStringLiteral("SELECT change_id FROM changes WHERE seq = ?"), {seq})
            .value(0)
            .toByteArray();
    const QByteArray moved = QByteArray::fromHex(readerHex.toLatin1()) + id.mid(16);
    QVERIFY(sql.exec(QStringLiteral("UPDATE changes SET change_id = ?, device = ? WHERE seq = ?"),
                     {moved, readerHex, seq}));

    const Device d = joiner(QStringLiteral("reattributed"));
    const QJsonArray parked = parkedOf(sync(d));
    QVERIFY(codesOf(parked).contains(QStringLiteral("bad_signature")));
    bool named = false;
    for (const QJsonValue &p : parked)
        named |= p.toObject().value(QStringLiteral("change_id")).toString() ==
                 QString::fromLatin1(moved.toHex());
    QVERIFY(named);
    QCOMPARE(cli(m_office, {"verify", "--campaign", m_campaign}).exitCode, 7);

    QVERIFY(sql.restore(seq));
    expectConverged(d);
}

void HostileServerTest::replayedOldValueWithForgedPrevIsRefused() {
    // The third finding's title went "问题 3" -> "(初稿)" -> "问题 3". The server serves the
    // draft's ciphertext again as the last edit, naming the last edit's predecessor as replaced:
    // without signatures the field would silently revert.
    OperatorSql sql(m_serverDir + QStringLiteral("/server.db"));
    const QList<qint64> seqs = sql.seqsOf(m_authorHex);
    const qint64 draft = seqs.at(3);
    const qint64 last = seqs.at(4);
    QVERIFY(sql.save(last));
    const QByteArray draftFields =
        sql.row(QStringLiteral("SELECT fields FROM changes WHERE seq = ?"), {draft})
            .value(0)
            .toByteArray();
    const QByteArray lastFields =
        sql.row(QStringLiteral("SELECT fields FROM changes WHERE seq = ?"), {last})
            .value(0)
            .toByteArray();
    QCborArray forged = QCborValue::fromCbor(draftFields).toArray();
    QCborArray field = forged.at(0).toArray();
    field[2] = QCborValue::fromCbor(lastFields).toArray().at(0).toArray().at(2);
    forged[0] = field;
    QVERIFY(sql.exec(QStringLiteral("UPDATE changes SET fields = ? WHERE seq = ?"),
                     {QCborValue(forged).toCbor(), last}));

    const Device d = joiner(QStringLiteral("replayed"));
    QVERIFY(codesOf(parkedOf(sync(d))).contains(QStringLiteral("bad_signature")));
    // The reader, which had the last edit, keeps it: nothing reverted.
    QCOMPARE(sync(m_reader).value(QStringLiteral("parked")).toInt(), 0);
    QCOMPARE(titles(m_reader), m_expectedTitles);
    QCOMPARE(cli(m_office, {"verify", "--campaign", m_campaign}).exitCode, 7);

    QVERIFY(sql.restore(last));
    expectConverged(d);
}

void HostileServerTest::reorderedChangesStillConverge() {
    OperatorSql sql(m_serverDir + QStringLiteral("/server.db"));
    const QList<qint64> seqs = sql.seqsOf(m_authorHex);
    const qint64 a = seqs.at(0), b = seqs.at(5);
    QVERIFY(sql.exec(QStringLiteral("UPDATE changes SET seq = -1 WHERE seq = ?"), {a}));
    QVERIFY(sql.exec(QStringLiteral("UPDATE changes SET seq = ? WHERE seq = ?"), {a, b}));
    QVERIFY(sql.exec(QStringLiteral("UPDATE changes SET seq = ? WHERE seq = -1"), {b}));

    // Out of order is not forged: held back until its turn, then applied, in one sync.
    const Device d = joiner(QStringLiteral("reordered"));
    expectConverged(d);
    QCOMPARE(cli(m_office, {"verify", "--campaign", m_campaign}).exitCode, 0);

    QVERIFY(sql.exec(QStringLiteral("UPDATE changes SET seq = -1 WHERE seq = ?"), {a}));
    QVERIFY(sql.exec(QStringLiteral("UPDATE changes SET seq = ? WHERE seq = ?"), {a, b}));
    QVERIFY(sql.exec(QStringLiteral("UPDATE changes SET seq = ? WHERE seq = -1"), {b}));
}

void HostileServerTest::withheldChangeIsReportedAndFilledLater() {
    OperatorSql sql(m_serverDir + QStringLiteral("/server.db"));
    const qint64 seq = sql.seqsOf(m_authorHex).at(2);
    QVERIFY(sql.save(seq));
    QVERIFY(sql.exec(QStringLiteral("DELETE FROM changes WHERE seq = ?"), {seq}));

    const Device d = joiner(QStringLiteral("withheld"));
    const QJsonArray parked = parkedOf(sync(d));
    QVERIFY(!parked.isEmpty());
    for (const QJsonValue &p : parked) {
        QCOMPARE(p.toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("chain_gap"));
        QVERIFY(!p.toObject().value(QStringLiteral("refused")).toBool());
    }
    const CliResult v = cli(m_office, {"verify", "--campaign", m_campaign});
    QCOMPARE(v.exitCode, 7);
    QStringList codes;
    for (const QJsonValue &f : v.json().object().value(QStringLiteral("findings")).toArray())
        codes.append(f.toObject().value(QStringLiteral("code")).toString());
    QVERIFY(codes.contains(QStringLiteral("chain_gap")));
    QVERIFY(codes.contains(QStringLiteral("missing_on_server")));

    // Put back behind the device's cursor: the next sync reads the campaign again and fills it.
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO changes SELECT * FROM saved")));
    expectConverged(d);
}

void HostileServerTest::swappedSigningKeyIsRefused() {
    // The server hands a new device the reader's key as the author's: what the author signed
    // no longer verifies there, so nothing is accepted under the wrong name. (A forgery signed
    // with the swapped-in key is what office-certified keys stop: issue 8, item 1.)
    OperatorSql sql(m_serverDir + QStringLiteral("/server.db"));
    const QString readerHex =
        cli(m_reader, {"status"}).json().object().value(QStringLiteral("device_id")).toString();
    const QByteArray authorKey =
        sql.row(QStringLiteral("SELECT sign_pk FROM devices WHERE id = ?"), {m_authorHex})
            .value(0)
            .toByteArray();
    const QByteArray readerKey =
        sql.row(QStringLiteral("SELECT sign_pk FROM devices WHERE id = ?"), {readerHex})
            .value(0)
            .toByteArray();
    QVERIFY(sql.exec(QStringLiteral("UPDATE devices SET sign_pk = ? WHERE id = ?"),
                     {readerKey, m_authorHex}));
    const Device d = joiner(QStringLiteral("swapped"));
    QVERIFY(codesOf(parkedOf(sync(d))).contains(QStringLiteral("bad_signature")));
    QVERIFY(titles(d).isEmpty());
    QVERIFY(sql.exec(QStringLiteral("UPDATE devices SET sign_pk = ? WHERE id = ?"),
                     {authorKey, m_authorHex}));
    // The reader pinned the author's key long ago: still converged, nothing lost.
    expectConverged(m_reader);
}

QTEST_GUILESS_MAIN(HostileServerTest)
#include "tst_hostileserver.moc"
