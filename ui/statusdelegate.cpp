#include "statusdelegate.h"

#include "item/calllistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace {

constexpr int kChipPadding = 8;
constexpr int kCheckWidth = 12;

} // namespace

StatusDelegate::StatusDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QColor StatusDelegate::colorFor(const QString &status, const QPalette &palette)
{
    // Material green/red 800 on light backgrounds, 300 on dark ones: both keep a contrast
    // of at least 4.5:1 against the base colour.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (status.endsWith(QLatin1String("success")))
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    if (status.endsWith(QLatin1String("failure")))
        return dark ? QColor(0xe5, 0x73, 0x73) : QColor(0xc6, 0x28, 0x28);
    return dark ? QColor(0xbd, 0xbd, 0xbd) : QColor(0x75, 0x75, 0x75);
}

QColor StatusDelegate::textColorFor(const QString &status, const QPalette &palette)
{
    const QColor color = colorFor(status, palette);
    return palette.color(QPalette::Base).lightness() < 128 ? color.lighter(110) : color.darker(115);
}

void StatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Background and selection as the style draws them, without the text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    if (!index.data(CallListModel::LoadedRole).toBool())
        return;
    const QString status = index.data(CallListModel::StatusRole).toString();
    const QString text = index.data(Qt::DisplayRole).toString();
    const QRect cell = option.rect.adjusted(6, 0, -4, 0);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (status.isEmpty()) {
        painter->setPen(option.palette.color(QPalette::PlaceholderText));
        painter->drawText(cell, Qt::AlignLeft | Qt::AlignVCenter,
                          option.fontMetrics.elidedText(text, Qt::ElideRight, cell.width()));
        painter->restore();
        return;
    }

    const bool reviewed = status.startsWith(QLatin1String("reviewed_"));
    // A reviewed chip says "✓ Success"; the word "Reviewed" would only repeat the mark.
    const QString label = ReviewStatuses::isSuccess(*ReviewStatuses::fromName(status)) ? tr("Success") : tr("Failure");
    // On a selected row the tint would vanish into the highlight; a white chip with the
    // light palette's shades keeps it readable.
    const bool selected = option.state & QStyle::State_Selected;
    QPalette chipPalette = option.palette;
    if (selected)
        chipPalette.setColor(QPalette::Base, Qt::white);
    const QColor color = colorFor(status, chipPalette);
    QFont font = option.font;
    font.setWeight(QFont::DemiBold);
    const QFontMetrics metrics(font);
    const int textWidth = metrics.horizontalAdvance(label);
    const int chipHeight = std::min(cell.height() - 4, metrics.height() + 4);
    const int chipWidth = std::min(cell.width(), textWidth + 2 * kChipPadding + (reviewed ? kCheckWidth + 2 : 0));
    const QRect chip(cell.left(), cell.center().y() - chipHeight / 2, chipWidth, chipHeight);

    QColor fill = selected ? QColor(Qt::white) : color;
    fill.setAlpha(selected ? 235 : (reviewed ? 46 : 30));
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(chip, chipHeight / 2.0, chipHeight / 2.0);

    int x = chip.left() + kChipPadding;
    if (reviewed) {
        QPainterPath check;
        const double cy = chip.center().y() + 0.5;
        check.moveTo(x, cy);
        check.lineTo(x + 3.5, cy + 3.5);
        check.lineTo(x + 10, cy - 4);
        painter->setPen(QPen(color, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(check);
        x += kCheckWidth + 2;
    }
    painter->setFont(font);
    painter->setPen(textColorFor(status, chipPalette));
    painter->drawText(QRect(x, chip.top(), chip.right() + 1 - x, chip.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(label, Qt::ElideRight, chip.right() + 1 - x));
    painter->restore();
}

QSize StatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(preferredWidth(option.font));
    return size;
}

int StatusDelegate::preferredWidth(const QFont &font)
{
    QFont bold = font;
    bold.setWeight(QFont::DemiBold);
    const QFontMetrics boldMetrics(bold);
    const int chip = std::max(boldMetrics.horizontalAdvance(tr("Success")), boldMetrics.horizontalAdvance(tr("Failure")))
                     + 2 * kChipPadding + kCheckWidth + 2;
    // The widest text without a chip: an unevaluated call, or one being transcribed.
    CallLog transcribing;
    transcribing.transcription = TranscriptionState{TranscriptionStatus::Transcribing, 1.0};
    const QFontMetrics metrics(font);
    const int plain = std::max(metrics.horizontalAdvance(CallListModel::statusText(std::nullopt)),
                               metrics.horizontalAdvance(CallListModel::statusText(transcribing)));
    return std::max(chip, plain) + 16;
}
