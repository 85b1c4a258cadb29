#include "scoremodel.h"

#include "appservices.h"
#include "labels.h"
#include "store/inspection.h"
#include "store/store.h"

namespace fl::app {

ScoreModel::ScoreModel(QObject *parent)
    : ServiceListModel(parent) {}

void ScoreModel::setVisitId(const QString &visitId) {
    if (setKey(m_visitId, visitId, &ScoreModel::visitIdChanged))
        reload();
}

int ScoreModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ScoreModel::data(const QModelIndex &index, int role) const {
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case LevelRole:
        return r.level;
    case Qt::DisplayRole:
    case LevelNameRole:
        return Labels::level(Level(r.level));
    case BaseRole:
        return r.base;
    case DeductedRole:
        return r.deducted;
    case ScoreRole:
        return r.score;
    default:
        return {};
    }
}

QHash<int, QByteArray> ScoreModel::roleNames() const {
    return {
        {LevelRole, "level"},       {LevelNameRole, "levelName"}, {BaseRole, "base"},
        {DeductedRole, "deducted"}, {ScoreRole, "score"},
    };
}

void ScoreModel::onStoreChanged(const QString &recordType, const QStringList &) {
    if (recordType == QLatin1String(recordtype::Finding) ||
        recordType == QLatin1String(recordtype::ChecklistItem) ||
        recordType == QLatin1String(recordtype::Campaign) ||
        recordType == QLatin1String(recordtype::Visit))
        reload();
}

void ScoreModel::reload() {
    QList<Row> next;
    scoring::Score score;
    if (storeReady() && !m_visitId.isEmpty()) {
        if (auto s = m_services->inspection().visitScore(m_visitId)) {
            score = *s;
            for (int level = 0; level < LevelCount; ++level)
                next.append(
                    Row{level, score.base[level], score.deducted[level], score.score[level]});
        }
    }
    showRows(m_rows, next, [](const Row &r) { return r.level; });
    if (score.totalBase != m_totalBase || score.totalDeducted != m_totalDeducted ||
        score.total != m_total) {
        m_totalBase = score.totalBase;
        m_totalDeducted = score.totalDeducted;
        m_total = score.total;
        Q_EMIT totalsChanged();
    }
}

} // namespace fl::app
