#include "numberdetector.h"

#include "spokennumbers.h"

void NumberDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn))
            continue;
        const QList<SpokenText> readings = views(context.text(turn));
        for (qsizetype i = 0; i < readings.size(); ++i)
            findIn(Reading{context, turn, readings[i], i > 0}, wanted, found);
    }
}

void NumberDetector::Reading::add(qsizetype begin, qsizetype end, RedactionKind kind, RedactionSpans &found) const
{
    if (begin >= end)
        return;
    const auto [from, to] = view.originalRange(begin, end);
    found.append({turn, from, to, kind});
}

void NumberDetector::Reading::add(const QRegularExpressionMatch &match, RedactionKind kind, RedactionSpans &found,
                                  int group) const
{
    add(match.capturedStart(group), match.capturedEnd(group), kind, found);
}

QString NumberDetector::Reading::cueBefore(qsizetype offset, int words) const
{
    const qsizetype original = offset < text().size() ? view.originalRange(offset, offset + 1).first
                                                      : context.text(turn).size();
    return context.cueBefore(turn, original, words);
}

bool NumberDetector::Reading::originalHas(qsizetype begin, qsizetype end, const QRegularExpression &pattern) const
{
    const auto [from, to] = view.originalRange(begin, end);
    return pattern.match(QStringView(context.text(turn)).mid(from, to - from)).hasMatch();
}

QList<SpokenText> NumberDetector::views(const QString &text)
{
    QList<SpokenText> readings{SpokenText::identity(text)};
    SpokenText spoken = SpokenNumbers::canonical(text);
    if (spoken.text() != text)
        readings.append(std::move(spoken));
    return readings;
}

QRegularExpression NumberDetector::pattern(const QString &expression)
{
    return QRegularExpression(expression, QRegularExpression::CaseInsensitiveOption
                                              | QRegularExpression::UseUnicodePropertiesOption);
}

const QRegularExpression &NumberDetector::digitRun()
{
    static const QRegularExpression run(QStringLiteral("(?<![\\w.\\-])\\d(?:[ \\-.]?\\d)*(?![\\w\\-]|\\.\\d)"));
    return run;
}

const QRegularExpression &NumberDetector::alphanumericRun()
{
    static const QRegularExpression run(
        QStringLiteral("(?<![\\w\\-])(?=[A-Za-z0-9]*\\d)[A-Za-z0-9]+(?:[ \\-](?=[A-Za-z0-9]*\\d)[A-Za-z0-9]+)*(?![\\w\\-])"));
    return run;
}

QRegularExpressionMatch NumberDetector::firstAfter(const QString &text, qsizetype offset, const QRegularExpression &run,
                                                   qsizetype window)
{
    QRegularExpressionMatch match = run.match(text, offset);
    if (match.hasMatch() && match.capturedStart() - offset > window)
        return {};
    return match;
}

void NumberDetector::findAfterCue(const Reading &reading, const QRegularExpression &cue, const QRegularExpression &run,
                                  const std::function<bool(QStringView)> &accept, RedactionKind kind, RedactionSpans &found)
{
    const QString &text = reading.text();
    for (auto cues = cue.globalMatch(text); cues.hasNext();) {
        const QRegularExpressionMatch match = firstAfter(text, cues.next().capturedEnd(), run);
        if (match.hasMatch() && accept(match.capturedView()))
            reading.add(match, kind, found);
    }
    const int question = reading.context.previousOtherTurn(reading.turn);
    if (question < 0 || !cue.match(reading.context.text(question)).hasMatch())
        return;
    for (auto runs = run.globalMatch(text); runs.hasNext();) {
        const QRegularExpressionMatch match = runs.next();
        if (accept(match.capturedView()))
            reading.add(match, kind, found);
    }
}
