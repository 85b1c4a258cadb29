#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QString>

namespace fl::app {

/// Judges a new passphrase as it is typed: length and kinds of characters. The passphrase is
/// not kept; only the verdict is.
class PassphraseMeter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int strength READ strength NOTIFY measured)
    Q_PROPERTY(bool acceptable READ isAcceptable NOTIFY measured)
    Q_PROPERTY(QString hint READ hint NOTIFY measured)
public:
    /// 0 too short, 1 weak, 2 fair, 3 good, 4 strong.
    struct Verdict {
        int strength = 0;
        bool acceptable = false;
        QString hint;
    };
    static constexpr int MinimumLength = 8;

    using QObject::QObject;

    [[nodiscard]] static Verdict assess(QStringView passphrase);

    /// Updates strength, acceptable and hint for this passphrase.
    Q_INVOKABLE void measure(const QString &passphrase);

    [[nodiscard]] int strength() const { return m_verdict.strength; }
    [[nodiscard]] bool isAcceptable() const { return m_verdict.acceptable; }
    [[nodiscard]] QString hint() const { return m_verdict.hint; }

Q_SIGNALS:
    void measured();

private:
    Verdict m_verdict = assess({});
};

} // namespace fl::app
