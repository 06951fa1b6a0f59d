#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

struct CallLog;

// Says where a call's audio is, for the player: the copy stored with the call (its
// recordingPath, relative to the recordings folder), else its voice_recording_url, a
// local file or an http(s) address to fetch through the RecordingCache, else nothing,
// with the reason the player shows. Looks at the disk (one stat per candidate file)
// and nothing else.
class RecordingLocator
{
    Q_DECLARE_TR_FUNCTIONS(RecordingLocator)

public:
    enum class Kind {
        None,       // nothing to play; `reason` says why
        LocalFile,  // `localPath` exists
        Remote,     // `url` is http or https: request it from the RecordingCache
    };

    struct Location
    {
        Kind kind = Kind::None;
        QString localPath;
        QUrl url;
        QString reason;
    };

    static Location locate(const CallLog &call, const QString &recordingsDir);
};
