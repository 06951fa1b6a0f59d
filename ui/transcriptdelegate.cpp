#include "transcriptdelegate.h"

#include "calllog/turn.h"
#include "item/textmatches.h"
#include "item/transcriptmodel.h"
#include "labelcolor.h"

#include <QAbstractItemView>
#include <QFontDatabase>
#include <QPainter>
#include <QTextLayout>

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
    const QFontMetrics metrics(textFont(index, option.font));
    const QRect bounds = metrics.boundingRect(QRect(0, 0, layout.text.width(), 1 << 20), textFlags(index), textOf(index));
    int height = std::max(bounds.height(), QFontMetrics(option.font).height());
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
    paintText(painter, textRect, index, textFont(index, option.font));
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

void TranscriptDelegate::paintText(QPainter *painter, const QRect &rect, const QModelIndex &index, const QFont &font) const
{
    const QString text = textOf(index);
    QList<QTextLayout::FormatRange> marks;
    QTextCharFormat found;
    found.setBackground(QColor(0xff, 0xe0, 0x66));
    found.setForeground(Qt::black);   // the yellow is light on either palette
    auto mark = [&](const QList<TextMatches::Span> &spans) {
        for (const TextMatches::Span &span : spans)
            marks.append({span.start, span.length, found});
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
    if (marks.isEmpty()) {
        painter->setFont(font);
        painter->drawText(rect, textFlags(index), text);
        return;
    }
    // The same wrapping drawText() does, laid out by hand so that ranges can be marked.
    QTextLayout layout(text, font, painter->device());
    QTextOption option(Qt::AlignLeft);
    option.setWrapMode(index.data(TranscriptModel::IsToolRole).toBool() ? QTextOption::WrapAnywhere : QTextOption::WordWrap);
    layout.setTextOption(option);
    layout.setFormats(marks);
    layout.beginLayout();
    qreal y = 0;
    const qreal lineSpacing = QFontMetricsF(font).lineSpacing();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(rect.width());
        line.setPosition(QPointF(0, y));
        y += lineSpacing;
    }
    layout.endLayout();
    layout.draw(painter, rect.topLeft());
}
