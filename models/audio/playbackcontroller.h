#pragma once

#include "channelsolo.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QMediaPlayer>
#include <QObject>
#include <QTimer>

#include <optional>

class QAudioOutput;

// Plays one call's recording (Qt Multimedia) and is the clock everything else follows:
// position() is always the player's own position, sampled ~30 times a second while
// playing, never a free-running timer, so the transcript and waveform cannot drift from
// what is heard. Adds what a reviewer needs on top of QMediaPlayer: skips, speed steps
// (0.5×–2×, 0.1 apart) with the pitch kept, "play this range then pause", looping a
// range, and soloing the agent or the caller channel of a stereo recording. Qt 6.4's
// GStreamer pipeline can do neither a pitch-kept speed nor a channel, so both come from
// ChannelSolo renditions, rendered off the GUI thread and played at 1× (a new speed is
// heard at once through the player's own rate, the pitch shifted, until its rendition is
// ready); the position and play state carry over each switch, and every time here is
// the recording's, whatever file plays.
class PlaybackController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaybackController)

public:
    enum class Channels { Both, AgentOnly, CallerOnly };
    enum class State {
        Empty,      // no recording set
        Loading,    // the player is opening it (or a solo channel is being prepared)
        Ready,
        Failed,     // errorString() says why
    };

    static constexpr double MinimumRate = 0.5;
    static constexpr double MaximumRate = 2.0;
    static constexpr double RateStep = 0.1;

    // `cacheDir` holds the solo channel files.
    explicit PlaybackController(const QString &cacheDir, QObject *parent = nullptr);
    ~PlaybackController() override;

    // Opens a local file (paused at 0, both channels); an empty path clears.
    void setRecording(const QString &path);
    QString recording() const { return m_recording; }
    // What the player is fed now: the recording, or its solo channel file.
    QString playedFile() const { return m_played; }
    State state() const { return m_state; }
    QString errorString() const { return m_error; }

    double position() const;        // seconds
    double duration() const;        // seconds; 0 until known
    bool isPlaying() const;
    double rate() const { return m_rate; }
    float volume() const;

    // The recording's channel count (from its waveform peaks); solo needs two or more.
    void setChannelCount(int channels);
    int channelCount() const { return m_channelCount; }
    // The channel that carries the agent (main_agent_channel_index, else 0).
    void setAgentChannel(int channel);
    int agentChannel() const { return m_agentChannel; }
    Channels channels() const { return m_channels; }
    void setChannels(Channels channels);

    void play();
    void pause();
    void togglePlay();
    void seek(double seconds);
    void skip(double seconds);
    void setRate(double rate);      // clamped to [MinimumRate, MaximumRate], 0.1 steps
    void slower() { setRate(m_rate - RateStep); }
    void faster() { setRate(m_rate + RateStep); }
    void resetRate() { setRate(1.0); }
    void setVolume(float volume);   // 0-1
    // Plays through the output device with this QAudioDevice id; empty, or a device that
    // is not present: the system default.
    void setOutputDevice(const QByteArray &deviceId);

    // Plays [from, to) once, then pauses at `to`.
    void playRange(double from, double to);
    // Plays [from, to) over and over until stopLooping() or a seek outside it.
    void loopRange(double from, double to);
    void stopLooping();
    bool isLooping() const { return m_loop.has_value(); }

signals:
    void positionChanged(double seconds);
    void durationChanged(double seconds);
    void playingChanged(bool playing);
    void rateChanged(double rate);
    void volumeChanged(float volume);
    void stateChanged(PlaybackController::State state);
    // The channel mode, or the choices (channelCount()) changed.
    void channelsChanged(PlaybackController::Channels channels);
    void loopingChanged(bool looping);
    // A solo channel could not be prepared; playback went on with both channels.
    void soloFailed(const QString &error);

private:
    struct Range
    {
        double from = 0;
        double to = 0;
    };

    void setState(State state, const QString &error = {});
    // `tempo`: how much faster than the recording `file` runs (a rendition at a speed).
    void feed(const QString &file, double position, bool playing, double tempo);
    // Feeds the file for the channel mode and speed: the recording itself (both
    // channels, 1×) or a ChannelSolo rendition, rendered off the GUI thread.
    void updateRendition();
    // Where recording time `recordingMs` is in the file being played.
    qint64 playerMs(qint64 recordingMs) const;
    void applyPending();
    void onMediaStatusChanged(QMediaPlayer::MediaStatus status);
    void onPlaybackStateChanged(QMediaPlayer::PlaybackState state);
    void onSoloRendered();
    void tick();
    int soloChannel(Channels channels) const;

    QString m_cacheDir;
    QMediaPlayer *m_player;
    QAudioOutput *m_output;
    QTimer m_ticker;
    QFutureWatcher<ChannelSolo::Result> m_solo;
    QString m_recording;
    QString m_played;
    State m_state = State::Empty;
    QString m_error;
    double m_rate = 1.0;
    double m_playedTempo = 1.0;     // the played file's speed against the recording
    double m_renderingTempo = 1.0;  // that of the rendition being rendered
    int m_channelCount = 0;
    int m_agentChannel = 0;
    Channels m_channels = Channels::Both;
    std::optional<Range> m_loop;
    std::optional<double> m_stopAt;
    // Restored once the newly fed file has loaded (a solo switch, or a seek before load).
    std::optional<qint64> m_pendingPositionMs;
    bool m_pendingPlay = false;
    // Play was asked for and not paused since: what a switch of file carries over, even
    // while the player is still opening the file and not yet playing.
    bool m_playRequested = false;
    bool m_settingSource = false;
};
