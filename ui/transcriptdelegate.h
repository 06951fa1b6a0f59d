#pragma once

#include <QStyledItemDelegate>

class QAbstractItemView;

// Paints one transcript turn of a TranscriptModel row as a chat line: time, speaker and
// word-wrapped text. Speakers get their own colour and a bar at the left edge; tool calls
// and results are muted and monospace; the current playback turn is highlighted. Row
// heights follow the wrapped text at the view's current width.
class TranscriptDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptDelegate)

public:
    explicit TranscriptDelegate(QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

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

    QAbstractItemView *m_view = nullptr;
};
