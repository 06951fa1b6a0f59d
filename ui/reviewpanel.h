#pragma once

#include "calllog/calllog.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QAbstractButton;
class QButtonGroup;
class QPlainTextEdit;
class ReviewActions;
class ReviewHistoryView;

// Reviewing the shown call: four status buttons (success, failure, reviewed_success,
// reviewed_failure; is_reviewed follows from the one checked), a feedback editor that
// saves on its own, and the call's review history. Every change goes through
// ReviewActions, so it is undoable and on record. Feedback is saved a moment after the
// typing pauses and at once when the editor loses focus, another call is shown or the
// window closes. What the store reports of the call (after a change from the API, the
// command line or an undo) never overwrites text that is being typed or not yet saved.
class ReviewPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewPanel)

public:
    static constexpr int SaveDelayMs = 400;

    // `actions` must outlive the panel.
    explicit ReviewPanel(ReviewActions *actions, QWidget *parent = nullptr);
    ~ReviewPanel() override;

    // Shows `call`; the unsaved feedback of the call shown before is saved first.
    void setCall(const CallLog &call);
    // Sets the shown call's status (the keys 1-4, a button).
    void setStatus(ReviewStatus status);
    void focusFeedback();
    // Saves typed feedback now instead of after the pause.
    void saveFeedback();

    QPlainTextEdit *feedbackEditor() const { return m_feedback; }
    ReviewHistoryView *history() const { return m_history; }
    QAbstractButton *statusButton(ReviewStatus status) const;

signals:
    // Esc in the feedback editor: the reviewer is done typing.
    void doneEditing();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showStatus(std::optional<ReviewStatus> status);
    void showFeedback(const QString &text);
    void onFeedbackEdited();
    void onChangeFinished(qint64 callDbId, const QList<ReviewEvent> &events);

    QPointer<ReviewActions> m_actions;     // gone first when the window is torn down
    QButtonGroup *m_buttons = nullptr;
    QPlainTextEdit *m_feedback = nullptr;
    ReviewHistoryView *m_history = nullptr;
    QTimer m_saveTimer;

    qint64 m_callId = 0;
    QString m_callName;                     // its call_id, to name the undo steps
    std::optional<ReviewStatus> m_status;   // as shown
    QString m_savedFeedback;                // as the store has it, or as last sent to it
    qint64 m_latestEventId = 0;             // reads of the call older than this are stale
    bool m_showingFeedback = false;         // text set by the panel, not typed
};
