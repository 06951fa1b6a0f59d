#include "filterchip.h"

#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>

namespace {

constexpr int kPadding = 10;
constexpr int kGap = 6;
constexpr int kCrossSize = 8;

} // namespace

FilterChip::FilterChip(const QString &text, QWidget *parent)
    : QAbstractButton(parent)
{
    setText(text);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::ArrowCursor);
    setAccessibleName(tr("Filter: %1, remove").arg(text));
    setToolTip(tr("Remove this filter (Delete)"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

QSize FilterChip::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    const int height = metrics.height() + 8;
    return {kPadding + metrics.horizontalAdvance(text()) + kGap + height - 4 + kPadding / 2, height};
}

QRect FilterChip::removeRect() const
{
    const int side = height() - 4;
    return {width() - side - kPadding / 2 + 2, 2, side, side};
}

void FilterChip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &colors = palette();
    const bool focused = hasFocus();
    const QRectF body = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QColor fill = colors.color(QPalette::Highlight);
    fill.setAlphaF(focused ? 0.35 : 0.16);
    painter.setPen(QPen(focused ? colors.color(QPalette::Highlight) : colors.color(QPalette::Mid), focused ? 1.5 : 1.0));
    painter.setBrush(fill);
    painter.drawRoundedRect(body, body.height() / 2, body.height() / 2);

    painter.setPen(colors.color(QPalette::WindowText));
    const QRect textRect(kPadding, 0, width() - kPadding - removeRect().width() - kGap, height());
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, fontMetrics().elidedText(text(), Qt::ElideRight, textRect.width()));

    const QRect cross = removeRect();
    if (isDown()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(colors.color(QPalette::Mid));
        painter.drawEllipse(cross.adjusted(1, 1, -1, -1));
    }
    const QPointF centre = QRectF(cross).center();
    const qreal arm = kCrossSize / 2.0;
    painter.setPen(QPen(colors.color(QPalette::WindowText), 1.6, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(centre + QPointF(-arm, -arm), centre + QPointF(arm, arm));
    painter.drawLine(centre + QPointF(-arm, arm), centre + QPointF(arm, -arm));
}

void FilterChip::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        click();
        return;
    }
    QAbstractButton::keyPressEvent(event);
}

bool FilterChip::hitButton(const QPoint &pos) const
{
    return removeRect().contains(pos);
}
