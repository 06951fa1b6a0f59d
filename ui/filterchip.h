#pragma once

#include <QAbstractButton>

// One active filter as a rounded chip: its words and a × that removes it. Takes keyboard
// focus (Tab); Delete or Backspace on a focused chip removes it as a click on the × does.
// A click on the words only focuses it. Named "Filter: <words>, remove" for screen
// readers. Emits clicked() when it is to be removed.
class FilterChip : public QAbstractButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterChip)

public:
    explicit FilterChip(const QString &text, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    // Where the × is drawn, in the chip's coordinates.
    QRect removeRect() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool hitButton(const QPoint &pos) const override;
};
