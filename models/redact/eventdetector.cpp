#include "eventdetector.h"

#include "detectortext.h"

#include <QRegularExpression>

namespace {

const char holidays[] =
    "christmas,christmas eve,christmas day,xmas,thanksgiving,easter,good friday,hanukkah,chanukah,ramadan,eid,"
    "eid al-fitr,eid al-adha,diwali,holi,passover,yom kippur,rosh hashanah,kwanzaa,halloween,new year's eve,"
    "new year's day,new years eve,valentine's day,valentines day,mother's day,mothers day,father's day,"
    "fathers day,independence day,fourth of july,4th of july,memorial day,labor day,veterans day,"
    "martin luther king day,mlk day,presidents day,presidents' day,columbus day,juneteenth,st. patrick's day,"
    "saint patrick's day,st patrick's day,mardi gras,lunar new year,chinese new year,black friday,cyber monday,"
    "super bowl,world cup,olympics,olympic games,world series,nba finals,stanley cup,wimbledon,march madness,"
    "burning man,coachella,comic-con,comic con,oktoberfest,pride parade,pride month,boxing day,bastille day,"
    "cinco de mayo,day of the dead,dia de los muertos,advent,vesak,guy fawkes night,bonfire night";

const char occasions[] =
    "wedding,wedding reception,rehearsal dinner,engagement party,bachelor party,bachelorette party,graduation,"
    "funeral,memorial service,wake,bar mitzvah,bat mitzvah,baby shower,bridal shower,birthday party,"
    "anniversary,reunion,family reunion,class reunion,retirement party,quinceañera,quinceanera,christening,"
    "baptism,first communion,honeymoon,housewarming,gender reveal,prom,homecoming,recital,"
    "surgery,court date,court hearing,sentencing,deployment";

QStringList wordsOf(const char *list)
{
    return QString::fromUtf8(list).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

const QRegularExpression &holidayPattern()
{
    static const QRegularExpression pattern = DetectorText::pattern(
        QStringLiteral("(?<![\\p{L}'])") + DetectorText::alternation(wordsOf(holidays)) + QStringLiteral("(?![\\p{L}'])"));
    return pattern;
}

// "the Austin Music Festival", "Dreamforce Conference": capitals are needed.
const QRegularExpression &namedEventPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("\\b(?:[A-Z][\\p{L}'&-]*\\s+){1,4}(?:Conference|Summit|Festival|Fest|Marathon|Expo|Convention|Gala|"
                       "Fair|Symposium|Championship|Championships|Tournament|Cup|Parade|Concert|Tour|Games|Awards)\\b"),
        QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

// "my wedding", "our daughter's graduation", "my mom's funeral".
const QRegularExpression &occasionPattern()
{
    static const QRegularExpression pattern = DetectorText::pattern(
        QStringLiteral("\\b(?:my|our|his|her|their)\\s+(?:(?:\\p{L}+'s|own|upcoming|big|little)\\s+)?(")
        + DetectorText::alternation(wordsOf(occasions)) + QStringLiteral(")(?![\\p{L}'])"));
    return pattern;
}

} // namespace

QList<RedactionKind> EventDetector::kinds() const
{
    return {RedactionKind::Event};
}

void EventDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::Event))
        return;
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn))
            continue;
        const QString &text = context.text(turn);
        for (auto it = holidayPattern().globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            found.append({turn, match.capturedStart(), match.capturedEnd(), RedactionKind::Event});
        }
        for (auto it = namedEventPattern().globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            found.append({turn, match.capturedStart(), match.capturedEnd(), RedactionKind::Event});
        }
        for (auto it = occasionPattern().globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            found.append({turn, match.capturedStart(1), match.capturedEnd(1), RedactionKind::Event});
        }
    }
}
