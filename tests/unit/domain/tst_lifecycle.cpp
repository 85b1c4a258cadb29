#include "domain/lifecycle.h"

#include <QtTest>

using namespace fl;
using fl::lifecycle::Action;

Q_DECLARE_METATYPE(fl::FindingStatus)
Q_DECLARE_METATYPE(fl::lifecycle::Action)

namespace {

const FindingStatus AllStatuses[] = {FindingStatus::Open, FindingStatus::Rectifying,
                                     FindingStatus::AwaitingVerification, FindingStatus::Closed};
const Action AllActions[] = {Action::StartRectification, Action::SubmitForVerification,
                             Action::VerifyPassed, Action::VerifyFailed};

// The four legal moves, written out independently of the implementation's table.
std::optional<FindingStatus> expectedTarget(FindingStatus from, Action action) {
    if (from == FindingStatus::Open && action == Action::StartRectification)
        return FindingStatus::Rectifying;
    if (from == FindingStatus::Rectifying && action == Action::SubmitForVerification)
        return FindingStatus::AwaitingVerification;
    if (from == FindingStatus::AwaitingVerification && action == Action::VerifyPassed)
        return FindingStatus::Closed;
    if (from == FindingStatus::AwaitingVerification && action == Action::VerifyFailed)
        return FindingStatus::Rectifying;
    return std::nullopt;
}

// QCOMPARE cannot take fl enums directly: argument-dependent lookup finds fl::toString (which
// returns QString) where QTest expects its own char* toString. Compare wire names instead.
QString name(FindingStatus s) {
    return toString(s);
}

QStringList names(const QList<Action> &actions) {
    QStringList list;
    for (Action a : actions)
        list.append(lifecycle::toString(a));
    return list;
}

// How the status reads in a message: the wire name with spaces.
QString spoken(FindingStatus s) {
    return toString(s).replace(QLatin1Char('_'), QLatin1Char(' '));
}

Transition step(FindingStatus from, FindingStatus to) {
    Transition t;
    t.id = QStringLiteral("t-1");
    t.findingId = QStringLiteral("f-1");
    t.from = from;
    t.to = to;
    t.actor = QStringLiteral("张三");
    t.at = QDateTime(QDate(2026, 3, 5), QTime(9, 0), Qt::UTC);
    t.note = QStringLiteral("照账验收：整改材料与台账一致。");
    return t;
}

} // namespace

class TestLifecycle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyStatusActionPair_data() {
        QTest::addColumn<FindingStatus>("from");
        QTest::addColumn<Action>("action");
        for (FindingStatus from : AllStatuses) {
            for (Action action : AllActions) {
                const QByteArray name =
                    (toString(from) + QLatin1String(" + ") + lifecycle::toString(action)).toUtf8();
                QTest::newRow(name.constData()) << from << action;
            }
        }
    }

    void everyStatusActionPair() {
        QFETCH(FindingStatus, from);
        QFETCH(Action, action);
        const Result<FindingStatus> result = lifecycle::apply(from, action);
        const std::optional<FindingStatus> expected = expectedTarget(from, action);
        if (expected) {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
            QCOMPARE(name(*result), name(*expected));
        } else {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, ErrorCode::Validation);
            QVERIFY2(result.error().message.startsWith(QLatin1String("A finding that is ") +
                                                       spoken(from) + QLatin1String(" cannot")),
                     qPrintable(result.error().message));
        }
    }

    void illegalActionMessageNamesBothStatesAndTheAction() {
        const Result<FindingStatus> r =
            lifecycle::apply(FindingStatus::Closed, Action::SubmitForVerification);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Validation);
        const QString &m = r.error().message;
        QVERIFY2(m.startsWith(QLatin1String(
                     "A finding that is closed cannot be submitted for verification")),
                 qPrintable(m));
        QVERIFY2(m.contains(QLatin1String("rectifying")), qPrintable(m));

        const Result<FindingStatus> r2 =
            lifecycle::apply(FindingStatus::Open, Action::VerifyPassed);
        QVERIFY(!r2.ok());
        QVERIFY2(r2.error().message.contains(QLatin1String("open")),
                 qPrintable(r2.error().message));
        QVERIFY2(r2.error().message.contains(QLatin1String("awaiting verification")),
                 qPrintable(r2.error().message));
        QVERIFY2(r2.error().message.contains(QLatin1String("verified as passed")),
                 qPrintable(r2.error().message));
    }

    void closedFindingAcceptsNoAction() {
        QVERIFY(lifecycle::allowedActions(FindingStatus::Closed).isEmpty());
        for (Action action : AllActions) {
            const Result<FindingStatus> r = lifecycle::apply(FindingStatus::Closed, action);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::Validation);
            QVERIFY2(r.error().message.contains(QLatin1String("final")),
                     qPrintable(r.error().message));
        }
    }

    void allowedActionsListTheLegalOnes() {
        QCOMPARE(names(lifecycle::allowedActions(FindingStatus::Open)),
                 QStringList{"start_rectification"});
        QCOMPARE(names(lifecycle::allowedActions(FindingStatus::Rectifying)),
                 QStringList{"submit_for_verification"});
        QCOMPARE(names(lifecycle::allowedActions(FindingStatus::AwaitingVerification)),
                 (QStringList{"verify_passed", "verify_failed"}));
        QCOMPARE(names(lifecycle::allowedActions(FindingStatus::Closed)), QStringList{});
    }

    void allowedActionsAgreeWithApply() {
        for (FindingStatus from : AllStatuses) {
            const QList<Action> allowed = lifecycle::allowedActions(from);
            for (Action action : AllActions)
                QCOMPARE(lifecycle::apply(from, action).ok(), allowed.contains(action));
        }
    }

    void failedVerificationCanBeRectifiedAgainUntilClosed() {
        FindingStatus s = FindingStatus::Open;
        for (Action a :
             {Action::StartRectification, Action::SubmitForVerification, Action::VerifyFailed,
              Action::SubmitForVerification, Action::VerifyPassed}) {
            const Result<FindingStatus> r = lifecycle::apply(s, a);
            QVERIFY(r.ok());
            s = *r;
        }
        QCOMPARE(name(s), name(FindingStatus::Closed));
    }

    void actionWireNames() {
        QCOMPARE(lifecycle::toString(Action::StartRectification),
                 QStringLiteral("start_rectification"));
        QCOMPARE(lifecycle::toString(Action::SubmitForVerification),
                 QStringLiteral("submit_for_verification"));
        QCOMPARE(lifecycle::toString(Action::VerifyPassed), QStringLiteral("verify_passed"));
        QCOMPARE(lifecycle::toString(Action::VerifyFailed), QStringLiteral("verify_failed"));
        for (Action a : AllActions)
            QCOMPARE(lifecycle::actionFromString(lifecycle::toString(a)), std::optional<Action>(a));
        QVERIFY(!lifecycle::actionFromString(u"close"));
        QVERIFY(!lifecycle::actionFromString(u"Verify_Passed"));
        QVERIFY(!lifecycle::actionFromString(u""));
    }

    void legalStepsWithActorAndNoteAreValid() {
        for (FindingStatus from : AllStatuses) {
            for (Action action : AllActions) {
                if (const std::optional<FindingStatus> to = expectedTarget(from, action)) {
                    const Result<void> r = lifecycle::validateTransition(step(from, *to), action);
                    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
                }
            }
        }
    }

    void stepWithoutActorIsRejected() {
        Transition t = step(FindingStatus::Open, FindingStatus::Rectifying);
        t.actor = QStringLiteral("  ");
        const Result<void> r = lifecycle::validateTransition(t, Action::StartRectification);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Validation);
        QVERIFY2(r.error().message.contains(QLatin1String("who")), qPrintable(r.error().message));
    }

    void verificationWithoutNoteIsRejected_data() {
        QTest::addColumn<Action>("action");
        QTest::addColumn<FindingStatus>("to");
        QTest::newRow("passed") << Action::VerifyPassed << FindingStatus::Closed;
        QTest::newRow("not passed") << Action::VerifyFailed << FindingStatus::Rectifying;
    }

    void verificationWithoutNoteIsRejected() {
        QFETCH(Action, action);
        QFETCH(FindingStatus, to);
        Transition t = step(FindingStatus::AwaitingVerification, to);
        t.note = QStringLiteral(" \n\t");
        const Result<void> r = lifecycle::validateTransition(t, action);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Validation);
        QVERIFY2(r.error().message.contains(QLatin1String("note")), qPrintable(r.error().message));
    }

    void nonVerificationStepNeedsNoNote() {
        Transition t = step(FindingStatus::Rectifying, FindingStatus::AwaitingVerification);
        t.note.clear();
        QVERIFY(lifecycle::validateTransition(t, Action::SubmitForVerification).ok());
    }

    void stepFromTheWrongStatusIsRejected() {
        const Transition t = step(FindingStatus::Closed, FindingStatus::Rectifying);
        const Result<void> r = lifecycle::validateTransition(t, Action::VerifyFailed);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Validation);
        QVERIFY2(r.error().message.contains(QLatin1String("closed")),
                 qPrintable(r.error().message));
    }

    void stepToTheWrongStatusIsRejected() {
        // Verification failed goes back to rectifying, not to open.
        const Transition t = step(FindingStatus::AwaitingVerification, FindingStatus::Open);
        const Result<void> r = lifecycle::validateTransition(t, Action::VerifyFailed);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Validation);
        const QString &m = r.error().message;
        QVERIFY2(m.contains(QLatin1String("open")), qPrintable(m));
        QVERIFY2(m.contains(QLatin1String("rectifying")), qPrintable(m));
        QVERIFY2(m.contains(QLatin1String("verification not passed")), qPrintable(m));
    }
};

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
