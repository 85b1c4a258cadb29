#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>

namespace fl::app {

class AppServices;

/// The settings page's state: the UI language (switched at once, kept in the data folder's
/// settings.ini), the auto-lock delay, and changing the vault's passphrase.
class SettingsController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        fl::app::AppServices *services READ services WRITE setServices NOTIFY servicesChanged)
    /// "zh_CN" or "en".
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    /// The languages offered, as codes, and each in its own words ("简体中文", "English").
    Q_PROPERTY(QStringList languageCodes READ languageCodes CONSTANT)
    Q_PROPERTY(QStringList languageNames READ languageNames CONSTANT)
    Q_PROPERTY(int autoLockMinutes READ autoLockMinutes WRITE setAutoLockMinutes NOTIFY
                   autoLockMinutesChanged)
    /// The auto-lock delays offered, in minutes.
    Q_PROPERTY(QVariantList autoLockChoices READ autoLockChoices CONSTANT)
    /// autoLockMinutes as an index into autoLockChoices (-1 for a delay not offered).
    Q_PROPERTY(
        int autoLockIndex READ autoLockIndex WRITE setAutoLockIndex NOTIFY autoLockMinutesChanged)
    /// True while a passphrase change runs (two key derivations: about two seconds).
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// What the last passphrase change did, in plain words.
    Q_PROPERTY(QString passphraseMessage READ passphraseMessage NOTIFY passphraseMessageChanged)
    /// Whether the last passphrase change went through.
    Q_PROPERTY(bool passphraseChanged READ passphraseChanged NOTIFY passphraseMessageChanged)
public:
    explicit SettingsController(QObject *parent = nullptr);
    ~SettingsController() override;

    [[nodiscard]] AppServices *services() const { return m_services; }
    void setServices(AppServices *services);
    [[nodiscard]] QString language() const;
    /// Installs the translation, retranslates the QML engine this object lives in, keeps the
    /// choice. An unknown code is ignored.
    void setLanguage(const QString &language);
    [[nodiscard]] static QStringList languageCodes();
    [[nodiscard]] static QStringList languageNames();
    [[nodiscard]] int autoLockMinutes() const;
    void setAutoLockMinutes(int minutes);
    [[nodiscard]] static QVariantList autoLockChoices();
    [[nodiscard]] int autoLockIndex() const;
    void setAutoLockIndex(int index);
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] QString passphraseMessage() const { return m_message; }
    [[nodiscard]] bool passphraseChanged() const { return m_changed; }

    /// Re-wraps the vault's key under a new passphrase (the data is not re-encrypted). Runs
    /// shortly after the call so that the page can show that it is working.
    Q_INVOKABLE void changePassphrase(const QString &current, const QString &next,
                                      const QString &repeated);

Q_SIGNALS:
    void servicesChanged();
    void languageChanged();
    void autoLockMinutesChanged();
    void busyChanged();
    void passphraseMessageChanged();

private:
    void doChange();
    void wipe();
    void setBusy(bool busy);
    void setMessage(const QString &text, bool changed);

    QPointer<AppServices> m_services;
    QByteArray m_current; // only between a request and its deferred run; wiped after
    QByteArray m_next;
    bool m_busy = false;
    QString m_message;
    bool m_changed = false;
};

} // namespace fl::app
