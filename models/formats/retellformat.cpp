#include "retellformat.h"

#include "transcriptentryreader.h"
#include "transcriptlist.h"
#include "turnnormalizer.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace {

const QStringList kEnclosingPaths{u"call.transcript_with_tool_calls"_s, u"call.transcript_object"_s,
                                  u"transcript_with_tool_calls"_s, u"transcript_object"_s};

// Entry kinds Retell records besides speech and tools; none is a turn.
const QStringList kSkippedRoles{u"node_transition"_s, u"dtmf"_s, u"sms"_s, u"injected"_s,
                                u"transfer_target"_s, u"agent_switch"_s};

bool looksLikeRetellEntry(const QJsonObject &entry)
{
    const QString role = entry.value("role"_L1).toString();
    return entry.contains("words"_L1) || entry.contains("tool_call_id"_L1) || role == "tool_call_invocation"_L1
        || kSkippedRoles.contains(role);
}

// An utterance's words and the span they cover.
struct TimedUtterance
{
    double start = 0.0;
    double end = 0.0;
    TimedWords words;
};

// Reads an utterance's words; nullopt when there are none to time it. A word's text loses
// the space Retell leaves after it ("Hi, "); a word without text still times the span.
std::optional<TimedUtterance> readWords(const TranscriptEntryReader &utterance, FieldErrors &errors)
{
    const auto words = utterance.array("words"_L1, false);
    if (!words || words->isEmpty())
        return std::nullopt;
    const QString wordsPath = utterance.fieldPath("words"_L1);
    TimedUtterance timed;
    timed.words.reserve(words->size());
    for (qsizetype w = 0; w < words->size(); ++w) {
        const auto word = TranscriptEntryReader::item(*words, w, wordsPath, errors);
        if (!word)
            return std::nullopt;
        const auto wordStart = word->number("start"_L1, true, u"a number of seconds"_s);
        const auto wordEnd = word->number("end"_L1, true, u"a number of seconds"_s);
        if (!wordStart || !wordEnd)
            return std::nullopt;
        if (*wordEnd < *wordStart) {
            word->fail("end"_L1, u"Must not be before start."_s);
            return std::nullopt;
        }
        if (w == 0)
            timed.start = *wordStart;
        timed.end = *wordEnd;
        const QJsonValue text = word->object().value("word"_L1);
        if (text.isString())
            timed.words.append({text.toString().trimmed(), *wordStart, *wordEnd});
    }
    if (timed.end < timed.start) {
        utterance.fail("words"_L1, u"The last word must not end before the first word starts."_s);
        return std::nullopt;
    }
    return timed;
}

} // namespace

QString RetellFormat::name() const
{
    return u"retell"_s;
}

Turns RetellFormat::parse(const QJsonValue &json, const TranscriptParseOptions &, FieldErrors &errors) const
{
    const auto list = TranscriptList::find(json, kEnclosingPaths);
    if (!list) {
        errors.add(QString(), u"Expected Retell's transcript_with_tool_calls or transcript_object list, or a call "
                               "object or {event, call} webhook body holding one."_s);
        return {};
    }
    const int errorsBefore = errors.count();
    QHash<QString, QString> toolNames;
    TurnNormalizer normalizer;

    for (qsizetype i = 0; i < list->entries.size(); ++i) {
        const auto reader = TranscriptEntryReader::item(list->entries, i, list->path, errors);
        if (!reader)
            continue;
        const auto role = reader->string("role"_L1, true);
        if (!role || kSkippedRoles.contains(*role))
            continue;

        Turn turn;
        if (*role == "agent"_L1 || *role == "user"_L1) {
            const auto content = reader->string("content"_L1, true);
            auto timed = readWords(*reader, errors);
            if (!content)
                continue;
            turn.role = *role == "agent"_L1 ? Turn::Role::MainAgent : Turn::Role::TestingAgent;
            turn.content = *content;
            if (timed) {
                turn.startTime = timed->start;
                turn.endTime = timed->end;
                turn.words = std::move(timed->words);
            }
            normalizer.add(turn, timed.has_value(), timed.has_value());
        } else if (*role == "tool_call_invocation"_L1) {
            const auto id = reader->string("tool_call_id"_L1, true);
            const auto toolName = reader->string("name"_L1, true);
            const auto arguments = reader->jsonText("arguments"_L1, false);
            if (!id || !toolName)
                continue;
            toolNames.insert(*id, *toolName);
            turn.role = Turn::Role::FunctionCall;
            turn.data = {{u"id"_s, *id}, {u"name"_s, *toolName}, {u"arguments"_s, arguments.value_or(u"{}"_s)}};
            normalizer.add(turn, false, false);
        } else if (*role == "tool_call_result"_L1) {
            const auto id = reader->string("tool_call_id"_L1, true);
            const auto content = reader->jsonText("content"_L1, false);
            if (!id)
                continue;
            if (!toolNames.contains(*id)) {
                reader->fail("tool_call_id"_L1,
                             u"No earlier tool_call_invocation has the id \"%1\", so the result has no tool name."_s.arg(*id));
                continue;
            }
            turn.role = Turn::Role::FunctionCallResult;
            turn.data = {{u"id"_s, *id}, {u"name"_s, toolNames.value(*id)}, {u"result"_s, content.value_or(QString())}};
            normalizer.add(turn, false, false);
        } else {
            reader->fail("role"_L1, u"\"%1\" is not a Retell role; expected agent, user, tool_call_invocation or "
                                    "tool_call_result."_s.arg(*role));
        }
    }
    if (errors.count() != errorsBefore)
        return {};
    return normalizer.finish();
}

int RetellFormat::resemblance(const QJsonValue &json) const
{
    if (json.isObject()) {
        const QJsonObject object = json.toObject();
        const QJsonObject call = object.value("call"_L1).toObject();
        for (const QJsonObject &candidate : {call, object}) {
            if (candidate.value("transcript_with_tool_calls"_L1).isArray()
                || candidate.value("transcript_object"_L1).isArray())
                return 100;
        }
        return 0;
    }
    const auto list = TranscriptList::find(json, {});
    return list ? list->percentMatching(looksLikeRetellEntry) : 0;
}
