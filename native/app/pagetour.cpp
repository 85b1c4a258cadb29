#include "pagetour.h"

#include "appservices.h"
#include "store/inspection.h"
#include "store/store.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <QUuid>

#include <cstdio>

namespace fl::app {

namespace {
// Long enough for a StackView transition and the first frame of a page.
constexpr int SettleMs = 900;

QtMessageHandler s_previousHandler = nullptr;
int s_warnings = 0;

void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg)
        ++s_warnings;
    if (s_previousHandler)
        s_previousHandler(type, context, message);
}

struct Sample {
    QString visitId;
    QString findingId;
    QString itemId;
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
    list.append({QStringLiteral("visit-portrait"), [this] {
                     call("goBack");
                     m_window->resize(800, 1280);
                 }});
    list.append({QStringLiteral("visits-portrait"), [this] {
                     call("goBack");
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
