#include "settingscontroller.h"

#include "appservices.h"
#include "passphrasemeter.h"
#include "preferences.h"
#include "startup.h"
#include "vault/vault.h"

#include <QTimer>

#include <sodium.h>

#include <chrono>

namespace fl::app {

namespace {
// Long enough for the page to paint "Changing…" before the key derivations block the thread.
constexpr int DeferMs = 50;
} // namespace

SettingsController::SettingsController(QObject *parent)
    : QObject(parent) {}

SettingsController::~SettingsController() {
    wipe();
}

void SettingsController::setServices(AppServices *services) {
    if (m_services == services)
        return;
    if (m_services)
        disconnect(m_services, nullptr, this, nullptr);
    m_services = services;
    if (m_services) {
        connect(m_services, &AppServices::autoLockMinutesChanged, this,
                &SettingsController::autoLockMinutesChanged);
    }
    Q_EMIT servicesChanged();
    Q_EMIT autoLockMinutesChanged();
}

QString SettingsController::language() const {
    return currentLanguage();
}

void SettingsController::setLanguage(const QString &language) {
    if (language == currentLanguage() || !switchLanguage(language))
        return;
    if (m_services)
        Preferences(m_services->dataDir()).setLanguage(language);
    if (QQmlEngine *engine = qmlEngine(this))
        engine->retranslate();
    Q_EMIT languageChanged();
}

QStringList SettingsController::languageCodes() {
    return {QStringLiteral("zh_CN"), QStringLiteral("en")};
}

QStringList SettingsController::languageNames() {
    // Each language in its own words, so that a person can find theirs in either UI.
    return {QStringLiteral("简体中文"), QStringLiteral("English")};
}

int SettingsController::autoLockMinutes() const {
    return m_services ? m_services->autoLockMinutes() : Preferences::DefaultAutoLockMinutes;
}

void SettingsController::setAutoLockMinutes(int minutes) {
    if (!m_services || minutes < 1 || minutes == autoLockMinutes())
        return;
    m_services->setAutoLockTimeout(std::chrono::minutes(minutes));
    Preferences(m_services->dataDir()).setAutoLockMinutes(minutes);
}

QVariantList SettingsController::autoLockChoices() {
    return {1, 2, 5, 10, 15, 30};
}

int SettingsController::autoLockIndex() const {
    return int(autoLockChoices().indexOf(autoLockMinutes()));
}

void SettingsController::setAutoLockIndex(int index) {
    const QVariantList choices = autoLockChoices();
    if (index >= 0 && index < choices.size())
        setAutoLockMinutes(choices.at(index).toInt());
}

void SettingsController::changePassphrase(const QString &current, const QString &next,
                                          const QString &repeated) {
    if (m_busy || !m_services)
        return;
    if (!m_services->isUnlocked()) {
        setMessage(tr("Unlock first."), false);
        return;
    }
    if (next != repeated) {
        setMessage(tr("The two new passphrases differ."), false);
        return;
    }
    if (next == current) {
        setMessage(tr("The new passphrase is the current one."), false);
        return;
    }
    if (const auto verdict = PassphraseMeter::assess(next); !verdict.acceptable) {
        setMessage(verdict.hint, false);
        return;
    }
    m_current = current.toUtf8();
    m_next = next.toUtf8();
    setBusy(true);
    QTimer::singleShot(DeferMs, this, [this] {
        doChange();
        wipe();
        setBusy(false);
    });
}

void SettingsController::doChange() {
    if (!m_services)
        return;
    Vault &vault = m_services->vault();
    const auto r = vault.changePassphrase(m_current, m_next, m_services->kdfParams());
    if (r) {
        setMessage(tr("The passphrase was changed. Use the new one from now on."), true);
        return;
    }
    switch (r.error().code) {
    case ErrorCode::WrongPassphrase:
        setMessage(tr("The current passphrase is wrong; nothing was changed."), false);
        break;
    case ErrorCode::LockedOut:
        setMessage(tr("Too many wrong passphrases: wait a moment and try again."), false);
        break;
    default:
        // The vault's own message (file damaged, disk full...), written for the person.
        setMessage(r.error().message, false);
        break;
    }
}

void SettingsController::wipe() {
    for (QByteArray *b : {&m_current, &m_next}) {
        if (!b->isEmpty())
            sodium_memzero(b->data(), size_t(b->size()));
        b->clear();
    }
}

void SettingsController::setBusy(bool busy) {
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void SettingsController::setMessage(const QString &text, bool changed) {
    if (m_message == text && m_changed == changed)
        return;
    m_message = text;
    m_changed = changed;
    Q_EMIT passphraseMessageChanged();
}

} // namespace fl::app
