#pragma once

#include "audio/playbacksettings.h"
#include "audio/recordingcachesettings.h"

#include <QWidget>

class QComboBox;
class RecordingCacheBox;

// Preferences › Playback: the audio output device (PlaybackSettings) and the recording
// cache (RecordingCacheBox).
class PlaybackSettingsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaybackSettingsPage)

public:
    PlaybackSettingsPage(const PlaybackSettings &playback, const RecordingCacheSettings &cache, QWidget *parent = nullptr);

    PlaybackSettings playbackSettings() const;
    RecordingCacheSettings recordingCacheSettings() const;
    RecordingCacheBox *recordingCacheBox() const { return m_cache; }

private:
    QComboBox *m_device;
    RecordingCacheBox *m_cache;
};
