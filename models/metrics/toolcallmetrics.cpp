#include "toolcallmetrics.h"

#include "metrictext.h"
#include "toolcallpairing.h"
#include "toolresultcheck.h"

#include <QJsonValue>
#include <QStringBuilder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int ListedFailures = 5;

QString toolName(const Turn &call)
{
    const QString name = call.data.value(u"name"_s).toString();
    return name.isEmpty() ? u"A tool call"_s : name;
}

QString allSucceeded(qsizetype calls)
{
    return u"All "_s % QString::number(calls) % u" tool call(s) returned a result without an error."_s;
}

double eventDuration(const Turn &turn)
{
    return std::max(0.0, turn.endTime - turn.startTime);
}

} // namespace

ToolCallMetrics::ToolCallMetrics(const Turns &turns)
{
    const QList<ToolCallPairing::Pair> pairs = ToolCallPairing::pair(turns);
    m_calls = pairs.size();
    for (const ToolCallPairing::Pair &pair : pairs) {
        const Turn &call = turns[pair.call];
        if (pair.result < 0) {
            m_failureEvents.append({call.startTime, eventDuration(call), pair.call});
            m_failureTexts << u"%1 (%2) got no result."_s.arg(toolName(call), MetricText::turn(pair.call));
            continue;
        }
        const Turn &result = turns[pair.result];
        const QString reason = ToolResultCheck::errorReason(result);
        if (reason.isEmpty())
            continue;
        m_failureEvents.append({result.startTime, eventDuration(result), pair.result});
        m_failureTexts << u"%1 (%2) returned an error in %3 (%4): %5"_s.arg(
            toolName(call), MetricText::turn(pair.call), MetricText::turn(pair.result), reason,
            MetricText::quote(ToolResultCheck::resultText(result), 120));
    }
}

MetricOutcome ToolCallMetrics::toolCalls() const
{
    return MetricOutcome::of(double(m_calls), {QString::number(m_calls) % u" Function Call turn(s)."_s});
}

MetricOutcome ToolCallMetrics::failures() const
{
    if (m_calls == 0)
        return MetricOutcome::of(0.0, {u"No tool calls."_s});
    if (m_failureEvents.isEmpty())
        return MetricOutcome::of(0.0, {allSucceeded(m_calls)});
    QStringList explanation = m_failureTexts.first(std::min<qsizetype>(m_failureTexts.size(), ListedFailures));
    if (m_failureTexts.size() > ListedFailures)
        explanation << u"… and %1 more."_s.arg(m_failureTexts.size() - ListedFailures);
    return MetricOutcome::of(double(m_failureEvents.size()), explanation, m_failureEvents);
}

MetricOutcome ToolCallMetrics::success() const
{
    if (m_calls == 0)
        return MetricOutcome::notApplicable(u"no tool calls"_s);
    if (m_failureEvents.isEmpty())
        return MetricOutcome::of(true, {allSucceeded(m_calls)});
    QStringList explanation{u"%1 of %2 tool call(s) failed."_s.arg(m_failureEvents.size()).arg(m_calls)};
    explanation << failures().explanation;
    return MetricOutcome::of(false, explanation, m_failureEvents);
}
