#pragma once

#include <QByteArray>

class QSettings;

// How calls are played, as Edit › Preferences › Playback sets them: the audio output
// device (playback/outputDevice, a QAudioDevice id; empty: the system default, also when
// the saved device is not present any more).
struct PlaybackSettings
{
    QByteArray outputDeviceId;

    static PlaybackSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    bool operator==(const PlaybackSettings &) const = default;
};
