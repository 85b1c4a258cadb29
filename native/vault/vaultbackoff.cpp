// The back-off after wrong passphrases: counted in the file so the growing delay survives
// restarts, and the messages that say when to try again.

#include "vault/vaultinternal.h"

#include <QLoggingCategory>

#include <algorithm>
#include <climits>

namespace fl {

namespace {

Q_LOGGING_CATEGORY(lcVault, "fl.vault")

QString plural(int n, const char *one, const char *many) {
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1StringView(n == 1 ? one : many));
}

qint64 ceilSeconds(std::chrono::milliseconds ms) {
    return (ms.count() + 999) / 1000;
}

} // namespace

void Vault::recordFailure() {
    vaultinternal::StoredVault &v = m_state->file;
    if (v.failedAttempts < INT_MAX)
        ++v.failedAttempts;
    const auto delay = detail::unlockBackoff(v.failedAttempts);
    v.notBefore =
        delay.count() > 0 ? QDateTime::currentDateTimeUtc().addSecs(delay.count()) : QDateTime();
    m_state->notBeforeClamped = false;
    // The in-memory count still applies to this object; only a restart would forget it.
    if (auto saved = saveFile(); !saved)
        qCWarning(lcVault) << "could not persist the failed-attempt counter:"
                           << saved.error().message;
}

void Vault::clearFailures() {
    if (m_state->file.failedAttempts == 0 && !m_state->file.notBefore.isValid())
        return;
    m_state->file.failedAttempts = 0;
    m_state->file.notBefore = QDateTime();
    if (auto saved = saveFile(); !saved)
        qCWarning(lcVault) << "could not reset the failed-attempt counter:"
                           << saved.error().message;
}

Result<void> Vault::checkRetryAllowed() {
    if (m_state->notBeforeClamped) {
        m_state->notBeforeClamped = false;
        if (auto saved = saveFile(); !saved)
            qCWarning(lcVault) << "could not persist the clamped retry time:"
                               << saved.error().message;
    }
    const auto delay = retryDelay();
    if (delay.count() > 0)
        return makeError(
            ErrorCode::LockedOut,
            QStringLiteral("Too many wrong passphrases (%1). Next try allowed in %2 s.")
                .arg(m_state->file.failedAttempts)
                .arg(ceilSeconds(delay)));
    return {};
}

Error Vault::wrongPassphraseError() const {
    const int n = m_state->file.failedAttempts;
    const auto delay = retryDelay();
    const QString attempts = plural(n, "failed attempt", "failed attempts");
    if (delay.count() > 0)
        return makeError(ErrorCode::WrongPassphrase,
                         QStringLiteral("Wrong passphrase. %1; next try allowed in %2 s.")
                             .arg(attempts)
                             .arg(ceilSeconds(delay)));
    return makeError(ErrorCode::WrongPassphrase,
                     QStringLiteral("Wrong passphrase. %1; you can try again now.").arg(attempts));
}

int Vault::failedAttempts() const {
    return m_state->file.failedAttempts;
}

std::chrono::milliseconds Vault::retryDelay() const {
    const QDateTime &notBefore = m_state->file.notBefore;
    if (!notBefore.isValid())
        return std::chrono::milliseconds(0);
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(notBefore);
    const qint64 maxMs = std::chrono::milliseconds(detail::unlockBackoffMax).count();
    return std::chrono::milliseconds(std::clamp<qint64>(ms, 0, maxMs));
}

} // namespace fl

namespace fl::detail {

std::chrono::seconds unlockBackoff(int failedAttempts) {
    if (failedAttempts < 3)
        return std::chrono::seconds(0);
    // 2^9 = 512 s already exceeds the cap; stop shifting before it could overflow.
    const int exponent = std::min(failedAttempts - 3, 9);
    return std::min(std::chrono::seconds(qint64(1) << exponent), unlockBackoffMax);
}

} // namespace fl::detail
