#pragma once

#include "calllog/calllog.h"

#include <QWidget>

class QGridLayout;
class QLabel;

// The facts of the selected call above its transcript: call id as the title, then
// agent, time, duration, status (as a coloured chip), ended reason and customer number
// (the feedback is edited below the transcript, in ReviewPanel). Values are selectable
// so they can be copied. A redacted customer number reads as the transcript's chips do.
class CallHeader : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallHeader)

public:
    explicit CallHeader(QWidget *parent = nullptr);

    void setCall(const CallLog &call);

private:
    QLabel *addFact(const QString &name, int row, int column);
    void showCustomer(const QString &number);

    QLabel *m_title = nullptr;
    QLabel *m_agent = nullptr;
    QLabel *m_time = nullptr;
    QLabel *m_duration = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_endedReason = nullptr;
    QLabel *m_customer = nullptr;
    QGridLayout *m_grid = nullptr;
};
