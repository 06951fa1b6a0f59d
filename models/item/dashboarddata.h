#pragma once

#include "store/callstatistics.h"

#include <QHashFunctions>
#include <QList>
#include <QMetaType>

// The dashboard's figures, each read by one StatisticsReader pass. Calls per day and the
// success rate share one pass (Days).
enum class DashboardFigure { Days, AgentStatuses, Latency, Interruptions, PassRates };

inline size_t qHash(DashboardFigure figure, size_t seed = 0)
{
    return ::qHash(int(figure), seed);
}

inline QList<DashboardFigure> allDashboardFigures()
{
    return {DashboardFigure::Days, DashboardFigure::AgentStatuses, DashboardFigure::Latency,
            DashboardFigure::Interruptions, DashboardFigure::PassRates};
}

// What the figures hold; a read fills the part of its figure.
struct DashboardData
{
    QList<CallStatistics::Day> days;
    QList<CallStatistics::AgentStatuses> agents;
    CallStatistics::Histogram latency;
    QList<CallStatistics::InterruptionDay> interruptions;
    QList<CallStatistics::PassRate> passRates;
};

Q_DECLARE_METATYPE(DashboardData)
Q_DECLARE_METATYPE(DashboardFigure)
