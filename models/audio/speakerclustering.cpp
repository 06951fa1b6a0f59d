#include "speakerclustering.h"

#include "mfcc.h"
#include "transcribe/transcriber.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <random>

namespace {

using Point = std::vector<double>;

// Fewer speech frames than this (a tenth of a second) give no reliable voice.
constexpr std::size_t MinimumSpeechFrames = 10;
// Past this a segment's features are as reliable as they get: a long monologue must not
// outweigh the other party's many short turns.
constexpr double MaximumWeightSeconds = 5.0;
constexpr int MaximumIterations = 100;

// The mean and standard deviation of c1..cN over the segment's speech frames; empty when
// it has too few of them.
Point voiceOf(Mfcc &mfcc, const float *samples, qsizetype count, int sampleRate, const SpeechRun &segment,
              double speechRangeDb)
{
    const auto first = std::clamp(qsizetype(segment.start * sampleRate), qsizetype(0), count);
    const auto last = std::clamp(qsizetype(segment.end * sampleRate), first, count);
    const std::vector<Mfcc::Frame> frames = mfcc.frames(samples + first, last - first);
    double loudest = -std::numeric_limits<double>::infinity();
    for (const Mfcc::Frame &frame : frames)
        loudest = std::max(loudest, frame.energyDb);
    std::vector<const Mfcc::Frame *> speech;
    for (const Mfcc::Frame &frame : frames) {
        if (frame.energyDb >= loudest - speechRangeDb)
            speech.push_back(&frame);
    }
    if (speech.size() < MinimumSpeechFrames)
        return {};
    const int dimensions = mfcc.coefficientCount() - 1;
    Point voice(std::size_t(dimensions) * 2, 0.0);
    for (const Mfcc::Frame *frame : speech) {
        for (int c = 0; c < dimensions; ++c)
            voice[std::size_t(c)] += frame->coefficients[std::size_t(c) + 1];
    }
    for (int c = 0; c < dimensions; ++c)
        voice[std::size_t(c)] /= double(speech.size());
    for (const Mfcc::Frame *frame : speech) {
        for (int c = 0; c < dimensions; ++c) {
            const double deviation = frame->coefficients[std::size_t(c) + 1] - voice[std::size_t(c)];
            voice[std::size_t(dimensions + c)] += deviation * deviation;
        }
    }
    for (int c = 0; c < dimensions; ++c)
        voice[std::size_t(dimensions + c)] = std::sqrt(voice[std::size_t(dimensions + c)] / double(speech.size()));
    return voice;
}

// Each dimension shifted and scaled to weighted mean 0 and standard deviation 1, so that
// no coefficient dominates by its range; a constant dimension becomes 0.
void normalise(std::vector<Point> &points, const std::vector<double> &weights)
{
    double total = 0;
    for (const double weight : weights)
        total += weight;
    for (std::size_t d = 0; d < points.front().size(); ++d) {
        double mean = 0;
        for (std::size_t i = 0; i < points.size(); ++i)
            mean += weights[i] * points[i][d];
        mean /= total;
        double variance = 0;
        for (std::size_t i = 0; i < points.size(); ++i)
            variance += weights[i] * (points[i][d] - mean) * (points[i][d] - mean);
        const double deviation = std::sqrt(variance / total);
        for (Point &point : points)
            point[d] = deviation > 1e-9 ? (point[d] - mean) / deviation : 0.0;
    }
}

double squaredDistance(const Point &a, const Point &b)
{
    double sum = 0;
    for (std::size_t d = 0; d < a.size(); ++d)
        sum += (a[d] - b[d]) * (a[d] - b[d]);
    return sum;
}

struct Split
{
    std::array<Point, 2> centroids;
    std::vector<int> labels;
    double inertia = std::numeric_limits<double>::infinity();   // weighted squared distances
};

std::size_t pick(const std::vector<double> &chances, std::mt19937 &random)
{
    std::discrete_distribution<std::size_t> distribution(chances.begin(), chances.end());
    return distribution(random);
}

// Lloyd's k-means with k = 2 from k-means++ seeds: the first centroid drawn by weight,
// the second by weight times squared distance from the first.
Split kMeans(const std::vector<Point> &points, const std::vector<double> &weights, std::mt19937 &random)
{
    Split split;
    split.centroids[0] = points[pick(weights, random)];
    std::vector<double> chances(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        chances[i] = weights[i] * squaredDistance(points[i], split.centroids[0]);
    if (std::all_of(chances.begin(), chances.end(), [](double chance) { return chance <= 0; }))
        return split;   // every point alike: nothing to split
    split.centroids[1] = points[pick(chances, random)];

    split.labels.assign(points.size(), -1);
    for (int iteration = 0; iteration < MaximumIterations; ++iteration) {
        bool moved = false;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const bool second = squaredDistance(points[i], split.centroids[1]) < squaredDistance(points[i], split.centroids[0]);
            const int label = second ? 1 : 0;
            moved = moved || label != split.labels[i];
            split.labels[i] = label;
        }
        if (!moved)
            break;
        for (int cluster = 0; cluster < 2; ++cluster) {
            Point sum(points.front().size(), 0.0);
            double weight = 0;
            for (std::size_t i = 0; i < points.size(); ++i) {
                if (split.labels[i] != cluster)
                    continue;
                for (std::size_t d = 0; d < sum.size(); ++d)
                    sum[d] += weights[i] * points[i][d];
                weight += weights[i];
            }
            if (weight <= 0)
                return Split{};   // a cluster emptied: this start failed
            for (double &value : sum)
                value /= weight;
            split.centroids[std::size_t(cluster)] = std::move(sum);
        }
    }
    split.inertia = 0;
    for (std::size_t i = 0; i < points.size(); ++i)
        split.inertia += weights[i] * squaredDistance(points[i], split.centroids[std::size_t(split.labels[i])]);
    return split;
}

// The share of the features' variance that the split explains: its clusters' spread
// (inertia) against the spread about the overall mean, which is 0 after normalise().
double explainedShare(const Split &split, const std::vector<Point> &points, const std::vector<double> &weights)
{
    double total = 0;
    const Point origin(points.front().size(), 0.0);
    for (std::size_t i = 0; i < points.size(); ++i)
        total += weights[i] * squaredDistance(points[i], origin);
    return total > 0 ? 1 - split.inertia / total : 0;
}

double gapBetween(const SpeechRun &a, const SpeechRun &b)
{
    return std::max({0.0, b.start - a.end, a.start - b.end});
}

} // namespace

SpeakerClustering::SpeakerClustering()
    : SpeakerClustering(Settings{})
{
}

SpeakerClustering::SpeakerClustering(const Settings &settings)
    : m_settings(settings)
{
}

QList<int> SpeakerClustering::speakers(const MonoAudio &audio, const SpeechRuns &segments) const
{
    return speakers(audio.samples.data(), qsizetype(audio.samples.size()), audio.sampleRate, segments);
}

QList<int> SpeakerClustering::speakers(const float *samples, qsizetype count, int sampleRate,
                                       const SpeechRuns &segments) const
{
    QList<int> result(segments.size(), 0);
    if (segments.size() < 2 || sampleRate <= 0)
        return result;

    Mfcc mfcc(sampleRate);
    std::vector<Point> points;
    std::vector<double> weights;
    std::vector<qsizetype> clustered;   // the segment of each point
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (segments[i].duration() < m_settings.shortSegmentSeconds)
            continue;
        Point voice = voiceOf(mfcc, samples, count, sampleRate, segments[i], m_settings.speechRangeDb);
        if (voice.empty())
            continue;
        points.push_back(std::move(voice));
        weights.push_back(std::min(segments[i].duration(), MaximumWeightSeconds));
        clustered.push_back(i);
    }
    if (points.size() < 2)
        return result;

    normalise(points, weights);
    std::mt19937 random(m_settings.seed);
    Split best;
    for (int restart = 0; restart < std::max(1, m_settings.restarts); ++restart) {
        Split split = kMeans(points, weights, random);
        if (split.inertia < best.inertia)
            best = std::move(split);
    }
    if (best.labels.empty() || explainedShare(best, points, weights) < m_settings.minimumExplainedShare)
        return result;

    QList<int> label(segments.size(), -1);
    for (std::size_t point = 0; point < clustered.size(); ++point)
        label[clustered[point]] = best.labels[point];
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (label[i] >= 0) {
            result[i] = label[i];
            continue;
        }
        // The nearest segment that was clustered; the earlier one on a tie.
        qsizetype nearest = clustered.front();
        for (const qsizetype other : clustered) {
            const double gap = gapBetween(segments[i], segments[other]);
            const double nearestGap = gapBetween(segments[i], segments[nearest]);
            if (gap < nearestGap || (gap == nearestGap && segments[other].start < segments[nearest].start))
                nearest = other;
        }
        result[i] = label[nearest];
    }

    const auto earliest = std::min_element(segments.begin(), segments.end(), [](const SpeechRun &a, const SpeechRun &b) {
        return a.start < b.start;
    });
    if (result[earliest - segments.begin()] == 1) {
        for (int &speaker : result)
            speaker = 1 - speaker;
    }
    return result;
}
