#include "speechturns.h"

#include "metrictext.h"

#include <QStringBuilder>

#include <algorithm>
#include <array>
#include <string_view>

using namespace Qt::StringLiterals;

namespace {

// What the word rules ask of a character, for ASCII from a table: nearly every character
// of a transcript is ASCII, and QChar's Unicode tables cost a call each.
enum CharClass : quint8 { Other = 0, Space = 1, LetterOrDigit = 2, Punctuation = 4 };

// The ASCII punctuation is what Unicode files under P*; $ + < = > ^ ` | ~ are symbols.
constexpr std::array<quint8, 128> asciiClasses = [] {
    std::array<quint8, 128> table{};
    for (char c : std::string_view(" \t\n\v\f\r"))
        table[size_t(c)] = Space;
    for (char c = '0'; c <= '9'; ++c)
        table[size_t(c)] = LetterOrDigit;
    for (char c = 'a'; c <= 'z'; ++c)
        table[size_t(c)] = table[size_t(c - 'a' + 'A')] = LetterOrDigit;
    for (char c : std::string_view("!\"#%&'()*,-./:;?@[\\]_{}"))
        table[size_t(c)] = Punctuation;
    return table;
}();

// The code point at `i` and how many UTF-16 units it takes, so that letters outside the
// Basic Multilingual Plane count as letters.
char32_t codePointAt(QStringView text, qsizetype i, qsizetype *units)
{
    const QChar unit = text[i];
    if (unit.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
        *units = 2;
        return QChar::surrogateToUcs4(unit, text[i + 1]);
    }
    *units = 1;
    return unit.unicode();
}

quint8 classOf(char32_t codePoint)
{
    if (codePoint < 128)
        return asciiClasses[codePoint];
    if (QChar::isSpace(codePoint))
        return Space;
    if (QChar::isLetterOrNumber(codePoint))
        return LetterOrDigit;
    return QChar::isPunct(codePoint) ? Punctuation : Other;
}

bool isPunctuationAt(QStringView text, qsizetype i)
{
    qsizetype units = 1;
    return classOf(codePointAt(text, i, &units)) == Punctuation;
}

bool isPunctuationBefore(QStringView text, qsizetype end)
{
    const qsizetype last = end >= 2 && text[end - 1].isLowSurrogate() && text[end - 2].isHighSurrogate() ? end - 2 : end - 1;
    return isPunctuationAt(text, last);
}

// Calls `add` with each word of `text` (see splitWords). One pass over each token: what is
// stripped from its ends is punctuation, never a letter or digit, so the stripped token has
// one exactly when the whole token has. That letter also stops both strip loops.
template<typename Add>
void forEachWord(QStringView text, Add add)
{
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        quint8 seen = 0;
        qsizetype begin = i;
        for (qsizetype units = 1; i < size; i += units) {
            const char16_t unit = text[i].unicode();
            units = 1;
            const quint8 charClass = unit < 128 ? asciiClasses[unit] : classOf(codePointAt(text, i, &units));
            if (charClass == Space) {
                if (i == begin) {   // still before the token
                    begin += units;
                    continue;
                }
                break;
            }
            seen |= charClass;
        }
        if (!(seen & LetterOrDigit))
            continue;
        qsizetype end = i;
        while (isPunctuationAt(text, begin))
            begin += text[begin].isHighSurrogate() ? 2 : 1;
        while (isPunctuationBefore(text, end))
            end -= text[end - 1].isLowSurrogate() ? 2 : 1;
        add(text.sliced(begin, end - begin));
    }
}

// The timed speech turn of `role` that overlaps [start, end] most, -1 when none does.
int mostOverlapping(const Turns &transcript, Turn::Role role, double start, double end)
{
    int best = -1;
    double bestOverlap = 0.0;
    for (int i = 0; i < transcript.size(); ++i) {
        const Turn &turn = transcript.at(i);
        if (turn.role != role || !SpeechTurns::isTimed(turn) || QStringView(turn.content).trimmed().isEmpty())
            continue;
        const double overlap = std::min(end, turn.endTime) - std::max(start, turn.startTime);
        if (overlap > bestOverlap) {
            best = i;
            bestOverlap = overlap;
        }
    }
    return best;
}

} // namespace

SpeechTurns SpeechTurns::fromRecording(const PartySpeech &speech, const Turns &transcript)
{
    struct Heard
    {
        SpeechRun run;
        Turn::Role role;
    };
    QList<Heard> heard;
    heard.reserve(speech.agent.size() + speech.caller.size());
    for (const SpeechRun &run : speech.agent)
        heard.append({run, Turn::Role::MainAgent});
    for (const SpeechRun &run : speech.caller)
        heard.append({run, Turn::Role::TestingAgent});
    std::stable_sort(heard.begin(), heard.end(), [](const Heard &a, const Heard &b) { return a.run.start < b.run.start; });

    Turns turns;
    turns.reserve(heard.size());
    QList<int> transcriptTurns;
    transcriptTurns.reserve(heard.size());
    for (const Heard &each : heard) {
        Turn turn;
        turn.role = each.role;
        turn.startTime = each.run.start;
        turn.endTime = each.run.end;
        const int inTurn = mostOverlapping(transcript, each.role, each.run.start, each.run.end);
        turn.content = inTurn >= 0 ? transcript.at(inTurn).content : u"(speech)"_s;
        turns.append(turn);
        transcriptTurns.append(inTurn);
    }
    SpeechTurns result(turns);
    result.m_fromRecording = true;
    result.m_transcriptTurns = std::move(transcriptTurns);
    return result;
}

QString SpeechTurns::describe(int index) const
{
    if (!m_fromRecording)
        return MetricText::turn(index);
    const QString heard = u"speech at "_s % MetricText::seconds(start(index));
    const int inTurn = m_transcriptTurns[index];
    return inTurn < 0 ? heard : heard % u" in "_s % MetricText::turn(inTurn);
}

SpeechTurns::SpeechTurns(const Turns &turns)
    : m_turns(turns)
{
    m_facts.resize(m_turns.size());
    int previousSpeech = -1;
    for (int i = 0; i < m_turns.size(); ++i) {
        const Turn &turn = m_turns.at(i);   // at(): a non-const operator[] would copy the shared list
        Facts &facts = m_facts[i];
        facts.previousSpeech = previousSpeech;
        facts.timed = isTimed(turn);
        facts.speech = turn.isSpeech() && !QStringView(turn.content).trimmed().isEmpty();
        if (!facts.speech)
            continue;
        facts.firstWord = m_words.size();
        forEachWord(turn.content, [this](QStringView word) { m_words.append(word); });
        facts.wordCount = m_words.size() - facts.firstWord;
        facts.backchannel = isBackchannel(words(i));
        previousSpeech = i;
        if (m_firstSpeech < 0)
            m_firstSpeech = i;
        m_anyTimedSpeech = m_anyTimedSpeech || facts.timed;
    }
}

std::span<const QStringView> SpeechTurns::words(int index) const
{
    const Facts &facts = m_facts[index];
    return {m_words.constData() + facts.firstWord, size_t(facts.wordCount)};
}

QList<QStringView> SpeechTurns::splitWords(QStringView text)
{
    QList<QStringView> words;
    forEachWord(text, [&words](QStringView word) { words.append(word); });
    return words;
}

bool SpeechTurns::isBackchannel(std::span<const QStringView> words)
{
    static constexpr std::array backchannelWords{"yeah"_L1, "yes"_L1, "ok"_L1, "okay"_L1, "uh-huh"_L1, "mm-hmm"_L1,
                                                 "mhm"_L1, "right"_L1, "sure"_L1, "got"_L1, "it"_L1};
    if (words.size() > 2)
        return false;
    for (QStringView word : words) {
        const bool known = std::any_of(backchannelWords.begin(), backchannelWords.end(), [word](QLatin1StringView known) {
            return word.compare(known, Qt::CaseInsensitive) == 0;
        });
        if (!known)
            return false;
    }
    return true;
}
