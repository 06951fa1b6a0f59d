#pragma once

#include "callquery.h"
#include "callstatistics.h"

#include <QList>
#include <QString>
#include <QTimeZone>
#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>

class QSqlQuery;
class SqliteConnection;

// Reads the dashboard's aggregates on its own read-only connection: each figure is one
// SQL pass over the calls `query` selects (its filters; sort and paging ignored), so
// nothing proportional to the number of calls crosses into C++ except a histogram's
// scores. Days are local days in `zone`: calls are counted per UTC quarter hour in SQL
// and the quarters folded into days here, which is exact for every zone offset in use.
// Use on the thread that created it. Each read returns nullopt when it fails (or was
// interrupted) and says why in lastError().
class StatisticsReader
{
    Q_DISABLE_COPY_MOVE(StatisticsReader)

public:
    explicit StatisticsReader(const QString &databasePath, const QTimeZone &zone = QTimeZone::systemTimeZone());
    ~StatisticsReader();

    bool isOpen() const;
    QString lastError() const { return m_lastError; }
    // Thread-safe: the read running now stops and fails.
    void interrupt() const;

    // Days with calls, oldest first.
    std::optional<QList<CallStatistics::Day>> callsPerDay(const CallQuery &query);
    // Agents with calls, most calls first.
    std::optional<QList<CallStatistics::AgentStatuses>> statusesByAgent(const CallQuery &query);
    // The current results of the numeric metric `metricKey` (empty when it has none).
    std::optional<CallStatistics::Histogram> histogram(const CallQuery &query, const QString &metricKey);
    // Days with evaluated interruption metrics, oldest first.
    std::optional<QList<CallStatistics::InterruptionDay>> interruptionsPerDay(const CallQuery &query);
    // Every metric with a current binary verdict, in metric order (built-ins first).
    std::optional<QList<CallStatistics::PassRate>> passRates(const CallQuery &query);

private:
    // Runs `sql` and hands each row to `row`; false (lastError() says why) when it fails.
    bool forEachRow(const QString &sql, const QVariantList &values, const std::function<void(const QSqlQuery &)> &row);
    QDate localDay(qint64 quarterHour) const;

    std::unique_ptr<SqliteConnection> m_connection;
    QTimeZone m_zone;
    QString m_lastError;
};
