#pragma once

#include "calllog/turnlabel.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QLineEdit;
class QListWidget;
class QListWidgetItem;

// Labelling one turn (the T key): the configured labels as a checklist, those already on
// the turn checked (labels from elsewhere, not in the set, are listed too). Space or the
// digit keys 1-9 check and uncheck; the note field edits the note of the highlighted
// label. Enter with nothing checked or unchecked takes the highlighted label, so
// "T, ↓, Enter" labels a turn. Nothing is stored here: labels() is the turn's new set.
class LabelDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabelDialog)

public:
    // `turnText` describes the turn ("Turn 4 · Agent: I can book you in…").
    LabelDialog(int turnIndex, const QString &turnText, const QStringList &labelSet, const QList<TurnLabel> &turnLabels,
                QWidget *parent = nullptr);

    // The turn's labels as the reviewer left them, in the list's order.
    QList<TurnLabel> labels() const;

    QListWidget *labelList() const { return m_list; }
    QLineEdit *noteField() const { return m_note; }

    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addItem(const QString &label, const TurnLabel *existing);
    void onCurrentChanged(QListWidgetItem *current);
    void onNoteEdited(const QString &text);

    int m_turnIndex;
    QListWidget *m_list;
    QLineEdit *m_note;
    bool m_toggled = false;   // the reviewer checked or unchecked something
};
