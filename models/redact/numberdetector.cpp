#include "numberdetector.h"

#include "numberchecks.h"
#include "spelledcharacters.h"
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
    const QList<SplitNumber> splits = splitNumbers(wanted);
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn) || context.continuationOf(turn) < 0)
            continue;
        for (const SplitNumber &split : splits)
            findAcrossTurns(context, turn, split, found);
    }
}

QList<NumberDetector::SplitNumber> NumberDetector::splitNumbers(const QSet<RedactionKind> &) const
{
    return {};
}

namespace {

// A turn's reading with the digit run it starts or ends with (only punctuation outside).
struct Part
{
    int turn;
    SpokenText view;
    QRegularExpressionMatch run;
};

} // namespace

void NumberDetector::findAcrossTurns(const RedactionContext &context, int turn, const SplitNumber &split,
                                     RedactionSpans &found)
{
    static const QRegularExpression trailing(QStringLiteral("(?<![\\w\\-.])\\d(?:[ \\-.]?\\d)*(?=\\W*$)"));
    static const QRegularExpression leading(QStringLiteral("^\\W*\\K\\d(?:[ \\-.]?\\d)*(?![\\w\\-])"));
    for (const SpokenText &start : views(context.text(turn))) {
        const QRegularExpressionMatch head = trailing.match(start.text());
        if (!head.hasMatch())
            continue;
        const QString cue = context.cueBefore(turn, start.originalRange(head.capturedStart(), head.capturedEnd()).first);
        QList<Part> parts{{turn, start, head}};
        QString digits = NumberChecks::digitsOf(head.capturedView());
        // Each next turn continues the number only when it is all digits, or when it starts the
        // last group.
        for (int next = context.continuationOf(turn); next >= 0 && digits.size() < split.maxDigits;
             next = context.continuationOf(next)) {
            bool continued = false;
            for (const SpokenText &view : views(context.text(next))) {
                const QRegularExpressionMatch run = leading.match(view.text());
                if (!run.hasMatch())
                    continue;
                parts.append({next, view, run});
                digits += NumberChecks::digitsOf(run.capturedView());
                continued = true;
                break;
            }
            if (!continued || digits.size() > split.maxDigits)
                break;
            if (split.accept(digits, cue)) {
                for (const Part &part : parts) {
                    const auto [from, to] = part.view.originalRange(part.run.capturedStart(), part.run.capturedEnd());
                    found.append({part.turn, from, to, split.kind});
                }
            }
            const QRegularExpressionMatch rest = trailing.match(parts.last().view.text());
            if (!rest.hasMatch() || rest.capturedStart() != parts.last().run.capturedStart())
                break;
        }
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
    // IDs read character by character ("d as in delta one two three") as one token.
    SpokenText spelled = SpelledCharacters::joined(readings.last());
    if (spelled.text() != readings.last().text())
        readings.append(std::move(spelled));
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
