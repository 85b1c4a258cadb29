#pragma once

#include <QList>
#include <QSet>

#include <functional>

namespace fl::app {

/// The row notifications of a list model, handed to syncRows() by the model itself (its
/// begin/end functions are protected).
struct RowSignals {
    std::function<void(int first, int last)> beginInsert;
    std::function<void()> endInsert;
    std::function<void(int first, int last)> beginRemove;
    std::function<void()> endRemove;
    std::function<void(int from, int to)> beginMove; ///< `to` < `from`: the row moves up
    std::function<void()> endMove;
    std::function<void(int row)> changed;
};

/// Turns `rows` into `next` row by row (remove, move, insert, change), so views keep their
/// state instead of seeing a reset. Rows are matched by `key`; a matched row that differs
/// (operator==) is replaced and reported as changed.
template<typename Row, typename KeyFn>
void syncRows(QList<Row> &rows, const QList<Row> &next, KeyFn key, const RowSignals &s) {
    using Key = decltype(key(next.front()));
    QSet<Key> wanted;
    for (const Row &r : next)
        wanted.insert(key(r));
    for (int i = int(rows.size()) - 1; i >= 0; --i) {
        if (!wanted.contains(key(rows.at(i)))) {
            s.beginRemove(i, i);
            rows.removeAt(i);
            s.endRemove();
        }
    }
    for (int i = 0; i < int(next.size()); ++i) {
        const Key k = key(next.at(i));
        if (i >= int(rows.size()) || key(rows.at(i)) != k) {
            int found = -1;
            for (int j = i + 1; j < int(rows.size()); ++j) {
                if (key(rows.at(j)) == k) {
                    found = j;
                    break;
                }
            }
            if (found < 0) {
                s.beginInsert(i, i);
                rows.insert(i, next.at(i));
                s.endInsert();
                continue;
            }
            s.beginMove(found, i);
            rows.move(found, i);
            s.endMove();
        }
        if (!(rows.at(i) == next.at(i))) {
            rows[i] = next.at(i);
            s.changed(i);
        }
    }
}

} // namespace fl::app
