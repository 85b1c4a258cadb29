#include "passphrasemeter.h"

#include <QSet>

#include <cmath>

namespace fl::app {

PassphraseMeter::Verdict PassphraseMeter::assess(QStringView passphrase) {
    const QList<uint> chars = passphrase.toUcs4();
    const int length = int(chars.size());
    if (length < MinimumLength) {
        return {0, false,
                tr("Too short: use at least %n characters; a few words are easy to type and "
                   "hard to guess.",
                   "", MinimumLength)};
    }
    bool lower = false, upper = false, digit = false, symbol = false, other = false;
    QSet<uint> distinct;
    for (const uint c : chars) {
        distinct.insert(c);
        if (c >= 'a' && c <= 'z')
            lower = true;
        else if (c >= 'A' && c <= 'Z')
            upper = true;
        else if (c >= '0' && c <= '9')
            digit = true;
        else if (c < 0x80)
            symbol = true;
        else
            other = true; // Chinese characters and other scripts: a large alphabet
    }
    // Bits per character from the alphabets used; repeats ("aaaaaaaa") count little.
    const double pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) +
                        (other ? 2000 : 0);
    const int effective = std::min(length, 2 * int(distinct.size()));
    const double bits = effective * std::log2(std::max(pool, 2.0));
    if (bits < 45 || distinct.size() < 4) {
        return {1, true, tr("Weak: add another word, or mix in digits, capitals or punctuation.")};
    }
    if (bits < 65)
        return {2, true, tr("Fair: one or two more words make it much stronger.")};
    if (bits < 85)
        return {3, true, tr("Good.")};
    return {4, true, tr("Strong.")};
}

void PassphraseMeter::measure(const QString &passphrase) {
    m_verdict = assess(passphrase);
    Q_EMIT measured();
}

} // namespace fl::app
