#include "transcriptdelegate.h"

#include "calllog/turn.h"
#include "item/textmatches.h"
#include "item/transcriptmodel.h"
#include "labelcolor.h"
#include "redactionkindnames.h"

#include <QAbstractItemView>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QTextLayout>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kPadX = 12;
constexpr int kPadY = 7;
constexpr int kGap = 10;
constexpr int kBarWidth = 3;
constexpr int kChipPadX = 6;
constexpr int kChipGap = 4;     // between chips, and between the text and the chips

const QColor kCurrentColor(0xe0, 0x9a, 0x00);
const QColor kMetricMarkColor(0x8e, 0x24, 0xaa);   // as the waveform marks a metric's moments

// Lighter shades on a dark palette, so that the names stay readable on either.
QColor speakerColor(Turn::Role role, bool dark)
{
    switch (role) {
    case Turn::Role::MainAgent: return dark ? QColor(0x7a, 0xb0, 0xff) : QColor(0x1f, 0x5f, 0xbf);
    case Turn::Role::TestingAgent: return dark ? QColor(0xe8, 0xa8, 0x5c) : QColor(0x8a, 0x4b, 0x08);
    default: return QColor(0x80, 0x80, 0x80);
    }
}

QColor blend(const QColor &a, const QColor &b, double amountOfB)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amountOfB),
                            float(a.greenF() + (b.greenF() - a.greenF()) * amountOfB),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amountOfB));
}

QString textOf(const QModelIndex &index)
{
    return index.siblingAtColumn(TranscriptModel::Text).data().toString();
}

// The turn's placeholders that lie inside its text (a stale span is never drawn out of range).
TurnRedactions redactionsOf(const QModelIndex &index, qsizetype length)
{
    TurnRedactions spans = index.data(TranscriptModel::RedactionsRole).value<TurnRedactions>();
    spans.removeIf([length](const TurnRedaction &span) { return span.begin < 0 || span.end > length || span.begin >= span.end; });
    return spans;
}

// A redaction chip's colours come from the palette's own base and text, so that the chip
// stays a quiet grey on a light or a dark scheme alike.
QColor chipFill(const QPalette &palette, bool dark)
{
    return blend(palette.color(QPalette::Base), palette.color(QPalette::Text), dark ? 0.17 : 0.09);
}

QColor chipBorder(const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.3);
}

QColor chipText(const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.7);
}

QFont redactionFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.8);
    font.setWeight(QFont::DemiBold);
    font.setLetterSpacing(QFont::PercentageSpacing, 104);
    return font;
}

// Where each placeholder stands in a laid-out text, one rectangle per line it spans.
QList<std::pair<QRectF, RedactionKind>> spanRects(const QTextLayout &layout, const TurnRedactions &spans)
{
    QList<std::pair<QRectF, RedactionKind>> rects;
    for (const TurnRedaction &span : spans) {
        for (int i = 0; i < layout.lineCount(); ++i) {
            const QTextLine line = layout.lineAt(i);
            const qsizetype begin = std::max<qsizetype>(span.begin, line.textStart());
            const qsizetype end = std::min<qsizetype>(span.end, line.textStart() + line.textLength());
            if (begin >= end)
                continue;
            const qreal left = line.cursorToX(int(begin));
            const qreal right = line.cursorToX(int(end));
            rects.append({QRectF(left, line.y() + 1, right - left, line.height() - 2), span.kind});
        }
    }
    return rects;
}

} // namespace

TranscriptDelegate::TranscriptDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
}

TranscriptDelegate::Layout TranscriptDelegate::layoutFor(const QRect &rect, const QFont &font) const
{
    const QFontMetrics metrics(font);
    const int timeWidth = metrics.horizontalAdvance(QStringLiteral("00:00")) + 4;
    QFont bold = font;
    bold.setWeight(QFont::DemiBold);
    const QFontMetrics boldMetrics(bold);
    int speakerWidth = 0;
    for (Turn::Role role : {Turn::Role::MainAgent, Turn::Role::TestingAgent, Turn::Role::FunctionCall, Turn::Role::FunctionCallResult})
        speakerWidth = std::max(speakerWidth, boldMetrics.horizontalAdvance(TranscriptModel::speakerName(role)));

    Layout layout;
    const int top = rect.top() + kPadY;
    const int left = rect.left() + kBarWidth + kPadX;
    layout.time = QRect(left, top, timeWidth, metrics.height());
    layout.speaker = QRect(layout.time.right() + kGap, top, speakerWidth, metrics.height());
    const int textLeft = layout.speaker.right() + kGap;
    layout.text = QRect(textLeft, top, std::max(40, rect.right() - kPadX - textLeft), rect.height() - 2 * kPadY);
    return layout;
}

QFont TranscriptDelegate::textFont(const QModelIndex &index, const QFont &base) const
{
    if (!index.data(TranscriptModel::IsToolRole).toBool())
        return base;
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(base.pointSizeF() * 0.92);
    return mono;
}

int TranscriptDelegate::textFlags(const QModelIndex &index)
{
    // Tool arguments are JSON without spaces; let them break anywhere rather than overflow.
    const int wrap = index.data(TranscriptModel::IsToolRole).toBool() ? Qt::TextWrapAnywhere : Qt::TextWordWrap;
    return Qt::AlignLeft | Qt::AlignTop | wrap;
}

QSize TranscriptDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = m_view->viewport()->width();
    const Layout layout = layoutFor(QRect(0, 0, width, 0), option.font);
    const QFont font = textFont(index, option.font);
    int textHeight = 0;
    if (redactionsOf(index, textOf(index).size()).isEmpty()) {
        const QRect bounds(0, 0, layout.text.width(), 1 << 20);
        textHeight = QFontMetrics(font).boundingRect(bounds, textFlags(index), textOf(index)).height();
    } else {
        QTextLayout text;   // the chips' smaller font wraps differently from drawText()
        textHeight = int(std::ceil(layOut(text, index, layout.text.width(), font, option.palette)));
    }
    int height = std::max(textHeight, QFontMetrics(option.font).height());
    if (!index.data(TranscriptModel::LabelsRole).toStringList().isEmpty())
        height += kChipGap + chipRowHeight(option.font);
    return {width, height + 2 * kPadY};
}

void TranscriptDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto role = Turn::Role(index.data(TranscriptModel::TurnRoleRole).toInt());
    const bool tool = index.data(TranscriptModel::IsToolRole).toBool();
    const bool current = index.data(TranscriptModel::CurrentTurnRole).toBool();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor base = palette.color(QPalette::Base);
    const QColor accent = speakerColor(role, base.lightness() < 128);

    painter->save();
    QColor fill = base;
    if (role == Turn::Role::MainAgent)
        fill = blend(base, accent, 0.06);   // a faint tint tells the agent's lines apart at a glance
    if (current)
        fill = blend(base, kCurrentColor, 0.22);
    if (selected) {
        fill = palette.color(QPalette::Highlight);
        fill.setAlpha(40);
    }
    painter->fillRect(option.rect, fill);
    if (!tool)
        painter->fillRect(QRect(option.rect.left(), option.rect.top(), kBarWidth, option.rect.height()),
                          current ? kCurrentColor : accent);
    // A selected metric result's turn: outlined in the waveform's metric colour.
    if (index.data(TranscriptModel::MetricMarkRole).toBool()) {
        painter->setPen(QPen(kMetricMarkColor, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(option.rect.adjusted(1, 1, -2, -2));
    }
    painter->setPen(palette.color(QPalette::Midlight));
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());

    const Layout layout = layoutFor(option.rect, option.font);
    const QColor muted = palette.color(QPalette::PlaceholderText);

    painter->setFont(option.font);
    painter->setPen(muted);
    painter->drawText(layout.time, Qt::AlignLeft | Qt::AlignTop, index.siblingAtColumn(TranscriptModel::Time).data().toString());

    QFont speakerFont = option.font;
    speakerFont.setWeight(tool ? QFont::Normal : QFont::DemiBold);
    painter->setFont(speakerFont);
    painter->setPen(tool ? muted : accent);
    painter->drawText(layout.speaker, Qt::AlignLeft | Qt::AlignTop,
                      index.siblingAtColumn(TranscriptModel::Speaker).data().toString());

    painter->setPen(tool ? muted : palette.color(QPalette::Text));
    const QStringList labels = index.data(TranscriptModel::LabelsRole).toStringList();
    QRect textRect = layout.text;
    if (!labels.isEmpty())
        textRect.setBottom(textRect.bottom() - kChipGap - chipRowHeight(option.font));
    paintText(painter, textRect, index, textFont(index, option.font), palette);
    if (!labels.isEmpty())
        paintLabels(painter, textRect, labels, option.font, palette);
    painter->restore();
}

QFont TranscriptDelegate::chipFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.85);
    font.setWeight(QFont::DemiBold);
    return font;
}

int TranscriptDelegate::chipRowHeight(const QFont &base)
{
    return QFontMetrics(chipFont(base)).height() + 4;
}

void TranscriptDelegate::paintLabels(QPainter *painter, const QRect &textRect, const QStringList &labels,
                                     const QFont &base, const QPalette &palette) const
{
    const QFont font = chipFont(base);
    const QFontMetrics metrics(font);
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const int height = chipRowHeight(base);
    int x = textRect.left();
    const int y = textRect.bottom() + 1 + kChipGap;
    painter->setFont(font);
    for (const QString &label : labels) {
        const int width = metrics.horizontalAdvance(label) + 2 * kChipPadX;
        if (x + width > textRect.right() && x > textRect.left())
            break;   // one row of chips; the tooltip lists them all
        const QRect chip(x, y, width, height);
        const QColor colour = LabelColor::of(label, dark);
        QColor fill = colour;
        fill.setAlpha(dark ? 60 : 34);
        painter->setPen(QPen(colour, 1));
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
        painter->setPen(colour);
        painter->drawText(chip, Qt::AlignCenter, label);
        x += width + kChipGap;
    }
}

qreal TranscriptDelegate::layOut(QTextLayout &layout, const QModelIndex &index, qreal width, const QFont &font,
                                 const QPalette &palette, const QList<QTextLayout::FormatRange> &marks)
{
    const QString text = textOf(index);
    QList<QTextLayout::FormatRange> formats;
    QTextCharFormat chip;
    chip.setFont(redactionFont(font));
    chip.setForeground(chipText(palette));
    // The placeholder's brackets pad the chip and its underscores read as spaces: drawn
    // invisible, "<CREDIT_CARD>" shows as "CREDIT CARD" and keeps its offsets in the text.
    QTextCharFormat hidden;
    hidden.setForeground(Qt::transparent);
    QList<QTextLayout::FormatRange> hiddenRanges;
    for (const TurnRedaction &span : redactionsOf(index, text.size())) {
        formats.append({int(span.begin), int(span.end - span.begin), chip});
        for (qsizetype i = span.begin; i < span.end; ++i) {
            const QChar c = text.at(i);
            if (c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('_'))
                hiddenRanges.append({int(i), 1, hidden});
        }
    }
    formats += marks;
    formats += hiddenRanges;

    layout.setText(text);
    layout.setFont(font);
    QTextOption option(Qt::AlignLeft);
    option.setWrapMode(index.data(TranscriptModel::IsToolRole).toBool() ? QTextOption::WrapAnywhere : QTextOption::WordWrap);
    layout.setTextOption(option);
    layout.setFormats(formats);
    layout.beginLayout();
    qreal y = 0;
    const qreal lineSpacing = QFontMetricsF(font).lineSpacing();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += lineSpacing;
    }
    layout.endLayout();
    return y;
}

void TranscriptDelegate::paintText(QPainter *painter, const QRect &rect, const QModelIndex &index, const QFont &font,
                                   const QPalette &palette) const
{
    const QString text = textOf(index);
    const TurnRedactions redactions = redactionsOf(index, text.size());
    QList<QTextLayout::FormatRange> marks;
    QTextCharFormat found;
    found.setBackground(QColor(0xff, 0xe0, 0x66));
    found.setForeground(Qt::black);   // the yellow is light on either palette
    // A placeholder is not what was said: "email" found in "<EMAIL_ADDRESS>" is not marked.
    const auto inPlaceholder = [&redactions](const TextMatches::Span &span) {
        return std::any_of(redactions.cbegin(), redactions.cend(), [&span](const TurnRedaction &redaction) {
            return span.start < redaction.end && redaction.begin < span.start + span.length;
        });
    };
    auto mark = [&](const QList<TextMatches::Span> &spans) {
        for (const TextMatches::Span &span : spans) {
            if (!inPlaceholder(span))
                marks.append({span.start, span.length, found});
        }
    };
    mark(TextMatches::tokenSpans(text, m_searchTokens));
    mark(TextMatches::occurrences(text, m_findText));
    const QVariant word = index.data(TranscriptModel::CurrentWordRole);
    if (word.isValid()) {
        const QPoint span = word.toPoint();
        QTextCharFormat heard;
        heard.setBackground(kCurrentColor);
        heard.setForeground(Qt::white);
        marks.append({span.x(), span.y(), heard});
    }
    if (marks.isEmpty() && redactions.isEmpty()) {
        painter->setFont(font);
        painter->drawText(rect, textFlags(index), text);
        return;
    }
    // The same wrapping drawText() does, laid out by hand so that ranges can be marked.
    QTextLayout layout(text, font, painter->device());
    layOut(layout, index, rect.width(), font, palette, marks);
    if (!redactions.isEmpty()) {
        const bool dark = palette.color(QPalette::Base).lightness() < 128;
        const QPen textPen = painter->pen();   // the layout draws unformatted text with the painter's pen
        painter->setPen(QPen(chipBorder(palette), 1));
        painter->setBrush(chipFill(palette, dark));
        for (const auto &[chip, kind] : spanRects(layout, redactions)) {
            const QRectF box = chip.translated(rect.topLeft()).adjusted(0.5, 0.5, -0.5, -0.5);
            painter->drawRoundedRect(box, box.height() / 2.0, box.height() / 2.0);
        }
        painter->setPen(textPen);
    }
    layout.draw(painter, rect.topLeft());
}

QList<std::pair<QRectF, RedactionKind>> TranscriptDelegate::redactionRects(const QRect &rect, const QFont &font,
                                                                           const QModelIndex &index) const
{
    const TurnRedactions redactions = redactionsOf(index, textOf(index).size());
    if (redactions.isEmpty())
        return {};
    const Layout rowLayout = layoutFor(rect, font);
    QTextLayout layout;
    layOut(layout, index, rowLayout.text.width(), textFont(index, font), m_view->palette());
    QList<std::pair<QRectF, RedactionKind>> rects = spanRects(layout, redactions);
    for (auto &entry : rects)
        entry.first.translate(rowLayout.text.topLeft());
    return rects;
}

std::optional<RedactionKind> TranscriptDelegate::redactionAt(const QRect &rect, const QFont &font, const QModelIndex &index,
                                                             const QPoint &pos) const
{
    for (const auto &[chip, kind] : redactionRects(rect, font, index)) {
        if (chip.contains(pos))
            return kind;
    }
    return std::nullopt;
}

bool TranscriptDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                   const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.isValid()) {
        if (const std::optional<RedactionKind> kind = redactionAt(option.rect, option.font, index, event->pos())) {
            QToolTip::showText(event->globalPos(), tr("Redacted: %1").arg(RedactionKindNames::of(*kind)), view->viewport());
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}
