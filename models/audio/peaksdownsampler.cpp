#include "peaksdownsampler.h"

#include "waveformpeaks.h"

#include <algorithm>
#include <cmath>

namespace {

constexpr double kEdgeSlack = 1e-6;   // in buckets

} // namespace

PeaksEnvelope PeaksDownsampler::envelope(const WaveformPeaks &peaks, int channel, double fromSeconds,
                                         double toSeconds, int columns)
{
    PeaksEnvelope envelope;
    const int buckets = peaks.bucketCount();
    if (columns <= 0 || toSeconds <= fromSeconds || channel < 0 || channel >= peaks.channels() || buckets == 0)
        return envelope;
    envelope.times.reserve(columns);
    envelope.minima.reserve(columns);
    envelope.maxima.reserve(columns);

    // Bucket b covers [b, b + 1) / bucketsPerSecond (about BucketsPerSecond: a bucket is a
    // whole number of frames). A column takes every bucket that touches it, so a column
    // narrower than a bucket still shows the bucket under it.
    const double bucketsPerSecond = double(peaks.sampleRate()) / peaks.framesPerBucket();
    const double width = (toSeconds - fromSeconds) / columns;
    for (int column = 0; column < columns; ++column) {
        const double start = fromSeconds + column * width;
        const double end = start + width;
        // A column edge that falls on a bucket edge (up to rounding) takes neither neighbour.
        const double firstBucket = std::floor(start * bucketsPerSecond + kEdgeSlack);
        const double lastBucket = std::max(firstBucket + 1, std::ceil(end * bucketsPerSecond - kEdgeSlack));
        const int first = int(std::clamp(firstBucket, 0.0, double(buckets)));
        const int last = int(std::clamp(lastBucket, 0.0, double(buckets)));   // exclusive
        if (first >= last)
            continue;
        float low = peaks.minimum(channel, first);
        float high = peaks.maximum(channel, first);
        for (int bucket = first + 1; bucket < last; ++bucket) {
            low = std::min(low, peaks.minimum(channel, bucket));
            high = std::max(high, peaks.maximum(channel, bucket));
        }
        envelope.times.append(start + width / 2);
        envelope.minima.append(low);
        envelope.maxima.append(high);
    }
    return envelope;
}
