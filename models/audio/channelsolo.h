#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QString>

// One channel of a stereo recording on its own, for "solo the agent / the caller":
// Qt Multimedia's player has no channel control, so the channel is written out once as
// a mono 16-bit WAV (libsndfile) in the cache folder, named by the recording's content
// key, and the player is given that file. Runs off the calling thread; cancellable.
class ChannelSolo
{
    Q_DECLARE_TR_FUNCTIONS(ChannelSolo)

public:
    struct Result
    {
        QString path;       // the mono file; empty on failure
        QString error;      // a sentence naming the file and the problem
    };

    static QFuture<Result> render(const QString &recording, int channel, const QString &cacheDir);
};
