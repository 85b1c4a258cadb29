#pragma once

#include "startup.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QVariant>

#include <atomic>
#include <functional>

class QQmlApplicationEngine;
class QQuickWindow;

namespace fl::app {

class AppServices;

/// Walks the app's pages once, for --self-test (exit 1 on any warning or error) and
/// --screenshot-dir (a PNG of each page, named <language>-<n>-<page>.png). Does nothing when
/// neither option is given.
class PageTour : public QObject {
    Q_OBJECT
public:
    PageTour(QQmlApplicationEngine &engine, AppServices &services, StartupOptions options,
             QString language, QObject *parent = nullptr);
    ~PageTour() override;

    [[nodiscard]] bool isActive() const;

private:
    struct Step {
        QString name; ///< empty: no screenshot
        std::function<void()> action;
    };
    void start(QObject *root);
    void runStep();
    void afterSettle();
    void shoot(const QString &name);
    /// Calls a method of the object named `objectName` anywhere in the window (a popup).
    void callOn(const char *objectName, const char *method);
    void call(const char *method, const QVariant &a = {}, const QVariant &b = {},
              const QVariant &c = {});
    [[nodiscard]] QList<Step> steps();

    AppServices &m_services;
    StartupOptions m_options;
    QString m_language;
    QPointer<QQuickWindow> m_window;
    QList<Step> m_steps;
    int m_next = 0;
    int m_shot = 0;
    bool m_failed = false;
};

} // namespace fl::app
