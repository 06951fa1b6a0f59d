#pragma once

#include <QList>

class WaveformPeaks;

// One channel's waveform over a time range at a fixed number of columns (a view's pixel
// width): for each column, the smallest and largest sample of the peak buckets it covers.
// Columns are equally wide; `times` holds each column's centre in seconds. Columns beyond
// the recording are left out, so an envelope can be shorter than the columns asked for.
struct PeaksEnvelope
{
    QList<double> times;
    QList<float> minima;
    QList<float> maxima;

    qsizetype size() const { return times.size(); }
};

// What the waveform view draws: never more points than pixels, however long the recording.
// The cost is one pass over the buckets in the range.
class PeaksDownsampler
{
public:
    static PeaksEnvelope envelope(const WaveformPeaks &peaks, int channel, double fromSeconds, double toSeconds,
                                  int columns);
};
