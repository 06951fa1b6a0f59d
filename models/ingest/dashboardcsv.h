#pragma once

#include "store/callstatistics.h"

#include <QList>
#include <QString>

// The data behind each dashboard chart as CSV (CsvTable's dialect, lines ending in \n as
// CallExporter writes them, a header row first, numbers in the C locale, rates as
// fractions 0–1), for a spreadsheet or a script.
namespace DashboardCsv {

QString callsPerDay(const QList<CallStatistics::Day> &days);
QString successRate(const QList<CallStatistics::Day> &days);
QString agentStatuses(const QList<CallStatistics::AgentStatuses> &agents);
// One row per bin; the scores past the last bin in a last row without an upper edge.
QString histogram(const CallStatistics::Histogram &histogram);
QString interruptions(const QList<CallStatistics::InterruptionDay> &days);
QString passRates(const QList<CallStatistics::PassRate> &rates);

} // namespace DashboardCsv
