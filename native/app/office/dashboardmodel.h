#pragma once

#include "common/result.h"
#include "domain/entities.h"
#include "domain/scoring.h"
#include "servicelistmodel.h"

#include <QDate>
#include <QElapsedTimer>
#include <QHash>
#include <QQmlEngine>
#include <QTimer>

#include <algorithm>

namespace fl {
class Inspection;
} // namespace fl

namespace fl::app {

/// The office dashboard: one row per unit of every round on the device (visits, findings,
/// rectification rate, score per level), and as properties the rates per round, the totals and
/// the overdue findings, most overdue first. The arithmetic is the domain's (fl::scoring,
/// fl::lifecycle); this only gathers and shows it.
///
/// Every finding has to be decrypted to be counted (status, due date and deduction are
/// encrypted): 50,000 findings take one to two seconds. So the reading runs on the services'
/// BackgroundReader (its own thread and database connection; `loading` meanwhile) and the
/// window keeps drawing; only what the figures need is kept of each finding. A store change
/// reads everything again, after a short pause so that a sync's many changes cost one reading.
class DashboardModel : public fl::app::ServiceListModel {
    Q_OBJECT
    QML_ELEMENT
    /// The day overdue is judged against; today unless a test sets it.
    Q_PROPERTY(QDate today READ today WRITE setToday NOTIFY todayChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(int campaignCount READ campaignCount NOTIFY totalsChanged)
    Q_PROPERTY(int unitCount READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int visitCount READ visitCount NOTIFY totalsChanged)
    Q_PROPERTY(int findingCount READ findingCount NOTIFY totalsChanged)
    Q_PROPERTY(int closedCount READ closedCount NOTIFY totalsChanged)
    /// Closed ÷ all findings of every round, 0..1 (0 without findings).
    Q_PROPERTY(double rate READ rate NOTIFY totalsChanged)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY totalsChanged)
    /// Per round, newest first: [{campaignId, name, period, unitCount, visitCount, total,
    /// closed, rate (0..1), rateText, overdue}], with the chart's keys {label, value,
    /// valueText} too.
    Q_PROPERTY(QVariantList campaigns READ campaigns NOTIFY totalsChanged)
    /// Per unit with findings, in row order, for a chart: [{unitId, campaignId, label (unit),
    /// detail (round), value (rate 0..1), valueText}].
    Q_PROPERTY(QVariantList unitRates READ unitRates NOTIFY totalsChanged)
    /// The most overdue findings (at most OverdueShown), most overdue first: [{findingId,
    /// campaignId, visitId, title, unitName, campaignName, dueDateText, daysOverdue,
    /// statusName}].
    Q_PROPERTY(QVariantList overdueItems READ overdueItems NOTIFY totalsChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
public:
    /// Findings decrypted per query (bounds the memory of one step of the reading).
    static constexpr int DefaultPageSize = 2000;
    static constexpr int OverdueShown = 100;

    enum Role {
        UnitIdRole = Qt::UserRole,
        UnitNameRole,
        CampaignIdRole,
        CampaignNameRole,
        FirstOfCampaignRole, ///< the first unit of its round: the view heads it with the round
        VisitCountRole,
        FindingCountRole,
        ClosedCountRole,
        OverdueCountRole,
        RateRole,     ///< closed ÷ all, 0..1
        RateTextRole, ///< "66.7%" in the UI language; "–" without findings
        BaseRole,     ///< the round's base score, all levels
        DeductedRole,
        ScoreRole,
        ScoreTextRole,   ///< "88.5 / 100"
        LevelScoresRole, ///< [{levelName, base, deducted, score}] per level
    };
    Q_ENUM(Role)

    explicit DashboardModel(QObject *parent = nullptr);

    [[nodiscard]] QDate today() const { return m_today; }
    void setToday(const QDate &today);
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] int campaignCount() const { return int(m_campaignRows.size()); }
    [[nodiscard]] int visitCount() const { return m_visitCount; }
    [[nodiscard]] int findingCount() const { return m_findingCount; }
    [[nodiscard]] int closedCount() const { return m_closedCount; }
    [[nodiscard]] double rate() const;
    [[nodiscard]] int overdueCount() const { return m_overdueCount; }
    [[nodiscard]] QVariantList campaigns() const { return m_campaignRows; }
    [[nodiscard]] QVariantList unitRates() const { return m_unitRates; }
    [[nodiscard]] QVariantList overdueItems() const { return m_overdueRows; }
    [[nodiscard]] QString errorString() const { return m_errorString; }
    /// Findings read per query (tests use small pages to cross their edges).
    void setPageSize(int pageSize) { m_pageSize = std::max(1, pageSize); }
    /// Milliseconds the last complete reading took (for the benchmark), -1 before one ends.
    [[nodiscard]] qint64 lastLoadMs() const { return m_lastLoadMs; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Reads everything again (in the background; `loading` until done).
    void reload() override;
    /// A rate as the UI writes it: "66.7%", "100%".
    Q_INVOKABLE static QString rateText(double rate);

Q_SIGNALS:
    void todayChanged();
    void loadingChanged();
    void totalsChanged();
    void errorStringChanged();
    /// After a complete reading.
    void loaded();

private:
    struct Row {
        QString unitId;
        QString unitName;
        QString campaignId;
        QString campaignName;
        bool firstOfCampaign = false;
        int visitCount = 0;
        int findingCount = 0;
        int closedCount = 0;
        int overdueCount = 0;
        double rate = 0;
        double base[LevelCount] = {0, 0, 0};
        double deducted[LevelCount] = {0, 0, 0};
        double score[LevelCount] = {0, 0, 0};
        double totalBase = 0;
        double totalDeducted = 0;
        double total = 0;
        bool operator==(const Row &) const = default;
    };
    struct CampaignFigures {
        Campaign campaign;
        int unitCount = 0;
        int visitCount = 0;
        scoring::RectificationRate rate;
        int overdue = 0;
    };
    struct Overdue {
        QString findingId;
        QString campaignId;
        QString visitId;
        QString title;
        QString unitName;
        QString campaignName;
        QDate dueDate;
        FindingStatus status = FindingStatus::Open;
    };
    /// What one reading found; made on the reader's thread, shown on the UI thread.
    struct Snapshot {
        QList<Row> rows;
        QList<CampaignFigures> campaigns;
        QList<Overdue> overdue; ///< every overdue finding, most overdue first
        int visits = 0;
    };
    [[nodiscard]] static Result<Snapshot> read(Inspection &in, const QDate &today, int pageSize);

    void show(const Snapshot &snapshot);
    void setLoading(bool loading);
    void setError(const QString &text);
    void onStoreChanged(const QString &recordType, const QStringList &ids) override;

    QDate m_today;
    QTimer m_reloadTimer; // gathers a burst of store changes into one reading
    int m_pageSize = DefaultPageSize;
    bool m_loading = false;
    quint64 m_generation = 0; // a reading's result is shown only if no newer one was asked for
    QElapsedTimer m_loadClock;

    // What is shown.
    QList<Row> m_rows;
    QVariantList m_campaignRows;
    QVariantList m_unitRates;
    QVariantList m_overdueRows;
    int m_visitCount = 0;
    int m_findingCount = 0;
    int m_closedCount = 0;
    int m_overdueCount = 0;
    qint64 m_lastLoadMs = -1;
    QString m_errorString;
};

} // namespace fl::app
