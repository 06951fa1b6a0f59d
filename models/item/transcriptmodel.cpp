#include "transcriptmodel.h"

#include "calllog/calllog.h"
#include "textmatches.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <numeric>

TranscriptModel::TranscriptModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_turns.size());
}

int TranscriptModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void TranscriptModel::setTurns(const Turns &turns)
{
    beginResetModel();
    m_turns = turns;
    m_byStart.resize(m_turns.size());
    std::iota(m_byStart.begin(), m_byStart.end(), 0);
    std::stable_sort(m_byStart.begin(), m_byStart.end(), [this](int a, int b) {
        return m_turns.at(a).startTime < m_turns.at(b).startTime;
    });
    const bool hadCurrent = m_current != -1;
    m_current = -1;
    m_currentPos = -1;
    m_currentWord = -1;
    m_currentWordSpans.clear();
    m_markedTurns.clear();
    endResetModel();
    if (hadCurrent)
        emit currentTurnChanged(-1);
}

void TranscriptModel::setLabels(const QList<TurnLabel> &labels)
{
    if (labels == m_labels)
        return;
    // Labels change row heights (the delegate shows them under the text): lay out again.
    emit layoutAboutToBeChanged();
    m_labels = labels;
    emit layoutChanged();
}

void TranscriptModel::setMarkedTurns(const QList<int> &rows)
{
    if (rows == m_markedTurns)
        return;
    const QList<int> before = m_markedTurns;
    m_markedTurns = rows;
    // Only the rows that gain or lose their mark repaint.
    for (const QList<int> *changed : {&before, static_cast<const QList<int> *>(&m_markedTurns)}) {
        for (int row : *changed) {
            if (row >= 0 && row < rowCount())
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {MetricMarkRole});
        }
    }
}

QList<TurnLabel> TranscriptModel::labelsOf(int row) const
{
    QList<TurnLabel> result;
    for (const TurnLabel &label : m_labels) {
        if (label.turnIndex == row)
            result.append(label);
    }
    return result;
}

int TranscriptModel::turnAt(double seconds) const
{
    if (m_byStart.isEmpty())
        return -1;
    // Playback moves forward in small steps: most lookups stay on the current turn or
    // move to the next one, so check those before searching.
    if (m_current >= 0) {
        const qsizetype pos = m_currentPos;
        const auto startOf = [this](qsizetype p) { return m_turns.at(m_byStart.at(p)).startTime; };
        if (startOf(pos) <= seconds) {
            if (pos + 1 == m_byStart.size() || seconds < startOf(pos + 1))
                return m_current;
            if (pos + 2 == m_byStart.size() || seconds < startOf(pos + 2))
                return m_byStart.at(pos + 1);
        }
    }
    const auto it = std::upper_bound(m_byStart.cbegin(), m_byStart.cend(), seconds,
                                     [this](double t, int row) { return t < m_turns.at(row).startTime; });
    return it == m_byStart.cbegin() ? -1 : *(it - 1);
}

void TranscriptModel::setCurrentTime(double seconds)
{
    setCurrentTurn(turnAt(seconds));
    setCurrentWord(m_current >= 0 ? wordAt(m_current, seconds) : -1);
}

int TranscriptModel::wordAt(int row, double seconds) const
{
    const TimedWords &words = m_turns.at(row).words;
    const auto it = std::upper_bound(words.cbegin(), words.cend(), seconds,
                                     [](double t, const TimedWord &word) { return t < word.startTime; });
    if (it == words.cbegin())
        return -1;
    // Between two words the last one spoken stays lit until the next one starts, as a
    // reader's eye stays on it; past the turn's last word nothing is lit.
    const auto word = it - 1;
    if (it == words.cend() && seconds > word->endTime)
        return -1;
    return int(word - words.cbegin());
}

void TranscriptModel::setCurrentWord(int word)
{
    if (word == m_currentWord)
        return;
    m_currentWord = word;
    if (m_current >= 0)
        emit dataChanged(index(m_current, Text), index(m_current, Text), {CurrentWordRole});
}

void TranscriptModel::setCurrentTurn(int row)
{
    if (row < -1 || row >= m_turns.size())
        row = -1;
    if (row == m_current)
        return;
    const int previous = m_current;
    m_current = row;
    m_currentPos = row < 0 ? -1 : std::find(m_byStart.cbegin(), m_byStart.cend(), row) - m_byStart.cbegin();
    m_currentWord = -1;
    m_currentWordSpans.clear();
    if (row >= 0 && !m_turns.at(row).words.isEmpty()) {
        QStringList texts;
        for (const TimedWord &word : m_turns.at(row).words)
            texts.append(word.text);
        for (const TextMatches::Span &span : TextMatches::wordSpans(m_turns.at(row).content, texts))
            m_currentWordSpans.append(QPoint(span.start, span.length));
    }
    const QList<int> roles{CurrentTurnRole};
    if (previous >= 0)
        emit dataChanged(index(previous, 0), index(previous, ColumnCount - 1), roles);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1), roles);
    emit currentTurnChanged(row);
}

QString TranscriptModel::speakerName(Turn::Role role)
{
    switch (role) {
    case Turn::Role::MainAgent: return tr("Agent");
    case Turn::Role::TestingAgent: return tr("Caller");
    case Turn::Role::FunctionCall: return tr("Tool call");
    case Turn::Role::FunctionCallResult: return tr("Tool result");
    }
    return {};
}

QString TranscriptModel::turnText(const Turn &turn)
{
    const QString name = turn.data.value(QStringLiteral("name")).toString();
    switch (turn.role) {
    case Turn::Role::FunctionCall:
        return name + QLatin1Char('(') + turn.data.value(QStringLiteral("arguments")).toVariant().toString() + QLatin1Char(')');
    case Turn::Role::FunctionCallResult: {
        const QJsonValue result = turn.data.value(QStringLiteral("result"));
        const QString text = result.isString() ? result.toString() : QString::fromUtf8(QJsonDocument::fromVariant(result.toVariant()).toJson(QJsonDocument::Compact));
        return name + QStringLiteral(" → ") + text;
    }
    default:
        return turn.content;
    }
}

QString TranscriptModel::formatTime(double seconds)
{
    return CallLog::formatDuration(seconds);
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Turn &turn = m_turns.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time: return formatTime(turn.startTime);
        case Speaker: return speakerName(turn.role);
        case Text: return turnText(turn);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Speaker)
            return Turn::roleName(turn.role);   // the API's name, for engineers
        if (index.column() == Time)
            return tr("%1 – %2").arg(formatTime(turn.startTime), formatTime(turn.endTime));
        if (index.column() == Text) {
            QStringList lines;
            for (const TurnLabel &label : labelsOf(index.row()))
                lines.append(label.note.isEmpty() ? label.label : tr("%1: %2").arg(label.label, label.note));
            return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
        }
        return {};
    case TurnRoleRole: return int(turn.role);
    case StartTimeRole: return turn.startTime;
    case EndTimeRole: return turn.endTime;
    case IsToolRole: return turn.isTool();
    case CurrentTurnRole: return index.row() == m_current;
    case CurrentWordRole:
        if (index.row() != m_current || m_currentWord < 0 || m_currentWord >= m_currentWordSpans.size()
            || m_currentWordSpans.at(m_currentWord).x() < 0)
            return {};
        return m_currentWordSpans.at(m_currentWord);
    case HasWordsRole: return !turn.words.isEmpty();
    case MetricMarkRole: return m_markedTurns.contains(index.row());
    // A tool turn's text is not its content, so offsets into the content would not fit it.
    case RedactionsRole: return turn.isTool() ? QVariant() : QVariant::fromValue(turn.redactions);
    case LabelsRole: {
        QStringList names;
        for (const TurnLabel &label : labelsOf(index.row()))
            names.append(label.label);
        return names;
    }
    default: return {};
    }
}

QVariant TranscriptModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Speaker: return tr("Speaker");
    case Text: return tr("Text");
    default: return {};
    }
}
