#pragma once

#include <QList>

// A stretch of a recording to redact, in seconds from the start of the file. `estimated`
// says the times were not measured word by word but spread over a turn by character
// length, so the AudioRedactor pads it more widely.
struct AudioSpan
{
    double start = 0.0;
    double end = 0.0;
    bool estimated = false;

    bool operator==(const AudioSpan &) const = default;
};

using AudioSpans = QList<AudioSpan>;
