#include "playerbar.h"

#include "audio/playbackcontroller.h"
#include "item/transcriptmodel.h"
#include "speedspinbox.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace {

QToolButton *toolButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAccessibleName(text);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

} // namespace

PlayerBar::PlayerBar(PlaybackController *player, QWidget *parent)
    : QWidget(parent)
    , m_player(player)
{
    m_play = toolButton(tr("Play"), tr("Play or pause (Space)"), this);
    m_play->setObjectName(QStringLiteral("playButton"));
    m_play->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_play->setIconSize(QSize(22, 22));
    m_back = toolButton(tr("−5 s"), tr("Back 5 seconds (J; Shift+J: 1 second)"), this);
    m_forward = toolButton(tr("+5 s"), tr("Forward 5 seconds (L; Shift+L: 1 second)"), this);

    m_position = new QSlider(Qt::Horizontal, this);
    m_position->setObjectName(QStringLiteral("positionSlider"));
    m_position->setAccessibleName(tr("Playback position"));
    m_position->setFocusPolicy(Qt::TabFocus);
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("playbackTime"));
    m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00 / 00:00:00")));
    m_time->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_speed = new SpeedSpinBox(this);
    m_speed->setObjectName(QStringLiteral("speedBox"));
    m_speed->setAccessibleName(tr("Playback speed"));
    m_speed->setToolTip(tr("Playback speed ([ slower, ] faster, \\ normal)"));
    m_speed->setFocusPolicy(Qt::TabFocus);
    m_volume = new QSlider(Qt::Horizontal, this);
    m_volume->setObjectName(QStringLiteral("volumeSlider"));
    m_volume->setAccessibleName(tr("Volume"));
    m_volume->setRange(0, 100);
    m_volume->setValue(qRound(player->volume() * 100));
    m_volume->setFixedWidth(90);
    m_volume->setFocusPolicy(Qt::TabFocus);
    auto *volumeLabel = new QLabel(tr("Volume"), this);
    volumeLabel->setBuddy(m_volume);
    m_channels = new QComboBox(this);
    m_channels->setObjectName(QStringLiteral("channelsBox"));
    m_channels->setAccessibleName(tr("Channels"));
    m_channels->setToolTip(tr("Hear both channels of a stereo recording, or only the agent's or the caller's"));
    m_channels->addItem(tr("Both channels"), int(PlaybackController::Channels::Both));
    m_channels->addItem(tr("Agent only"), int(PlaybackController::Channels::AgentOnly));
    m_channels->addItem(tr("Caller only"), int(PlaybackController::Channels::CallerOnly));
    m_channels->setFocusPolicy(Qt::TabFocus);
    m_playTurn = toolButton(tr("Play turn"), tr("Play the selected turn, then pause (Enter)"), this);
    m_loopTurn = toolButton(tr("Loop turn"), tr("Play the selected turn over and over"), this);
    m_loopTurn->setCheckable(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("playerMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *transport = new QHBoxLayout;
    transport->setSpacing(4);
    transport->addWidget(m_play);
    transport->addWidget(m_back);
    transport->addWidget(m_forward);
    transport->addWidget(m_position, 1);
    transport->addWidget(m_time);
    auto *options = new QHBoxLayout;
    options->setSpacing(6);
    options->addWidget(m_speed);
    options->addWidget(volumeLabel);
    options->addWidget(m_volume);
    options->addWidget(m_channels);
    options->addWidget(m_playTurn);
    options->addWidget(m_loopTurn);
    options->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 4, 12, 4);
    layout->setSpacing(2);
    layout->addLayout(transport);
    layout->addLayout(options);
    layout->addWidget(m_message);

    connect(m_play, &QToolButton::clicked, player, &PlaybackController::togglePlay);
    connect(m_back, &QToolButton::clicked, player, [player] { player->skip(-5.0); });
    connect(m_forward, &QToolButton::clicked, player, [player] { player->skip(5.0); });
    // Every change not made by updatePosition() (which blocks signals) is the user's or
    // an assistive technology's: a drag, a key, a page click, an accessible setValue.
    connect(m_position, &QSlider::valueChanged, player, [player](int ms) { player->seek(ms / 1000.0); });
    connect(m_speed, &QSpinBox::valueChanged, player, [player](int percent) { player->setRate(percent / 100.0); });
    connect(m_volume, &QSlider::valueChanged, player, [player](int percent) { player->setVolume(float(percent) / 100.0f); });
    connect(m_channels, &QComboBox::activated, this, [this] {
        m_player->setChannels(PlaybackController::Channels(m_channels->currentData().toInt()));
    });
    connect(m_playTurn, &QToolButton::clicked, this, &PlayerBar::playTurnRequested);
    connect(m_loopTurn, &QToolButton::toggled, this, &PlayerBar::loopTurnToggled);

    connect(player, &PlaybackController::playingChanged, this, &PlayerBar::updatePlaying);
    connect(player, &PlaybackController::positionChanged, this, &PlayerBar::updatePosition);
    connect(player, &PlaybackController::durationChanged, this, &PlayerBar::updateDuration);
    connect(player, &PlaybackController::stateChanged, this, &PlayerBar::updateEnabled);
    connect(player, &PlaybackController::channelsChanged, this, &PlayerBar::updateChannels);
    connect(player, &PlaybackController::loopingChanged, this, &PlayerBar::setLoopChecked);
    connect(player, &PlaybackController::rateChanged, this, [this](double rate) {
        const QSignalBlocker blocker(m_speed);
        m_speed->setValue(qRound(rate * 100));
    });
    connect(player, &PlaybackController::volumeChanged, this, [this](float volume) {
        const QSignalBlocker blocker(m_volume);
        m_volume->setValue(qRound(volume * 100));
    });

    updatePlaying(false);
    updateDuration(player->duration());
    updateEnabled();
}

void PlayerBar::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x1e, 0x1e));
    else
        palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    m_message->setPalette(palette);
    m_message->setVisible(!text.isEmpty());
}

QString PlayerBar::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void PlayerBar::setLoopChecked(bool looping)
{
    const QSignalBlocker blocker(m_loopTurn);
    m_loopTurn->setChecked(looping);
}

void PlayerBar::updateEnabled()
{
    const bool ready = m_player->state() == PlaybackController::State::Ready;
    for (QWidget *control : std::initializer_list<QWidget *>{m_play, m_back, m_forward, m_position, m_playTurn, m_loopTurn})
        control->setEnabled(ready);
    if (m_player->state() == PlaybackController::State::Failed)
        setMessage(m_player->errorString(), true);
    updateChannels();
}

void PlayerBar::updateChannels()
{
    m_channels->setVisible(m_player->channelCount() >= 2);
    m_channels->setEnabled(m_player->state() == PlaybackController::State::Ready);
    const int row = m_channels->findData(int(m_player->channels()));
    const QSignalBlocker blocker(m_channels);
    m_channels->setCurrentIndex(std::max(row, 0));
}

void PlayerBar::updatePlaying(bool playing)
{
    // Named by what a press does now, for the screen reader as for the eye.
    const QString action = playing ? tr("Pause") : tr("Play");
    m_play->setText(action);
    m_play->setAccessibleName(action);
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void PlayerBar::updatePosition(double seconds)
{
    if (!m_position->isSliderDown()) {
        const QSignalBlocker blocker(m_position);
        m_position->setValue(int(std::llround(seconds * 1000)));
    }
    m_time->setText(tr("%1 / %2").arg(TranscriptModel::formatTime(seconds), TranscriptModel::formatTime(m_player->duration())));
}

void PlayerBar::updateDuration(double seconds)
{
    const QSignalBlocker blocker(m_position);
    m_position->setRange(0, int(std::llround(seconds * 1000)));
    m_position->setSingleStep(1000);
    m_position->setPageStep(5000);
    updatePosition(m_player->position());
}
