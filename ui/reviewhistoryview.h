#pragma once

#include "calllog/reviewevent.h"

#include <QTreeWidget>

// The call's review history, newest first: when, who (ui, api, cli, metrics, ingest or a
// user name), which field and its old → new value. Read-only; filled from
// CallLog::reviewHistory each time the call is shown or changes.
class ReviewHistoryView : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewHistoryView)

public:
    enum Column { Time, Source, Field, Change, ColumnCount };

    explicit ReviewHistoryView(QWidget *parent = nullptr);

    // `events` oldest first, as the store reads them.
    void setEvents(const QList<ReviewEvent> &events);
    const QList<ReviewEvent> &events() const { return m_events; }

private:
    QString valueText(const ReviewEvent &event, const QString &value) const;

    QList<ReviewEvent> m_events;
};
