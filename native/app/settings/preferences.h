#pragma once

#include <QString>

namespace fl::app {

/// The device's non-sensitive preferences (UI language, auto-lock delay), in settings.ini in
/// the data folder: plaintext, readable before the vault is unlocked, so the unlock page
/// already speaks the chosen language. Nothing secret or inspection-related goes here.
class Preferences {
public:
    explicit Preferences(QString dataDir);

    /// "zh_CN", "en", or empty: follow the system.
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &language);

    /// Minutes without use before the vault locks (the app's default when never chosen).
    [[nodiscard]] int autoLockMinutes() const;
    void setAutoLockMinutes(int minutes);

    static constexpr int DefaultAutoLockMinutes = 5;

private:
    QString m_path;
};

} // namespace fl::app
