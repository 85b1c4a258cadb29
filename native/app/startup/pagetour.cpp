#include "pagetour.h"

#include "appservices.h"
#include "media/photolibrary.h"
#include "store/inspection.h"
#include "store/store.h"
#include "syncstatus.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>

namespace fl::app {

namespace {
// Long enough for a StackView transition and the first frame of a page.
constexpr int SettleMs = 900;

QtMessageHandler s_previousHandler = nullptr;
int s_warnings = 0;

// Qt Multimedia (the camera page) says this on machines without a sound server; the app
// records no sound, so it is not the app's fault.
bool isEnvironmentNote(const QString &message) {
    return message.startsWith(QLatin1String("PulseAudioService: pa_context_connect() failed"));
}

void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    if ((type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) &&
        !isEnvironmentNote(message))
        ++s_warnings;
    if (s_previousHandler)
        s_previousHandler(type, context, message);
}

/// The first item named `name` under `root`, by the visual tree.
QQuickItem *findVisualItem(QQuickItem *root, const QString &name) {
    if (!root)
        return nullptr;
    if (root->objectName() == name)
        return root;
    for (QQuickItem *child : root->childItems()) {
        if (QQuickItem *found = findVisualItem(child, name))
            return found;
    }
    return nullptr;
}

struct Sample {
    QString visitId;
    QString findingId;
    QString itemId;
};

/// What the ledger, interview and photo pages show.
struct LedgerSample {
    QString campaignId;
    QString findingId; ///< awaiting verification if one is, else the first with history
    QString visitId;   ///< a visit with an interview note, if any
    QString interviewId;
    QString photoId;
    QString photoCaption;
};

// The first visit with a finding (else the first visit): the pages to show.
Sample sampleOf(const Inspection &in) {
    Sample s;
    auto campaigns = in.campaigns();
    if (!campaigns)
        return s;
    for (const Campaign &c : std::as_const(*campaigns)) {
        auto visits = in.visits(c.id);
        for (const Visit &v : visits ? *visits : QList<Visit>{}) {
            RecordFilter f;
            f.parentId = v.id;
            auto findings = in.findings(f, 0, 1);
            if (s.visitId.isEmpty())
                s.visitId = v.id;
            if (findings && !findings->isEmpty()) {
                s.visitId = v.id;
                s.findingId = findings->first().id;
                s.itemId = findings->first().checklistItemId;
                return s;
            }
        }
    }
    return s;
}
// The first round with findings: the finding to show in the ledger, an interview note and a
// photo (of the findings shown, else of the note).
LedgerSample ledgerSampleOf(AppServices &services) {
    LedgerSample s;
    const Inspection &in = services.inspection();
    auto campaigns = in.campaigns();
    for (const Campaign &c : campaigns ? *campaigns : QList<Campaign>{}) {
        RecordFilter byCampaign;
        byCampaign.campaignId = c.id;
        auto findings = in.findings(byCampaign, 0, 200);
        if (!findings || findings->isEmpty())
            continue;
        s.campaignId = c.id;
        for (const Finding &f : std::as_const(*findings)) {
            auto history = in.history(f.id);
            const bool due = f.status == FindingStatus::AwaitingVerification;
            if (due || (s.findingId.isEmpty() && history && !history->isEmpty()))
                s.findingId = f.id;
            if (due)
                break;
        }
        if (s.findingId.isEmpty())
            s.findingId = findings->first().id;
        // The photo: the shown finding's (its evidence), else any finding's.
        QStringList owners{s.findingId};
        for (const Finding &f : std::as_const(*findings))
            owners.append(f.id);
        for (const QString &owner : std::as_const(owners)) {
            if (auto photos = services.photos().photos(owner); photos && !photos->isEmpty()) {
                s.photoId = photos->first().id;
                s.photoCaption = photos->first().caption;
                break;
            }
        }
        auto visits = in.visits(c.id);
        for (const Visit &v : visits ? *visits : QList<Visit>{}) {
            auto interviews = in.interviews(v.id);
            if (interviews && !interviews->isEmpty()) {
                s.visitId = v.id;
                s.interviewId = interviews->first().id;
                auto photos = services.photos().photos(s.interviewId);
                if (s.photoId.isEmpty() && photos && !photos->isEmpty()) {
                    s.photoId = photos->first().id;
                    s.photoCaption = photos->first().caption;
                }
                break;
            }
            if (s.visitId.isEmpty())
                s.visitId = v.id;
        }
        break;
    }
    return s;
}

} // namespace

PageTour::PageTour(QQmlApplicationEngine &engine, AppServices &services, StartupOptions options,
                   QString language, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_options(std::move(options))
    , m_language(std::move(language)) {
    if (!isActive())
        return;
    if (m_options.selfTest)
        s_previousHandler = qInstallMessageHandler(countingHandler);
    connect(&engine, &QQmlApplicationEngine::objectCreated, this,
            [this](QObject *root) { start(root); });
}

PageTour::~PageTour() {
    if (m_options.selfTest)
        qInstallMessageHandler(s_previousHandler);
}

bool PageTour::isActive() const {
    return m_options.selfTest || !m_options.screenshotDir.isEmpty();
}

void PageTour::start(QObject *root) {
    m_window = qobject_cast<QQuickWindow *>(root);
    if (!m_window) {
        std::fprintf(stderr, "page tour: the root object is not a window\n");
        QCoreApplication::exit(1);
        return;
    }
    if (!m_options.screenshotDir.isEmpty() && !QDir().mkpath(m_options.screenshotDir)) {
        std::fprintf(stderr, "page tour: cannot create %s\n", qPrintable(m_options.screenshotDir));
        QCoreApplication::exit(1);
        return;
    }
    m_steps = steps();
    QTimer::singleShot(SettleMs, this, &PageTour::runStep);
}

QList<PageTour::Step> PageTour::steps() {
    QList<Step> list;
    list.append({QStringLiteral("unlock"), nullptr});
    list.append({QString(), [this] {
                     if (m_services.vaultExists()) {
                         if (!m_options.passphrase.isEmpty())
                             m_services.unlock(QString::fromUtf8(m_options.passphrase));
                         return;
                     }
                     // A throw-away folder: make a vault to get past the unlock page.
                     m_services.setKdfParams(KdfParams::minimum());
                     const QString pass = QUuid::createUuid().toString();
                     m_services.createVault(pass, pass);
                 }});
    list.append({QStringLiteral("visits"), nullptr});
    list.append({QStringLiteral("visit"), [this] {
                     const Sample s = sampleOf(m_services.inspection());
                     call("openVisit", s.visitId);
                 }});
    list.append({QStringLiteral("finding"), [this] {
                     const Sample s = sampleOf(m_services.inspection());
                     call("openFinding", s.findingId, s.visitId, s.itemId);
                 }});
    // The camera page over the finding: without a camera (as in CI) it says so and offers
    // import from files; this also proves the page loads on its own, after start.
    list.append({QStringLiteral("camera"), [this] {
                     callOn("cameraPopup", "open");
                 }});
    list.append({QString(), [this] {
                     callOn("cameraPopup", "close");
                 }});
    list.append({QStringLiteral("visit-portrait"), [this] {
                     call("goBack");
                     m_window->resize(800, 1280);
                 }});
    list.append({QStringLiteral("visits-portrait"), [this] {
                     call("goBack");
                 }});
    // Sync, settings and the first-start enrolment offer, back in landscape.
    list.append({QStringLiteral("sync"), [this] {
                     m_window->resize(1280, 800);
                     call("openSync");
                 }});
    list.append({QStringLiteral("settings"), [this] {
                     call("goBack");
                     call("openSettings");
                 }});
    // The first-start offer; a folder already enrolled would show it in a state no first
    // start has, so it is walked (for --self-test) without a screenshot.
    list.append({m_services.sync().isEnrolled() ? QString() : QStringLiteral("enrolment"), [this] {
                     call("goBack");
                     call("openEnrolment");
                 }});
    list.append({QStringLiteral("sync-portrait"), [this] {
                     call("goBack");
                     m_window->resize(800, 1280);
                     call("openSync");
                 }});
    // The ledger with a finding's history, the dialog of its next step (验收 when one is due),
    // an interview note and a photo, in landscape; then the ledger in portrait.
    list.append({QStringLiteral("ledger"), [this] {
                     call("goBack");
                     m_window->resize(1280, 800);
                     const LedgerSample s = ledgerSampleOf(m_services);
                     call("openLedger", s.campaignId, s.findingId);
                 }});
    list.append({QStringLiteral("verification"), [this] {
                     call("openLedgerStep");
                 }});
    list.append({QStringLiteral("interview"), [this] {
                     call("goBack");
                     const LedgerSample s = ledgerSampleOf(m_services);
                     call("openInterview", s.interviewId, s.visitId);
                 }});
    list.append({QStringLiteral("photo"), [this] {
                     const LedgerSample s = ledgerSampleOf(m_services);
                     call("openPhoto", s.photoId, s.photoCaption);
                 }});
    list.append({QStringLiteral("ledger-portrait"), [this] {
                     call("goBack");
                     call("goBack");
                     m_window->resize(800, 1280);
                     const LedgerSample s = ledgerSampleOf(m_services);
                     call("openLedger", s.campaignId, QString());
                 }});
    // The office's planning: the round form, units and visits, the team and enrolment codes.
    list.append({QStringLiteral("planning"), [this] {
                     call("goBack");
                     m_window->resize(1280, 800);
                     call("openPlanning", 0);
                 }});
    list.append({QStringLiteral("planning-visits"), [this] {
                     call("goBack");
                     call("openPlanning", 2);
                 }});
    list.append({QStringLiteral("planning-team"), [this] {
                     call("goBack");
                     call("openPlanning", 3);
                 }});
    // A console enrolled as the office also shows a code as issued (a real one, from its
    // server); anywhere else there is no server to ask.
    if (m_services.sync().role() == QLatin1String("office")) {
        list.append({QString(), [this] {
                         // In the visual tree only (a tab of the page on top).
                         QQuickItem *card = findVisualItem(m_window->contentItem(),
                                                           QStringLiteral("enrolCodeCard"));
                         if (!card || !QMetaObject::invokeMethod(card, "issue")) {
                             std::fprintf(stderr, "page tour: no enrolment code card\n");
                             m_failed = true;
                         }
                     }});
        list.append({QStringLiteral("planning-code"), nullptr});
    }
    // The office console: the dashboard, the rounds' ledgers with their exports, and the
    // dashboard again in portrait.
    list.append({QStringLiteral("office"), [this] {
                     call("goBack");
                     m_window->resize(1280, 800);
                     call("openOffice", QStringLiteral("dashboard"));
                 }});
    list.append({QStringLiteral("office-ledger"), [this] {
                     call("goBack");
                     call("openOffice", QStringLiteral("ledger"));
                 }});
    list.append({QStringLiteral("office-portrait"), [this] {
                     call("goBack");
                     m_window->resize(800, 1280);
                     call("openOffice", QStringLiteral("dashboard"));
                 }});
    return list;
}

void PageTour::runStep() {
    if (m_next >= m_steps.size() || !m_window) {
        const bool failed = m_failed || (m_options.selfTest && s_warnings > 0);
        if (m_options.selfTest)
            std::fprintf(stderr, "self-test: %d warning(s); %s\n", s_warnings,
                         failed ? "FAILED" : "passed");
        QCoreApplication::exit(failed ? 1 : 0);
        return;
    }
    const Step &step = m_steps.at(m_next);
    if (step.action)
        step.action();
    QTimer::singleShot(SettleMs, this, &PageTour::afterSettle);
}

void PageTour::afterSettle() {
    if (m_services.isBusy()) { // still deriving the key
        QTimer::singleShot(100, this, &PageTour::afterSettle);
        return;
    }
    const Step step = m_steps.at(m_next++);
    if (!step.name.isEmpty())
        shoot(step.name);
    runStep();
}

void PageTour::shoot(const QString &name) {
    if (m_options.screenshotDir.isEmpty())
        return;
    const QImage image = m_window->grabWindow();
    const QString path =
        QDir(m_options.screenshotDir)
            .filePath(QStringLiteral("%1-%2-%3.png").arg(m_language).arg(++m_shot).arg(name));
    if (image.isNull() || !image.convertToFormat(QImage::Format_RGB888).save(path, "PNG", 0)) {
        std::fprintf(stderr, "page tour: could not save %s\n", qPrintable(path));
        m_failed = true;
    }
}

namespace {
// The object of that name on screen: an item, or a non-visual child of one (a Popup). Pages
// pushed on a StackView are not QObject children of the window, so the items are walked.
QObject *findOnScreen(QQuickItem *item, const QString &name) {
    if (item->objectName() == name)
        return item;
    if (auto *child = item->findChild<QObject *>(name, Qt::FindDirectChildrenOnly))
        return child;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (QObject *found = findOnScreen(child, name))
            return found;
    }
    return nullptr;
}
} // namespace

void PageTour::callOn(const char *objectName, const char *method) {
    QObject *target = findOnScreen(m_window->contentItem(), QLatin1String(objectName));
    if (!target || !QMetaObject::invokeMethod(target, method)) {
        std::fprintf(stderr, "page tour: no %s to call %s on\n", objectName, method);
        m_failed = true;
    }
}

void PageTour::call(const char *method, const QVariant &a, const QVariant &b, const QVariant &c) {
    QVariant unused;
    QList<QVariant> args;
    for (const QVariant *v : {&a, &b, &c}) {
        if (v->isValid())
            args.append(*v);
    }
    bool ok = false;
    switch (args.size()) {
    case 0:
        ok = QMetaObject::invokeMethod(m_window, method, Q_RETURN_ARG(QVariant, unused));
        break;
    case 1:
        ok = QMetaObject::invokeMethod(m_window, method, Q_RETURN_ARG(QVariant, unused),
                                       Q_ARG(QVariant, args[0]));
        break;
    case 2:
        ok = QMetaObject::invokeMethod(m_window, method, Q_RETURN_ARG(QVariant, unused),
                                       Q_ARG(QVariant, args[0]), Q_ARG(QVariant, args[1]));
        break;
    default:
        ok = QMetaObject::invokeMethod(m_window, method, Q_RETURN_ARG(QVariant, unused),
                                       Q_ARG(QVariant, args[0]), Q_ARG(QVariant, args[1]),
                                       Q_ARG(QVariant, args[2]));
        break;
    }
    if (!ok) {
        std::fprintf(stderr, "page tour: Main has no function %s\n", method);
        m_failed = true;
    }
}

} // namespace fl::app
