#include "playbacksettingspage.h"

#include "recordingcachebox.h"

#include <QAudioDevice>
#include <QComboBox>
#include <QFormLayout>
#include <QMediaDevices>
#include <QVBoxLayout>

PlaybackSettingsPage::PlaybackSettingsPage(const PlaybackSettings &playback, const RecordingCacheSettings &cache,
                                           QWidget *parent)
    : QWidget(parent), m_device(new QComboBox), m_cache(new RecordingCacheBox(cache))
{
    m_device->setAccessibleName(tr("Audio output device"));
    m_device->addItem(tr("System default"), QByteArray());
    for (const QAudioDevice &device : QMediaDevices::audioOutputs())
        m_device->addItem(device.description(), device.id());
    int current = m_device->findData(playback.outputDeviceId);
    if (current < 0 && !playback.outputDeviceId.isEmpty()) {
        // Saved but not plugged in now: kept, so it is used again when it comes back.
        m_device->addItem(tr("%1 (not connected)").arg(QString::fromUtf8(playback.outputDeviceId)), playback.outputDeviceId);
        current = m_device->count() - 1;
    }
    m_device->setCurrentIndex(std::max(0, current));

    auto *form = new QFormLayout;
    form->addRow(tr("Output device:"), m_device);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_cache);
    layout->addStretch();
}

PlaybackSettings PlaybackSettingsPage::playbackSettings() const
{
    PlaybackSettings settings;
    settings.outputDeviceId = m_device->currentData().toByteArray();
    return settings;
}

RecordingCacheSettings PlaybackSettingsPage::recordingCacheSettings() const
{
    return m_cache->settings();
}
