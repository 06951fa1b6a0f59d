#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QToolButton;
class TranscriptDelegate;
class TranscriptModel;

// The call's transcript as the player's companion: the turn being heard is highlighted
// (by the model) and kept in view unless the reviewer scrolls away, in which case a
// "Follow playback" button brings it back. Clicking a turn's time asks to seek there.
// startFind() (Ctrl+F) opens a find bar over the turns (Enter /
// Shift+Enter for the next / previous match, Esc closes it); a full-text search from the
// call list is shown by marking its words and selecting the first turn that has them.
class TranscriptPane : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptPane)

public:
    TranscriptPane(TranscriptModel *model, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    // The selected turn (or the one being heard when none is selected), or -1.
    int selectedTurn() const;
    void selectTurn(int row);

    // The words of the call list's search; selects the first turn with all of them.
    void setSearchText(const QString &text);
    QStringList searchTokens() const { return m_searchTokens; }

    // Opens the find bar with the keyboard focus in it.
    void startFind();
    bool isFinding() const;
    // Rows matching the find text, and the one at the find position.
    QList<int> findMatches() const { return m_matches; }
    void findNext();
    void findPrevious();

    // Shown in place of the turns when there are none ("This call has no transcript.").
    void setEmptyText(const QString &text);
    QString emptyText() const;

    bool isFollowing() const { return m_following; }
    void setFollowing(bool follow);

signals:
    void seekRequested(double seconds);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *buildFindBar();
    void onCurrentTurnChanged(int row);
    void onUserScrolled();
    void scrollToTurn(int row);
    void updateFind();
    void showMatch(int match);
    void closeFind();
    void placeFollowButton();
    void updateEmpty();

    TranscriptModel *m_model;
    QListView *m_view = nullptr;
    TranscriptDelegate *m_delegate = nullptr;
    QWidget *m_findBar = nullptr;
    QLineEdit *m_findField = nullptr;
    QLabel *m_findCount = nullptr;
    QToolButton *m_follow = nullptr;
    QLabel *m_empty = nullptr;
    QStringList m_searchTokens;
    QList<int> m_matches;
    int m_match = -1;
    bool m_following = true;
    bool m_scrollingForPlayback = false;
};
