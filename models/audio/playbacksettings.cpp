#include "playbacksettings.h"

#include <QSettings>

namespace {

const QString OutputDeviceKey = QStringLiteral("playback/outputDevice");

} // namespace

PlaybackSettings PlaybackSettings::load(const QSettings &settings)
{
    PlaybackSettings playback;
    playback.outputDeviceId = settings.value(OutputDeviceKey).toByteArray();
    return playback;
}

void PlaybackSettings::save(QSettings &settings) const
{
    if (outputDeviceId.isEmpty())
        settings.remove(OutputDeviceKey);
    else
        settings.setValue(OutputDeviceKey, outputDeviceId);
}
