#include "locationdetector.h"

#include "detectortext.h"

#include <QRegularExpression>

namespace {

const QStringList states{
    QStringLiteral("alabama"), QStringLiteral("alaska"), QStringLiteral("arizona"), QStringLiteral("arkansas"),
    QStringLiteral("california"), QStringLiteral("colorado"), QStringLiteral("connecticut"), QStringLiteral("delaware"),
    QStringLiteral("florida"), QStringLiteral("georgia"), QStringLiteral("hawaii"), QStringLiteral("idaho"),
    QStringLiteral("illinois"), QStringLiteral("indiana"), QStringLiteral("iowa"), QStringLiteral("kansas"),
    QStringLiteral("kentucky"), QStringLiteral("louisiana"), QStringLiteral("maine"), QStringLiteral("maryland"),
    QStringLiteral("massachusetts"), QStringLiteral("michigan"), QStringLiteral("minnesota"), QStringLiteral("mississippi"),
    QStringLiteral("missouri"), QStringLiteral("montana"), QStringLiteral("nebraska"), QStringLiteral("nevada"),
    QStringLiteral("new hampshire"), QStringLiteral("new jersey"), QStringLiteral("new mexico"), QStringLiteral("new york"),
    QStringLiteral("north carolina"), QStringLiteral("north dakota"), QStringLiteral("ohio"), QStringLiteral("oklahoma"),
    QStringLiteral("oregon"), QStringLiteral("pennsylvania"), QStringLiteral("rhode island"), QStringLiteral("south carolina"),
    QStringLiteral("south dakota"), QStringLiteral("tennessee"), QStringLiteral("texas"), QStringLiteral("utah"),
    QStringLiteral("vermont"), QStringLiteral("virginia"), QStringLiteral("washington"), QStringLiteral("west virginia"),
    QStringLiteral("wisconsin"), QStringLiteral("wyoming"), QStringLiteral("district of columbia"), QStringLiteral("puerto rico"),
};

// The countries callers name most, and the few big regions; ISO 3166's full list adds
// little that a "from"/"in" cue does not catch.
const QStringList countries{
    QStringLiteral("afghanistan"), QStringLiteral("albania"), QStringLiteral("algeria"), QStringLiteral("argentina"),
    QStringLiteral("armenia"), QStringLiteral("australia"), QStringLiteral("austria"), QStringLiteral("bangladesh"),
    QStringLiteral("belgium"), QStringLiteral("bolivia"), QStringLiteral("bosnia"), QStringLiteral("brazil"),
    QStringLiteral("bulgaria"), QStringLiteral("cambodia"), QStringLiteral("cameroon"), QStringLiteral("canada"),
    QStringLiteral("chile"), QStringLiteral("colombia"), QStringLiteral("costa rica"), QStringLiteral("croatia"),
    QStringLiteral("cuba"), QStringLiteral("czech republic"), QStringLiteral("czechia"), QStringLiteral("denmark"),
    QStringLiteral("dominican republic"), QStringLiteral("ecuador"), QStringLiteral("egypt"), QStringLiteral("el salvador"),
    QStringLiteral("england"), QStringLiteral("estonia"), QStringLiteral("ethiopia"), QStringLiteral("finland"),
    QStringLiteral("france"), QStringLiteral("germany"), QStringLiteral("ghana"), QStringLiteral("greece"),
    QStringLiteral("guatemala"), QStringLiteral("haiti"), QStringLiteral("honduras"), QStringLiteral("hong kong"),
    QStringLiteral("hungary"), QStringLiteral("iceland"), QStringLiteral("india"), QStringLiteral("indonesia"),
    QStringLiteral("iran"), QStringLiteral("iraq"), QStringLiteral("ireland"), QStringLiteral("israel"), QStringLiteral("italy"),
    QStringLiteral("jamaica"), QStringLiteral("japan"), QStringLiteral("kazakhstan"), QStringLiteral("kenya"),
    QStringLiteral("korea"), QStringLiteral("south korea"), QStringLiteral("north korea"), QStringLiteral("kuwait"),
    QStringLiteral("laos"), QStringLiteral("latvia"), QStringLiteral("lebanon"), QStringLiteral("libya"),
    QStringLiteral("lithuania"), QStringLiteral("malaysia"), QStringLiteral("mexico"), QStringLiteral("morocco"),
    QStringLiteral("nepal"), QStringLiteral("netherlands"), QStringLiteral("new zealand"), QStringLiteral("nicaragua"),
    QStringLiteral("nigeria"), QStringLiteral("norway"), QStringLiteral("pakistan"), QStringLiteral("palestine"),
    QStringLiteral("panama"), QStringLiteral("paraguay"), QStringLiteral("peru"), QStringLiteral("philippines"),
    QStringLiteral("poland"), QStringLiteral("portugal"), QStringLiteral("qatar"), QStringLiteral("romania"),
    QStringLiteral("russia"), QStringLiteral("saudi arabia"), QStringLiteral("scotland"), QStringLiteral("senegal"),
    QStringLiteral("serbia"), QStringLiteral("singapore"), QStringLiteral("slovakia"), QStringLiteral("slovenia"),
    QStringLiteral("somalia"), QStringLiteral("south africa"), QStringLiteral("spain"), QStringLiteral("sri lanka"),
    QStringLiteral("sudan"), QStringLiteral("sweden"), QStringLiteral("switzerland"), QStringLiteral("syria"),
    QStringLiteral("taiwan"), QStringLiteral("tanzania"), QStringLiteral("thailand"), QStringLiteral("tunisia"),
    QStringLiteral("uganda"), QStringLiteral("ukraine"), QStringLiteral("united arab emirates"),
    QStringLiteral("united kingdom"), QStringLiteral("united states"), QStringLiteral("uruguay"), QStringLiteral("uzbekistan"),
    QStringLiteral("venezuela"), QStringLiteral("vietnam"), QStringLiteral("wales"), QStringLiteral("yemen"),
    QStringLiteral("zimbabwe"),
};

// Countries that are also everyday words.
const QStringList wordCountries{QStringLiteral("turkey"), QStringLiteral("chad"), QStringLiteral("jordan"),
                                QStringLiteral("china"), QStringLiteral("guinea"), QStringLiteral("georgia")};

const QString stateCodes = QStringLiteral(
    "(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|"
    "PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR)");

const QString streetSuffix = QStringLiteral(
    "(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|court|ct|way|place|pl|parkway|pkwy|highway|hwy|"
    "terrace|ter|circle|cir|trail|trl|square|sq|crescent|close|alley|row|plaza|loop|pike|route)\\b\\.?");
const QString unit = QStringLiteral("(?:(?:apartment|apt|suite|ste|unit|flat|room)\\b|#)\\.?\\s*(?:number\\s+)?#?\\s*"
                                    "(?:\\d+\\s?[a-z]?|[a-z]\\s?\\d+)\\b");

const QRegularExpression &streetPattern()
{
    static const QRegularExpression pattern = DetectorText::pattern(
        QStringLiteral("\\b(\\d{1,6}[a-z]?)((?:\\s+[\\p{L}0-9'.-]+){1,3}?)\\s+") + streetSuffix
        + QStringLiteral("(?:,?\\s*") + unit + QStringLiteral(")?"));
    return pattern;
}

const QRegularExpression &unitPattern()
{
    static const QRegularExpression pattern = DetectorText::pattern(QStringLiteral("\\b") + unit);
    return pattern;
}

const QRegularExpression &zipPattern()
{
    static const QRegularExpression pattern(QStringLiteral("(?<![\\d-])\\d(?:\\s?\\d){4}(?:-\\d{4})?(?![\\d-])"));
    return pattern;
}

const QRegularExpression &zipCue()
{
    static const QRegularExpression pattern = DetectorText::pattern(
        QStringLiteral("\\b(?:zip|zipcode|postal|post\\s+code|postcode)\\b|\\b") + DetectorText::alternation(states)
        + QStringLiteral(",?\\s*$"));
    return pattern;
}

// "Austin, TX 78701", "Springfield, Illinois": the capitalised city before a state, the state and its ZIP.
const QRegularExpression &cityStatePattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("(?:\\b((?:\\p{Lu}[\\p{L}.'-]+\\s+){0,2}\\p{Lu}[\\p{L}.'-]+),\\s*)?\\b((?:") + stateCodes
            + QStringLiteral("|(?i:") + DetectorText::alternation(states) + QStringLiteral("))(?:\\s+\\d{5}(?:-\\d{4})?)?)"
            "(?=\\s*(?:$|[.,!?;]|\\p{Ll}))"),
        QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

const QRegularExpression &ukPostcodePattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[ABD-HJLNP-UW-Z]{2}\\b"));
    return pattern;
}

const QRegularExpression &placeNamePattern()
{
    static const QRegularExpression pattern = DetectorText::pattern(
        QStringLiteral("\\b(?:") + DetectorText::alternation(states + countries) + QStringLiteral(")\\b"));
    return pattern;
}

const QRegularExpression &wordCountryPattern()
{
    static const QRegularExpression pattern = DetectorText::pattern(
        QStringLiteral("\\b") + DetectorText::alternation(wordCountries) + QStringLiteral("\\b"));
    return pattern;
}

// "I live in Springfield", "moved to austin texas": one or two place words after the cue.
const QRegularExpression &livingCue()
{
    static const QRegularExpression pattern = DetectorText::pattern(
        QStringLiteral("\\b(?:i\\s+live\\s+in|i\\s+lived\\s+in|we\\s+live\\s+in|i'?m\\s+from|i\\s+am\\s+from|we'?re\\s+from|"
                       "i'?m\\s+(?:located|based)\\s+in|moved\\s+to|moving\\s+to|grew\\s+up\\s+in|born\\s+in|live\\s+near|"
                       "originally\\s+from|lives\\s+in|i'?m\\s+in|i\\s+reside\\s+in|city\\s+is|town\\s+is)\\s+"
                       "((?:(?:the\\s+)?[\\p{L}'.-]+)(?:,?\\s+[\\p{L}'.-]+)?)"));
    return pattern;
}

bool placeWordsAccepted(const QString &words, bool cased)
{
    const QStringList list = words.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
    return !list.isEmpty() && !DetectorText::isCommonWord(list.front()) && (!cased || list.front().front().isUpper());
}

} // namespace

QList<RedactionKind> LocationDetector::kinds() const
{
    return {RedactionKind::Location};
}

void LocationDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::Location))
        return;
    constexpr RedactionKind kind = RedactionKind::Location;
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn))
            continue;
        const QString &text = context.text(turn);
        const bool cased = DetectorText::isCased(text);
        for (const SpokenText &view : DetectorText::views(text)) {
            for (auto it = streetPattern().globalMatch(view.text()); it.hasNext();) {
                const QRegularExpressionMatch match = it.next();
                // "5 minutes all the way" is no street: the words between are names, not common words.
                const QStringList words = match.captured(2).split(QLatin1Char(' '), Qt::SkipEmptyParts);
                if (std::none_of(words.begin(), words.end(), [](const QString &w) { return DetectorText::isCommonWord(w); }))
                    DetectorText::append(found, turn, view, match, 0, kind);
            }
            for (auto it = unitPattern().globalMatch(view.text()); it.hasNext();)
                DetectorText::append(found, turn, view, it.next(), 0, kind);
            for (auto it = zipPattern().globalMatch(view.text()); it.hasNext();) {
                const QRegularExpressionMatch match = it.next();
                const qsizetype begin = DetectorText::originalOffset(view, match.capturedStart());
                const bool afterStateCode = QRegularExpression(QStringLiteral("\\b") + stateCodes + QStringLiteral(",?\\s*$"))
                                                .match(text.left(begin)).hasMatch();
                if (afterStateCode || zipCue().match(context.cueBefore(turn, begin, 6)).hasMatch())
                    DetectorText::append(found, turn, view, match, 0, kind);
            }
        }
        for (auto it = cityStatePattern().globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            // A two-letter code needs a city or a ZIP with it: "IN" and "OK" are words too.
            const bool code = match.capturedLength(2) == 2;
            const bool city = match.hasCaptured(1) && !DetectorText::isCommonWord(match.captured(1));
            if (code && !city)
                continue;
            if (city)
                found.append({turn, match.capturedStart(1), match.capturedEnd(1), kind});
            found.append({turn, match.capturedStart(2), match.capturedEnd(2), kind});
        }
        for (auto it = ukPostcodePattern().globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            found.append({turn, match.capturedStart(), match.capturedEnd(), kind});
        }
        for (auto it = placeNamePattern().globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            if (!cased || match.captured().front().isUpper())
                found.append({turn, match.capturedStart(), match.capturedEnd(), kind});
        }
        // Turkey, Chad, Jordan: with a capital inside a sentence here, after "from" or "in" below.
        for (auto it = wordCountryPattern().globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            if (cased && match.captured().front().isUpper() && match.capturedStart() > 0)
                found.append({turn, match.capturedStart(), match.capturedEnd(), kind});
        }
        for (auto it = livingCue().globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            QString words = match.captured(1);
            qsizetype end = match.capturedEnd(1);
            // Keep the second word only when it is a place word too ("austin texas", not "austin now").
            const QStringList list = words.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
            if (list.size() == 2 && !placeWordsAccepted(list.back(), cased))
                end = match.capturedStart(1) + words.indexOf(list.front()) + list.front().size();
            const bool article = words.startsWith(QLatin1String("the "), Qt::CaseInsensitive);
            const qsizetype begin = match.capturedStart(1) + (article ? 4 : 0);
            if (placeWordsAccepted(text.mid(begin, end - begin), cased))
                found.append({turn, begin, end, kind});
        }
    }
}
