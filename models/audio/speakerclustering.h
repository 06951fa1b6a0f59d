#pragma once

#include "speechrun.h"

#include <QList>

struct MonoAudio;

// Tells the two parties of a mono recording (agent and caller on one channel) apart: each
// speech segment is labelled speaker 0 or 1 by clustering its voice, and speaker 0 is
// whoever speaks the earliest segment. A segment's voice is the mean and the spread of
// its MFCCs (Mfcc; c0, the loudness, left out) over its speech frames. The features are
// normalised per dimension, then split in two by k-means (k-means++ seeding from a fixed
// seed, several restarts, the tightest kept), each segment weighted by its duration.
//
// One voice: the split is kept only if it explains at least minimumExplainedShare of the
// normalised features' variance (1 − within-cluster / total weighted squared distance).
// k-means halves any cloud, but halving one voice's segments (which differ only by what
// is said) explains little: 0.20 to 0.33 with espeak-ng voices over 10 to 15 segments,
// where two voices explain 0.45 to 0.62. Below it every segment is speaker 0. Spread is
// compared rather than centroid distance because that stays meaningful with fewer
// segments than feature dimensions, where a centroid axis always finds some gap.
//
// Segments shorter than shortSegmentSeconds, or with too few speech frames, say more
// about the sounds in them than about the voice: they take no part in the clustering and
// take the speaker of the nearest (in time) segment that did. Deterministic: the same
// audio and segments always give the same labels.
class SpeakerClustering
{
public:
    struct Settings
    {
        double shortSegmentSeconds = 0.3;
        double minimumExplainedShare = 0.4;
        // Frames more than speechRangeDb below a segment's loudest are the silence around its
        // speech (turn times include pauses); closer ranges drop the quiet consonants that
        // tell a short segment's voice.
        double speechRangeDb = 40;
        int restarts = 10;
        quint32 seed = 20240612;
    };

    SpeakerClustering();
    explicit SpeakerClustering(const Settings &settings);

    // The speaker (0 or 1) of each of `segments` (seconds from the audio's start), in
    // their order; empty for no segments. Blocking: for a worker thread (calls on several
    // threads at once are safe: each has its own Mfcc, and aubio plans its FFTs under a lock).
    QList<int> speakers(const MonoAudio &audio, const SpeechRuns &segments) const;
    QList<int> speakers(const float *samples, qsizetype count, int sampleRate, const SpeechRuns &segments) const;

private:
    Settings m_settings;
};
