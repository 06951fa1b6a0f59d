#include "statisticsreader.h"

#include "calllistsql.h"
#include "metrics/latencymetrics.h"
#include "sqliteconnection.h"
#include "storelog.h"

#include <QDateTime>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace {

constexpr qint64 QuarterHourMs = 15 * 60 * 1000;
constexpr int TargetBins = 24;
constexpr int MaxBins = 60;

// The filters as " WHERE …" (or nothing), values appended.
QString whereOf(const CallQuery &query, QVariantList *values)
{
    const QString where = CallListSql::where(query, values, CallListSql::SearchPlan::Materialise);
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where;
}

// The current score of metric `?` for call c: its newest version, one primary-key seek.
const QString CurrentScore = QStringLiteral(
    "(SELECT r.score FROM metric_results r WHERE r.call = c.id AND r.metric_id = "
    "(SELECT id FROM metrics WHERE key = ?) ORDER BY r.metric_version DESC LIMIT 1)");

// 1, 2 or 5 times a power of ten, the nearest at or above `raw`: bin edges people read.
double roundWidth(double raw)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double step : {1.0, 2.0, 5.0}) {
        if (step * magnitude >= raw)
            return step * magnitude;
    }
    return 10.0 * magnitude;
}

} // namespace

StatisticsReader::StatisticsReader(const QString &databasePath, const QTimeZone &zone)
    : m_connection(std::make_unique<SqliteConnection>(databasePath, QStringLiteral("statistics"),
                                                      SqliteConnection::Mode::ReadOnly))
    , m_zone(zone)
{
    if (!m_connection->isOpen()) {
        m_lastError = m_connection->errorString();
        qCWarning(lcStore) << "statistics:" << m_lastError;
    }
}

StatisticsReader::~StatisticsReader() = default;

bool StatisticsReader::isOpen() const
{
    return m_connection->isOpen();
}

void StatisticsReader::interrupt() const
{
    m_connection->interrupt();
}

bool StatisticsReader::forEachRow(const QString &sql, const QVariantList &values,
                                  const std::function<void(const QSqlQuery &)> &row)
{
    if (!isOpen())
        return false;
    QSqlQuery query(m_connection->database());
    query.setForwardOnly(true);
    bool ok = query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    ok = ok && query.exec();
    while (ok && query.next())
        row(query);
    // next() returns false at the end and on an error (an interrupt among them).
    if (!ok || query.lastError().isValid()) {
        m_lastError = query.lastError().text();
        return false;
    }
    return true;
}

QDate StatisticsReader::localDay(qint64 quarterHour) const
{
    return QDateTime::fromMSecsSinceEpoch(quarterHour * QuarterHourMs, m_zone).date();
}

std::optional<QList<CallStatistics::Day>> StatisticsReader::callsPerDay(const CallQuery &query)
{
    QVariantList values;
    const QString where = whereOf(query, &values);
    QMap<QDate, CallStatistics::Day> days;
    const bool read = forEachRow(
        QStringLiteral("SELECT c.timestamp / %1 AS quarter, count(*), count(c.status), "
                       "sum(c.status IN ('success', 'reviewed_success')) FROM calls c")
                .arg(QuarterHourMs)
            + where + QStringLiteral(" GROUP BY quarter"),
        values, [&](const QSqlQuery &row) {
            const QDate date = localDay(row.value(0).toLongLong());
            CallStatistics::Day &day = days[date];
            day.date = date;
            day.calls += row.value(1).toLongLong();
            day.withStatus += row.value(2).toLongLong();
            day.successes += row.value(3).toLongLong();
        });
    return read ? std::optional(days.values()) : std::nullopt;
}

std::optional<QList<CallStatistics::AgentStatuses>> StatisticsReader::statusesByAgent(const CallQuery &query)
{
    QVariantList values;
    const QString where = whereOf(query, &values);
    QMap<QString, CallStatistics::AgentStatuses> agents;
    const bool read = forEachRow(
        QStringLiteral("SELECT s.agent_key, coalesce(a.name, ''), s.status, s.calls FROM "
                       "(SELECT c.agent_key, c.status, count(*) AS calls FROM calls c")
            + where + QStringLiteral(" GROUP BY c.agent_key, c.status) s LEFT JOIN agents a ON a.key = s.agent_key"),
        values, [&](const QSqlQuery &row) {
            const QString key = row.value(0).toString();
            CallStatistics::AgentStatuses &agent = agents[key];
            agent.agentKey = key;
            agent.name = row.value(1).toString();
            const qint64 calls = row.value(3).toLongLong();
            const std::optional<ReviewStatus> status = ReviewStatuses::fromName(row.value(2).toString());
            if (!status) {
                agent.none += calls;
                return;
            }
            switch (*status) {
            case ReviewStatus::Success: agent.success += calls; break;
            case ReviewStatus::Failure: agent.failure += calls; break;
            case ReviewStatus::ReviewedSuccess: agent.reviewedSuccess += calls; break;
            case ReviewStatus::ReviewedFailure: agent.reviewedFailure += calls; break;
            }
        });
    if (!read)
        return std::nullopt;
    QList<CallStatistics::AgentStatuses> sorted = agents.values();
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto &a, const auto &b) { return a.total() > b.total(); });
    return sorted;
}

std::optional<CallStatistics::Histogram> StatisticsReader::histogram(const CallQuery &query, const QString &metricKey)
{
    QVariantList values{metricKey};
    const QString where = whereOf(query, &values);
    QList<double> scores;
    const bool read = forEachRow(QStringLiteral("SELECT score FROM (SELECT ") + CurrentScore + QStringLiteral(" AS score FROM calls c")
                                     + where + QStringLiteral(") WHERE score IS NOT NULL"),
                                 values, [&scores](const QSqlQuery &row) { scores.append(row.value(0).toDouble()); });
    if (!read)
        return std::nullopt;
    CallStatistics::Histogram histogram;
    histogram.metricKey = metricKey;
    if (scores.isEmpty())
        return histogram;
    std::sort(scores.begin(), scores.end());
    histogram.samples = scores.size();
    histogram.p50 = LatencyMetrics::percentileOf(scores, 0.5);
    histogram.p90 = LatencyMetrics::percentileOf(scores, 0.9);
    const double low = scores.first();
    const double high = LatencyMetrics::percentileOf(scores, 0.99);
    histogram.width = high > low ? roundWidth((high - low) / TargetBins) : 1.0;
    histogram.start = std::floor(low / histogram.width) * histogram.width;
    const int bins = std::clamp(int(std::floor((high - histogram.start) / histogram.width)) + 1, 1, MaxBins);
    histogram.counts.fill(0, bins);
    for (const double score : scores) {
        const auto bin = qint64(std::floor((score - histogram.start) / histogram.width));
        if (bin >= bins)
            ++histogram.beyond;
        else
            ++histogram.counts[std::max<qint64>(bin, 0)];
    }
    return histogram;
}

std::optional<QList<CallStatistics::InterruptionDay>> StatisticsReader::interruptionsPerDay(const CallQuery &query)
{
    QVariantList values{QStringLiteral("interruptions_by_agent"), QStringLiteral("interruptions_by_caller")};
    const QString where = whereOf(query, &values);
    QMap<QDate, CallStatistics::InterruptionDay> days;
    const bool read = forEachRow(
        QStringLiteral("SELECT quarter, count(agent), sum(agent >= 1), count(caller), sum(caller >= 1) "
                       "FROM (SELECT c.timestamp / %1 AS quarter, %2 AS agent, %2 AS caller FROM calls c")
                .arg(QuarterHourMs)
                .arg(CurrentScore)
            + where + QStringLiteral(") WHERE agent IS NOT NULL OR caller IS NOT NULL GROUP BY quarter"),
        values, [&](const QSqlQuery &row) {
            const QDate date = localDay(row.value(0).toLongLong());
            CallStatistics::InterruptionDay &day = days[date];
            day.date = date;
            day.evaluatedByAgent += row.value(1).toLongLong();
            day.withAgentInterruptions += row.value(2).toLongLong();
            day.evaluatedByCaller += row.value(3).toLongLong();
            day.withCallerInterruptions += row.value(4).toLongLong();
        });
    return read ? std::optional(days.values()) : std::nullopt;
}

std::optional<QList<CallStatistics::PassRate>> StatisticsReader::passRates(const CallQuery &query)
{
    QVariantList values;
    const QString where = whereOf(query, &values);
    // Every result of the selected calls is read once: the newest version per metric
    // counts, a call's older versions are skipped by the NOT EXISTS seek.
    QList<CallStatistics::PassRate> rates;
    const bool read = forEachRow(QStringLiteral(
                          "SELECT r.metric_id, coalesce(m.key, ''), coalesce(m.name, max(r.name), ''), "
                          "sum(r.passed = 1), sum(r.passed = 0) FROM calls c "
                          "JOIN metric_results r ON r.call = c.id LEFT JOIN metrics m ON m.id = r.metric_id")
                          + (where.isEmpty() ? QStringLiteral(" WHERE ") : where + QStringLiteral(" AND "))
                          + QStringLiteral("r.passed IS NOT NULL AND NOT EXISTS (SELECT 1 FROM metric_results n "
                                           "WHERE n.call = r.call AND n.metric_id = r.metric_id "
                                           "AND n.metric_version > r.metric_version) "
                                           "GROUP BY r.metric_id ORDER BY r.metric_id"),
                      values, [&rates](const QSqlQuery &row) {
                          rates.append({row.value(1).toString(), row.value(2).toString(), row.value(3).toLongLong(),
                                        row.value(4).toLongLong()});
                      });
    return read ? std::optional(rates) : std::nullopt;
}
