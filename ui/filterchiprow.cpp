#include "filterchiprow.h"

#include "filterchip.h"
#include "flowlayout.h"

#include <QToolButton>

FilterChipRow::FilterChipRow(QWidget *parent)
    : QWidget(parent)
    , m_layout(new FlowLayout(this))
    , m_clearAll(new QToolButton(this))
{
    setObjectName(QStringLiteral("filterChips"));
    setAccessibleName(tr("Active filters"));
    m_clearAll->setObjectName(QStringLiteral("clearFilters"));
    m_clearAll->setText(tr("Clear all"));
    m_clearAll->setAutoRaise(true);
    m_clearAll->setAccessibleName(tr("Clear all filters"));
    m_layout->addWidget(m_clearAll);
    connect(m_clearAll, &QToolButton::clicked, this, &FilterChipRow::clearAllRequested);
    setVisible(false);
}

void FilterChipRow::setFilters(const QList<ActiveFilters::Filter> &filters)
{
    int focusedIndex = -1;
    for (int i = 0; i < m_chips.size(); ++i) {
        if (m_chips.at(i)->hasFocus())
            focusedIndex = i;
    }
    // A chip may be the sender of the click that brought us here: delete later.
    for (FilterChip *chip : std::as_const(m_chips)) {
        m_layout->removeWidget(chip);
        chip->hide();
        chip->deleteLater();
    }
    m_chips.clear();

    m_layout->removeWidget(m_clearAll);
    for (const ActiveFilters::Filter &filter : filters) {
        auto *chip = new FilterChip(filter.text, this);
        chip->setObjectName(QStringLiteral("filterChip"));
        const ActiveFilters::Kind kind = filter.kind;
        connect(chip, &FilterChip::clicked, this, [this, kind] { emit removeRequested(kind); });
        m_layout->addWidget(chip);
        chip->show();
        m_chips.append(chip);
    }
    m_layout->addWidget(m_clearAll);
    for (int i = 1; i < m_chips.size(); ++i)
        setTabOrder(m_chips.at(i - 1), m_chips.at(i));
    if (!m_chips.isEmpty())
        setTabOrder(m_chips.constLast(), m_clearAll);
    setVisible(!m_chips.isEmpty());

    if (focusedIndex >= 0) {
        if (m_chips.isEmpty())
            emit lastChipRemoved();
        else
            m_chips.at(std::min(focusedIndex, int(m_chips.size()) - 1))->setFocus(Qt::TabFocusReason);
    }
}
