#include "store/merge.h"

namespace fl::merge {

bool before(const Head &a, const Head &b) {
    if (a.hlc != b.hlc)
        return a.hlc < b.hlc;
    return QByteArrayView(a.changeId).first(qMin<qsizetype>(16, a.changeId.size())) <
           QByteArrayView(b.changeId).first(qMin<qsizetype>(16, b.changeId.size()));
}

int winner(const QList<Head> &heads) {
    int best = -1;
    for (int i = 0; i < heads.size(); ++i) {
        if (best < 0 || before(heads[best], heads[i]))
            best = i;
    }
    return best;
}

QList<QByteArray> apply(QList<Head> &heads, const Head &incoming, const QList<QByteArray> &prev,
                        bool alreadySuperseded) {
    QList<QByteArray> notHeads;
    for (const QByteArray &p : prev) {
        const auto it = std::find_if(heads.begin(), heads.end(),
                                     [&](const Head &h) { return h.changeId == p; });
        if (it != heads.end())
            heads.erase(it);
        else
            notHeads.append(p);
    }
    const bool present = std::any_of(heads.cbegin(), heads.cend(), [&](const Head &h) {
        return h.changeId == incoming.changeId;
    });
    if (!alreadySuperseded && !present)
        heads.append(incoming);
    return notHeads;
}

} // namespace fl::merge
