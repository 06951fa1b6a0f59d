#include "calldetailpane.h"

#include "audio/playbackcontroller.h"
#include "callheader.h"
#include "item/transcriptmodel.h"
#include "playerbar.h"
#include "transcriptpane.h"

#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QListView>
#include <QVBoxLayout>

CallDetailPane::CallDetailPane(TranscriptModel *transcript, const QString &recordingsDir, const QString &cacheDir,
                               QWidget *parent)
    : QWidget(parent)
    , m_transcript(transcript)
    , m_recordingsDir(recordingsDir)
    , m_cacheDir(cacheDir)
    , m_player(new PlaybackController(QDir(cacheDir).filePath(QStringLiteral("channels")), this))
{
    m_header = new CallHeader(this);
    m_playerBar = new PlayerBar(m_player, this);
    m_playerBar->setObjectName(QStringLiteral("playerBar"));
    m_transcriptPane = new TranscriptPane(transcript, this);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_playerBar);
    layout->addWidget(line);
    layout->addWidget(m_transcriptPane, 1);

    connect(m_player, &PlaybackController::positionChanged, this, &CallDetailPane::onPosition);
    connect(m_transcriptPane, &TranscriptPane::seekRequested, m_player, &PlaybackController::seek);
    connect(m_playerBar, &PlayerBar::playTurnRequested, this, &CallDetailPane::playSelectedTurn);
    connect(m_playerBar, &PlayerBar::loopTurnToggled, this, &CallDetailPane::setLoopingSelectedTurn);
    connect(m_player, &PlaybackController::soloFailed, this, [this](const QString &error) {
        m_playerBar->setMessage(error, true);
    });
    connect(&m_peaks, &QFutureWatcherBase::finished, this, &CallDetailPane::onPeaksLoaded);
}

CallDetailPane::~CallDetailPane()
{
    m_peaks.cancel();
    m_peaks.waitForFinished();
}

void CallDetailPane::showCall(const CallLog &call, const QString &searchText)
{
    const bool sameCall = call.id == m_call.id;
    const bool turnsChanged = !sameCall || call.turns != m_call.turns;
    m_call = call;
    m_header->setCall(call);
    if (turnsChanged) {
        m_transcript->setTurns(call.turns);
        m_transcriptPane->view()->scrollToTop();
    }
    m_transcriptPane->setEmptyText(call.errorMessage.isEmpty()
                                       ? tr("This call has no transcript.")
                                       : tr("This call has no transcript (%1).").arg(call.errorMessage));
    if (!sameCall)
        m_transcriptPane->setSearchText(searchText);

    const QString stored = call.recordingPath.isEmpty() ? QString() : QDir(m_recordingsDir).filePath(call.recordingPath);
    if (stored.isEmpty()) {
        setRecording({});
        m_playerBar->setMessage(call.voiceRecordingUrl.isEmpty() ? tr("This call has no recording.")
                                                                 : tr("The recording has not been downloaded yet."));
    } else if (!QFileInfo::exists(stored)) {
        setRecording({});
        m_playerBar->setMessage(tr("The recording file %1 is missing.").arg(QDir::toNativeSeparators(stored)), true);
    } else if (stored != m_recording || !sameCall) {
        m_playerBar->setMessage({});
        setRecording(stored);
    }
    updateAgentChannel();
}

void CallDetailPane::setRecording(const QString &path)
{
    m_recording = path;
    m_peaks.cancel();
    m_player->setRecording(path);
    if (path.isEmpty()) {
        emit waveformReady();
        return;
    }
    m_peaks.setFuture(PeaksLoader::load(path, QDir(m_cacheDir).filePath(QStringLiteral("peaks"))));
}

void CallDetailPane::onPeaksLoaded()
{
    if (m_peaks.isCanceled() || m_peaks.future().resultCount() == 0)
        return;
    const PeaksLoader::Result result = m_peaks.result();
    if (!result.error.isEmpty())
        m_playerBar->setMessage(result.error, true);
    m_player->setChannelCount(result.peaks.channels());
    updateAgentChannel();
    emit waveformReady();
}

void CallDetailPane::updateAgentChannel()
{
    const int channels = m_player->channelCount();
    const int agent = m_call.mainAgentChannelIndex.value_or(0);
    m_player->setAgentChannel(agent >= 0 && agent < std::max(channels, 1) ? agent : 0);
}

void CallDetailPane::onPosition(double seconds)
{
    m_transcript->setCurrentTime(seconds);
}

void CallDetailPane::playSelectedTurn()
{
    const int row = m_transcriptPane->selectedTurn();
    if (row < 0)
        return;
    const Turn &turn = m_transcript->turns().at(row);
    m_player->playRange(turn.startTime, std::max(turn.endTime, turn.startTime + 0.5));
}

void CallDetailPane::setLoopingSelectedTurn(bool loop)
{
    if (!loop) {
        m_player->stopLooping();
        return;
    }
    const int row = m_transcriptPane->selectedTurn();
    if (row < 0) {
        m_playerBar->setLoopChecked(false);
        return;
    }
    const Turn &turn = m_transcript->turns().at(row);
    m_player->loopRange(turn.startTime, std::max(turn.endTime, turn.startTime + 0.5));
}
