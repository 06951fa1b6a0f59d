#pragma once

#include <qcustomplot.h>

#include <QString>

// Time-axis ticks for a call: labels as m:ss (h:mm:ss for calls of an hour or more, so
// every label of one call has the same shape), tenths when zoomed in below a second, and
// steps a person counts in (1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, 1 h, ...).
class CallTimeTicker : public QCPAxisTicker
{
public:
    void setShowHours(bool showHours) { m_showHours = showHours; }

    // "1:05", "1:01:05", "0:03.5" (decimals: 0 or 1).
    static QString label(double seconds, bool showHours, int decimals);

protected:
    double getTickStep(const QCPRange &range) override;
    int getSubTickCount(double tickStep) override;
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision) override;

private:
    bool m_showHours = false;
    double m_step = 1.0;
};
