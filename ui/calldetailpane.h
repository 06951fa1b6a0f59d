#pragma once

#include "audio/peaksloader.h"
#include "audio/recordinglocator.h"
#include "calllog/calllog.h"

#include <QFutureWatcher>
#include <QWidget>

class CallHeader;
class MetricsPanel;
class PlaybackController;
class PlayerBar;
class RecordingCache;
class ReviewActions;
class ReviewPanel;
class TranscriptModel;
class TranscriptPane;
class WaveformView;

// The selected call, to read, hear and review: its facts, the player, the waveform and the
// transcript, all on the player's clock, the metric results under the transcript (a
// result's moments marked on the waveform, activating one goes there), and below them the review (status, feedback,
// history: ReviewPanel; per-turn labels: labelSelectedTurn()). With "play on open" on (ReviewSettings) a call's recording
// starts as soon as it is ready. Finds the call's recording (the stored file, or
// its URL through the recording cache), says what is missing when there is no recording
// or no transcript, and computes the waveform off the GUI thread. The actions the keys
// trigger (play turn, skips, speed, find) are public so the window can bind them.
class CallDetailPane : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallDetailPane)

public:
    // `recordingsDir` resolves stored recordings; `cacheDir` holds waveform peaks and
    // solo channels; `recordings` fetches recordings known only by their URL.
    // `review` makes the review changes. `transcript`, `recordings` and `review` must
    // outlive the pane.
    CallDetailPane(TranscriptModel *transcript, RecordingCache *recordings, ReviewActions *review,
                   const QString &recordingsDir, const QString &cacheDir, QWidget *parent = nullptr);
    ~CallDetailPane() override;

    // Shows `call`; the words of `searchText` (the call list's search) are marked and
    // the first turn with all of them is selected. Showing the same call again (it was
    // updated) keeps the player where it is unless the recording changed.
    void showCall(const CallLog &call, const QString &searchText = {});
    const CallLog &call() const { return m_call; }

    PlaybackController *player() const { return m_player; }
    PlayerBar *playerBar() const { return m_playerBar; }
    TranscriptPane *transcript() const { return m_transcriptPane; }
    WaveformView *waveform() const { return m_waveform; }
    ReviewPanel *review() const { return m_review; }
    MetricsPanel *metrics() const { return m_metrics; }

    // Labels the selected turn (or the one being heard): LabelDialog, then one undoable
    // review change. The marks on the transcript and the waveform follow at once. With
    // no such turn it selects the first one and gives the transcript the keys, to pick
    // the turn with the arrows and press T again; then it returns false.
    bool labelSelectedTurn();
    // Plays the selected turn (or the one being heard), then pauses.
    void playSelectedTurn();
    void setLoopingSelectedTurn(bool loop);

signals:
    // The waveform of the shown call is on screen (or known to be unavailable).
    void waveformReady();
    // "Evaluate again" on the shown call's metrics.
    void evaluateRequested(qint64 callDbId);

private:
    void onLocated();
    void setRecording(const QString &path);
    void setUnavailable(const QString &reason, bool error);
    void onDownloadProgress(const QUrl &url, qint64 received, qint64 total);
    void onDownloaded(const QUrl &url, const QString &path);
    void onDownloadFailed(const QUrl &url, const QString &reason);
    void onPeaksLoaded();
    void onPosition(double seconds);
    void updateAgentChannel();
    void showLabels(const QList<TurnLabel> &labels);
    void saveTurnLabels(qint64 callDbId, const QString &callName, int turnIndex, const QList<TurnLabel> &turnLabels);
    // A metric result's moment: its turn selected, the audio there.
    void goToMetricEvent(const MetricEvent &event);

    TranscriptModel *m_transcript;
    RecordingCache *m_recordings;
    ReviewActions *m_actions;
    QString m_recordingsDir;
    QString m_cacheDir;
    CallLog m_call;
    PlaybackController *m_player = nullptr;
    CallHeader *m_header = nullptr;
    PlayerBar *m_playerBar = nullptr;
    TranscriptPane *m_transcriptPane = nullptr;
    WaveformView *m_waveform = nullptr;
    ReviewPanel *m_review = nullptr;
    MetricsPanel *m_metrics = nullptr;
    QFutureWatcher<RecordingLocator::Location> m_location;
    QFutureWatcher<PeaksLoader::Result> m_peaks;
    QUrl m_download;         // the recording being fetched for this call, or empty
    QString m_recording;     // the local file being played, or empty
    bool m_sameCall = false; // the location being looked up is for the call already shown
    bool m_playWhenReady = false;   // play on open: start the recording once it is set
};
