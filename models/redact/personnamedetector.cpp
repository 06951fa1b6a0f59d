#include "personnamedetector.h"

#include "detectortext.h"
#include "namelexicon.h"

#include <QRegularExpression>

namespace {

struct Token
{
    qsizetype begin;
    qsizetype end;
    QString text;
};

// How much a cue vouches for the words after it.
enum class CueStrength {
    Strong,     // any word that is no common word ("my name is", "Dr.")
    Weak,       // a capitalised word in cased text, or a name the lexicon knows ("speak to")
    Answer,     // "it's", "this is": only when the name was asked for, or "calling" follows
    Start,      // the start of an answer to "your name?": a name the lexicon knows
};

struct Cue
{
    QRegularExpression pattern;
    CueStrength strength;
    RedactionKind kind;
};

const QList<Cue> &cues()
{
    static const QList<Cue> list{
        {DetectorText::pattern(QStringLiteral("\\b(?:my|the|your|his|her)?\\s*(?:(?:first|last|full|middle|maiden|sur)\\s*)?"
                                              "name(?:\\s+is|'s|\\s*:)|\\bsurname\\s+is|\\bcall\\s+me|\\bgoes\\s+by|"
                                              "\\b(?:mr|mrs|ms|mx|miss|mister|missus)\\b\\.?")),
         CueStrength::Strong, RedactionKind::PersonName},
        {DetectorText::pattern(QStringLiteral("\\b(?:speak|talk|spoke|talked|speaking|talking)\\s+(?:to|with)|"
                                              "\\bask(?:ing|ed)?\\s+for|"
                                              "\\bcontact\\s+person\\s+is|\\bmy\\s+(?:wife|husband|son|daughter|mother|father|"
                                              "mom|dad|brother|sister|friend|partner|manager|boss)(?:'s\\s+name)?\\s+is")),
         CueStrength::Weak, RedactionKind::PersonName},
        {DetectorText::pattern(QStringLiteral("\\b(?:this|it)\\s+is|\\b(?:it|this)'s|\\bi'?m|\\bi\\s+am")), CueStrength::Answer,
         RedactionKind::PersonName},
        {DetectorText::pattern(QStringLiteral("^(?:\\W*(?:yes|yeah|sure|hi|hello|oh|uh|um|okay|so)\\b)*\\W*")),
         CueStrength::Start,
         RedactionKind::PersonName},
        {DetectorText::pattern(QStringLiteral("\\b(?:dr|doctor|nurse|np)\\b\\.?")), CueStrength::Strong,
         RedactionKind::MedicalProfessional},
        {DetectorText::pattern(QStringLiteral("\\bmy\\s+(?:doctor|physician|cardiologist|dentist|therapist|pediatrician|surgeon|"
                                              "psychiatrist|psychologist|gp|oncologist|dermatologist|counselor|midwife|"
                                              "chiropractor|optometrist|nurse|obgyn|gynecologist|neurologist)(?:'s\\s+name)?"
                                              "(?:\\s+is|'s)(?:\\s+(?:dr|doctor)\\b\\.?)?")),
         CueStrength::Strong, RedactionKind::MedicalProfessional},
    };
    return list;
}

const QRegularExpression &nameAskedCue()
{
    static const QRegularExpression pattern = DetectorText::pattern(
        QStringLiteral("\\bname\\b|who\\s+(?:am\\s+i|i'm)\\s+(?:speaking|talking)|who(?:'s|\\s+is)\\s+(?:calling|this)|"
                       "\\bspell"));
    return pattern;
}

const QRegularExpression &introductionEnd()
{
    static const QRegularExpression pattern = DetectorText::pattern(QStringLiteral("^[\\s,]*(?:calling|speaking|here|from)\\b"));
    return pattern;
}

const QRegularExpression &fillers()
{
    static const QRegularExpression pattern = DetectorText::pattern(QStringLiteral("^(?:[\\s,]|\\buh\\b|\\bum\\b|\\ber\\b)*$"));
    return pattern;
}

// Letters read one by one: "s m i t h", "S-M-I-T-H", "s as in sam".
const QRegularExpression &spelledLetters()
{
    static const QRegularExpression pattern = DetectorText::pattern(
        QStringLiteral("(?<![\\p{L}'’])\\p{L}(?![\\p{L}'’])(?:\\s+as\\s+in\\s+\\p{L}+)?"
                       "(?:[\\s.,-]+\\p{L}(?![\\p{L}'’])(?:\\s+as\\s+in\\s+\\p{L}+)?)+"));
    return pattern;
}

const QRegularExpression &spellingCue()
{
    static const QRegularExpression pattern = DetectorText::pattern(QStringLiteral("spell|name|letters?\\b"));
    return pattern;
}

const QRegularExpression &numberWord()
{
    static const QRegularExpression pattern = DetectorText::pattern(
        QStringLiteral("^(?:zero|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\w+teen|\\w+ty|hundred|thousand|"
                       "second|third|fourth|fifth|monday|tuesday|wednesday|thursday|friday|saturday|sunday|calling|speaking|"
                       "practitioner|apt|st|ave|mr|mrs|ms|mx|miss|dr|doctor|nurse|sir|madam)$"));
    return pattern;
}

QList<Token> tokensOf(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("\\p{L}(?:[\\p{L}'’-]*\\p{L})?"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    QList<Token> tokens;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        tokens.append({match.capturedStart(), match.capturedEnd(), match.captured()});
    }
    return tokens;
}

bool isCapitalised(const QString &word)
{
    return word.front().isUpper();
}

bool couldBeName(const Token &token, bool cased)
{
    return !DetectorText::isCommonWord(token.text) && !numberWord().match(token.text).hasMatch()
        && (!cased || isCapitalised(token.text)) && token.text.size() > 1;
}

bool isKnownName(const QString &word)
{
    return NameLexicon::isFirstName(word) || NameLexicon::isSurname(word);
}

// The first word of a sentence is capitalised whatever it is.
bool startsSentence(const QString &text, qsizetype begin)
{
    for (qsizetype i = begin - 1; i >= 0; --i) {
        if (text[i].isSpace() || text[i] == QLatin1Char('"'))
            continue;
        return text[i] == QLatin1Char('.') || text[i] == QLatin1Char('!') || text[i] == QLatin1Char('?');
    }
    return true;
}

// The name tokens right after `from`: up to three, only blanks, commas or fillers between them.
QList<Token> nameAfter(const QString &text, const QList<Token> &tokens, qsizetype from, bool cased)
{
    QList<Token> name;
    qsizetype position = from;
    for (const Token &token : tokens) {
        if (token.begin < from)
            continue;
        const QString gap = text.mid(position, token.begin - position);
        if (!(name.isEmpty() ? fillers() : QRegularExpression(QStringLiteral("^\\s+$"))).match(gap).hasMatch())
            break;
        if (name.isEmpty() && fillers().match(token.text).hasMatch())
            continue;
        if (!couldBeName(token, cased))
            break;
        name.append(token);
        position = token.end;
        if (name.size() == 3)
            break;
    }
    return name;
}

} // namespace

QList<RedactionKind> PersonNameDetector::kinds() const
{
    return {RedactionKind::PersonName, RedactionKind::MedicalProfessional};
}

void PersonNameDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn))
            continue;
        const QString &text = context.text(turn);
        const bool cased = DetectorText::isCased(text);
        const QList<Token> tokens = tokensOf(text);
        const int question = context.previousOtherTurn(turn);
        const bool nameAsked = question >= 0 && nameAskedCue().match(context.text(question)).hasMatch();
        RedactionSpans names;
        for (const Cue &cue : cues()) {
            for (auto it = cue.pattern.globalMatch(text); it.hasNext();) {
                const QRegularExpressionMatch match = it.next();
                const QList<Token> name = nameAfter(text, tokens, match.capturedEnd(), cased);
                if (name.isEmpty())
                    continue;
                const bool known = isKnownName(name.front().text);
                const bool accepted = cue.strength == CueStrength::Strong
                    || (cue.strength == CueStrength::Weak && (cased || known))
                    || (cue.strength == CueStrength::Answer
                        && (nameAsked || introductionEnd().match(text.mid(name.back().end)).hasMatch()))
                    || (cue.strength == CueStrength::Start && nameAsked && known);
                if (accepted)
                    names.append({turn, name.front().begin, name.back().end, cue.kind});
            }
        }
        // A capitalised census name inside a sentence, with the capitalised words after it.
        if (cased) {
            for (qsizetype i = 0; i < tokens.size(); ++i) {
                const Token &token = tokens[i];
                if (!isCapitalised(token.text) || !NameLexicon::isFirstName(token.text) || !couldBeName(token, true)
                    || startsSentence(text, token.begin))
                    continue;
                const QList<Token> name = nameAfter(text, tokens, token.begin, true);
                names.append({turn, token.begin, name.isEmpty() ? token.end : name.back().end, RedactionKind::PersonName});
            }
        }
        // Letters spelled after a name or a spelling cue belong to it.
        for (auto it = spelledLetters().globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            // Spelled right after a name, the letters and the name are one span: "<PERSON>", not "<PERSON> <PERSON>".
            RedactionSpan letters{turn, match.capturedStart(), match.capturedEnd(), RedactionKind::PersonName};
            bool follows = false;
            for (const RedactionSpan &name : names) {
                if (name.end <= match.capturedStart()
                    && fillers().match(text.mid(name.end, match.capturedStart() - name.end)).hasMatch()) {
                    follows = true;
                    letters.begin = name.end;
                    letters.kind = name.kind;
                }
            }
            if (follows || spellingCue().match(context.cueBefore(turn, match.capturedStart(), 6)).hasMatch())
                names.append(letters);
        }
        for (const RedactionSpan &name : names) {
            if (wanted.contains(name.kind))
                found.append(name);
            else if (name.kind == RedactionKind::MedicalProfessional && wanted.contains(RedactionKind::PersonName))
                found.append({name.turn, name.begin, name.end, RedactionKind::PersonName});
        }
    }
}
