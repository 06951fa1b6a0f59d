#pragma once

#include "calllog/reviewstatus.h"
#include "store/callquery.h"

#include <QDate>
#include <QString>
#include <QTimeZone>

#include <optional>

// The call list a dashboard click opens: the dashboard's query narrowed to the calls the
// clicked bar or point stands for. Narrowing keeps every filter already set (a date range
// is intersected with the day, never widened).
namespace DrillDown {

// The calls of local day `date` in `zone`.
CallQuery toDay(CallQuery query, QDate date, const QTimeZone &zone = QTimeZone::systemTimeZone());
// The calls of these agents (AgentKey strings), with `status` when given.
CallQuery toAgents(CallQuery query, const QStringList &agentKeys, std::optional<ReviewStatus> status = std::nullopt);
// The calls whose current result for `metricKey` passed, or failed.
CallQuery toVerdict(CallQuery query, const QString &metricKey, bool passed);
// The calls whose current score for `metricKey` lies in [minScore, maxScore).
CallQuery toScores(CallQuery query, const QString &metricKey, std::optional<double> minScore,
                   std::optional<double> maxScore);

} // namespace DrillDown
