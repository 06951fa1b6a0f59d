#pragma once

#include "keybindings.h"

#include <functional>

class CallDetailPane;

// The single keys a reviewer works the shown call with: playback (Space, J/L, [ ]), the
// waveform's zoom, find, status 1–4, feedback, turn labels, the review queue (N/P) and "?".
// What only the window can do (step through the list, show the shortcuts, say a hint in the
// status bar) it asks for by signal.
class CallKeyBindings : public KeyBindings
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallKeyBindings)

public:
    // `callShown`: whether `pane` shows a call now (find and labels need one).
    CallKeyBindings(QWidget *window, CallDetailPane *pane, std::function<bool()> callShown);

signals:
    void reviewQueueStepRequested(bool forward);
    void shortcutsRequested();
    void hint(const QString &text);
};
