#include "relativeclock.h"

std::optional<double> RelativeClock::seconds(double value)
{
    if (!isEpoch(value))
        return value;
    const double ms = value >= kEpochMillisecondsFloor ? value : value * 1000.0;
    if (!m_originMs)
        m_originMs = ms;
    if (ms < *m_originMs)
        return std::nullopt;
    return (ms - *m_originMs) / 1000.0;
}
