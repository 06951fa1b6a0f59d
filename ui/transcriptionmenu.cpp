#include "transcriptionmenu.h"

#include "calllog/calllog.h"
#include "transcribe/transcriptionqueue.h"

#include <QMainWindow>
#include <QStatusBar>

TranscriptionMenu::TranscriptionMenu(std::function<CallLog()> currentCall, QWidget *parent)
    : QMenu(tr("&Transcript"), parent)
    , m_currentCall(std::move(currentCall))
{
    m_transcribeCall = addAction(tr("&Transcribe This Call Again"), this, &TranscriptionMenu::transcribeCurrentCall);
    m_transcribeCall->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    // The shortcut works with the menu closed too: the action is disabled only while the
    // open menu shows it for a call it cannot transcribe.
    parent->addAction(m_transcribeCall);
    connect(this, &QMenu::aboutToShow, this, &TranscriptionMenu::updateActions);
    connect(this, &QMenu::aboutToHide, this, [this] { m_transcribeCall->setEnabled(m_queue); });
    m_transcribeCall->setEnabled(false);
}

void TranscriptionMenu::setTranscriptionQueue(TranscriptionQueue *queue)
{
    m_queue = queue;
    m_transcribeCall->setEnabled(queue);
}

void TranscriptionMenu::updateActions()
{
    const CallLog call = m_currentCall();
    const bool audioOnly = call.id > 0 && call.transcription.has_value();
    m_transcribeCall->setEnabled(m_queue && audioOnly);
    m_transcribeCall->setToolTip(audioOnly || call.id == 0 ? QString()
                                                           : tr("This call has its sender's transcript."));
}

void TranscriptionMenu::transcribeCurrentCall()
{
    const CallLog call = m_currentCall();
    if (!m_queue || call.id == 0)
        return;
    auto *window = qobject_cast<QMainWindow *>(parentWidget());
    if (!call.transcription) {
        if (window)
            window->statusBar()->showMessage(tr("This call has its sender's transcript: only audio-only calls are transcribed."),
                                             5000);
        return;
    }
    m_queue->transcribeAgain({call.id});
    if (window)
        window->statusBar()->showMessage(tr("Call %1 is queued for transcription.").arg(call.callId), 5000);
}
