#pragma once

#include "calllog/redactionkind.h"

#include <QStringList>
#include <QStyledItemDelegate>
#include <QTextLayout>

#include <optional>

class QAbstractItemView;

// Paints one transcript turn of a TranscriptModel row as a chat line: time, speaker and
// word-wrapped text. Speakers get their own colour and a bar at the left edge; tool calls
// and results are muted and monospace; the current playback turn is highlighted, and in
// it the word being heard; the words of a search and of "find in call" are marked; the
// reviewers' labels on a turn show as chips under its text. Where redaction replaced
// personal data, the placeholder ("<CREDIT_CARD>") shows as a muted rounded chip reading
// "CREDIT CARD", its kind as a tooltip. Row heights follow the wrapped text (and the
// chips) at the view's current width.
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
    // Where the redacted spans of the turn at `index` stand in a row at `rect` (a span wrapped
    // over two lines has two), with their kinds.
    QList<std::pair<QRectF, RedactionKind>> redactionRects(const QRect &rect, const QFont &font,
                                                           const QModelIndex &index) const;
    // The kind of the redacted span at `pos` of a row at `rect`, if there is one.
    std::optional<RedactionKind> redactionAt(const QRect &rect, const QFont &font, const QModelIndex &index,
                                             const QPoint &pos) const;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

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
    void paintText(QPainter *painter, const QRect &rect, const QModelIndex &index, const QFont &font,
                   const QPalette &palette) const;
    // Lays the turn's text out in `layout` at `width` as paintText() draws it: redaction chips'
    // text in its own font, then `marks`. Returns the height.
    static qreal layOut(QTextLayout &layout, const QModelIndex &index, qreal width, const QFont &font,
                        const QPalette &palette, const QList<QTextLayout::FormatRange> &marks = {});
    static QFont chipFont(const QFont &base);
    static int chipRowHeight(const QFont &base);
    void paintLabels(QPainter *painter, const QRect &textRect, const QStringList &labels, const QFont &base,
                     const QPalette &palette) const;

    QAbstractItemView *m_view = nullptr;
    QStringList m_searchTokens;
    QString m_findText;
};
