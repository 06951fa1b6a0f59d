#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

// Decodes an audio file (anything FFmpeg's libavformat/libavcodec read: WAV, MP3, FLAC,
// Ogg, Opus, M4A, ...) to interleaved 32-bit float frames at the file's own rate and
// channel count, handing them over in chunks as they are decoded, so memory stays flat
// however long the recording is. Blocking: run it on a worker thread, never the GUI's.
// QAudioDecoder is not used: with Qt 6.4's GStreamer back-end it fails on local files
// and on MP3 (see PLATFORM-NOTES.md).
class AudioDecoder
{
    Q_DECLARE_TR_FUNCTIONS(AudioDecoder)

public:
    struct Format
    {
        int sampleRate = 0;
        int channels = 0;
        qint64 durationMs = -1;     // from the container; -1 when it does not say
    };

    // Receives `frames` frames of `channels` interleaved samples in [-1, 1]; returns
    // false to stop decoding (cancelled).
    using Sink = std::function<bool(const float *interleaved, qint64 frames)>;

    // Opens `path` and decodes it to the end (or until `sink` returns false). On failure
    // returns false and sets `error` to a sentence naming the file and the problem.
    // `format`, when given, is filled as soon as the stream is opened.
    static bool decode(const QString &path, const Sink &sink, Format *format, QString *error);
};
