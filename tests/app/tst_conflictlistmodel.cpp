#include "apptestsupport.h"
#include "conflictlistmodel.h"
#include "labels.h"
#include "vault/vault.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace fl;
using namespace fl::app;

/// A second device: its own vault and store, holding the app's round through the change sets
/// the app recorded (what a sync would carry).
class OtherDevice {
public:
    [[nodiscard]] bool start(Store &app, const QString &campaignId) {
        m_vault = std::make_unique<Vault>(m_dir.filePath(QStringLiteral("vault.json")));
        if (!m_vault->create("other device passphrase", KdfParams::minimum()))
            return false;
        m_store = std::make_unique<Store>(*m_vault);
        if (!m_store->open(m_dir.filePath(QStringLiteral("fieldledger.db"))))
            return false;
        auto key = app.campaignKey(campaignId);
        return key && m_store->addCampaignKey(campaignId, **key) && receive(app);
    }
    /// Applies every change set `from` has not had confirmed (its whole outbox).
    bool receive(Store &from) { return send(from, *m_store); }
    bool sendTo(Store &to) { return send(*m_store, to); }
    [[nodiscard]] Store &store() { return *m_store; }

private:
    /// What a sync would carry: the sender's outbox, sealed, checked with its pinned key.
    static bool send(Store &from, Store &to) {
        auto out = from.pending(100000);
        auto key = from.signerKey(from.deviceId());
        return out && key && from.sealForPush(*out) && to.pinSigner(from.deviceId(), *key) &&
               to.applyRemote(*out).ok();
    }
    QTemporaryDir m_dir;
    std::unique_ptr<Vault> m_vault;
    std::unique_ptr<Store> m_store;
};

class TstConflictListModel : public QObject {
    Q_OBJECT

    static QVariant value(const ConflictListModel &m, int row, ConflictListModel::Role role) {
        return m.data(m.index(row), role);
    }

private Q_SLOTS:
    void showsBothValuesAndSettlesTheChoice() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        auto round = test::makeRound(fx.inspection());
        FL_VERIFY_OK(round);
        auto finding = test::addFinding(fx.inspection(), round->visit, round->items[0],
                                        QStringLiteral("会议记录不全"), 2);
        FL_VERIFY_OK(finding);
        OtherDevice other;
        QVERIFY(other.start(fx.store(), round->campaign.id));

        ConflictListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(&fx.services());
        QCOMPARE(model.rowCount(), 0);

        // Both change the title and the deduction before they exchange anything.
        const QString id = finding->id;
        FL_VERIFY_OK(
            other.store().update(id, {{QStringLiteral("title"), QStringLiteral("对方的标题")},
                                      {QStringLiteral("deduction"), 3.5}}));
        FL_VERIFY_OK(fx.inspection().updateFinding(
            id, QCborMap{{QStringLiteral("title"), QStringLiteral("本机的标题")}}));
        FL_VERIFY_OK(
            fx.inspection().updateFinding(id, QCborMap{{QStringLiteral("deduction"), 1.5}}));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(other.sendTo(fx.store())); // the store announces it; the model follows
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(reset.count(), 0);
        QVERIFY(!inserted.isEmpty());

        int titleRow = -1;
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(value(model, row, ConflictListModel::RecordIdRole).toString(), id);
            QCOMPARE(value(model, row, ConflictListModel::RecordTypeRole).toString(),
                     QStringLiteral("finding"));
            QVERIFY(!value(model, row, ConflictListModel::RecordTypeNameRole).toString().isEmpty());
            QVERIFY(!value(model, row, ConflictListModel::FieldNameRole).toString().isEmpty());
            QVERIFY(!value(model, row, ConflictListModel::CurrentOriginRole).toString().isEmpty());
            QVERIFY(!value(model, row, ConflictListModel::OtherOriginRole).toString().isEmpty());
            // One side was written here, the other elsewhere.
            QVERIFY(value(model, row, ConflictListModel::CurrentIsLocalRole).toBool() !=
                    value(model, row, ConflictListModel::OtherIsLocalRole).toBool());
            if (value(model, row, ConflictListModel::FieldRole).toString() ==
                QLatin1String("title"))
                titleRow = row;
        }
        QVERIFY(titleRow >= 0);
        const QStringList titles{
            value(model, titleRow, ConflictListModel::CurrentTextRole).toString(),
            value(model, titleRow, ConflictListModel::OtherTextRole).toString()};
        QVERIFY(titles.contains(QStringLiteral("本机的标题")));
        QVERIFY(titles.contains(QStringLiteral("对方的标题")));
        QCOMPARE(value(model, titleRow, ConflictListModel::RecordTitleRole).toString(),
                 titles.first()); // the record as it reads now
        const int deductionRow = 1 - titleRow;
        const QStringList deductions{
            value(model, deductionRow, ConflictListModel::CurrentTextRole).toString(),
            value(model, deductionRow, ConflictListModel::OtherTextRole).toString()};
        QVERIFY(deductions.contains(QLocale().toString(1.5)));
        QVERIFY(deductions.contains(QLocale().toString(3.5)));

        // Taking the other title settles that field only, with one row removed.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const QString chosen = titles.last();
        QVERIFY(model.resolve(titleRow, true));
        QVERIFY(model.errorString().isEmpty());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(test::storedFinding(fx.inspection(), id).title, chosen);
        QCOMPARE(value(model, 0, ConflictListModel::FieldRole).toString(),
                 QStringLiteral("deduction"));

        // Keeping the value in force is a choice too; the list empties.
        const double inForce = test::storedFinding(fx.inspection(), id).deduction;
        QVERIFY(model.resolve(0, false));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(test::storedFinding(fx.inspection(), id).deduction, inForce);
        QCOMPARE(reset.count(), 0);

        // A row that is not there is refused without harm.
        QVERIFY(!model.resolve(0, true));
    }

    void showsValuesInTheWordsOfTheUi() {
        QCOMPARE(FieldText::value(QStringLiteral("severity"), QStringLiteral("serious")),
                 Labels::severity(Severity::Serious));
        QCOMPARE(FieldText::value(QStringLiteral("status"), QStringLiteral("closed")),
                 Labels::status(FindingStatus::Closed));
        QCOMPARE(FieldText::value(QStringLiteral("due_date"), QStringLiteral("2026-12-20")),
                 Labels::date(QDate(2026, 12, 20)));
        QCOMPARE(FieldText::value(QStringLiteral("deduction"), 2.5), Labels::points(2.5));
        QVERIFY(!FieldText::value(QStringLiteral("title"), QCborValue()).isEmpty());
        QCOMPARE(FieldText::fieldName(QStringLiteral("no_such_field")),
                 QStringLiteral("no_such_field"));
        QVERIFY(FieldText::fieldName(QStringLiteral("title")) != QLatin1String("title"));
    }

    void emptyWhileLocked() {
        test::AppFixture fx;
        QVERIFY(fx.start());
        ConflictListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        fx.services().lock();
        model.setServices(&fx.services());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(fx.unlock());
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TstConflictListModel)
#include "tst_conflictlistmodel.moc"
