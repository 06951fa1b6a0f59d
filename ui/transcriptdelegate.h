#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

class QAbstractItemView;

// Paints one transcript turn of a TranscriptModel row as a chat line: time, speaker and
// word-wrapped text. Speakers get their own colour and a bar at the left edge; tool calls
// and results are muted and monospace; the current playback turn is highlighted, and in
// it the word being heard; the words of a search and of "find in call" are marked; the
// reviewers' labels on a turn show as chips under its text. Row heights follow the
// wrapped text (and the chips) at the view's current width.
class TranscriptDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptDelegate)

public:
    explicit TranscriptDelegate(QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Full-text search tokens (TextMatches::tokens) marked as whole words.
    void setSearchTokens(const QStringList &tokens) { m_searchTokens = tokens; }
    // "Find in call" text, marked wherever it occurs.
    void setFindText(const QString &text) { m_findText = text; }
    // Where a turn's start time is drawn in a row at `rect`: clicking it seeks there.
    QRect timeRect(const QRect &rect, const QFont &font) const { return layoutFor(rect, font).time; }

private:
    struct Layout
    {
        QRect time;
        QRect speaker;
        QRect text;
    };

    Layout layoutFor(const QRect &rect, const QFont &font) const;
    QFont textFont(const QModelIndex &index, const QFont &base) const;
    static int textFlags(const QModelIndex &index);
    void paintText(QPainter *painter, const QRect &rect, const QModelIndex &index, const QFont &font) const;
    static QFont chipFont(const QFont &base);
    static int chipRowHeight(const QFont &base);
    void paintLabels(QPainter *painter, const QRect &textRect, const QStringList &labels, const QFont &base,
                     const QPalette &palette) const;

    QAbstractItemView *m_view = nullptr;
    QStringList m_searchTokens;
    QString m_findText;
};
