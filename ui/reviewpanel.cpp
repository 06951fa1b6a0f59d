#include "reviewpanel.h"

#include "reviewactions.h"
#include "reviewhistoryview.h"
#include "statusdelegate.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

constexpr ReviewStatus kStatuses[] = {ReviewStatus::Success, ReviewStatus::Failure, ReviewStatus::ReviewedSuccess,
                                      ReviewStatus::ReviewedFailure};

qint64 latestEventId(const QList<ReviewEvent> &events)
{
    qint64 latest = 0;
    for (const ReviewEvent &event : events)
        latest = std::max(latest, event.id);
    return latest;
}

QString buttonStyle(ReviewStatus status)
{
    const QColor color = StatusDelegate::colorFor(ReviewStatuses::name(status));
    return QStringLiteral("QPushButton { border: 1px solid rgba(%1, %2, %3, 150); border-radius: 4px; padding: 3px 10px; }"
                          "QPushButton:checked { background: %4; color: white; font-weight: 600; border-color: %4; }")
        .arg(color.red())
        .arg(color.green())
        .arg(color.blue())
        .arg(color.name());
}

} // namespace

ReviewPanel::ReviewPanel(ReviewActions *actions, QWidget *parent)
    : QWidget(parent)
    , m_actions(actions)
    , m_buttons(new QButtonGroup(this))
    , m_feedback(new QPlainTextEdit(this))
    , m_history(new ReviewHistoryView(this))
{
    const QString texts[] = {tr("Success"), tr("Failure"), tr("Reviewed success"), tr("Reviewed failure")};
    auto *buttonRow = new QHBoxLayout;
    buttonRow->setSpacing(6);
    buttonRow->addWidget(new QLabel(tr("Status:"), this));
    m_buttons->setExclusive(true);
    for (int index = 0; index < 4; ++index) {
        const ReviewStatus status = kStatuses[index];
        auto *button = new QPushButton(texts[index], this);
        button->setCheckable(true);
        button->setAccessibleName(ReviewStatuses::name(status));
        button->setToolTip(tr("Set the status to %1 (key %2)").arg(ReviewStatuses::name(status)).arg(index + 1));
        button->setStyleSheet(buttonStyle(status));
        // Wide enough for the checked (bold) text too: checking must not clip or reflow.
        QFont bold = button->font();
        bold.setWeight(QFont::DemiBold);
        button->setMinimumWidth(QFontMetrics(bold).horizontalAdvance(texts[index]) + 2 * 10 + 2 * 1 + 4);
        button->setFocusPolicy(Qt::TabFocus);
        m_buttons->addButton(button, int(status));
        buttonRow->addWidget(button);
    }
    buttonRow->addStretch();
    connect(m_buttons, &QButtonGroup::idClicked, this, [this](int id) { setStatus(ReviewStatus(id)); });

    m_feedback->setAccessibleName(tr("Feedback"));
    m_feedback->setPlaceholderText(tr("Feedback on this call (saved as you type; F to start, Esc to return to the list)"));
    m_feedback->setTabChangesFocus(true);
    m_feedback->setMaximumHeight(m_feedback->fontMetrics().lineSpacing() * 4 + 12);
    m_feedback->installEventFilter(this);
    connect(m_feedback, &QPlainTextEdit::textChanged, this, &ReviewPanel::onFeedbackEdited);

    m_history->setMaximumHeight(m_history->fontMetrics().lineSpacing() * 6 + 12);

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &ReviewPanel::saveFeedback);
    connect(actions, &ReviewActions::changeFinished, this,
            [this](const ReviewChange &change, const ReviewOutcome &outcome) {
                onChangeFinished(change.callDbId, outcome.events);
            });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 8, 14, 8);
    layout->setSpacing(6);
    layout->addLayout(buttonRow);
    layout->addWidget(m_feedback);
    layout->addWidget(new QLabel(tr("Review history"), this));
    layout->addWidget(m_history);
    setEnabled(false);
}

ReviewPanel::~ReviewPanel()
{
    saveFeedback();
}

QAbstractButton *ReviewPanel::statusButton(ReviewStatus status) const
{
    return m_buttons->button(int(status));
}

void ReviewPanel::setCall(const CallLog &call)
{
    if (call.id != m_callId) {
        saveFeedback();
        if (m_actions)
            m_actions->endEditingBurst();
        m_callId = call.id;
        m_callName = call.callId;
        m_latestEventId = latestEventId(call.reviewHistory);
        setEnabled(call.id != 0);
        showStatus(call.status);
        showFeedback(call.feedback.value_or(QString()));
        m_history->setEvents(call.reviewHistory);
        return;
    }
    m_callName = call.callId;
    // A read that started before our last change committed shows the call as it was.
    const qint64 latest = latestEventId(call.reviewHistory);
    if (latest < m_latestEventId)
        return;
    m_latestEventId = latest;
    m_history->setEvents(call.reviewHistory);
    // Changes still on their way: the store announces the call again once they are in.
    if (m_actions && m_actions->pendingChanges(m_callId) > 0)
        return;
    showStatus(call.status);
    if (!m_saveTimer.isActive())
        showFeedback(call.feedback.value_or(QString()));
}

void ReviewPanel::setStatus(ReviewStatus status)
{
    if (m_callId == 0)
        return;
    if (m_status == status) {
        showStatus(status);     // a click on the checked button leaves it checked
        return;
    }
    showStatus(status);
    if (!m_actions)
        return;
    ReviewChange change;
    change.callDbId = m_callId;
    change.status = status;
    //: The undo step: "status of pizza-allergy-1120 → reviewed_failure"
    m_actions->apply(change, tr("status of %1 → %2").arg(m_callName, ReviewStatuses::name(status)));
}

void ReviewPanel::focusFeedback()
{
    if (m_callId == 0)
        return;
    m_feedback->setFocus(Qt::ShortcutFocusReason);
    m_feedback->moveCursor(QTextCursor::End);
}

void ReviewPanel::saveFeedback()
{
    m_saveTimer.stop();
    const QString text = m_feedback->toPlainText();
    if (m_callId == 0 || text == m_savedFeedback || !m_actions)
        return;
    m_savedFeedback = text;
    ReviewChange change;
    change.callDbId = m_callId;
    change.feedback = text;
    //: The undo step: "feedback of pizza-allergy-1120"
    m_actions->apply(change, tr("feedback of %1").arg(m_callName));
}

void ReviewPanel::showStatus(std::optional<ReviewStatus> status)
{
    m_status = status;
    if (status) {
        m_buttons->button(int(*status))->setChecked(true);
        return;
    }
    // An exclusive group keeps one button checked: let go of it to show "no status".
    m_buttons->setExclusive(false);
    for (QAbstractButton *button : m_buttons->buttons())
        button->setChecked(false);
    m_buttons->setExclusive(true);
}

void ReviewPanel::showFeedback(const QString &text)
{
    m_savedFeedback = text;
    if (text == m_feedback->toPlainText())
        return;
    const int position = m_feedback->textCursor().position();
    m_showingFeedback = true;
    m_feedback->setPlainText(text);
    m_showingFeedback = false;
    if (m_feedback->hasFocus()) {
        QTextCursor cursor = m_feedback->textCursor();
        cursor.setPosition(std::min(position, int(text.size())));
        m_feedback->setTextCursor(cursor);
    }
}

void ReviewPanel::onFeedbackEdited()
{
    if (!m_showingFeedback && m_callId != 0)
        m_saveTimer.start();
}

void ReviewPanel::onChangeFinished(qint64 callDbId, const QList<ReviewEvent> &events)
{
    if (callDbId == m_callId)
        m_latestEventId = std::max(m_latestEventId, latestEventId(events));
}

bool ReviewPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_feedback) {
        if (event->type() == QEvent::FocusOut) {
            saveFeedback();
            if (m_actions)
                m_actions->endEditingBurst();
        } else if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            emit doneEditing();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ReviewPanel::hideEvent(QHideEvent *event)
{
    saveFeedback();     // the window is closing, or the call page goes away
    QWidget::hideEvent(event);
}
