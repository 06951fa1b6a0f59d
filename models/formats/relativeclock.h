#pragma once

#include <optional>

// Turns a transcript's time values into seconds from the start of the call. Values that
// are plainly absolute (epoch milliseconds from 1e11, epoch seconds from 1e8: no call
// lasts three years) count from the first absolute value seen; smaller values already
// are seconds from the start and pass through.
class RelativeClock
{
public:
    // Seconds from the start, or nullopt when an absolute value lies before the origin.
    std::optional<double> seconds(double value);

    static bool isEpoch(double value) { return value >= kEpochSecondsFloor; }

private:
    static constexpr double kEpochSecondsFloor = 1e8;
    static constexpr double kEpochMillisecondsFloor = 1e11;

    std::optional<double> m_originMs;
};
