#pragma once

#include "store/callquery.h"

#include <QFrame>

class QComboBox;
class QDateEdit;
class QSpinBox;

// The less used filters, in a drop-down form under the filter bar's "More filters"
// button: the date range, the duration range, has a recording, has labels and has failed
// metrics. "Any" (a date or duration at its lowest, the combos' first entry) does not
// filter. Every edit emits changed() at once.
class MoreFiltersPopup : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MoreFiltersPopup)

public:
    explicit MoreFiltersPopup(QWidget *parent = nullptr);

    // Shows `query`'s values without emitting changed().
    void setQuery(const CallQuery &query);
    // Sets the date, duration, recording, labels and failed metrics members of `query` from
    // the form.
    void applyTo(CallQuery &query) const;
    // Shows the form where it was moved to, the focus on its first field.
    void popUp();
    // How many of the form's filters `query` sets.
    static int activeCount(const CallQuery &query);

    QDateEdit *fromField() const { return m_from; }
    QDateEdit *toField() const { return m_to; }
    QSpinBox *minDurationField() const { return m_minDuration; }
    QSpinBox *maxDurationField() const { return m_maxDuration; }
    QComboBox *recordingField() const { return m_recording; }
    QComboBox *labelsField() const { return m_labels; }
    QComboBox *failedMetricsField() const { return m_failedMetrics; }

signals:
    void changed();

private:
    QDateEdit *makeDateField(const QString &objectName);
    QSpinBox *makeDurationField(const QString &objectName);
    QComboBox *makeYesNoField(const QString &objectName, const QString &yes, const QString &no);

    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QSpinBox *m_minDuration = nullptr;
    QSpinBox *m_maxDuration = nullptr;
    QComboBox *m_recording = nullptr;
    QComboBox *m_labels = nullptr;
    QComboBox *m_failedMetrics = nullptr;
    bool m_showing = false;
};
