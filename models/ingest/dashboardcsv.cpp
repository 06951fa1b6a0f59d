#include "dashboardcsv.h"

#include "csvtable.h"

namespace {

QString number(qint64 value)
{
    return QString::number(value);
}

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

// "" when nothing was counted: a rate of nothing is not 0.
QString rate(qint64 part, qint64 whole)
{
    return whole > 0 ? QString::number(double(part) / double(whole), 'f', 4) : QString();
}

QString dateText(QDate date)
{
    return date.toString(Qt::ISODate);
}

QString line(const QStringList &fields)
{
    return CsvTable::formatRow(fields) + QLatin1Char('\n');
}

template <typename List, typename Row>
QString table(const QStringList &header, const List &items, Row row)
{
    QString csv = line(header);
    for (const auto &item : items)
        csv += line(row(item));
    return csv;
}

} // namespace

namespace DashboardCsv {

QString callsPerDay(const QList<CallStatistics::Day> &days)
{
    return table({QStringLiteral("date"), QStringLiteral("calls")}, days,
                 [](const CallStatistics::Day &day) { return QStringList{dateText(day.date), number(day.calls)}; });
}

QString successRate(const QList<CallStatistics::Day> &days)
{
    return table({QStringLiteral("date"), QStringLiteral("calls_with_status"), QStringLiteral("successes"),
                  QStringLiteral("success_rate")},
                 days, [](const CallStatistics::Day &day) {
                     return QStringList{dateText(day.date), number(day.withStatus), number(day.successes),
                                        rate(day.successes, day.withStatus)};
                 });
}

QString agentStatuses(const QList<CallStatistics::AgentStatuses> &agents)
{
    return table({QStringLiteral("agent"), QStringLiteral("name"), QStringLiteral("success"), QStringLiteral("failure"),
                  QStringLiteral("reviewed_success"), QStringLiteral("reviewed_failure"), QStringLiteral("no_status"),
                  QStringLiteral("total")},
                 agents, [](const CallStatistics::AgentStatuses &agent) {
                     return QStringList{agent.agentKey,           agent.name,
                                        number(agent.success),    number(agent.failure),
                                        number(agent.reviewedSuccess), number(agent.reviewedFailure),
                                        number(agent.none),       number(agent.total())};
                 });
}

QString histogram(const CallStatistics::Histogram &histogram)
{
    QList<int> bins;
    for (int bin = 0; bin < histogram.counts.size(); ++bin)
        bins.append(bin);
    QString csv = table({QStringLiteral("metric"), QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("calls")},
                        bins, [&histogram](int bin) {
                            return QStringList{histogram.metricKey, number(histogram.binStart(bin)),
                                               number(histogram.binStart(bin + 1)), number(histogram.counts.at(bin))};
                        });
    if (histogram.beyond > 0) {
        csv += line({histogram.metricKey, number(histogram.binStart(int(histogram.counts.size()))),
                                    QString(), number(histogram.beyond)});
    }
    return csv;
}

QString interruptions(const QList<CallStatistics::InterruptionDay> &days)
{
    return table({QStringLiteral("date"), QStringLiteral("evaluated_by_agent"), QStringLiteral("with_agent_interruptions"),
                  QStringLiteral("agent_rate"), QStringLiteral("evaluated_by_caller"),
                  QStringLiteral("with_caller_interruptions"), QStringLiteral("caller_rate")},
                 days, [](const CallStatistics::InterruptionDay &day) {
                     return QStringList{dateText(day.date),
                                        number(day.evaluatedByAgent),
                                        number(day.withAgentInterruptions),
                                        rate(day.withAgentInterruptions, day.evaluatedByAgent),
                                        number(day.evaluatedByCaller),
                                        number(day.withCallerInterruptions),
                                        rate(day.withCallerInterruptions, day.evaluatedByCaller)};
                 });
}

QString passRates(const QList<CallStatistics::PassRate> &rates)
{
    return table({QStringLiteral("metric"), QStringLiteral("name"), QStringLiteral("passed"), QStringLiteral("failed"),
                  QStringLiteral("pass_rate")},
                 rates, [](const CallStatistics::PassRate &metric) {
                     return QStringList{metric.key, metric.name, number(metric.passed), number(metric.failed),
                                        rate(metric.passed, metric.total())};
                 });
}

} // namespace DashboardCsv
