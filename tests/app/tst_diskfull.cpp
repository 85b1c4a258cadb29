// A nearly full disk while the inspector works: the app's data folder on a real 4 MiB tmpfs
// (mounted by the test, which needs root; otherwise it skips and says so). Saving a finding or
// adding a photo when the disk is full says so plainly, keeps what was typed in the editor,
// loses nothing saved before, and saves the typed text by itself once space is freed.

#include "apptestsupport.h"
#include "findingeditor.h"
#include "media/photolibrary.h"
#include "photolistmodel.h"

#include <QDirIterator>
#include <QFile>

#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

using namespace fl;
using namespace fl::app;

namespace {

// A tmpfs of `size` mounted on `dir`, unmounted when this goes.
class SmallDisk {
public:
    SmallDisk(const QString &dir, const char *size)
        : m_dir(dir.toLocal8Bit()) {
        const QByteArray options = QByteArray("size=") + size;
        m_mounted = ::mount("tmpfs", m_dir.constData(), "tmpfs", 0, options.constData()) == 0;
        if (!m_mounted)
            m_error = QString::fromLocal8Bit(std::strerror(errno));
    }
    ~SmallDisk() {
        if (m_mounted)
            ::umount2(m_dir.constData(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk &) = delete;
    SmallDisk &operator=(const SmallDisk &) = delete;
    [[nodiscard]] bool isMounted() const { return m_mounted; }
    [[nodiscard]] QString error() const { return m_error; }

private:
    QByteArray m_dir;
    bool m_mounted = false;
    QString m_error;
};

// Fills the file system of `path` to the last byte: big writes, then ever smaller ones.
bool fill(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    for (qint64 chunk = 64 * 1024; chunk >= 1; chunk /= 2) {
        const QByteArray block(chunk, 'x');
        while (f.write(block) == chunk && f.flush()) {
        }
        f.unsetError();
    }
    return true;
}

const QString PhotoFile = QStringLiteral(FL_TEST_DATA "/photo_gps.jpg");

} // namespace

class TstDiskFull : public QObject {
    Q_OBJECT

    QTemporaryDir m_base;
    std::unique_ptr<SmallDisk> m_disk;
    std::unique_ptr<AppServices> m_services;
    test::Round m_round;

    [[nodiscard]] QString dataDir() const { return m_base.filePath(QStringLiteral("disk/data")); }
    [[nodiscard]] QString fillerPath() const {
        return m_base.filePath(QStringLiteral("disk/filler"));
    }

private Q_SLOTS:
    void initTestCase() {
        if (::geteuid() != 0)
            QSKIP("Needs root to mount a small tmpfs for the full-disk case (CI runs as root).");
        QVERIFY(m_base.isValid());
        QVERIFY(QDir(m_base.path()).mkpath(QStringLiteral("disk")));
        m_disk = std::make_unique<SmallDisk>(m_base.filePath(QStringLiteral("disk")), "4m");
        if (!m_disk->isMounted())
            QSKIP(qPrintable(QStringLiteral("Could not mount a small tmpfs (%1); the full-disk "
                                            "case needs CAP_SYS_ADMIN.")
                                 .arg(m_disk->error())));
        QVERIFY(QDir().mkpath(dataDir()));
        m_services = std::make_unique<AppServices>(dataDir());
        m_services->setKdfParams(KdfParams::minimum());
        FL_VERIFY_OK(
            m_services->vault().create(test::AppPassphrase.toUtf8(), KdfParams::minimum()));
        QVERIFY(m_services->store().isOpen());
        auto round = test::makeRound(m_services->inspection());
        FL_VERIFY_OK(round);
        m_round = *round;
    }

    void cleanupTestCase() {
        m_services.reset(); // closes the database before the disk goes
        m_disk.reset();
    }

    void fullDiskKeepsTypedTextAndSavesItOnceSpaceIsBack() {
        FindingEditor editor;
        editor.setServices(m_services.get());
        editor.setVisitId(m_round.visit.id);
        editor.setChecklistItemId(m_round.items[3].id);
        editor.setTitle(QStringLiteral("党费收缴台账不全"));
        QVERIFY(editor.isSaved());
        const QString id = editor.findingId();
        editor.setDescription(QStringLiteral("已保存的说明"));
        QVERIFY(editor.isSaved());

        PhotoListModel photos;
        photos.setServices(m_services.get());
        photos.setRecordId(id);
        QVERIFY2(!photos.importFile(QUrl::fromLocalFile(PhotoFile)).isEmpty(),
                 qPrintable(photos.errorString()));
        QCOMPARE(photos.rowCount(), 1);

        QVERIFY(fill(fillerPath()));

        // Typing goes on: a long description does not fit.
        QString typed;
        for (int i = 0; i < 4000; ++i)
            typed += QStringLiteral("第%1条：会议记录缺页，未按规定签字。").arg(i);
        editor.setDescription(typed);
        QVERIFY(!editor.isSaved());
        QVERIFY2(editor.validationMessage().contains(QStringLiteral("device is full")),
                 qPrintable(editor.validationMessage()));
        QVERIFY(editor.validationMessage().contains(QStringLiteral("Nothing typed was lost")));
        QCOMPARE(editor.description(), typed); // still in the editor
        // What was saved before is intact.
        QCOMPARE(test::storedFinding(m_services->inspection(), id).description,
                 QStringLiteral("已保存的说明"));
        QCOMPARE(test::storedFinding(m_services->inspection(), id).title,
                 QStringLiteral("党费收缴台账不全"));

        // A photo does not fit either: a plain message, the strip unchanged.
        QVERIFY(photos.importFile(QUrl::fromLocalFile(PhotoFile)).isEmpty());
        QVERIFY2(photos.errorString().contains(QStringLiteral("device is full")),
                 qPrintable(photos.errorString()));
        QCOMPARE(photos.rowCount(), 1);
        auto stored = m_services->photos().photos(id);
        FL_VERIFY_OK(stored);
        QCOMPARE(int(stored->size()), 1);
        FL_VERIFY_OK(m_services->photos().image(stored->first().id));

        // Space comes back: the editor saves the typed text by itself.
        QVERIFY(QFile::remove(fillerPath()));
        QTRY_VERIFY_WITH_TIMEOUT(editor.isSaved(), 15'000);
        QVERIFY(editor.validationMessage().isEmpty());
        QCOMPARE(test::storedFinding(m_services->inspection(), id).description, typed);

        // And photos can be added again.
        QVERIFY2(!photos.importFile(QUrl::fromLocalFile(PhotoFile)).isEmpty(),
                 qPrintable(photos.errorString()));
        QVERIFY(photos.errorString().isEmpty());
        QCOMPARE(photos.rowCount(), 2);
    }

    void newFindingTypedOnAFullDiskIsCreatedOnceSpaceIsBack() {
        QVERIFY(fill(fillerPath()));
        FindingEditor editor;
        editor.setServices(m_services.get());
        editor.setVisitId(m_round.visit.id);
        editor.setChecklistItemId(m_round.items[0].id);
        QString title = QStringLiteral("理论学习中心组学习记录缺失");
        QString description;
        for (int i = 0; i < 3000; ++i)
            description += QStringLiteral("记录第%1页缺失。").arg(i);
        editor.setDescription(description);
        editor.setTitle(title);
        QVERIFY(editor.isNew());
        QVERIFY2(editor.validationMessage().contains(QStringLiteral("device is full")),
                 qPrintable(editor.validationMessage()));
        QCOMPARE(editor.title(), title);

        QVERIFY(QFile::remove(fillerPath()));
        QTRY_VERIFY_WITH_TIMEOUT(!editor.isNew(), 15'000);
        QVERIFY(editor.isSaved());
        const Finding stored = test::storedFinding(m_services->inspection(), editor.findingId());
        QCOMPARE(stored.title, title);
        QCOMPARE(stored.description, description);
        // The store is whole: SQLite's integrity check and the journal agree.
        auto report = m_services->store().check();
        FL_VERIFY_OK(report);
        QVERIFY2(report->ok(), qPrintable(report->integrity));
    }
};

QTEST_GUILESS_MAIN(TstDiskFull)
#include "tst_diskfull.moc"
