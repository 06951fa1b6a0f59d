#pragma once

#include <QMenu>

#include <functional>

struct CallLog;
class TranscriptionQueue;

// The Transcript menu: transcribe the shown audio-only call again (its transcript is
// replaced when the new one is in; the list and the call view show the progress).
// Disabled without a transcription queue, and (in the open menu) for a call with its
// sender's transcript.
class TranscriptionMenu : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptionMenu)

public:
    // `currentCall` gives the shown call (id 0: none).
    explicit TranscriptionMenu(std::function<CallLog()> currentCall, QWidget *parent = nullptr);

    void setTranscriptionQueue(TranscriptionQueue *queue);

private:
    void updateActions();
    void transcribeCurrentCall();

    std::function<CallLog()> m_currentCall;
    TranscriptionQueue *m_queue = nullptr;
    QAction *m_transcribeCall;
};
