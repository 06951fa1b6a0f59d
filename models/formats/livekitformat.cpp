#include "livekitformat.h"

#include "relativeclock.h"
#include "transcriptentryreader.h"
#include "transcriptlist.h"
#include "turnnormalizer.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace {

const QStringList kEnclosingPaths{u"items"_s, u"history.items"_s, u"transcript"_s};

bool looksLikeLivekitEntry(const QJsonObject &entry)
{
    const QString type = entry.value("type"_L1).toString();
    if (entry.contains("created_at"_L1) && (type == "message"_L1 || type.startsWith("function_call"_L1)))
        return true;
    const QString role = entry.value("role"_L1).toString();
    return entry.contains("timestamp"_L1) && entry.contains("content"_L1)
        && (role == "assistant"_L1 || role == "user"_L1 || role == "system"_L1);
}

// Message content: a string, or ChatContext's list whose strings are joined (images
// and audio parts carry no text).
std::optional<QString> readContent(const TranscriptEntryReader &entry)
{
    const QJsonValue content = entry.object().value("content"_L1);
    if (content.isString())
        return content.toString();
    if (!content.isArray()) {
        entry.fail("content"_L1, content.isUndefined() || content.isNull()
                                     ? u"This field is required."_s
                                     : u"Must be a string or a list of strings."_s);
        return std::nullopt;
    }
    QStringList parts;
    for (const QJsonValue &part : content.toArray()) {
        if (part.isString() && !part.toString().trimmed().isEmpty())
            parts.append(part.toString().trimmed());
    }
    return parts.join(u' ');
}

} // namespace

QString LivekitFormat::name() const
{
    return u"livekit"_s;
}

Turns LivekitFormat::parse(const QJsonValue &json, const TranscriptParseOptions &, FieldErrors &errors) const
{
    const auto list = TranscriptList::find(json, kEnclosingPaths);
    if (!list) {
        errors.add(QString(), u"Expected a list of {role, content, timestamp} turns, or a LiveKit chat history "
                               "{items:[...]}."_s);
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
        const QLatin1String timeKey = reader->has("created_at"_L1) ? "created_at"_L1 : "timestamp"_L1;
        std::optional<double> start = reader->number(timeKey, false, u"a number (seconds from the start, or epoch seconds)"_s);
        if (start) {
            start = clock.seconds(*start);
            if (!start)
                reader->fail(timeKey, u"Is earlier than the first entry's time."_s);
        }
        const QString type = reader->object().value("type"_L1).toString(u"message"_s);

        Turn turn;
        turn.startTime = start.value_or(0.0);
        turn.endTime = turn.startTime;
        if (type == "message"_L1) {
            const auto role = reader->string("role"_L1, true);
            if (!role || *role == "system"_L1 || *role == "developer"_L1)
                continue;
            if (*role != "assistant"_L1 && *role != "user"_L1) {
                reader->fail("role"_L1, u"\"%1\" is not a LiveKit role; expected assistant or user."_s.arg(*role));
                continue;
            }
            const auto content = readContent(*reader);
            if (!content)
                continue;
            turn.role = *role == "assistant"_L1 ? Turn::Role::MainAgent : Turn::Role::TestingAgent;
            turn.content = *content;
            normalizer.add(turn, start.has_value(), false);
        } else if (type == "function_call"_L1) {
            const auto id = reader->string("call_id"_L1, true);
            const auto toolName = reader->string("name"_L1, true);
            const auto arguments = reader->jsonText("arguments"_L1, false);
            if (!id || !toolName)
                continue;
            toolNames.insert(*id, *toolName);
            turn.role = Turn::Role::FunctionCall;
            turn.data = {{u"id"_s, *id}, {u"name"_s, *toolName}, {u"arguments"_s, arguments.value_or(u"{}"_s)}};
            normalizer.add(turn, start.has_value(), start.has_value());
        } else if (type == "function_call_output"_L1) {
            const auto id = reader->string("call_id"_L1, true);
            const auto output = reader->jsonText("output"_L1, false);
            const QString toolName = reader->object().value("name"_L1).toString(id ? toolNames.value(*id) : QString());
            if (!id)
                continue;
            if (toolName.isEmpty()) {
                reader->fail("name"_L1, u"This field is required: no earlier function_call has the call_id \"%1\"."_s.arg(*id));
                continue;
            }
            turn.role = Turn::Role::FunctionCallResult;
            turn.data = {{u"id"_s, *id}, {u"name"_s, toolName}, {u"result"_s, output.value_or(QString())}};
            normalizer.add(turn, start.has_value(), start.has_value());
        }
        // Other item types (agent_handoff, ...) mark no speech and no tool use.
    }
    if (errors.count() != errorsBefore)
        return {};
    return normalizer.finish();
}

int LivekitFormat::resemblance(const QJsonValue &json) const
{
    const auto list = TranscriptList::find(json, kEnclosingPaths);
    if (!list)
        return 0;
    const int share = list->percentMatching(looksLikeLivekitEntry);
    // A bare `transcript` key says little about who produced it.
    return list->path == "transcript"_L1 ? share * 8 / 10 : share;
}
