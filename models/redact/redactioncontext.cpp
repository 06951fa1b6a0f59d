#include "redactioncontext.h"

#include <QRegularExpression>

RedactionContext::RedactionContext(const Turns &turns, const QList<KnownValue> &knownValues)
    : m_turns(turns)
    , m_knownValues(knownValues)
{
}

bool RedactionContext::isSpeech(int turn) const
{
    const Turn &entry = m_turns.at(turn);
    return entry.isSpeech() && !entry.content.trimmed().isEmpty();
}

int RedactionContext::previousOtherTurn(int turn) const
{
    for (int i = turn - 1; i >= 0; --i) {
        if (isSpeech(i) && m_turns.at(i).role != m_turns.at(turn).role)
            return i;
    }
    return -1;
}

int RedactionContext::continuationOf(int turn) const
{
    for (int i = turn + 1; i < turnCount(); ++i) {
        if (!isSpeech(i))
            continue;
        if (m_turns.at(i).role == m_turns.at(turn).role)
            return i;
        if (!isBackchannel(m_turns.at(i).content))
            return -1;
    }
    return -1;
}

QString RedactionContext::cueBefore(int turn, qsizetype offset, int words) const
{
    QString cue;
    const int question = previousOtherTurn(turn);
    if (question >= 0)
        cue = m_turns.at(question).content + QLatin1Char(' ');
    const QStringList before = m_turns.at(turn).content.left(offset).split(QRegularExpression(QStringLiteral("\\s+")),
                                                                            Qt::SkipEmptyParts);
    cue += before.mid(std::max<qsizetype>(0, before.size() - words)).join(QLatin1Char(' '));
    return cue.toLower();
}

bool RedactionContext::isBackchannel(const QString &text)
{
    static const QRegularExpression backchannel(
        QStringLiteral("^\\W*((okay|ok|yes|yeah|yep|uh-huh|mm-hmm|mhm|right|sure|got it|go on|go ahead|and|alright|"
                       "all right|thanks|thank you)\\W*){1,3}$"),
        QRegularExpression::CaseInsensitiveOption);
    return backchannel.match(text.trimmed()).hasMatch();
}
