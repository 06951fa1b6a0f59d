#include "physicalattributedetector.h"

#include "detectortext.h"

#include <QRegularExpression>

namespace {

const QString colour = QStringLiteral(
    "(?:(?:light|dark|bright|pale|dirty|sandy|strawberry)[\\s-]+)?(?:blue|green|brown|hazel|grey|gray|black|blonde?|red|"
    "auburn|white|silver|amber|ginger|brunette|purple|pink)");
const QString feet = QStringLiteral("[3-7]\\s*(?:ft\\b|foot\\b|feet\\b)"
                                    "(?:\\s*(?:and\\s+)?(?:1[01]|\\d)\\b(?:\\s*(?:inches|in)\\b)?)?");
const QString weightUnit = QStringLiteral("(?:pounds?|lbs?|kilos?|kilograms?|kg|stone)\\b");

const QList<QRegularExpression> &attributePatterns()
{
    static const QList<QRegularExpression> patterns{
        // Height: 5'10", "I'm 5 foot 10", "5 feet 10 inches tall", 180 cm, 1.8 meters tall.
        DetectorText::pattern(QStringLiteral("\\b[3-7]\\s*['’]\\s*(?:1[01]|\\d)\\b(?:\"|”|'')?")),
        DetectorText::pattern(QStringLiteral("\\b(?:i'?m|i\\s+am|height\\s+is|he's|she's|i\\s+stand)"
                                             "\\s+(?:about\\s+|around\\s+)?(")
                              + feet + QStringLiteral(")")),
        DetectorText::pattern(QStringLiteral("\\b(") + feet + QStringLiteral(")\\s+tall\\b")),
        DetectorText::pattern(QStringLiteral("\\b(?:1\\d\\d|2[0-2]\\d)\\s*(?:cm|centimet(?:er|re)s)\\b(?:\\s+tall)?")),
        DetectorText::pattern(QStringLiteral("\\b[12][.,]\\d{1,2}\\s*(?:m|met(?:er|re)s)\\s+tall\\b")),
        // Weight: "I weigh 180", "I'm 80 kilos".
        DetectorText::pattern(QStringLiteral("\\b(?:i\\s+weigh|i\\s+weighed|my\\s+weight\\s+is|weighs)"
                                             "\\s+(?:about\\s+|around\\s+|like\\s+)?(\\d{2,3}(?:\\.\\d)?(?:\\s*")
                              + weightUnit + QStringLiteral(")?)")),
        DetectorText::pattern(QStringLiteral("\\b(?:i'?m|i\\s+am)\\s+(?:about\\s+|around\\s+)?(\\d{2,3}(?:\\.\\d)?\\s*")
                              + weightUnit + QStringLiteral(")")),
        // Eyes and hair.
        DetectorText::pattern(QStringLiteral("\\b(?:my|his|her)\\s+(?:eyes|hair|eye\\s+colou?r|hair\\s+colou?r)"
                                             "\\s+(?:is|are)\\s+(")
                              + colour + QStringLiteral(")\\b")),
        DetectorText::pattern(QStringLiteral("\\b(?:i\\s+have|i've\\s+got|i\\s+got|with|has)\\s+(?:long\\s+|short\\s+|curly\\s+|"
                                             "straight\\s+)?(") + colour + QStringLiteral("\\s+(?:eyes|hair))\\b")),
        // Marks.
        DetectorText::pattern(QStringLiteral("\\b(?:i\\s+have|i've\\s+got|i\\s+got|i\\s+wear)\\s+"
                                             "(?:a\\s+|an\\s+|some\\s+)?(?:small\\s+|"
                                             "big\\s+|large\\s+)?((?:\\p{L}+\\s+)?(?:tattoos?|scars?|birthmarks?|beard|mustache|"
                                             "moustache|piercings?|freckles|dreadlocks|dreads|glasses|braces|"
                                             "prosthetic\\s+\\w+))\\b")),
        // Build, when the word ends the clause: "I'm tall", "I'm a bit overweight".
        DetectorText::pattern(QStringLiteral("\\b(?:i'?m|i\\s+am)\\s+(?:(?:very|really|quite|pretty|a\\s+bit|"
                                             "a\\s+little|kind\\s+of|fairly|slightly)\\s+)?"
                                             "(tall|short|overweight|obese|skinny|slim|thin|petite|"
                                             "heavyset|muscular|stocky|chubby|bald|balding|blind|deaf|underweight|fat|"
                                             "left-handed|paralyzed|an\\s+amputee|a\\s+wheelchair\\s+user)"
                                             "(?=\\s*(?:$|[.,!?;]|(?:and|but|with|too|though)\\b))")),
    };
    return patterns;
}

} // namespace

QList<RedactionKind> PhysicalAttributeDetector::kinds() const
{
    return {RedactionKind::PhysicalAttribute};
}

void PhysicalAttributeDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted,
                                     RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::PhysicalAttribute))
        return;
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn))
            continue;
        for (const SpokenText &view : DetectorText::views(context.text(turn))) {
            for (const QRegularExpression &pattern : attributePatterns()) {
                for (auto it = pattern.globalMatch(view.text()); it.hasNext();) {
                    const QRegularExpressionMatch match = it.next();
                    DetectorText::append(found, turn, view, match, match.lastCapturedIndex() >= 1 ? 1 : 0,
                                         RedactionKind::PhysicalAttribute);
                }
            }
        }
    }
}
