#include "calldetailpane.h"

#include "audio/playbackcontroller.h"
#include "audio/recordingcache.h"
#include "callheader.h"
#include "item/transcriptmodel.h"
#include "labeldialog.h"
#include "metricspanel.h"
#include "playerbar.h"
#include "reviewactions.h"
#include "reviewpanel.h"
#include "settings/reviewsettings.h"
#include "transcriptpane.h"
#include "waveformview.h"

#include <QApplication>
#include <QDir>
#include <QFrame>
#include <QListView>
#include <QPointer>
#include <QSettings>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

CallDetailPane::CallDetailPane(TranscriptModel *transcript, RecordingCache *recordings, ReviewActions *review,
                               const QString &recordingsDir, const QString &cacheDir, QWidget *parent)
    : QWidget(parent)
    , m_transcript(transcript)
    , m_recordings(recordings)
    , m_actions(review)
    , m_recordingsDir(recordingsDir)
    , m_cacheDir(cacheDir)
    , m_player(new PlaybackController(QDir(cacheDir).filePath(QStringLiteral("channels")), this))
{
    m_header = new CallHeader(this);
    m_playerBar = new PlayerBar(m_player, this);
    m_playerBar->setObjectName(QStringLiteral("playerBar"));
    m_waveform = new WaveformView(this);
    m_waveform->setObjectName(QStringLiteral("waveform"));
    m_transcriptPane = new TranscriptPane(transcript, this);
    m_review = new ReviewPanel(review, this);
    m_review->setObjectName(QStringLiteral("review"));
    m_metrics = new MetricsPanel(this);
    m_metrics->setObjectName(QStringLiteral("metrics"));
    // The transcript and the metrics share the height; the reviewer drags the line.
    auto *readingSplitter = new QSplitter(Qt::Vertical, this);
    readingSplitter->setObjectName(QStringLiteral("transcriptMetricsSplitter"));
    readingSplitter->setChildrenCollapsible(true);
    readingSplitter->addWidget(m_transcriptPane);
    readingSplitter->addWidget(m_metrics);
    readingSplitter->setStretchFactor(0, 3);
    readingSplitter->setStretchFactor(1, 2);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    auto *reviewLine = new QFrame(this);
    reviewLine->setFrameShape(QFrame::HLine);
    reviewLine->setFrameShadow(QFrame::Sunken);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_playerBar);
    layout->addWidget(m_waveform);
    layout->addWidget(line);
    layout->addWidget(readingSplitter, 1);
    layout->addWidget(reviewLine);
    layout->addWidget(m_review);

    connect(m_player, &PlaybackController::positionChanged, this, &CallDetailPane::onPosition);
    connect(m_player, &PlaybackController::durationChanged, m_waveform, &WaveformView::setDuration);
    connect(m_transcriptPane, &TranscriptPane::seekRequested, m_player, &PlaybackController::seek);
    connect(m_waveform, &WaveformView::seekRequested, m_player, &PlaybackController::seek);
    connect(m_transcript, &TranscriptModel::currentTurnChanged, m_waveform, &WaveformView::setCurrentTurn);
    connect(m_metrics, &MetricsPanel::eventActivated, this, &CallDetailPane::goToMetricEvent);
    connect(m_metrics, &MetricsPanel::eventsSelected, m_waveform, &WaveformView::setMetricEvents);
    connect(m_metrics, &MetricsPanel::eventsSelected, this, [this](const MetricEvents &events) {
        QList<int> turns;
        for (const MetricEvent &event : events) {
            if (event.turnIndex >= 0)
                turns.append(event.turnIndex);
        }
        m_transcript->setMarkedTurns(turns);
    });
    connect(m_metrics, &MetricsPanel::evaluateRequested, this, &CallDetailPane::evaluateRequested);
    connect(m_playerBar, &PlayerBar::playTurnRequested, this, &CallDetailPane::playSelectedTurn);
    connect(m_playerBar, &PlayerBar::loopTurnToggled, this, &CallDetailPane::setLoopingSelectedTurn);
    connect(m_player, &PlaybackController::soloFailed, this, [this](const QString &error) {
        m_playerBar->setMessage(error, true);
    });
    connect(&m_location, &QFutureWatcherBase::finished, this, &CallDetailPane::onLocated);
    connect(&m_peaks, &QFutureWatcherBase::finished, this, &CallDetailPane::onPeaksLoaded);
    connect(&m_peaks, &QFutureWatcherBase::progressValueChanged, this, [this](int value) {
        m_waveform->setProgress(double(value) / PeaksLoader::ProgressRange);
    });
    connect(recordings, &RecordingCache::progress, this, &CallDetailPane::onDownloadProgress);
    connect(recordings, &RecordingCache::ready, this, &CallDetailPane::onDownloaded);
    connect(recordings, &RecordingCache::failed, this, &CallDetailPane::onDownloadFailed);
}

CallDetailPane::~CallDetailPane()
{
    m_location.waitForFinished();
    m_peaks.cancel();
    m_peaks.waitForFinished();
}

void CallDetailPane::showCall(const CallLog &call, const QString &searchText)
{
    const bool sameCall = call.id == m_call.id;
    const bool turnsChanged = !sameCall || call.turns != m_call.turns;
    const std::optional<QList<TurnLabel>> shownLabels = m_call.annotations;
    m_call = call;
    m_header->setCall(call);
    m_review->setCall(call);
    m_metrics->setResults(call.id, call.metrics);
    if (!sameCall)
        m_playWhenReady = ReviewSettings::load(QSettings()).playOnOpen;
    if (turnsChanged) {
        m_transcript->setTurns(call.turns);
        m_transcriptPane->view()->scrollToTop();
        m_waveform->setTurns(call.turns);
    }
    // A re-read older than a label change still on its way would take the label back.
    if (sameCall && m_actions->pendingChanges(call.id) > 0)
        m_call.annotations = shownLabels;
    else
        showLabels(call.annotations.value_or(QList<TurnLabel>()));
    m_waveform->setDuration(std::max(call.durationSeconds, call.transcriptDuration()));
    m_transcriptPane->setEmptyText(call.errorMessage.isEmpty()
                                       ? tr("This call has no transcript.")
                                       : tr("This call has no transcript (%1).").arg(call.errorMessage));
    if (!sameCall) {
        m_transcriptPane->setSearchText(searchText);
        m_waveform->zoomToFit();
    }
    updateAgentChannel();
    // Where the recording is takes a look at the disk: off the GUI thread.
    m_sameCall = sameCall;
    m_location.setFuture(QtConcurrent::run(&RecordingLocator::locate, call, m_recordingsDir));
}

void CallDetailPane::onLocated()
{
    if (m_location.future().resultCount() == 0)
        return;
    const RecordingLocator::Location location = m_location.result();
    switch (location.kind) {
    case RecordingLocator::Kind::LocalFile:
        if (m_download.isValid()) {
            m_recordings->cancel(m_download);
            m_download.clear();
        }
        // The same call re-read (its review changed, say) keeps playing undisturbed.
        if (!m_sameCall || location.localPath != m_recording) {
            m_playerBar->setMessage({});
            setRecording(location.localPath);
        }
        break;
    case RecordingLocator::Kind::Remote:
        if (m_sameCall && (location.url == m_download || !m_recording.isEmpty()))
            break;
        setRecording({});
        if (m_download.isValid() && m_download != location.url)
            m_recordings->cancel(m_download);
        m_download = location.url;
        m_playerBar->setMessage(tr("Downloading the recording from %1…").arg(location.url.host()));
        m_waveform->showMessage(tr("Downloading the recording…"));
        m_recordings->request(location.url);
        break;
    case RecordingLocator::Kind::None:
        if (m_download.isValid()) {
            m_recordings->cancel(m_download);
            m_download.clear();
        }
        setUnavailable(location.reason, !m_call.recordingPath.isEmpty());
        break;
    }
}

void CallDetailPane::setUnavailable(const QString &reason, bool error)
{
    setRecording({});
    m_playerBar->setMessage(reason, error);
    m_waveform->showMessage(reason);
}

void CallDetailPane::onDownloadProgress(const QUrl &url, qint64 received, qint64 total)
{
    if (url != m_download)
        return;
    if (total > 0)
        m_playerBar->setMessage(tr("Downloading the recording from %1… %2 %").arg(url.host()).arg(received * 100 / total));
}

void CallDetailPane::onDownloaded(const QUrl &url, const QString &path)
{
    if (url != m_download)
        return;
    m_download.clear();
    m_playerBar->setMessage({});
    setRecording(path);
}

void CallDetailPane::onDownloadFailed(const QUrl &url, const QString &reason)
{
    if (url != m_download)
        return;
    m_download.clear();
    setUnavailable(reason, true);
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
    if (m_playWhenReady) {
        m_playWhenReady = false;
        m_player->play();
    }
    m_waveform->setProgress(0);
    m_peaks.setFuture(PeaksLoader::load(path, QDir(m_cacheDir).filePath(QStringLiteral("peaks"))));
}

void CallDetailPane::onPeaksLoaded()
{
    if (m_peaks.isCanceled() || m_peaks.future().resultCount() == 0)
        return;
    const PeaksLoader::Result result = m_peaks.result();
    if (!result.error.isEmpty()) {
        m_waveform->showMessage(result.error);
        m_playerBar->setMessage(result.error, true);
        emit waveformReady();
        return;
    }
    m_player->setChannelCount(result.peaks.channels());
    updateAgentChannel();
    QStringList labels;
    if (result.peaks.channels() >= 2) {
        for (int channel = 0; channel < result.peaks.channels(); ++channel)
            labels.append(channel == m_player->agentChannel() ? tr("Agent") : tr("Caller"));
    }
    m_waveform->setPeaks(result.peaks, labels);
    emit waveformReady();
}

void CallDetailPane::updateAgentChannel()
{
    const int channels = m_player->channelCount();
    const int agent = m_call.agentChannel().value_or(0);
    m_player->setAgentChannel(agent >= 0 && agent < std::max(channels, 1) ? agent : 0);
}

void CallDetailPane::onPosition(double seconds)
{
    m_transcript->setCurrentTime(seconds);
    m_waveform->setPosition(seconds);
}

void CallDetailPane::showLabels(const QList<TurnLabel> &labels)
{
    m_call.annotations = labels;
    m_transcript->setLabels(labels);
    m_waveform->setLabels(labels);
}

bool CallDetailPane::labelSelectedTurn()
{
    if (m_call.id == 0 || m_transcript->turns().isEmpty())
        return false;
    const int row = m_transcriptPane->selectedTurn();
    if (row < 0 || row >= m_transcript->turns().size()) {
        m_transcriptPane->selectTurn(0);
        m_transcriptPane->view()->setFocus(Qt::ShortcutFocusReason);
        return false;
    }
    const Turn &turn = m_transcript->turns().at(row);
    const QString text = QStringLiteral("%1 · %2: %3").arg(tr("Turn %1").arg(row + 1), TranscriptModel::speakerName(turn.role),
                                                           TranscriptModel::turnText(turn));
    auto *dialog = new LabelDialog(row, fontMetrics().elidedText(text, Qt::ElideRight, 1200),
                                   ReviewSettings::load(QSettings()).labels, m_transcript->labelsOf(row), this);
    dialog->setObjectName(QStringLiteral("labelDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 callDbId = m_call.id;
    const QString callName = m_call.callId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, callDbId, callName, row] {
        saveTurnLabels(callDbId, callName, row, dialog->labels());
    });
    // The keys go back where they were (the transcript or the list), ready for the next turn.
    const QPointer<QWidget> returnTo = QApplication::focusWidget();
    connect(dialog, &QDialog::finished, this, [this, returnTo] {
        window()->activateWindow();
        if (returnTo)
            returnTo->setFocus(Qt::OtherFocusReason);
    });
    // Not exec(): the window's timers and the player keep running while it is open.
    dialog->open();
    return true;
}

void CallDetailPane::saveTurnLabels(qint64 callDbId, const QString &callName, int turnIndex,
                                    const QList<TurnLabel> &turnLabels)
{
    if (callDbId != m_call.id)
        return;   // another call was opened meanwhile
    QList<TurnLabel> labels;
    for (const TurnLabel &label : m_call.annotations.value_or(QList<TurnLabel>())) {
        if (label.turnIndex != turnIndex)
            labels.append(label);
    }
    labels.append(turnLabels);
    std::stable_sort(labels.begin(), labels.end(),
                     [](const TurnLabel &a, const TurnLabel &b) { return a.turnIndex < b.turnIndex; });
    QStringList names;
    for (const TurnLabel &label : turnLabels)
        names.append(label.label);
    const QList<TurnLabel> before = m_transcript->labelsOf(turnIndex);
    const bool same = before.size() == turnLabels.size()
                      && std::equal(before.cbegin(), before.cend(), turnLabels.cbegin(),
                                    [](const TurnLabel &a, const TurnLabel &b) { return a.sameAs(b); });
    if (same)
        return;
    ReviewChange change;
    change.callDbId = callDbId;
    change.annotations = labels;
    m_actions->apply(change, tr("labels of %1 turn %2 → %3")
                                 .arg(callName)
                                 .arg(turnIndex + 1)
                                 .arg(names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "))));
    showLabels(labels);
    // The marks make the row taller; keep the labelled turn in sight.
    QAbstractItemView *view = m_transcriptPane->view();
    view->scrollTo(view->currentIndex());
}

void CallDetailPane::goToMetricEvent(const MetricEvent &event)
{
    if (event.turnIndex >= 0 && event.turnIndex < m_transcript->rowCount())
        m_transcriptPane->selectTurn(event.turnIndex);
    m_player->seek(event.time);
    m_waveform->setPosition(event.time);
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
