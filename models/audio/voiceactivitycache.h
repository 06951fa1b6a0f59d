#pragma once

#include "speechrun.h"

#include <QList>
#include <QString>

// A recording's speech runs per channel (VoiceActivity), cached beside its waveform peaks
// under its ContentKey, so the metrics of a call re-evaluated or of a copy of its
// recording do not decode it again. Blocking: call it off the GUI thread.
class VoiceActivityCache
{
public:
    struct Result
    {
        QList<SpeechRuns> channels;
        bool fromCache = false;
        QString error;   // set: nothing could be read
    };

    // The user's cache folder for it: beside the waveform peaks the call view caches.
    static QString defaultDirectory();
    // `cacheDir` is created when missing; an empty one caches nothing.
    static Result load(const QString &path, const QString &cacheDir);

    // The cache file's bytes, and back (nullopt for bytes of another format or version).
    static QByteArray toBytes(const QList<SpeechRuns> &channels);
    static std::optional<QList<SpeechRuns>> fromBytes(const QByteArray &bytes);
};
