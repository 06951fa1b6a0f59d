#include "drilldown.h"

#include <QDateTime>

namespace DrillDown {

CallQuery toDay(CallQuery query, QDate date, const QTimeZone &zone)
{
    const QDateTime start(date, QTime(0, 0), zone);
    const QDateTime end = QDateTime(date.addDays(1), QTime(0, 0), zone).addMSecs(-1);
    if (!query.timestampFrom.isValid() || query.timestampFrom < start)
        query.timestampFrom = start;
    if (!query.timestampTo.isValid() || query.timestampTo > end)
        query.timestampTo = end;
    return query;
}

CallQuery toAgents(CallQuery query, const QStringList &agentKeys, std::optional<ReviewStatus> status)
{
    query.agentKeys = agentKeys;
    query.agentKey = {};
    query.agent.clear();
    if (status)
        query.status = status;
    return query;
}

CallQuery toVerdict(CallQuery query, const QString &metricKey, bool passed)
{
    query.metrics.append({metricKey, passed, std::nullopt, std::nullopt});
    return query;
}

CallQuery toScores(CallQuery query, const QString &metricKey, std::optional<double> minScore,
                   std::optional<double> maxScore)
{
    query.metrics.append({metricKey, std::nullopt, minScore, maxScore});
    return query;
}

} // namespace DrillDown
