#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <QStyledItemDelegate>

// Paints a call's review status as a coloured chip: green for success, red for failure,
// with a check mark once a person reviewed it; a muted "Not evaluated" otherwise.
// Reads CallListModel::StatusRole, so it works in any view of that model.
class StatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusDelegate)

public:
    explicit StatusDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Wide enough for the longest chip.
    static int preferredWidth(const QFont &font);
    // The colour of a status given by its API name ("success", "reviewed_failure", ...),
    // readable on `palette`'s base: lighter shades on a dark palette.
    static QColor colorFor(const QString &status, const QPalette &palette = QGuiApplication::palette());
    // The colour of a chip's text in that colour.
    static QColor textColorFor(const QString &status, const QPalette &palette = QGuiApplication::palette());
};
