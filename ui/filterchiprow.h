#pragma once

#include "item/activefilters.h"

#include <QList>
#include <QWidget>

class FilterChip;
class FlowLayout;
class QToolButton;

// The active filters as a wrapping row of FilterChips followed by "Clear all"; hidden
// while no filter is set. Removing a chip from the keyboard moves the focus to the chip
// that takes its place, so Delete can be pressed again; emits lastChipRemoved() when the
// focused chip was the last one (the owner puts the focus somewhere useful).
class FilterChipRow : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterChipRow)

public:
    explicit FilterChipRow(QWidget *parent = nullptr);

    void setFilters(const QList<ActiveFilters::Filter> &filters);
    QList<FilterChip *> chips() const { return m_chips; }
    QToolButton *clearAllButton() const { return m_clearAll; }

signals:
    void removeRequested(ActiveFilters::Kind kind);
    void clearAllRequested();
    void lastChipRemoved();

private:
    FlowLayout *m_layout = nullptr;
    QList<FilterChip *> m_chips;
    QToolButton *m_clearAll = nullptr;
};
