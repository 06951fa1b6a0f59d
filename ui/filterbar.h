#pragma once

#include "store/callquery.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;

// The row of filter controls above the call list: transcript search, status and agent.
// Emits queryChanged with the CallQuery they describe; typing is debounced so the list
// is re-queried once per pause, not once per key.
class FilterBar : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    explicit FilterBar(QWidget *parent = nullptr);

    CallQuery query() const;

signals:
    void queryChanged(const CallQuery &query);

private:
    void emitQuery();

    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_agent = nullptr;
    QTimer m_typingTimer;
};
