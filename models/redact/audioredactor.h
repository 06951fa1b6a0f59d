#pragma once

#include "audiospan.h"

#include <QCoreApplication>
#include <QString>

// Removes stretches of speech from a recording file in place (REDACTION.md §3): every
// channel's samples in each padded span are replaced, not mixed, with silence or a
// 1 kHz bleep at -12 dBFS, with raised-cosine fades on either side against clicks.
// The file is decoded in chunks and written beside the original under a temporary name,
// then renamed over it, so memory stays flat for hour-long calls and no unredacted copy
// remains. WAV and FLAC keep their container (24-bit stays 24-bit); anything else (MP3,
// Ogg, ...) becomes a 16-bit WAV next to it and the original is removed. Samples outside
// the spans and their fades come out exactly as decoded. Blocking: run it on a worker
// thread.
class AudioRedactor
{
    Q_DECLARE_TR_FUNCTIONS(AudioRedactor)

public:
    enum class Fill { Silence, Tone };

    struct Settings
    {
        Fill fill = Fill::Silence;
        double pad = 0.080;             // seconds added on each side of a span with word times
        double estimatedPad = 0.250;    // ... of a span whose times were spread over a turn
        double mergeGap = 0.300;        // spans closer than this are joined, so no fragment survives between them
        double fade = 0.008;            // raised-cosine ramp outside each replaced stretch
    };

    struct Result
    {
        // The redacted recording: the same path, or a new name when the format changed.
        // Empty on failure, but for an original that could not be removed after the
        // redacted file was saved (`error` says so).
        QString path;
        QString error;      // a sentence naming the file and the problem
    };

    static constexpr double toneFrequency = 1000.0;
    static constexpr double toneAmplitude = 0.2512;    // peak, -12 dBFS

    AudioRedactor() = default;
    explicit AudioRedactor(const Settings &settings);

    const Settings &settings() const { return m_settings; }

    // What is replaced for `spans`: each span padded, clamped to [0, duration] (no upper
    // clamp when duration < 0, unknown), sorted and merged; estimated when any part was.
    AudioSpans coverage(const AudioSpans &spans, double duration = -1.0) const;

    // Redacts `spans` of the recording at `path`. With nothing to cover the file is left as it is.
    Result redact(const QString &path, const AudioSpans &spans) const;

private:
    Settings m_settings;
};
