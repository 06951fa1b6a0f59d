#pragma once

#include "calllog/timedword.h"

#include <QString>

#include <functional>
#include <vector>

// One channel of a recording as a transcriber takes it: samples in [-1, 1] at the
// recording's own rate (each back-end resamples to what its model needs).
struct MonoAudio
{
    std::vector<float> samples;
    int sampleRate = 0;

    double durationSeconds() const { return sampleRate > 0 ? double(samples.size()) / sampleRate : 0.0; }
};

// What a transcriber heard: the words with their times in seconds from the audio's start,
// in time order, or the reason it could not transcribe (`error` set).
struct TranscriptionResult
{
    TimedWords words;
    QString error;

    bool failed() const { return !error.isEmpty(); }
};

// A speech-to-text back-end (PocketSphinx, an OpenAI-compatible server). Blocking: run it
// on a worker thread. One instance transcribes one audio at a time.
class Transcriber
{
public:
    // Told the share done so far (0 to 1) now and then; returns false to cancel, after
    // which transcribe() returns promptly with an error.
    using Progress = std::function<bool(double done)>;

    virtual ~Transcriber() = default;

    // The back-end's settings name: "pocketsphinx", "openai".
    virtual QString name() const = 0;
    virtual TranscriptionResult transcribe(const MonoAudio &audio, const Progress &progress) = 0;
};
