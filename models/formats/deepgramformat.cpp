#include "deepgramformat.h"

#include "transcriptentryreader.h"
#include "transcriptlist.h"
#include "turnnormalizer.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// One recognised word with the speaker (or channel) it belongs to.
struct Word
{
    QString text;
    double start = 0.0;
    double end = 0.0;
    qint64 speaker = 0;
};

bool looksLikeWord(const QJsonObject &entry)
{
    return entry.contains("word"_L1) && entry.contains("start"_L1) && entry.contains("end"_L1);
}

std::optional<std::pair<double, double>> readSpan(const TranscriptEntryReader &reader)
{
    const auto start = reader.number("start"_L1, true, u"a number of seconds"_s);
    const auto end = reader.number("end"_L1, true, u"a number of seconds"_s);
    if (!start || !end)
        return std::nullopt;
    if (*end < *start) {
        reader.fail("end"_L1, u"Must not be before start."_s);
        return std::nullopt;
    }
    return std::make_pair(*start, *end);
}

// Reads the words of `list`; `channel` labels them when the channel tells the speaker.
QList<Word> readWords(const QJsonArray &list, const QString &path, std::optional<qint64> channel, FieldErrors &errors)
{
    QList<Word> words;
    words.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto reader = TranscriptEntryReader::item(list, i, path, errors);
        if (!reader)
            continue;
        const auto punctuated = reader->string("punctuated_word"_L1, false);
        const auto plain = reader->string("word"_L1, !punctuated);
        const auto span = readSpan(*reader);
        const auto speaker = channel ? channel : reader->integer("speaker"_L1, false);
        if (!span || (!punctuated && !plain))
            continue;
        words.append({punctuated.value_or(plain.value_or(QString())), span->first, span->second, speaker.value_or(0)});
    }
    return words;
}

Turn::Role roleOf(qint64 speaker, const TranscriptParseOptions &options)
{
    return speaker == options.mainAgentChannelIndex.value_or(0) ? Turn::Role::MainAgent : Turn::Role::TestingAgent;
}

// One turn per run of consecutive words from the same speaker.
void addWordRuns(const QList<Word> &words, const TranscriptParseOptions &options, TurnNormalizer &normalizer)
{
    for (qsizetype first = 0; first < words.size();) {
        qsizetype last = first;
        QStringList texts{words.at(first).text};
        while (last + 1 < words.size() && words.at(last + 1).speaker == words.at(first).speaker)
            texts.append(words.at(++last).text);
        Turn turn;
        turn.role = roleOf(words.at(first).speaker, options);
        turn.content = texts.join(u' ');
        turn.startTime = words.at(first).start;
        turn.endTime = std::max(words.at(last).end, turn.startTime);
        turn.words.reserve(last - first + 1);
        for (qsizetype w = first; w <= last; ++w)
            turn.words.append({words.at(w).text, words.at(w).start, words.at(w).end});
        normalizer.add(turn, true, true);
        first = last + 1;
    }
}

// An utterance's own words, when every one of them reads. They were never required to be
// valid (the utterance carries its own times), so a bad one drops them, not the call.
TimedWords utteranceWords(const TranscriptEntryReader &utterance)
{
    FieldErrors ignored;
    const TranscriptEntryReader quiet(utterance.object(), utterance.path(), ignored);
    const auto list = quiet.array("words"_L1, false);
    if (!list)
        return {};
    const QList<Word> words = readWords(*list, quiet.fieldPath("words"_L1), std::nullopt, ignored);
    if (!ignored.isEmpty())
        return {};
    TimedWords timed;
    timed.reserve(words.size());
    for (const Word &word : words)
        timed.append({word.text, word.start, word.end});
    return timed;
}

void addUtterances(const QJsonArray &utterances, const QString &path, bool byChannel,
                   const TranscriptParseOptions &options, TurnNormalizer &normalizer, FieldErrors &errors)
{
    for (qsizetype i = 0; i < utterances.size(); ++i) {
        const auto reader = TranscriptEntryReader::item(utterances, i, path, errors);
        if (!reader)
            continue;
        const auto span = readSpan(*reader);
        const auto transcript = reader->string("transcript"_L1, true);
        const auto speaker = reader->integer(byChannel ? "channel"_L1 : "speaker"_L1, false);
        if (!span || !transcript)
            continue;
        Turn turn;
        turn.role = roleOf(speaker.value_or(0), options);
        turn.content = *transcript;
        turn.startTime = span->first;
        turn.endTime = span->second;
        turn.words = utteranceWords(*reader);
        normalizer.add(turn, true, true);
    }
}

} // namespace

QString DeepgramFormat::name() const
{
    return u"deepgram"_s;
}

Turns DeepgramFormat::parse(const QJsonValue &json, const TranscriptParseOptions &options, FieldErrors &errors) const
{
    const int errorsBefore = errors.count();
    TurnNormalizer normalizer;

    if (json.isArray()) {
        addWordRuns(readWords(json.toArray(), QString(), std::nullopt, errors), options, normalizer);
    } else {
        const QJsonObject object = json.toObject();
        const bool isResponse = object.value("results"_L1).isObject();
        const QString resultsPath = isResponse ? u"results"_s : QString();
        const TranscriptEntryReader results(isResponse ? object.value("results"_L1).toObject() : object, resultsPath, errors);
        if (!results.has("channels"_L1) && !results.has("utterances"_L1)) {
            errors.add(QString(), u"Expected a list of Deepgram words, or a Deepgram response with results.channels "
                                   "or results.utterances."_s);
            return {};
        }
        const auto channels = results.array("channels"_L1, false);
        const bool multichannel = channels && channels->size() > 1;
        const auto utterances = results.array("utterances"_L1, false);
        if (utterances && !utterances->isEmpty()) {
            addUtterances(*utterances, results.fieldPath("utterances"_L1), multichannel, options, normalizer, errors);
        } else if (channels) {
            QList<Word> words;
            for (qsizetype c = 0; c < channels->size(); ++c) {
                const auto channel = TranscriptEntryReader::item(*channels, c, results.fieldPath("channels"_L1), errors);
                const auto alternatives = channel ? channel->array("alternatives"_L1, true) : std::nullopt;
                if (!alternatives || alternatives->isEmpty())
                    continue;
                const QString alternativePath = TranscriptEntryReader::itemPath(channel->fieldPath("alternatives"_L1), 0);
                const TranscriptEntryReader best(alternatives->at(0).toObject(), alternativePath, errors);
                const auto channelWords = best.array("words"_L1, true);
                if (channelWords)
                    words += readWords(*channelWords, best.fieldPath("words"_L1),
                                       multichannel ? std::optional<qint64>(c) : std::nullopt, errors);
            }
            // Channels are transcribed apart; interleave their words in time before grouping.
            std::stable_sort(words.begin(), words.end(), [](const Word &a, const Word &b) { return a.start < b.start; });
            addWordRuns(words, options, normalizer);
        }
    }
    if (errors.count() != errorsBefore)
        return {};
    return normalizer.finish();
}

int DeepgramFormat::resemblance(const QJsonValue &json) const
{
    if (json.isObject()) {
        const QJsonObject object = json.toObject();
        const QJsonObject results = object.value("results"_L1).toObject();
        if (results.value("channels"_L1).isArray() || results.value("utterances"_L1).isArray())
            return 100;
        if (object.value("channels"_L1).isArray() || object.value("utterances"_L1).isArray())
            return 90;
        return 0;
    }
    const auto list = TranscriptList::find(json, {});
    return list ? list->percentMatching(looksLikeWord) : 0;
}
