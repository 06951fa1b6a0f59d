#include "reviewhistoryview.h"

#include "calllog/reviewstatus.h"
#include "item/calllistmodel.h"

#include <QHeaderView>
#include <QLocale>

ReviewHistoryView::ReviewHistoryView(QWidget *parent)
    : QTreeWidget(parent)
{
    setAccessibleName(tr("Review history"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Time"), tr("Source"), tr("Field"), tr("Change")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setFocusPolicy(Qt::NoFocus);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(Change, QHeaderView::Stretch);
}

void ReviewHistoryView::setEvents(const QList<ReviewEvent> &events)
{
    if (events == m_events)
        return;
    m_events = events;
    clear();
    QList<QTreeWidgetItem *> items;
    items.reserve(events.size());
    for (auto event = events.crbegin(); event != events.crend(); ++event) {
        const QString change = tr("%1 → %2").arg(valueText(*event, event->oldValue), valueText(*event, event->newValue));
        auto *item = new QTreeWidgetItem(QStringList{QLocale().toString(event->time.toLocalTime(), QLocale::ShortFormat),
                                                     event->source,
                                                     event->field == QLatin1String("status") ? tr("status")
                                                     : event->field == QLatin1String("feedback") ? tr("feedback")
                                                                                                 : event->field,
                                                     change});
        item->setToolTip(Change, change);
        items.append(item);
    }
    addTopLevelItems(items);
}

QString ReviewHistoryView::valueText(const ReviewEvent &event, const QString &value) const
{
    if (value.isEmpty())
        return event.field == QLatin1String("status") ? CallListModel::statusText(std::nullopt) : tr("(none)");
    if (event.field == QLatin1String("status"))
        return value;
    // Feedback can run long: one line of it, quoted.
    QString line = value.simplified();
    if (line.size() > 80)
        line = line.left(79) + QChar(0x2026);
    return tr("“%1”").arg(line);
}
