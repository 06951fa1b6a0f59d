#include "moneydetector.h"

#include "detectortext.h"

#include <QRegularExpression>

namespace {

const QString amount = QStringLiteral("(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d{1,2})?");
const QString scale = QStringLiteral("(?:\\s?(?:k|m|bn|hundred|thousand|million|billion)\\b)?");
const QString code = QStringLiteral("(?:usd|eur|gbp|cad|aud|nzd|chf|jpy|inr|mxn)");
const QString cents = QStringLiteral("(?:,?\\s+(?:and\\s+)?\\d{1,2}\\s+(?:cents?|pence|p)\\b)?");

const QList<QRegularExpression> &moneyPatterns()
{
    static const QList<QRegularExpression> patterns{
        DetectorText::pattern(QStringLiteral("[$€£¥]\\s?") + amount + scale + cents),
        DetectorText::pattern(QStringLiteral("\\b") + code + QStringLiteral("\\s?") + amount + scale),
        DetectorText::pattern(QStringLiteral("\\b") + amount + scale + QStringLiteral("\\s?") + code + QStringLiteral("\\b")),
        DetectorText::pattern(QStringLiteral("\\b") + amount + scale
                              + QStringLiteral("\\s?(?:dollars?|bucks|cents?|euros?|quid|grand|pence)\\b") + cents),
        DetectorText::pattern(QStringLiteral("\\b\\d+k\\b")),
    };
    return patterns;
}

// Pounds are money unless a weight is talked about.
const QRegularExpression &poundsPattern()
{
    static const QRegularExpression pattern = DetectorText::pattern(QStringLiteral("\\b") + amount + scale
                                                                    + QStringLiteral("\\s?pounds?\\b") + cents);
    return pattern;
}

// "It comes to twelve ninety-nine": after a price cue, a number that ends the clause.
const QRegularExpression &cuedPricePattern()
{
    static const QRegularExpression pattern = DetectorText::pattern(
        QStringLiteral("\\b(?:cost|costs|costing|charge|charged|charges|balance|owe|owed|pay|paid|paying|price|priced|total|"
                       "fee|fees|bill|billed|refund|refunded|amount|due|comes\\s+to|came\\s+to|spend|spent|deposit|"
                       "payment|salary|earn|earns)\\b(?:\\s+(?:is|was|of|it's|about|around|only|just|like|me|you|us|"
                       "them|will\\s+be|would\\s+be|be|to))*\\s+(")
        + amount + QStringLiteral(")(?![\\d:])") + DetectorText::numberEnd());
    return pattern;
}

const QRegularExpression &weightCue()
{
    static const QRegularExpression pattern = DetectorText::pattern(QStringLiteral("weigh|weight|heavy|lost|gained"));
    return pattern;
}

} // namespace

QList<RedactionKind> MoneyDetector::kinds() const
{
    return {RedactionKind::Money};
}

void MoneyDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::Money))
        return;
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn))
            continue;
        for (const SpokenText &view : DetectorText::views(context.text(turn))) {
            for (const QRegularExpression &pattern : moneyPatterns()) {
                for (auto it = pattern.globalMatch(view.text()); it.hasNext();)
                    DetectorText::append(found, turn, view, it.next(), 0, RedactionKind::Money);
            }
            for (auto it = poundsPattern().globalMatch(view.text()); it.hasNext();) {
                const QRegularExpressionMatch match = it.next();
                const QString cue = context.cueBefore(turn, DetectorText::originalOffset(view, match.capturedStart()));
                if (!weightCue().match(cue).hasMatch())
                    DetectorText::append(found, turn, view, match, 0, RedactionKind::Money);
            }
            for (auto it = cuedPricePattern().globalMatch(view.text()); it.hasNext();)
                DetectorText::append(found, turn, view, it.next(), 1, RedactionKind::Money);
        }
    }
}
