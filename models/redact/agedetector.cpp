#include "agedetector.h"

#include "detectortext.h"

#include <QRegularExpression>

namespace {

const QString age = QStringLiteral("((?<![\\d.,$])(?:1[01]\\d|120|\\d{1,2})(?![\\d:.,]\\d))");

const QList<QRegularExpression> &agePatterns()
{
    static const QList<QRegularExpression> patterns{
        DetectorText::pattern(age + QStringLiteral("[\\s-]*(?:years?|yrs?)[\\s-]*(?:old|of\\s+age)\\b")),
        DetectorText::pattern(age + QStringLiteral("[\\s-]*(?:yo|y/o)\\b")),
        DetectorText::pattern(QStringLiteral("\\b(?:i'?m|i\\s+am|he'?s|she'?s|they'?re|turning|turned|turn|aged|age(?:\\s+is)?|"
                                             "ages)\\s+(?:about\\s+|almost\\s+|nearly\\s+|only\\s+|just\\s+|now\\s+)?")
                              + age + DetectorText::numberEnd()),
        DetectorText::pattern(QStringLiteral("\\bin\\s+(?:my|his|her|their)\\s+(?:early\\s+|mid[\\s-]?|late\\s+)?("
                                             "(?:twen|thir|for|fif|six|seven|eigh|nine)ties|teens|[2-9]0'?s)\\b")),
    };
    return patterns;
}

// The whole answer to "how old are you?": "42", "I'm about 42".
const QRegularExpression &answerPattern()
{
    static const QRegularExpression pattern = DetectorText::pattern(
        QStringLiteral("^\\W*(?:(?:uh|um|i'?m|i\\s+am|about|it's|i'll\\s+be|just|almost)\\W+)*") + age
        + QStringLiteral("\\W*$"));
    return pattern;
}

const QRegularExpression &howOldCue()
{
    static const QRegularExpression pattern = DetectorText::pattern(QStringLiteral("how\\s+old|your\\s+age|what\\s+age"));
    return pattern;
}

} // namespace

QList<RedactionKind> AgeDetector::kinds() const
{
    return {RedactionKind::Age};
}

void AgeDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::Age))
        return;
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn))
            continue;
        const int question = context.previousOtherTurn(turn);
        const bool askedAge = question >= 0 && howOldCue().match(context.text(question)).hasMatch();
        for (const SpokenText &view : DetectorText::views(context.text(turn))) {
            for (const QRegularExpression &pattern : agePatterns()) {
                for (auto it = pattern.globalMatch(view.text()); it.hasNext();)
                    DetectorText::append(found, turn, view, it.next(), 1, RedactionKind::Age);
            }
            if (askedAge) {
                const QRegularExpressionMatch answer = answerPattern().match(view.text());
                if (answer.hasMatch())
                    DetectorText::append(found, turn, view, answer, 1, RedactionKind::Age);
            }
        }
    }
}
