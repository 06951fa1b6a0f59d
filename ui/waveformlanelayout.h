#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// Where each lane of the waveform view sits, in the plot's lane coordinates: y grows
// downwards from 0 at the top, a channel lane is 1 high, a speaker lane less. From the
// top: one lane per audio channel (or one unlabelled lane that holds a message or the
// progress while there are no peaks), then the Agent and Caller turn lanes, then a thin
// Tools row when the call has tool entries. Pure geometry: no painting, no widgets.
class WaveformLaneLayout
{
    Q_DECLARE_TR_FUNCTIONS(WaveformLaneLayout)

public:
    enum class Kind { Channel, AgentTurns, CallerTurns, Tools };

    struct Lane
    {
        Kind kind = Kind::Channel;
        int channel = -1;       // Channel lanes with peaks: the channel drawn there
        QString label;
        double top = 0.0;
        double bottom = 0.0;

        double centre() const { return (top + bottom) / 2; }
        double height() const { return bottom - top; }
    };

    static constexpr double ChannelHeight = 1.0;
    static constexpr double SpeakerHeight = 0.4;
    static constexpr double ToolsHeight = 0.26;
    static constexpr double GroupSpacing = 0.12;   // between the channel and the turn lanes

    WaveformLaneLayout() : WaveformLaneLayout({}, false) {}
    // One channel lane per label (none: one placeholder lane).
    WaveformLaneLayout(const QStringList &channelLabels, bool withTools);

    const QList<Lane> &lanes() const { return m_lanes; }
    const Lane *lane(Kind kind) const;
    double height() const { return m_height; }
    // The channel lanes together: where a message or progress is shown.
    double channelsTop() const { return 0.0; }
    double channelsBottom() const { return m_channelsBottom; }
    QStringList labels() const;

private:
    QList<Lane> m_lanes;
    double m_channelsBottom = 0.0;
    double m_height = 0.0;
};
