#pragma once

#include "settings/reviewsettings.h"

#include <QWidget>

class QCheckBox;
class QListWidget;
class QPushButton;

// Preferences › Review: "play on open" and the label set offered by T (ReviewSettings).
// Labels are edited in place (F2 or a double click), added, removed and reordered; their
// order is the order of the label dialog and its digit keys.
class ReviewSettingsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewSettingsPage)

public:
    explicit ReviewSettingsPage(const ReviewSettings &settings, QWidget *parent = nullptr);

    // As the controls show them now, cleaned as ReviewSettings::save() would.
    ReviewSettings settings() const;

    QCheckBox *playOnOpenBox() const { return m_playOnOpen; }
    QListWidget *labelList() const { return m_labels; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }

private:
    void showLabels(const QStringList &labels);
    void addLabel();
    void moveCurrent(int by);
    void updateButtons();

    QCheckBox *m_playOnOpen;
    QListWidget *m_labels;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_defaults;
};
