#pragma once

#include <QWidget>

class PlaybackController;
class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QToolButton;

// The player's controls under the call header: play/pause, skips, the position slider
// with the time, speed, volume, the channel solo (stereo recordings only), "play turn"
// and "loop turn", and a line saying what is missing or going on ("Downloading the
// recording… 40 %", "This call has no recording."). Drives a PlaybackController and
// follows it; the turn actions go out as signals, since the turn is the transcript's.
// Every control has an accessible name; the play button's says what it does now.
class PlayerBar : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlayerBar)

public:
    PlayerBar(PlaybackController *player, QWidget *parent = nullptr);

    // A sentence about the recording; empty hides it. `error` shows it as a failure.
    void setMessage(const QString &text, bool error = false);
    QString message() const;
    void setLoopChecked(bool looping);

signals:
    void playTurnRequested();
    void loopTurnToggled(bool loop);

private:
    void updateEnabled();
    void updatePlaying(bool playing);
    void updatePosition(double seconds);
    void updateDuration(double seconds);
    void updateChannels();

    PlaybackController *m_player;
    QToolButton *m_play = nullptr;
    QToolButton *m_back = nullptr;
    QToolButton *m_forward = nullptr;
    QSlider *m_position = nullptr;
    QLabel *m_time = nullptr;
    QSpinBox *m_speed = nullptr;
    QSlider *m_volume = nullptr;
    QComboBox *m_channels = nullptr;
    QToolButton *m_playTurn = nullptr;
    QToolButton *m_loopTurn = nullptr;
    QLabel *m_message = nullptr;
};
