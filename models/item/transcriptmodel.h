#pragma once

#include "calllog/turn.h"
#include "calllog/turnlabel.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPoint>

// The turns of one call as rows (time, speaker, text), in transcript order. Tool calls
// read "name(arguments)" and their results "name → result". Tracks a current turn for
// playback: setCurrentTime() finds the turn being heard (the last one started at or
// before that time) by binary search, trying the cached current/next pair first, and
// signals only the two rows whose CurrentTurnRole changed. Where the turn has timed
// words, the word being heard is tracked too (CurrentWordRole, its span in the text).
// Reviewers' labels on a turn come with its row (LabelsRole, and the text's tooltip);
// where redaction put placeholders in its text, too (RedactionsRole).
class TranscriptModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptModel)

public:
    enum Column { Time, Speaker, Text, ColumnCount };
    enum Role {
        TurnRoleRole = Qt::UserRole + 1,   // int, a Turn::Role
        StartTimeRole,                     // double seconds
        EndTimeRole,                       // double seconds
        IsToolRole,                        // bool, a tool call or its result
        CurrentTurnRole,                   // bool, the turn at the current playback time
        CurrentWordRole,                   // QPoint(start, length) in the text, or invalid
        HasWordsRole,                      // bool, the turn's words are timed
        LabelsRole,                        // QStringList, the turn's label names in order
        MetricMarkRole,                    // bool, a selected metric result points at this turn
        RedactionsRole,                    // TurnRedactions, the placeholders in the text (speech turns)
    };

    explicit TranscriptModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setTurns(const Turns &turns);
    void clear()
    {
        setTurns({});
        setLabels({});
    }
    // The call's labels; each shows on the row of its turn_index.
    void setLabels(const QList<TurnLabel> &labels);
    // The turns a selected metric result points at (MetricMarkRole); empty: none.
    void setMarkedTurns(const QList<int> &rows);
    QList<TurnLabel> labelsOf(int row) const;
    const Turns &turns() const { return m_turns; }

    // The row being heard at `seconds`: the last turn that started at or before it,
    // or -1 before the first turn.
    int turnAt(double seconds) const;
    int currentTurn() const { return m_current; }
    // The index in the current turn's words of the word being heard, or -1.
    int currentWord() const { return m_currentWord; }
    void setCurrentTime(double seconds);
    void setCurrentTurn(int row);

    static QString speakerName(Turn::Role role);
    static QString turnText(const Turn &turn);
    static QString formatTime(double seconds);   // "MM:SS"

signals:
    void currentTurnChanged(int row);

private:
    void setCurrentWord(int word);
    int wordAt(int row, double seconds) const;

    Turns m_turns;
    QList<TurnLabel> m_labels;
    QList<int> m_markedTurns;
    QList<int> m_byStart;      // rows ordered by start time (stable), for binary search
    int m_current = -1;
    qsizetype m_currentPos = -1;   // m_current's place in m_byStart
    int m_currentWord = -1;
    QList<QPoint> m_currentWordSpans;   // the current turn's words in its text
};
