#include "vapiformat.h"

#include "relativeclock.h"
#include "transcriptentryreader.h"
#include "transcriptlist.h"
#include "turnnormalizer.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace {

const QStringList kEnclosingPaths{u"message.artifact.messages"_s, u"message.messages"_s,
                                  u"artifact.messages"_s, u"messages"_s};

bool looksLikeVapiEntry(const QJsonObject &entry)
{
    if (entry.contains("secondsFromStart"_L1) || entry.contains("toolCalls"_L1) || entry.contains("toolCallId"_L1))
        return true;
    const QString role = entry.value("role"_L1).toString();
    // The simplified form: {role, message, time}; elevenlabs also has `message` but
    // times it with time_in_call_secs.
    return entry.contains("message"_L1) && !entry.contains("time_in_call_secs"_L1)
        && (role == "bot"_L1 || entry.contains("time"_L1));
}

struct Times
{
    std::optional<double> start;
    std::optional<double> end;
};

// Reads one entry's times. `time` runs through the clock even on system entries so that
// epoch times count from the first entry of the list.
Times readTimes(const TranscriptEntryReader &reader, RelativeClock &clock)
{
    const QString epochOrSeconds = u"a number (epoch milliseconds, or seconds from the start)"_s;
    const auto time = reader.number("time"_L1, false, epochOrSeconds);
    const auto endTime = reader.number("endTime"_L1, false, epochOrSeconds);
    const auto secondsFromStart = reader.number("secondsFromStart"_L1, false, u"a number of seconds"_s);
    const auto duration = reader.number("duration"_L1, false, u"a number of milliseconds"_s);
    if (time && endTime && *endTime < *time) {
        reader.fail("endTime"_L1, u"Must not be before time."_s);
        return {};
    }

    Times times;
    std::optional<double> timeSeconds;
    if (time) {
        timeSeconds = clock.seconds(*time);
        if (!timeSeconds && !secondsFromStart)
            reader.fail("time"_L1, u"Is earlier than the first message's time."_s);
    }
    if (secondsFromStart) {
        times.start = secondsFromStart;
        if (time && endTime)
            times.end = *secondsFromStart + (*endTime - *time) / 1000.0;
    } else if (timeSeconds) {
        times.start = timeSeconds;
        if (endTime)
            times.end = clock.seconds(*endTime);
    }
    // Vapi documents `duration` in seconds but sends milliseconds.
    if (times.start && !times.end && duration)
        times.end = *times.start + *duration / 1000.0;
    return times;
}

} // namespace

QString VapiFormat::name() const
{
    return u"vapi"_s;
}

Turns VapiFormat::parse(const QJsonValue &json, const TranscriptParseOptions &, FieldErrors &errors) const
{
    const auto list = TranscriptList::find(json, kEnclosingPaths);
    if (!list) {
        const QString type = TranscriptList::at(json.toObject(), u"message.type"_s).toString();
        errors.add(QString(), !type.isEmpty() && type != "end-of-call-report"_L1
                                  ? u"A Vapi \"%1\" message carries no transcript; send the end-of-call-report."_s.arg(type)
                                  : u"Expected the Vapi messages list, or an end-of-call-report or call object holding "
                                    "it at message.artifact.messages, artifact.messages or messages."_s);
        return {};
    }
    const int errorsBefore = errors.count();
    RelativeClock clock;
    QHash<QString, QString> toolNames;
    TurnNormalizer normalizer;

    for (qsizetype i = 0; i < list->entries.size(); ++i) {
        const auto reader = TranscriptEntryReader::item(list->entries, i, list->path, errors);
        if (!reader)
            continue;
        const auto role = reader->string("role"_L1, true);
        const Times times = readTimes(*reader, clock);
        if (!role || *role == "system"_L1)
            continue;

        Turn turn;
        turn.startTime = times.start.value_or(0.0);
        turn.endTime = times.end.value_or(turn.startTime);
        if (*role == "bot"_L1 || *role == "assistant"_L1 || *role == "agent"_L1 || *role == "user"_L1) {
            const auto message = reader->string("message"_L1, true);
            if (!message)
                continue;
            turn.role = *role == "user"_L1 ? Turn::Role::TestingAgent : Turn::Role::MainAgent;
            turn.content = *message;
            if (times.start && times.end && *times.end < *times.start)
                reader->fail("endTime"_L1, u"Must not be before the start."_s);
            normalizer.add(turn, times.start.has_value(), times.end.has_value());
        } else if (*role == "tool_calls"_L1) {
            const auto toolCalls = reader->array("toolCalls"_L1, true);
            if (!toolCalls)
                continue;
            turn.role = Turn::Role::FunctionCall;
            turn.endTime = turn.startTime;
            const QString callsPath = reader->fieldPath("toolCalls"_L1);
            for (qsizetype c = 0; c < toolCalls->size(); ++c) {
                const auto call = TranscriptEntryReader::item(*toolCalls, c, callsPath, errors);
                if (!call)
                    continue;
                const auto id = call->string("id"_L1, true);
                const auto function = call->child("function"_L1, true);
                const auto functionName = function ? function->string("name"_L1, true) : std::nullopt;
                const auto arguments = function ? function->jsonText("arguments"_L1, false) : std::nullopt;
                if (!id || !functionName)
                    continue;
                toolNames.insert(*id, *functionName);
                turn.data = {{u"id"_s, *id}, {u"name"_s, *functionName}, {u"arguments"_s, arguments.value_or(u"{}"_s)}};
                normalizer.add(turn, times.start.has_value(), times.start.has_value());
            }
        } else if (*role == "tool_call_result"_L1) {
            const auto id = reader->string("toolCallId"_L1, true);
            const auto result = reader->jsonText("result"_L1, true);
            auto toolName = reader->string("name"_L1, false);
            if (!id || !result)
                continue;
            if (!toolName && !reader->has("name"_L1))
                toolName = toolNames.value(*id);
            if (!toolName || toolName->isEmpty()) {
                reader->fail("name"_L1, u"This field is required: no earlier tool call has the id \"%1\"."_s.arg(*id));
                continue;
            }
            turn.role = Turn::Role::FunctionCallResult;
            turn.endTime = turn.startTime;
            turn.data = {{u"id"_s, *id}, {u"name"_s, *toolName}, {u"result"_s, *result}};
            normalizer.add(turn, times.start.has_value(), times.start.has_value());
        } else {
            reader->fail("role"_L1, u"\"%1\" is not a Vapi role; expected system, user, bot, tool_calls or "
                                    "tool_call_result."_s.arg(*role));
        }
    }
    if (errors.count() != errorsBefore)
        return {};
    return normalizer.finish();
}

int VapiFormat::resemblance(const QJsonValue &json) const
{
    if (json.isObject()) {
        const QJsonObject object = json.toObject();
        if (TranscriptList::at(object, u"message.type"_s).toString() == "end-of-call-report"_L1
            || object.value("type"_L1).toString() == "end-of-call-report"_L1)
            return 100;
        if (TranscriptList::at(object, u"message.artifact.messages"_s).isArray()
            || TranscriptList::at(object, u"artifact.messages"_s).isArray())
            return 95;
    }
    const auto list = TranscriptList::find(json, {u"messages"_s});
    return list ? list->percentMatching(looksLikeVapiEntry) * (list->path.isEmpty() ? 100 : 90) / 100 : 0;
}
