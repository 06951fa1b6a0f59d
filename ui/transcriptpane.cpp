#include "transcriptpane.h"

#include "item/textmatches.h"
#include "item/transcriptmodel.h"
#include "transcriptdelegate.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

TranscriptPane::TranscriptPane(TranscriptModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("transcript"));
    m_view->setAccessibleName(tr("Transcript"));
    m_view->setModel(model);
    m_view->setModelColumn(TranscriptModel::Text);
    m_delegate = new TranscriptDelegate(m_view);
    m_view->setItemDelegate(m_delegate);
    m_view->setUniformItemSizes(false);
    m_view->setResizeMode(QListView::Adjust);
    // Rows have their own heights (wrapped text); measuring 3,000 of them at once would
    // hold the GUI thread for a noticeable moment, so they are laid out in batches
    // between events and a long call shows its first turns at once.
    m_view->setLayoutMode(QListView::Batched);
    m_view->setBatchSize(100);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);

    m_follow = new QToolButton(this);
    m_follow->setObjectName(QStringLiteral("followButton"));
    m_follow->setText(tr("Follow playback"));
    m_follow->setAccessibleName(tr("Follow playback"));
    m_follow->setToolTip(tr("Scroll back to the turn being heard and keep it in view"));
    m_follow->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_follow->hide();

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("transcriptEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    QPalette hint = m_empty->palette();
    hint.setColor(QPalette::WindowText, hint.color(QPalette::PlaceholderText));
    m_empty->setPalette(hint);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildFindBar());
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);
    updateEmpty();

    connect(m_follow, &QToolButton::clicked, this, [this] { setFollowing(true); });
    connect(model, &TranscriptModel::currentTurnChanged, this, &TranscriptPane::onCurrentTurnChanged);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &TranscriptPane::onUserScrolled);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        setFollowing(true);
        updateFind();
        updateEmpty();
    });
}

void TranscriptPane::setEmptyText(const QString &text)
{
    m_empty->setText(text);
}

QString TranscriptPane::emptyText() const
{
    return m_empty->isHidden() ? QString() : m_empty->text();
}

void TranscriptPane::updateEmpty()
{
    const bool empty = m_model->rowCount() == 0;
    m_view->setVisible(!empty);
    m_empty->setVisible(empty);
}

QWidget *TranscriptPane::buildFindBar()
{
    m_findBar = new QWidget(this);
    m_findBar->setObjectName(QStringLiteral("findBar"));
    m_findField = new QLineEdit(m_findBar);
    m_findField->setObjectName(QStringLiteral("findField"));
    m_findField->setAccessibleName(tr("Find in call"));
    m_findField->setPlaceholderText(tr("Find in this call"));
    m_findField->setClearButtonEnabled(true);
    m_findField->installEventFilter(this);
    m_findCount = new QLabel(m_findBar);
    m_findCount->setObjectName(QStringLiteral("findCount"));
    auto *previous = new QToolButton(m_findBar);
    previous->setText(tr("Previous"));
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    auto *next = new QToolButton(m_findBar);
    next->setText(tr("Next"));
    next->setToolTip(tr("Next match (Enter)"));
    auto *close = new QToolButton(m_findBar);
    close->setText(tr("Close"));
    close->setToolTip(tr("Close the find bar (Esc)"));
    for (QToolButton *button : {previous, next, close}) {
        button->setAutoRaise(true);
        button->setAccessibleName(button->text());
    }
    auto *layout = new QHBoxLayout(m_findBar);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_findField, 1);
    layout->addWidget(m_findCount);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(close);
    m_findBar->hide();

    connect(m_findField, &QLineEdit::textChanged, this, &TranscriptPane::updateFind);
    connect(m_findField, &QLineEdit::returnPressed, this, &TranscriptPane::findNext);
    connect(next, &QToolButton::clicked, this, &TranscriptPane::findNext);
    connect(previous, &QToolButton::clicked, this, &TranscriptPane::findPrevious);
    connect(close, &QToolButton::clicked, this, &TranscriptPane::closeFind);
    return m_findBar;
}

int TranscriptPane::selectedTurn() const
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && m_view->selectionModel()->isSelected(current))
        return current.row();
    return m_model->currentTurn();
}

void TranscriptPane::selectTurn(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row, TranscriptModel::Text);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void TranscriptPane::setSearchText(const QString &text)
{
    m_searchTokens = TextMatches::tokens(text);
    m_delegate->setSearchTokens(m_searchTokens);
    m_view->viewport()->update();
    if (m_searchTokens.isEmpty())
        return;
    const Turns &turns = m_model->turns();
    for (int row = 0; row < turns.size(); ++row) {
        if (TextMatches::containsAllTokens(TranscriptModel::turnText(turns.at(row)), m_searchTokens)) {
            // The reviewer came for this turn: stay on it rather than follow playback.
            m_following = false;
            selectTurn(row);
            return;
        }
    }
}

void TranscriptPane::startFind()
{
    m_findBar->show();
    m_findField->setFocus(Qt::ShortcutFocusReason);
    m_findField->selectAll();
    updateFind();
}

bool TranscriptPane::isFinding() const
{
    return !m_findBar->isHidden();
}

void TranscriptPane::updateFind()
{
    const QString needle = m_findBar->isHidden() ? QString() : m_findField->text();
    m_delegate->setFindText(needle);
    m_matches.clear();
    m_match = -1;
    if (!needle.isEmpty()) {
        const Turns &turns = m_model->turns();
        for (int row = 0; row < turns.size(); ++row) {
            if (TranscriptModel::turnText(turns.at(row)).contains(needle, Qt::CaseInsensitive))
                m_matches.append(row);
        }
    }
    if (needle.isEmpty())
        m_findCount->clear();
    else if (m_matches.isEmpty())
        m_findCount->setText(tr("No match"));
    else
        showMatch(0);
    m_view->viewport()->update();
}

void TranscriptPane::showMatch(int match)
{
    m_match = match;
    m_findCount->setText(tr("%1 of %2").arg(match + 1).arg(m_matches.size()));
    m_following = false;
    selectTurn(m_matches.at(match));
}

void TranscriptPane::findNext()
{
    if (!m_matches.isEmpty())
        showMatch((m_match + 1) % int(m_matches.size()));
}

void TranscriptPane::findPrevious()
{
    if (!m_matches.isEmpty())
        showMatch((m_match - 1 + int(m_matches.size())) % int(m_matches.size()));
}

void TranscriptPane::closeFind()
{
    m_findBar->hide();
    updateFind();
    m_view->setFocus(Qt::OtherFocusReason);
}

void TranscriptPane::setFollowing(bool follow)
{
    m_following = follow;
    m_follow->setVisible(!follow && m_model->currentTurn() >= 0);
    if (follow)
        scrollToTurn(m_model->currentTurn());
}

void TranscriptPane::onCurrentTurnChanged(int row)
{
    if (m_following)
        scrollToTurn(row);
    else
        m_follow->setVisible(row >= 0);
}

void TranscriptPane::scrollToTurn(int row)
{
    if (row < 0)
        return;
    m_scrollingForPlayback = true;
    m_view->scrollTo(m_model->index(row, TranscriptModel::Text), QAbstractItemView::EnsureVisible);
    m_scrollingForPlayback = false;
}

void TranscriptPane::onUserScrolled()
{
    // Scrolling done to follow playback is not the reviewer looking elsewhere.
    if (m_scrollingForPlayback || !m_following || m_model->currentTurn() < 0)
        return;
    const QRect visible = m_view->viewport()->rect();
    if (!visible.intersects(m_view->visualRect(m_model->index(m_model->currentTurn(), TranscriptModel::Text)))) {
        m_following = false;
        m_follow->show();
        placeFollowButton();
    }
}

void TranscriptPane::placeFollowButton()
{
    m_follow->adjustSize();
    m_follow->move(width() - m_follow->width() - 20, height() - m_follow->height() - 12);
    m_follow->raise();
}

void TranscriptPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeFollowButton();
}

bool TranscriptPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_findField && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            closeFind();
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ShiftModifier)) {
            findPrevious();
            return true;
        }
    }
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::MouseButtonRelease || event->type() == QEvent::MouseMove) {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            const QModelIndex index = m_view->indexAt(mouse->position().toPoint());
            const bool onTime = index.isValid()
                                && m_delegate->timeRect(m_view->visualRect(index), m_view->font()).contains(mouse->position().toPoint());
            if (event->type() == QEvent::MouseMove) {
                m_view->viewport()->setCursor(onTime ? Qt::PointingHandCursor : Qt::ArrowCursor);
            } else if (onTime && mouse->button() == Qt::LeftButton) {
                emit seekRequested(index.data(TranscriptModel::StartTimeRole).toDouble());
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}
