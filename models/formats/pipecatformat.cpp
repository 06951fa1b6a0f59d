#include "pipecatformat.h"

#include "transcriptentryreader.h"
#include "transcriptlist.h"
#include "turnnormalizer.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace {

const QStringList kEnclosingPaths{u"messages"_s, u"transcript"_s};

bool looksLikePipecatEntry(const QJsonObject &entry)
{
    const QString role = entry.value("role"_L1).toString();
    if (role == "tool_call"_L1 || role == "tool_call_result"_L1)
        return entry.value("data"_L1).isObject();
    if (role == "tool"_L1)
        return entry.contains("tool_call_id"_L1);
    // Other formats' speech entries carry their own time or text keys.
    for (const QLatin1String foreignKey : {"timestamp"_L1, "words"_L1, "message"_L1, "created_at"_L1, "time"_L1})
        if (entry.contains(foreignKey))
            return false;
    return (role == "assistant"_L1 || role == "user"_L1 || role == "system"_L1)
        && (entry.contains("content"_L1) || entry.contains("tool_calls"_L1));
}

// OpenAI content: a string, or a list of parts whose text parts are joined.
std::optional<QString> readContent(const TranscriptEntryReader &entry, bool required)
{
    const QJsonValue content = entry.object().value("content"_L1);
    if (content.isString())
        return content.toString();
    if (content.isUndefined() || content.isNull()) {
        if (required)
            entry.fail("content"_L1, u"This field is required."_s);
        return std::nullopt;
    }
    if (!content.isArray()) {
        entry.fail("content"_L1, u"Must be a string or a list of {type: \"text\", text} parts."_s);
        return std::nullopt;
    }
    QStringList parts;
    for (const QJsonValue &part : content.toArray()) {
        const QJsonObject object = part.toObject();
        if (part.isString())
            parts.append(part.toString());
        else if (object.value("type"_L1).toString() == "text"_L1)
            parts.append(object.value("text"_L1).toString());
    }
    return parts.join(u' ');
}

// A tool entry's data{id, name, arguments|result}.
std::optional<QJsonObject> readToolData(const TranscriptEntryReader &entry, bool isCall)
{
    const auto data = entry.child("data"_L1, true);
    if (!data)
        return std::nullopt;
    const auto id = data->string("id"_L1, false);
    const auto toolName = data->string("name"_L1, true);
    const auto payload = isCall ? data->jsonText("arguments"_L1, false) : data->jsonText("result"_L1, true);
    if (!toolName || (!isCall && !payload))
        return std::nullopt;
    return QJsonObject{{u"id"_s, id.value_or(QString())},
                       {u"name"_s, *toolName},
                       {isCall ? u"arguments"_s : u"result"_s, payload.value_or(u"{}"_s)}};
}

} // namespace

QString PipecatFormat::name() const
{
    return u"pipecat"_s;
}

Turns PipecatFormat::parse(const QJsonValue &json, const TranscriptParseOptions &, FieldErrors &errors) const
{
    const auto list = TranscriptList::find(json, kEnclosingPaths);
    if (!list) {
        errors.add(QString(), u"Expected a list of {role, content, start_time?, end_time?} messages, or {messages:[...]}."_s);
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
        if (!role || *role == "system"_L1)
            continue;

        Turn turn;
        if (*role == "assistant"_L1 || *role == "user"_L1) {
            const auto start = reader->number("start_time"_L1, false, u"a number of seconds"_s);
            const auto end = reader->number("end_time"_L1, false, u"a number of seconds"_s);
            if (start && end && *end < *start)
                reader->fail("end_time"_L1, u"Must not be before start_time."_s);
            const auto toolCalls = reader->array("tool_calls"_L1, false);
            const auto content = readContent(*reader, !toolCalls);
            if (content && !(toolCalls && content->isEmpty())) {
                turn.role = *role == "assistant"_L1 ? Turn::Role::MainAgent : Turn::Role::TestingAgent;
                turn.content = *content;
                turn.startTime = start.value_or(0.0);
                turn.endTime = end.value_or(turn.startTime);
                normalizer.add(turn, start.has_value(), end.has_value());
            }
            for (qsizetype c = 0; toolCalls && c < toolCalls->size(); ++c) {
                const auto call = TranscriptEntryReader::item(*toolCalls, c, reader->fieldPath("tool_calls"_L1), errors);
                const auto id = call ? call->string("id"_L1, true) : std::nullopt;
                const auto function = call ? call->child("function"_L1, true) : std::nullopt;
                const auto toolName = function ? function->string("name"_L1, true) : std::nullopt;
                if (!id || !toolName)
                    continue;
                toolNames.insert(*id, *toolName);
                Turn callTurn;
                callTurn.role = Turn::Role::FunctionCall;
                callTurn.data = {{u"id"_s, *id}, {u"name"_s, *toolName},
                                 {u"arguments"_s, function->jsonText("arguments"_L1, false).value_or(u"{}"_s)}};
                normalizer.add(callTurn, false, false);
            }
        } else if (*role == "tool_call"_L1 || *role == "tool_call_result"_L1) {
            const bool isCall = *role == "tool_call"_L1;
            const auto data = readToolData(*reader, isCall);
            if (!data)
                continue;
            turn.role = isCall ? Turn::Role::FunctionCall : Turn::Role::FunctionCallResult;
            turn.data = *data;
            normalizer.add(turn, false, false);
        } else if (*role == "tool"_L1) {
            const auto id = reader->string("tool_call_id"_L1, true);
            const auto content = readContent(*reader, false);
            if (!id)
                continue;
            if (!toolNames.contains(*id)) {
                reader->fail("tool_call_id"_L1, u"No earlier assistant tool_calls entry has the id \"%1\"."_s.arg(*id));
                continue;
            }
            turn.role = Turn::Role::FunctionCallResult;
            turn.data = {{u"id"_s, *id}, {u"name"_s, toolNames.value(*id)}, {u"result"_s, content.value_or(QString())}};
            normalizer.add(turn, false, false);
        } else {
            reader->fail("role"_L1, u"\"%1\" is not a Pipecat role; expected user, assistant, system, tool_call or "
                                    "tool_call_result."_s.arg(*role));
        }
    }
    if (errors.count() != errorsBefore)
        return {};
    return normalizer.finish();
}

int PipecatFormat::resemblance(const QJsonValue &json) const
{
    const auto list = TranscriptList::find(json, kEnclosingPaths);
    if (!list)
        return 0;
    const int share = list->percentMatching(looksLikePipecatEntry);
    // A list without times or tools is just OpenAI chat; say so with a lower score.
    bool distinctive = false;
    for (const QJsonValue &entry : list->entries) {
        const QJsonObject object = entry.toObject();
        distinctive = distinctive || object.contains("start_time"_L1) || object.contains("data"_L1);
    }
    return distinctive ? share : share * 7 / 10;
}
