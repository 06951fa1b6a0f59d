#pragma once

#include "store/callquery.h"

#include <QTimer>
#include <QWidget>

class CountedPicker;
class FilterChipRow;
class MoreFiltersPopup;
class QComboBox;
class QHBoxLayout;
class QLineEdit;
class QToolButton;

// The filters above the call list: transcript search, status, reviewed, agent and ended
// reason (CountedPickers with their counts), and "More filters" (dates, durations,
// recording, labels, failed metrics: MoreFiltersPopup); under them each active filter as
// a removable chip (FilterChipRow). Holds the filter part of a CallQuery and emits
// queryChanged with it (sort left at its default: the list header owns the order). Typing
// in the search box is debounced so the list is re-queried once per pause, not once per
// key.
class FilterBar : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    // The pickers count calls in the database at `databasePath`, off the GUI thread.
    explicit FilterBar(const QString &databasePath, QWidget *parent = nullptr);

    CallQuery query() const { return m_query; }
    // Shows `query`'s filters in the controls and chips, and emits queryChanged.
    void setQuery(const CallQuery &query);
    // Puts `widget` at the end of the row of controls.
    void addControl(QWidget *widget);

    QLineEdit *searchField() const { return m_search; }
    CountedPicker *agentPicker() const { return m_agent; }
    CountedPicker *endedReasonPicker() const { return m_endedReason; }
    MoreFiltersPopup *moreFilters() const { return m_more; }
    FilterChipRow *chips() const { return m_chips; }

signals:
    // The reviewer changed a filter (not emitted for the sort).
    void queryChanged(const CallQuery &query);

private:
    void change(const CallQuery &query);
    void showQuery();
    void applySearch();

    CallQuery m_query;
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_reviewed = nullptr;
    CountedPicker *m_agent = nullptr;
    CountedPicker *m_endedReason = nullptr;
    QToolButton *m_moreButton = nullptr;
    MoreFiltersPopup *m_more = nullptr;
    FilterChipRow *m_chips = nullptr;
    QHBoxLayout *m_controls = nullptr;
    QTimer m_typingTimer;
    bool m_showing = false;
};
