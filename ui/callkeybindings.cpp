#include "callkeybindings.h"

#include "audio/playbackcontroller.h"
#include "calldetailpane.h"
#include "reviewpanel.h"
#include "transcriptpane.h"
#include "waveformview.h"

CallKeyBindings::CallKeyBindings(QWidget *window, CallDetailPane *pane, std::function<bool()> callShown)
    : KeyBindings(window)
{
    PlaybackController *player = pane->player();
    add(Qt::Key_Space, tr("Play or pause"), [player] { player->togglePlay(); });
    add(Qt::Key_J, tr("Back 5 seconds"), [player] { player->skip(-5.0); });
    add(Qt::Key_L, tr("Forward 5 seconds"), [player] { player->skip(5.0); });
    add(Qt::SHIFT | Qt::Key_J, tr("Back 1 second"), [player] { player->skip(-1.0); });
    add(Qt::SHIFT | Qt::Key_L, tr("Forward 1 second"), [player] { player->skip(1.0); });
    add(Qt::Key_BracketLeft, tr("Slower (0.1× less)"), [player] { player->slower(); });
    add(Qt::Key_BracketRight, tr("Faster (0.1× more)"), [player] { player->faster(); });
    add(Qt::Key_Backslash, tr("Normal speed"), [player] { player->resetRate(); });
    add(Qt::Key_Return, tr("Play the selected turn, then pause"), [pane] { pane->playSelectedTurn(); }, tr("Enter"));
    WaveformView *waveform = pane->waveform();
    add(Qt::Key_Plus, tr("Zoom the waveform in"), [waveform] { waveform->zoomIn(); });
    add(Qt::Key_Minus, tr("Zoom the waveform out"), [waveform] { waveform->zoomOut(); });
    add(Qt::CTRL | Qt::Key_F, tr("Find in this call"), [pane, callShown] {
        if (callShown())
            pane->transcript()->startFind();
    });
    ReviewPanel *review = pane->review();
    add(Qt::Key_1, tr("Status: success"), [review] { review->setStatus(ReviewStatus::Success); });
    add(Qt::Key_2, tr("Status: failure"), [review] { review->setStatus(ReviewStatus::Failure); });
    add(Qt::Key_3, tr("Status: reviewed_success"), [review] { review->setStatus(ReviewStatus::ReviewedSuccess); });
    add(Qt::Key_4, tr("Status: reviewed_failure"), [review] { review->setStatus(ReviewStatus::ReviewedFailure); });
    add(Qt::Key_F, tr("Write feedback (Esc returns to the list)"), [review] { review->focusFeedback(); });
    add(Qt::Key_T, tr("Label the selected turn"), [this, pane, callShown] {
        if (callShown() && !pane->labelSelectedTurn())
            emit hint(tr("Choose the turn with ↑ and ↓, then press T again"));
    });
    add(Qt::Key_N, tr("Next unreviewed call"), [this] { emit reviewQueueStepRequested(true); });
    add(Qt::Key_P, tr("Previous unreviewed call"), [this] { emit reviewQueueStepRequested(false); });
    add(Qt::Key_Question, tr("Show these shortcuts"), [this] { emit shortcutsRequested(); });
}
