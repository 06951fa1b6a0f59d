#include "waveformlanelayout.h"

WaveformLaneLayout::WaveformLaneLayout(const QStringList &channelLabels, bool withTools)
{
    double y = 0.0;
    auto add = [this, &y](Kind kind, int channel, const QString &label, double height) {
        m_lanes.append({kind, channel, label, y, y + height});
        y += height;
    };
    if (channelLabels.isEmpty())
        add(Kind::Channel, -1, QString(), ChannelHeight);
    for (int channel = 0; channel < channelLabels.size(); ++channel)
        add(Kind::Channel, channel, channelLabels[channel], ChannelHeight);
    m_channelsBottom = y;
    y += GroupSpacing;
    add(Kind::AgentTurns, -1, tr("Agent"), SpeakerHeight);
    add(Kind::CallerTurns, -1, tr("Caller"), SpeakerHeight);
    if (withTools)
        add(Kind::Tools, -1, tr("Tools"), ToolsHeight);
    m_height = y;
}

const WaveformLaneLayout::Lane *WaveformLaneLayout::lane(Kind kind) const
{
    for (const Lane &lane : m_lanes) {
        if (lane.kind == kind)
            return &lane;
    }
    return nullptr;
}

QStringList WaveformLaneLayout::labels() const
{
    QStringList labels;
    for (const Lane &lane : m_lanes)
        labels.append(lane.label);
    return labels;
}
