#include "credentialdetector.h"

#include <QRegularExpression>
#include <QSet>

#include <array>

namespace {

struct CueWords
{
    const char *words;   // space-separated, lower-case
    RedactionKind kind;
    bool digitsOnly;
};

// Longer cues first, so "pin number" is read before "pin".
constexpr std::array<CueWords, 25> cueWords{{
    {"one time passcode", RedactionKind::Password, false},
    {"one time code", RedactionKind::Password, false},
    {"one-time passcode", RedactionKind::Password, false},
    {"one-time code", RedactionKind::Password, false},
    {"one-time password", RedactionKind::Password, false},
    {"verification code", RedactionKind::Password, false},
    {"authentication code", RedactionKind::Password, false},
    {"access code", RedactionKind::Password, false},
    {"pass code", RedactionKind::Password, false},
    {"pass phrase", RedactionKind::Password, false},
    {"pin number", RedactionKind::Password, true},
    {"pin code", RedactionKind::Password, true},
    {"password", RedactionKind::Password, false},
    {"passcode", RedactionKind::Password, false},
    {"passphrase", RedactionKind::Password, false},
    {"otp", RedactionKind::Password, false},
    {"pin", RedactionKind::Password, true},
    {"user name", RedactionKind::Username, false},
    {"user id", RedactionKind::Username, false},
    {"login id", RedactionKind::Username, false},
    {"screen name", RedactionKind::Username, false},
    {"username", RedactionKind::Username, false},
    {"userid", RedactionKind::Username, false},
    {"login", RedactionKind::Username, false},
    {"handle", RedactionKind::Username, false},
}};

bool isIn(const QString &word, std::initializer_list<const char *> words)
{
    for (const char *candidate : words) {
        if (word == QLatin1String(candidate))
            return true;
    }
    return false;
}

// Words between a cue and its value ("my password for the portal is …", "pin number is").
bool isLink(const QString &word)
{
    return isIn(word, {"is", "was", "it's", "its", "it", "would", "will", "should", "be", "=", "-", "'s"});
}

// What may open an answer before the value: "sure, it's …", "yeah my user ID is …".
bool isAnswerOpening(const QString &word)
{
    return isLink(word) || isIn(word, {"yes", "yeah", "yep", "sure", "okay", "ok", "so", "um", "uh", "well", "that's", "that",
                                       "my", "of", "course"});
}

// What a value never starts with: "password is not working", "user name is the same".
bool opensNoValue(const QString &word)
{
    return isIn(word, {"not", "wrong", "incorrect", "expired", "invalid", "correct", "right", "working", "broken", "locked",
                       "too", "case", "the", "a", "an", "still", "also", "different", "same", "new", "old", "reset",
                       "changed", "required", "needed", "missing", "sensitive", "there", "here", "what", "which", "for",
                       "on", "in", "to", "i", "i'm", "you", "no", "sorry", "hold", "let", "can", "could", "why", "how",
                       "hmm", "wait", "hang", "just", "please", "again", "field", "box", "protected", "manager", "hint",
                       "and", "or", "so", "but", "if", "that", "this", "my", "your", "of", "with", "has", "have",
                       "doesn't", "isn't", "won't", "expires", "should", "must", "needs", "will"});
}

// Where a value ends.
bool isPause(const QString &word)
{
    return isIn(word, {"and", "but", "so", "okay", "ok", "thanks", "thank", "please", "then", "also", "alright", "if",
                       "because", "which", "or"});
}

bool isNumberWord(const ElectronicTokens::Token &token)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    return digits.match(token.word).hasMatch() || !ElectronicTokens::digitOf(token.word).isEmpty()
        || isIn(token.word, {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                             "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                             "ninety", "hundred", "thousand", "double", "triple"});
}

// Digits, symbols or a spelled character: a value even without "is" before it ("PIN 4821").
bool looksLikeValue(const ElectronicTokens::Token &token)
{
    static const QRegularExpression credential(QStringLiteral("[0-9_@#$%&*!.\\-]"));
    return token.isSpelled() || isNumberWord(token) || credential.match(token.word).hasMatch();
}

bool asksFor(const QString &question)
{
    static const QRegularExpression ask(
        QStringLiteral("\\b(what|what's|whats|tell|read|provide|give|say|spell|confirm|enter|need|type|repeat|verify|"
                       "may i have|can i have|can i get)\\b"));
    return ask.match(question).hasMatch();
}

} // namespace

QList<RedactionKind> CredentialDetector::kinds() const
{
    return {RedactionKind::Username, RedactionKind::Password};
}

std::optional<CredentialDetector::Cue> CredentialDetector::cueAt(const Tokens &tokens, int index)
{
    for (const CueWords &cue : cueWords) {
        const QStringList words = QString::fromLatin1(cue.words).split(QLatin1Char(' '));
        if (index + words.size() > tokens.size())
            continue;
        bool matches = true;
        for (int i = 0; matches && i < words.size(); ++i) {
            const ElectronicTokens::Token &token = tokens[index + i];
            matches = token.word == words[i] && (i + 1 == words.size() || !token.sentenceEndAfter);
        }
        if (matches)
            return Cue{index + int(words.size()), cue.kind, cue.digitsOnly};
    }
    return std::nullopt;
}

std::optional<std::pair<int, int>> CredentialDetector::valueFrom(const Tokens &tokens, int from, const Cue &cue, bool linked)
{
    int at = from;
    for (int links = 0; links < 4 && at < tokens.size() && isLink(tokens[at].word) && !tokens[at].sentenceEndAfter; ++links) {
        linked = true;
        ++at;
    }
    if (at >= tokens.size() || opensNoValue(tokens[at].word) || (!linked && !looksLikeValue(tokens[at])))
        return std::nullopt;
    const int maxParts = cue.kind == RedactionKind::Username ? 8 : 12;
    int parts = 0;
    int digits = 0;
    int last = -1;
    for (int i = at; i < tokens.size(); ++i) {
        const ElectronicTokens::Token &token = tokens[i];
        const bool spelled = token.isSpelled() || isNumberWord(token);
        if (isPause(token.word) || cueAt(tokens, i) || (cue.digitsOnly && !isNumberWord(token)))
            break;
        if (cue.kind == RedactionKind::Username && !spelled && ElectronicTokens::isCommonWord(token.word))
            break;
        const bool continuesRun = i > at && spelled && (tokens[i - 1].isSpelled() || isNumberWord(tokens[i - 1]));
        if (!continuesRun && ++parts > maxParts)
            break;
        if (isNumberWord(token))
            digits += token.word[0].isDigit() ? int(token.word.size()) : 1;
        last = i;
        const bool spelledNext = i + 1 < tokens.size() && spelled && tokens[i + 1].isSpelled();
        if (token.sentenceEndAfter || (token.commaAfter && !spelledNext))
            break;
    }
    // A PIN has a few digits: "pin 7" is a bowling lane's.
    if (last < 0 || (cue.digitsOnly && digits < 3))
        return std::nullopt;
    return std::pair{at, last};
}

void CredentialDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    if (!wanted.contains(RedactionKind::Username) && !wanted.contains(RedactionKind::Password))
        return;
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn))
            continue;
        const QString &text = context.text(turn);
        const Tokens tokens = ElectronicTokens::split(text);
        const auto append = [&](const std::pair<int, int> &value, RedactionKind kind) {
            if (!wanted.contains(kind))
                return;
            // A written password keeps its symbols ("hunter2!"); a comma or full stop after it is punctuation.
            qsizetype end = tokens[value.second].end;
            while (kind == RedactionKind::Password && end < text.size() && !text[end].isSpace()
                   && !(QStringLiteral(",.?").contains(text[end]) && (end + 1 == text.size() || text[end + 1].isSpace())))
                ++end;
            found.append({turn, tokens[value.first].begin, end, kind});
        };
        bool hasCue = false;
        for (int i = 0; i < tokens.size(); ++i) {
            const std::optional<Cue> cue = cueAt(tokens, i);
            if (!cue)
                continue;
            hasCue = true;
            if (tokens[cue->end - 1].sentenceEndAfter)
                continue;
            if (const auto value = valueFrom(tokens, cue->end, *cue, tokens[cue->end - 1].colonAfter))
                append(*value, cue->kind);
        }
        // The answer to "what's your user ID?": the cue among the question's last words.
        const int question = context.previousOtherTurn(turn);
        if (hasCue || question < 0 || !asksFor(context.text(question).toLower()))
            continue;
        const Tokens asked = ElectronicTokens::split(context.text(question));
        std::optional<Cue> cue;
        for (int i = std::max<int>(0, int(asked.size()) - 10); i < asked.size(); ++i) {
            if (const std::optional<Cue> here = cueAt(asked, i))
                cue = here;
        }
        if (!cue || asked.size() - cue->end > 4)
            continue;
        int from = 0;
        while (from < tokens.size() && isAnswerOpening(tokens[from].word) && !tokens[from].sentenceEndAfter)
            ++from;
        const bool waits = from + 1 < tokens.size() && tokens[from].word == QLatin1String("one")
            && isIn(tokens[from + 1].word, {"second", "sec", "moment", "minute"});
        if (const auto value = waits ? std::nullopt : valueFrom(tokens, from, *cue, true))
            append(*value, cue->kind);
    }
}
