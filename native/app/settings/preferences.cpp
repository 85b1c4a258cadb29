#include "preferences.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace fl::app {

namespace {
constexpr char LanguageKey[] = "ui/language";
constexpr char AutoLockKey[] = "security/auto_lock_minutes";
} // namespace

Preferences::Preferences(QString dataDir)
    : m_path(QDir(dataDir).filePath(QStringLiteral("settings.ini"))) {}

QString Preferences::language() const {
    return QSettings(m_path, QSettings::IniFormat).value(QLatin1String(LanguageKey)).toString();
}

void Preferences::setLanguage(const QString &language) {
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSettings(m_path, QSettings::IniFormat).setValue(QLatin1String(LanguageKey), language);
}

int Preferences::autoLockMinutes() const {
    bool ok = false;
    const int minutes = QSettings(m_path, QSettings::IniFormat)
                            .value(QLatin1String(AutoLockKey), DefaultAutoLockMinutes)
                            .toInt(&ok);
    // A hand-edited file must not disable locking or make it absurd.
    return ok && minutes >= 1 && minutes <= 24 * 60 ? minutes : DefaultAutoLockMinutes;
}

void Preferences::setAutoLockMinutes(int minutes) {
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSettings(m_path, QSettings::IniFormat).setValue(QLatin1String(AutoLockKey), minutes);
}

} // namespace fl::app
