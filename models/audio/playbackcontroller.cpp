#include "playbackcontroller.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QMediaDevices>
#include <QUrl>

#include <cmath>

namespace {

constexpr int kTickMs = 33;   // how often the position is sampled while playing

qint64 toMs(double seconds)
{
    return qint64(std::llround(seconds * 1000.0));
}

bool isTempo(double rate, double tempo)
{
    return std::abs(rate - tempo) < 1e-6;
}

} // namespace

PlaybackController::PlaybackController(const QString &cacheDir, QObject *parent)
    : QObject(parent)
    , m_cacheDir(cacheDir)
    , m_player(new QMediaPlayer(this))
    , m_output(new QAudioOutput(this))
{
    m_player->setAudioOutput(m_output);
    m_ticker.setInterval(kTickMs);
    m_ticker.setTimerType(Qt::PreciseTimer);
    connect(&m_ticker, &QTimer::timeout, this, &PlaybackController::tick);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &PlaybackController::onMediaStatusChanged);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, &PlaybackController::onPlaybackStateChanged);
    connect(m_player, &QMediaPlayer::positionChanged, this, [this] {
        const QMediaPlayer::MediaStatus status = m_player->mediaStatus();
        if (!m_settingSource && (status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia))
            applyPending();
    });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 ms) { emit durationChanged(double(ms) * m_playedTempo / 1000.0); });
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString &text) {
        setState(State::Failed, text.isEmpty() ? tr("The recording cannot be played.") : text);
    });
    connect(m_output, &QAudioOutput::volumeChanged, this, &PlaybackController::volumeChanged);
    connect(&m_solo, &QFutureWatcherBase::finished, this, &PlaybackController::onSoloRendered);
}

PlaybackController::~PlaybackController()
{
    m_solo.cancel();
    m_solo.waitForFinished();
}

void PlaybackController::setRecording(const QString &path)
{
    m_solo.cancel();
    m_recording = path;
    stopLooping();
    m_stopAt.reset();
    if (m_channels != Channels::Both) {
        m_channels = Channels::Both;
        emit channelsChanged(m_channels);
    }
    m_channelCount = 0;
    m_playRequested = false;
    if (path.isEmpty()) {
        m_played.clear();
        m_playedTempo = 1.0;
        m_pendingPositionMs.reset();
        m_player->setSource(QUrl());
        setState(State::Empty);
        emit positionChanged(0);
        return;
    }
    feed(path, 0, false, 1.0);
    if (!isTempo(m_rate, 1.0))
        updateRendition();
}

void PlaybackController::feed(const QString &file, double position, bool playing, double tempo)
{
    m_played = file;
    m_playedTempo = tempo;
    m_player->setPlaybackRate(m_rate / tempo);
    m_pendingPositionMs = toMs(position);
    m_pendingPlay = playing;
    setState(State::Loading);
    // Qt 6.4's GStreamer back-end reports statuses from inside setSource(): for the same
    // file a final LoadedMedia, for another one LoadedMedia, NoMedia, LoadingMedia, then
    // LoadedMedia again later, and a seek made while loading is dropped. So the statuses
    // of the call itself are ignored, and the position and play state are applied once
    // the media is loaded: now, or when LoadedMedia arrives.
    m_settingSource = true;
    m_player->setSource(QUrl::fromLocalFile(file));
    m_settingSource = false;
    const QMediaPlayer::MediaStatus status = m_player->mediaStatus();
    if (status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia)
        onMediaStatusChanged(status);
    emit positionChanged(position);
}

qint64 PlaybackController::playerMs(qint64 recordingMs) const
{
    return qint64(std::llround(double(recordingMs) / m_playedTempo));
}

void PlaybackController::setState(State state, const QString &error)
{
    if (state == m_state && error == m_error)
        return;
    m_state = state;
    m_error = error;
    emit stateChanged(state);
}

void PlaybackController::onMediaStatusChanged(QMediaPlayer::MediaStatus status)
{
    if (m_settingSource)
        return;
    switch (status) {
    case QMediaPlayer::LoadedMedia:
    case QMediaPlayer::BufferedMedia:
        applyPending();
        if (m_state == State::Loading)
            setState(State::Ready);
        break;
    case QMediaPlayer::EndOfMedia:
        m_stopAt.reset();
        m_playRequested = false;
        emit positionChanged(duration());
        break;
    case QMediaPlayer::InvalidMedia:
        setState(State::Failed, m_player->errorString().isEmpty() ? tr("The recording cannot be played.") : m_player->errorString());
        break;
    default:
        break;
    }
}

void PlaybackController::applyPending()
{
    if (!m_pendingPositionMs)
        return;
    const qint64 wanted = *m_pendingPositionMs;
    if (m_player->position() != playerMs(wanted))
        m_player->setPosition(playerMs(wanted));
    if (m_pendingPlay && m_player->playbackState() != QMediaPlayer::PlayingState)
        m_player->play();
    // A seek the pipeline is not ready for is dropped: keep it pending until the
    // player's own position shows it was taken.
    if (std::abs(m_player->position() - playerMs(wanted)) <= kTickMs * 3)
        m_pendingPositionMs.reset();
}

void PlaybackController::onPlaybackStateChanged(QMediaPlayer::PlaybackState state)
{
    const bool playing = state == QMediaPlayer::PlayingState;
    if (playing)
        m_ticker.start();
    else
        m_ticker.stop();
    emit playingChanged(playing);
    emit positionChanged(position());
}

double PlaybackController::position() const
{
    if (m_pendingPositionMs)
        return double(*m_pendingPositionMs) / 1000.0;
    return double(m_player->position()) * m_playedTempo / 1000.0;
}

double PlaybackController::duration() const
{
    return double(m_player->duration()) * m_playedTempo / 1000.0;
}

bool PlaybackController::isPlaying() const
{
    return m_player->playbackState() == QMediaPlayer::PlayingState;
}

float PlaybackController::volume() const
{
    return m_output->volume();
}

void PlaybackController::tick()
{
    const double now = position();
    if (m_stopAt && now >= *m_stopAt) {
        const double end = *m_stopAt;
        m_stopAt.reset();
        pause();
        m_player->setPosition(playerMs(toMs(end)));
        emit positionChanged(end);
        return;
    }
    if (m_loop && now >= m_loop->to) {
        m_player->setPosition(playerMs(toMs(m_loop->from)));
        emit positionChanged(m_loop->from);
        return;
    }
    emit positionChanged(now);
}

void PlaybackController::play()
{
    if (m_state == State::Empty || m_state == State::Failed)
        return;
    m_playRequested = true;
    m_player->play();
}

void PlaybackController::pause()
{
    m_playRequested = false;
    m_pendingPlay = false;
    m_player->pause();
}

void PlaybackController::togglePlay()
{
    if (m_playRequested)
        pause();
    else
        play();
}

void PlaybackController::seek(double seconds)
{
    if (m_state == State::Empty || m_state == State::Failed)
        return;
    const double end = duration() > 0 ? duration() : seconds;
    const double target = std::clamp(seconds, 0.0, std::max(0.0, end));
    if (m_loop && (target < m_loop->from || target >= m_loop->to))
        stopLooping();
    m_stopAt.reset();
    if (m_pendingPositionMs)
        m_pendingPositionMs = toMs(target);
    m_player->setPosition(playerMs(toMs(target)));
    emit positionChanged(target);
}

void PlaybackController::skip(double seconds)
{
    seek(position() + seconds);
}

void PlaybackController::setRate(double rate)
{
    // Kept on the 0.1 grid, so repeated steps never accumulate 0.30000000000000004.
    const double snapped = std::round(std::clamp(rate, MinimumRate, MaximumRate) / RateStep) * RateStep;
    if (std::abs(snapped - m_rate) < 1e-9)
        return;
    m_rate = snapped;
    // Heard at the new speed at once (the pitch shifted), until the rendition for it is
    // ready (the pitch kept).
    m_player->setPlaybackRate(m_rate / m_playedTempo);
    emit rateChanged(m_rate);
    updateRendition();
}

void PlaybackController::setVolume(float volume)
{
    m_output->setVolume(std::clamp(volume, 0.0f, 1.0f));
}

void PlaybackController::setOutputDevice(const QByteArray &deviceId)
{
    QAudioDevice device = QMediaDevices::defaultAudioOutput();
    for (const QAudioDevice &output : QMediaDevices::audioOutputs()) {
        if (!deviceId.isEmpty() && output.id() == deviceId)
            device = output;
    }
    m_output->setDevice(device);
}

void PlaybackController::playRange(double from, double to)
{
    stopLooping();
    seek(from);
    m_stopAt = to;
    play();
}

void PlaybackController::loopRange(double from, double to)
{
    if (to <= from)
        return;
    m_stopAt.reset();
    const double now = position();
    m_loop = Range{from, to};
    if (now < from || now >= to) {
        m_player->setPosition(playerMs(toMs(from)));
        emit positionChanged(from);
    }
    play();
    emit loopingChanged(true);
}

void PlaybackController::stopLooping()
{
    if (!m_loop)
        return;
    m_loop.reset();
    emit loopingChanged(false);
}

void PlaybackController::setChannelCount(int channels)
{
    if (channels == m_channelCount)
        return;
    m_channelCount = channels;
    emit channelsChanged(m_channels);   // the choices changed: solo needs two channels
}

void PlaybackController::setAgentChannel(int channel)
{
    if (channel == m_agentChannel)
        return;
    m_agentChannel = channel;
    if (m_channels != Channels::Both) {
        const Channels current = m_channels;
        m_channels = Channels::Both;
        setChannels(current);   // the other channel is now the one asked for
    }
}

int PlaybackController::soloChannel(Channels channels) const
{
    if (channels == Channels::AgentOnly)
        return m_agentChannel;
    // The caller: the first channel that is not the agent's.
    return m_agentChannel == 0 ? 1 : 0;
}

void PlaybackController::setChannels(Channels channels)
{
    if (channels == m_channels || m_recording.isEmpty())
        return;
    if (channels != Channels::Both && m_channelCount < 2)
        return;
    m_channels = channels;
    emit channelsChanged(channels);
    updateRendition();
}

void PlaybackController::updateRendition()
{
    m_solo.cancel();
    if (m_recording.isEmpty())
        return;
    if (m_channels == Channels::Both && isTempo(m_rate, 1.0)) {
        if (m_played != m_recording)
            feed(m_recording, position(), m_playRequested, 1.0);
        return;
    }
    // The current file plays on until the rendition is ready.
    const int channel = m_channels == Channels::Both ? -1 : soloChannel(m_channels);
    m_renderingTempo = m_rate;
    m_solo.setFuture(ChannelSolo::render(m_recording, channel, m_cacheDir, m_rate));
}

void PlaybackController::onSoloRendered()
{
    if (m_solo.isCanceled() || m_solo.future().resultCount() == 0)
        return;
    const ChannelSolo::Result result = m_solo.result();
    if (!result.error.isEmpty()) {
        if (m_channels != Channels::Both) {
            m_channels = Channels::Both;
            emit channelsChanged(m_channels);
        }
        if (m_played != m_recording)
            feed(m_recording, position(), m_playRequested, 1.0);
        emit soloFailed(result.error);
        return;
    }
    feed(result.path, position(), m_playRequested, m_renderingTempo);
}
