#pragma once

#include "calllog/turn.h"

#include <QAbstractTableModel>
#include <QList>

// The turns of one call as rows (time, speaker, text), in transcript order. Tool calls
// read "name(arguments)" and their results "name → result". Tracks a current turn for
// playback: setCurrentTime() finds the turn being heard (the last one started at or
// before that time) by binary search, trying the cached current/next pair first, and
// signals only the two rows whose CurrentTurnRole changed.
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
    };

    explicit TranscriptModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setTurns(const Turns &turns);
    void clear() { setTurns({}); }
    const Turns &turns() const { return m_turns; }

    // The row being heard at `seconds`: the last turn that started at or before it,
    // or -1 before the first turn.
    int turnAt(double seconds) const;
    int currentTurn() const { return m_current; }
    void setCurrentTime(double seconds);
    void setCurrentTurn(int row);

    static QString speakerName(Turn::Role role);
    static QString turnText(const Turn &turn);
    static QString formatTime(double seconds);   // "MM:SS"

signals:
    void currentTurnChanged(int row);

private:
    Turns m_turns;
    QList<int> m_byStart;      // rows ordered by start time (stable), for binary search
    int m_current = -1;
};
