// Blob uploads on tus 1.0 (creation, offsets, checksums, termination) and ranged downloads.
#include "servertestsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace fltest;

namespace {

QByteArray randomBytes(qsizetype n) {
    QByteArray b(n, Qt::Uninitialized);
    randombytes_buf(b.data(), size_t(n));
    return b;
}

QByteArray contentIdOf(const QByteArray &data) {
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char *>(data.data()),
                       quint64(data.size()), nullptr, 0);
    return QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex();
}

const QByteArray Tus = "1.0.0";
const QByteArray Chunk = "application/offset+octet-stream";

} // namespace

class ServerBlobTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void optionsAdvertiseTusExtensions();
    void uploadInTwoChunksCompletesAndDownloadsWithRange();
    void wrongOffsetIsConflict();
    void wrongChecksumIsRefusedAndChunkIsNotKept();
    void wrongContentIdAtCompletionIsRejected();
    void terminationDeletesUpload();
    void knownBlobIsCompleteAtCreation();
    void largeBlobStreamsWithRange();
    void tusVersionAndContentTypeAreRequired();
    void uploadToForeignCampaignIsRefused();
    void blobOfAnotherCampaignIsAdoptedOnlyWithItsBytes();
    void blobTheDeviceUploadedIsAdoptedWithoutItsBytes();
    void notYoursAndAbsentAnswerAlike();
    void headAnswersWhatGetWould();
    void logShowsNoContentIdAtInfoLevel();

private:
    HttpReply create(const TestDevice &d, const QByteArray &contentId, qint64 length,
                     const QString &campaign = {}) {
        const QByteArray metadata =
            "content_id " + contentId.toBase64() + ",campaign " +
            (campaign.isEmpty() ? m_f->campaign : campaign).toUtf8().toBase64();
        return m_f->http->send(d, "POST", "/v1/blobs", {}, {},
                               {{"Tus-Resumable", Tus},
                                {"Upload-Length", QByteArray::number(length)},
                                {"Upload-Metadata", metadata}});
    }
    HttpReply patch(const TestDevice &d, const QByteArray &location, qint64 offset,
                    const QByteArray &chunk, const QByteArray &checksum = {}) {
        Headers h{{"Tus-Resumable", Tus}, {"Upload-Offset", QByteArray::number(offset)}};
        if (!checksum.isEmpty())
            h.append({"Upload-Checksum", checksum});
        return m_f->http->send(d, "PATCH", location, chunk, Chunk, h);
    }
    HttpReply head(const TestDevice &d, const QByteArray &location) {
        return m_f->http->send(d, "HEAD", location, {}, {}, {{"Tus-Resumable", Tus}});
    }
    HttpReply get(const TestDevice &d, const QByteArray &contentId, const QByteArray &range = {},
                  const QByteArray &method = "GET") {
        Headers h;
        if (!range.isEmpty())
            h.append({"Range", range});
        return m_f->http->send(d, method, "/v1/blobs/" + contentId, {}, {}, h);
    }
    /// A campaign of the office and `member` only.
    QString campaignOf(const TestDevice &member) {
        const QString campaign = newUuid();
        return m_f->http->grant(m_f->office, campaign, {&member}).status == 200 ? campaign
                                                                                : QString();
    }
    /// Uploads `data` in one chunk; returns the upload's location.
    QByteArray upload(const QByteArray &data) {
        const HttpReply c = create(m_f->alice, contentIdOf(data), data.size());
        if (c.status != 201)
            return {};
        const QByteArray location = c.header("Location");
        return patch(m_f->alice, location, 0, data).status == 204 ? location : QByteArray();
    }
    [[nodiscard]] QStringList partialFiles() const {
        return QDir(m_dir->filePath(QStringLiteral("blobs/uploads"))).entryList(QDir::Files);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Fixture> m_f;
};

void ServerBlobTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_f = std::make_unique<Fixture>();
    QVERIFY(m_f->setUp({QStringLiteral("--data"), m_dir->path()}));
}

void ServerBlobTest::cleanup() {
    m_f.reset();
    m_dir.reset();
}

void ServerBlobTest::optionsAdvertiseTusExtensions() {
    const HttpReply r = m_f->http->raw("OPTIONS", "/v1/blobs");
    QCOMPARE(r.status, 204);
    QCOMPARE(r.header("Tus-Resumable"), Tus);
    QCOMPARE(r.header("Tus-Version"), Tus);
    QCOMPARE(r.header("Tus-Extension"), QByteArray("creation,termination,checksum"));
    QCOMPARE(r.header("Tus-Checksum-Algorithm"), QByteArray("sha1,sha256"));
    QVERIFY(r.header("Tus-Max-Size").toLongLong() >= 1024 * 1024 * 1024);
}

void ServerBlobTest::uploadInTwoChunksCompletesAndDownloadsWithRange() {
    const QByteArray data = randomBytes(100000);
    const QByteArray id = contentIdOf(data);
    const HttpReply created = create(m_f->alice, id, data.size());
    QCOMPARE(created.status, 201);
    QCOMPARE(created.header("Tus-Resumable"), Tus);
    const QByteArray location = created.header("Location");
    QVERIFY(location.startsWith("/v1/blobs/uploads/"));

    HttpReply h = head(m_f->alice, location);
    QCOMPARE(h.status, 200);
    QCOMPARE(h.header("Upload-Offset"), QByteArray("0"));
    QCOMPARE(h.header("Upload-Length"), QByteArray::number(data.size()));
    QCOMPARE(h.header("Cache-Control"), QByteArray("no-store"));
    QCOMPARE(get(m_f->alice, id).status, 404); // not there until complete

    const QByteArray first = data.left(60000);
    const HttpReply p1 =
        patch(m_f->alice, location, 0, first,
              "sha256 " + QCryptographicHash::hash(first, QCryptographicHash::Sha256).toBase64());
    QCOMPARE(p1.status, 204);
    QCOMPARE(p1.header("Upload-Offset"), QByteArray("60000"));
    QCOMPARE(head(m_f->alice, location).header("Upload-Offset"), QByteArray("60000"));

    const QByteArray second = data.mid(60000);
    const HttpReply p2 =
        patch(m_f->alice, location, 60000, second,
              "sha1 " + QCryptographicHash::hash(second, QCryptographicHash::Sha1).toBase64());
    QCOMPARE(p2.status, 204);
    QCOMPARE(p2.header("Upload-Offset"), QByteArray::number(data.size()));
    QCOMPARE(head(m_f->alice, location).header("Upload-Offset"), QByteArray::number(data.size()));
    QVERIFY(partialFiles().isEmpty());

    const HttpReply whole = get(m_f->office, id);
    QCOMPARE(whole.status, 200);
    QCOMPARE(whole.body, data);
    QCOMPARE(whole.header("Accept-Ranges"), QByteArray("bytes"));

    const HttpReply part = get(m_f->alice, id, "bytes=10-19");
    QCOMPARE(part.status, 206);
    QCOMPARE(part.body, data.mid(10, 10));
    QCOMPARE(part.header("Content-Range"), "bytes 10-19/" + QByteArray::number(data.size()));
    const HttpReply tail = get(m_f->alice, id, "bytes=-5");
    QCOMPARE(tail.status, 206);
    QCOMPARE(tail.body, data.right(5));
    const HttpReply open = get(m_f->alice, id, "bytes=99990-");
    QCOMPARE(open.body, data.mid(99990));
    QCOMPARE(get(m_f->alice, id, "bytes=100000-").status, 416);

    QCOMPARE(get(m_f->bob, id).status, 404); // another campaign's (notYoursAndAbsentAnswerAlike)
    QCOMPARE(get(m_f->alice, contentIdOf("nothing")).status, 404);

    const QJsonObject stats =
        m_f->admin({QStringLiteral("stats"), QStringLiteral("--json")}).json();
    QCOMPARE(stats.value(QStringLiteral("blobs")).toInt(), 1);
    QCOMPARE(stats.value(QStringLiteral("blob_bytes")).toInt(), data.size());
}

void ServerBlobTest::wrongOffsetIsConflict() {
    const QByteArray data = randomBytes(1000);
    const QByteArray location =
        create(m_f->alice, contentIdOf(data), data.size()).header("Location");
    QCOMPARE(patch(m_f->alice, location, 0, data.left(400)).status, 204);
    const HttpReply behind = patch(m_f->alice, location, 0, data.left(400));
    QCOMPARE(behind.status, 409);
    QCOMPARE(behind.error(), QStringLiteral("conflict"));
    QCOMPARE(patch(m_f->alice, location, 500, data.mid(500)).status, 409);
    // Resume from HEAD's offset.
    const qint64 offset = head(m_f->alice, location).header("Upload-Offset").toLongLong();
    QCOMPARE(offset, 400);
    QCOMPARE(patch(m_f->alice, location, offset, data.mid(offset)).status, 204);
    QCOMPARE(get(m_f->alice, contentIdOf(data)).body, data);
}

void ServerBlobTest::wrongChecksumIsRefusedAndChunkIsNotKept() {
    const QByteArray data = randomBytes(2000);
    const QByteArray location =
        create(m_f->alice, contentIdOf(data), data.size()).header("Location");
    const QByteArray wrong =
        "sha256 " + QCryptographicHash::hash("other", QCryptographicHash::Sha256).toBase64();
    const HttpReply r = patch(m_f->alice, location, 0, data.left(1000), wrong);
    QCOMPARE(r.status, 460);
    QCOMPARE(r.error(), QStringLiteral("checksum_mismatch"));
    QCOMPARE(head(m_f->alice, location).header("Upload-Offset"), QByteArray("0"));
    QCOMPARE(patch(m_f->alice, location, 0, data.left(1000), "md5 AAAA").status, 400);
    QCOMPARE(patch(m_f->alice, location, 0, data).status, 204);
    QCOMPARE(get(m_f->alice, contentIdOf(data)).body, data);
}

void ServerBlobTest::wrongContentIdAtCompletionIsRejected() {
    const QByteArray data = randomBytes(3000);
    const QByteArray claimed = contentIdOf("something else");
    const QByteArray location = create(m_f->alice, claimed, data.size()).header("Location");
    QCOMPARE(patch(m_f->alice, location, 0, data.left(1000)).status, 204);
    const HttpReply r = patch(m_f->alice, location, 1000, data.mid(1000));
    QCOMPARE(r.status, 460);
    QCOMPARE(r.error(), QStringLiteral("checksum_mismatch"));
    QCOMPARE(head(m_f->alice, location).status, 404);
    QCOMPARE(get(m_f->alice, claimed).status, 404);
    QVERIFY(partialFiles().isEmpty());
    QVERIFY(
        !QFile::exists(m_dir->filePath(QStringLiteral("blobs/")) + QString::fromLatin1(claimed)));
}

void ServerBlobTest::terminationDeletesUpload() {
    const QByteArray data = randomBytes(5000);
    const QByteArray location =
        create(m_f->alice, contentIdOf(data), data.size()).header("Location");
    QCOMPARE(patch(m_f->alice, location, 0, data.left(2500)).status, 204);
    QCOMPARE(partialFiles().size(), 1);
    // Only the device that created an upload sees it.
    QCOMPARE(
        m_f->http->send(m_f->office, "DELETE", location, {}, {}, {{"Tus-Resumable", Tus}}).status,
        404);
    const HttpReply del =
        m_f->http->send(m_f->alice, "DELETE", location, {}, {}, {{"Tus-Resumable", Tus}});
    QCOMPARE(del.status, 204);
    QCOMPARE(del.header("Tus-Resumable"), Tus);
    QCOMPARE(head(m_f->alice, location).status, 404);
    QCOMPARE(patch(m_f->alice, location, 2500, data.mid(2500)).status, 404);
    QVERIFY(partialFiles().isEmpty());
}

void ServerBlobTest::knownBlobIsCompleteAtCreation() {
    const QByteArray data = randomBytes(4096);
    QVERIFY(!upload(data).isEmpty());
    const HttpReply again = create(m_f->alice, contentIdOf(data), data.size());
    QCOMPARE(again.status, 201);
    QCOMPARE(again.header("Upload-Offset"), QByteArray("4096"));
    QCOMPARE(head(m_f->alice, again.header("Location")).header("Upload-Offset"),
             QByteArray("4096"));
}

void ServerBlobTest::largeBlobStreamsWithRange() {
    const QByteArray data = randomBytes(9 * 1024 * 1024 + 77);
    QVERIFY(!upload(data).isEmpty());
    const QByteArray id = contentIdOf(data);
    const HttpReply whole = get(m_f->alice, id);
    QCOMPARE(whole.status, 200);
    QCOMPARE(whole.body.size(), data.size());
    QVERIFY(whole.body == data);
    const HttpReply rest = get(m_f->alice, id, "bytes=100-");
    QCOMPARE(rest.status, 206);
    QVERIFY(rest.body == data.mid(100));
    QCOMPARE(rest.header("Content-Range"), "bytes 100-" + QByteArray::number(data.size() - 1) +
                                               '/' + QByteArray::number(data.size()));
}

void ServerBlobTest::tusVersionAndContentTypeAreRequired() {
    const QByteArray data = randomBytes(100);
    const HttpReply noVersion = m_f->http->send(
        m_f->alice, "POST", "/v1/blobs", {}, {},
        {{"Upload-Length", "100"},
         {"Upload-Metadata", "content_id " + contentIdOf(data).toBase64() + ",campaign " +
                                 m_f->campaign.toUtf8().toBase64()}});
    QCOMPARE(noVersion.status, 412);
    QCOMPARE(noVersion.header("Tus-Version"), Tus);

    const QByteArray location =
        create(m_f->alice, contentIdOf(data), data.size()).header("Location");
    const HttpReply wrongType =
        m_f->http->send(m_f->alice, "PATCH", location, data, "application/octet-stream",
                        {{"Tus-Resumable", Tus}, {"Upload-Offset", "0"}});
    QCOMPARE(wrongType.status, 415);
    QCOMPARE(patch(m_f->alice, location, 0, data + "x").status, 413);
    QCOMPARE(create(m_f->alice, "nothex", 10).status, 400);
    QCOMPARE(create(m_f->alice, contentIdOf(data), 2ll * 1024 * 1024 * 1024).status, 413);
}

void ServerBlobTest::uploadToForeignCampaignIsRefused() {
    const QByteArray data = randomBytes(100);
    const HttpReply r = create(m_f->bob, contentIdOf(data), data.size());
    QCOMPARE(r.status, 403);
    QCOMPARE(r.error(), QStringLiteral("not_member"));
}

void ServerBlobTest::blobOfAnotherCampaignIsAdoptedOnlyWithItsBytes() {
    // Bob learnt the content id of a blob of alice's campaign (it is plaintext metadata, seen
    // in records, logs or on the wire). Naming it for his own campaign does not register it.
    const QByteArray data = randomBytes(5000);
    QVERIFY(!upload(data).isEmpty());
    const QString bobs = campaignOf(m_f->bob);
    QVERIFY(!bobs.isEmpty());
    const HttpReply claim = create(m_f->bob, contentIdOf(data), data.size(), bobs);
    QCOMPARE(claim.status, 201);
    QCOMPARE(claim.header("Upload-Offset"), QByteArray("0"));
    const QByteArray location = claim.header("Location");
    QCOMPARE(head(m_f->bob, location).header("Upload-Offset"), QByteArray("0"));
    QCOMPARE(get(m_f->bob, contentIdOf(data)).status, 404);
    // Other bytes under that name are discarded at the end, as ever.
    QCOMPARE(patch(m_f->bob, location, 0, randomBytes(5000)).status, 460);
    QCOMPARE(get(m_f->bob, contentIdOf(data)).status, 404);

    // With the bytes themselves he shows he holds the blob: then it is his campaign's too.
    const QByteArray again =
        create(m_f->bob, contentIdOf(data), data.size(), bobs).header("Location");
    QCOMPARE(patch(m_f->bob, again, 0, data).status, 204);
    const HttpReply got = get(m_f->bob, contentIdOf(data));
    QCOMPARE(got.status, 200);
    QVERIFY(got.body == data);
}

void ServerBlobTest::blobTheDeviceUploadedIsAdoptedWithoutItsBytes() {
    // A blob the device sent itself, or that a campaign of it holds, needs no second upload.
    const QByteArray data = randomBytes(3000);
    QVERIFY(!upload(data).isEmpty());
    const QString second = campaignOf(m_f->alice);
    const HttpReply own = create(m_f->alice, contentIdOf(data), data.size(), second);
    QCOMPARE(own.status, 201);
    QCOMPARE(own.header("Upload-Offset"), QByteArray("3000"));
    // The office is a member of alice's campaign, so it may register the blob elsewhere too.
    const QString offices = campaignOf(m_f->bob);
    QCOMPARE(create(m_f->office, contentIdOf(data), data.size(), offices).header("Upload-Offset"),
             QByteArray("3000"));
    QCOMPARE(get(m_f->bob, contentIdOf(data)).status, 200);
}

void ServerBlobTest::notYoursAndAbsentAnswerAlike() {
    const QByteArray data = randomBytes(2000);
    const QByteArray location = upload(data);
    QVERIFY(!location.isEmpty());
    const QByteArray theirs = contentIdOf(data);
    const QByteArray absent = contentIdOf("never uploaded");
    for (const QByteArray method : {"GET", "HEAD"}) {
        for (const QByteArray &range : {QByteArray(), QByteArray("bytes=0-9")}) {
            const HttpReply a = get(m_f->bob, theirs, range, method);
            const HttpReply b = get(m_f->bob, absent, range, method);
            QCOMPARE(a.status, 404);
            QCOMPARE(b.status, a.status);
            QCOMPARE(b.body, a.body);
            QCOMPARE(b.header("Content-Length"), a.header("Content-Length"));
            QCOMPARE(b.header("Content-Type"), a.header("Content-Type"));
        }
    }
    QCOMPARE(get(m_f->bob, "not-a-content-id").body, get(m_f->bob, absent).body);
    // Another device's upload, and no upload at all.
    const QByteArray nowhere = "/v1/blobs/uploads/" + QByteArray(32, 'a');
    for (const QByteArray method : {"HEAD", "DELETE"}) {
        const HttpReply a =
            m_f->http->send(m_f->bob, method, location, {}, {}, {{"Tus-Resumable", Tus}});
        const HttpReply b =
            m_f->http->send(m_f->bob, method, nowhere, {}, {}, {{"Tus-Resumable", Tus}});
        QCOMPARE(a.status, 404);
        QCOMPARE(b.status, a.status);
        QCOMPARE(b.body, a.body);
    }
    const HttpReply a = patch(m_f->bob, location, 0, data);
    const HttpReply b = patch(m_f->bob, nowhere, 0, data);
    QCOMPARE(a.status, 404);
    QCOMPARE(b.status, a.status);
    QCOMPARE(b.body, a.body);
}

void ServerBlobTest::headAnswersWhatGetWould() {
    const QByteArray data = randomBytes(4321);
    QVERIFY(!upload(data).isEmpty());
    const HttpReply whole = get(m_f->alice, contentIdOf(data), {}, "HEAD");
    QCOMPARE(whole.status, 200);
    QCOMPARE(whole.header("Content-Length"), QByteArray("4321"));
    QVERIFY(whole.body.isEmpty());
    const HttpReply part = get(m_f->alice, contentIdOf(data), "bytes=10-19", "HEAD");
    QCOMPARE(part.status, 206);
    QCOMPARE(part.header("Content-Range"), QByteArray("bytes 10-19/4321"));
    // The connection goes on with the next request as usual.
    QCOMPARE(get(m_f->alice, contentIdOf(data), "bytes=0-1").body, data.left(2));
}

void ServerBlobTest::logShowsNoContentIdAtInfoLevel() {
    // A server whose log is kept, at info level (what an operator runs with).
    QTemporaryDir dir;
    Fixture f;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"),
               QStringLiteral("fl.*.debug=false;fl.*.info=true"));
    f.server.captureLog(env);
    QVERIFY(f.setUp({QStringLiteral("--data"), dir.path()}));
    const QByteArray data = randomBytes(7000);
    const QByteArray id = contentIdOf(data);
    const QByteArray metadata =
        "content_id " + id.toBase64() + ",campaign " + f.campaign.toUtf8().toBase64();
    const HttpReply c = f.http->send(f.alice, "POST", "/v1/blobs", {}, {},
                                     {{"Tus-Resumable", Tus},
                                      {"Upload-Length", QByteArray::number(data.size())},
                                      {"Upload-Metadata", metadata}});
    QCOMPARE(c.status, 201);
    QCOMPARE(f.http
                 ->send(f.alice, "PATCH", c.header("Location"), data, Chunk,
                        {{"Tus-Resumable", Tus}, {"Upload-Offset", "0"}})
                 .status,
             204);
    QCOMPARE(f.http->send(f.alice, "GET", "/v1/blobs/" + id).status, 200);
    QCOMPARE(f.http->send(f.bob, "GET", "/v1/blobs/" + id).status, 404);
    f.server.stop();
    const QByteArray log = f.server.stderrText();
    QVERIFY2(log.contains("a blob upload completed"), log.constData()); // the log was kept
    QVERIFY2(!log.contains(id), log.constData());
    QVERIFY(!log.contains(id.toBase64()));
    QVERIFY(!log.contains(QByteArray::fromHex(id).toBase64()));
}

QTEST_GUILESS_MAIN(ServerBlobTest)
#include "tst_server_blobs.moc"
