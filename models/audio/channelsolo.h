#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QString>

// One channel of a stereo recording on its own, for "solo the agent / the caller":
// Qt Multimedia's player has no channel control, so the channel is written out once as
// a mono 16-bit WAV (libsndfile) in the cache folder, named by the recording's content
// key, and the player is given that file. A tempo other than 1 time-stretches the file
// with SoundTouch, which keeps the pitch (Qt 6.4's GStreamer pipeline has no scaletempo,
// so the player's own rate raises it). Runs off the calling thread; cancellable.
class ChannelSolo
{
    Q_DECLARE_TR_FUNCTIONS(ChannelSolo)

public:
    struct Result
    {
        QString path;       // the mono file; empty on failure
        QString error;      // a sentence naming the file and the problem
    };

    // `channel` -1 keeps every channel; `tempo` 1.5 makes a file that lasts 1/1.5 as long.
    static QFuture<Result> render(const QString &recording, int channel, const QString &cacheDir, double tempo = 1.0);
};
