#include "elevenlabsformat.h"

#include "transcriptentryreader.h"
#include "transcriptlist.h"
#include "turnnormalizer.h"

using namespace Qt::StringLiterals;

namespace {

const QStringList kEnclosingPaths{u"data.transcript"_s, u"transcript"_s};

bool looksLikeElevenLabsEntry(const QJsonObject &entry)
{
    return entry.contains("time_in_call_secs"_L1) || entry.contains("tool_results"_L1);
}

// The tool calls or results of one entry, each as a tool turn at the entry's time.
void addTools(const TranscriptEntryReader &entry, double time, Turn::Role role, TurnNormalizer &normalizer,
              FieldErrors &errors)
{
    const bool isCall = role == Turn::Role::FunctionCall;
    const QLatin1String listKey = isCall ? "tool_calls"_L1 : "tool_results"_L1;
    const auto tools = entry.array(listKey, false);
    if (!tools)
        return;
    for (qsizetype t = 0; t < tools->size(); ++t) {
        const auto tool = TranscriptEntryReader::item(*tools, t, entry.fieldPath(listKey), errors);
        if (!tool)
            continue;
        const auto id = tool->string("request_id"_L1, true);
        const auto toolName = tool->string("tool_name"_L1, true);
        const auto payload = isCall ? tool->jsonText("params_as_json"_L1, false) : tool->jsonText("result_value"_L1, false);
        if (!id || !toolName)
            continue;
        Turn turn;
        turn.role = role;
        turn.startTime = time;
        turn.endTime = time;
        turn.data = {{u"id"_s, *id}, {u"name"_s, *toolName}};
        turn.data.insert(isCall ? u"arguments"_s : u"result"_s, payload.value_or(isCall ? u"{}"_s : QString()));
        normalizer.add(turn, true, true);
    }
}

} // namespace

QString ElevenLabsFormat::name() const
{
    return u"elevenlabs"_s;
}

Turns ElevenLabsFormat::parse(const QJsonValue &json, const TranscriptParseOptions &, FieldErrors &errors) const
{
    const auto list = TranscriptList::find(json, kEnclosingPaths);
    if (!list) {
        const QString type = json.toObject().value("type"_L1).toString();
        errors.add(QString(), !type.isEmpty() && type != "post_call_transcription"_L1
                                  ? u"An ElevenLabs \"%1\" webhook carries no transcript; send post_call_transcription."_s.arg(type)
                                  : u"Expected the ElevenLabs transcript list, or a post-call webhook body or its data "
                                    "object holding it at data.transcript or transcript."_s);
        return {};
    }
    const int errorsBefore = errors.count();

    // Every entry's time first: a message ends when the next later entry starts.
    QList<std::optional<double>> times(list->entries.size());
    for (qsizetype i = 0; i < list->entries.size(); ++i) {
        const QJsonObject entry = list->entries.at(i).toObject();
        const TranscriptEntryReader reader(entry, TranscriptEntryReader::itemPath(list->path, i), errors);
        if (list->entries.at(i).isObject())
            times[i] = reader.number("time_in_call_secs"_L1, true, u"a number of seconds from the start of the call"_s);
    }

    TurnNormalizer normalizer;
    for (qsizetype i = 0; i < list->entries.size(); ++i) {
        const auto reader = TranscriptEntryReader::item(list->entries, i, list->path, errors);
        if (!reader)
            continue;
        const auto role = reader->string("role"_L1, true);
        const auto message = reader->string("message"_L1, false);
        if (!role || !times[i])
            continue;
        if (*role != "agent"_L1 && *role != "user"_L1) {
            reader->fail("role"_L1, u"\"%1\" is not an ElevenLabs role; expected agent or user."_s.arg(*role));
            continue;
        }
        const double start = *times[i];
        if (message) {
            Turn turn;
            turn.role = *role == "agent"_L1 ? Turn::Role::MainAgent : Turn::Role::TestingAgent;
            turn.content = *message;
            turn.startTime = start;
            turn.endTime = start;
            for (qsizetype next = i + 1; next < times.size(); ++next) {
                if (times[next] && *times[next] > start) {
                    turn.endTime = *times[next];
                    break;
                }
            }
            normalizer.add(turn, true, true);
        }
        addTools(*reader, start, Turn::Role::FunctionCall, normalizer, errors);
        addTools(*reader, start, Turn::Role::FunctionCallResult, normalizer, errors);
    }
    if (errors.count() != errorsBefore)
        return {};
    return normalizer.finish();
}

int ElevenLabsFormat::resemblance(const QJsonValue &json) const
{
    if (json.isObject()) {
        const QJsonObject object = json.toObject();
        if (object.value("type"_L1).toString() == "post_call_transcription"_L1
            || TranscriptList::at(object, u"data.conversation_id"_s).isString()
            || (object.contains("conversation_id"_L1) && object.value("transcript"_L1).isArray()))
            return 100;
    }
    const auto list = TranscriptList::find(json, {u"data.transcript"_s, u"transcript"_s});
    return list ? list->percentMatching(looksLikeElevenLabsEntry) : 0;
}
