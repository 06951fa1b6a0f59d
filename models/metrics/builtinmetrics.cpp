#include "builtinmetrics.h"

#include "callendmetrics.h"
#include "interruptionmetrics.h"
#include "latencymetrics.h"
#include "repetitiondetector.h"
#include "silencemetrics.h"
#include "speechturns.h"
#include "talktimemetrics.h"
#include "toolcallmetrics.h"

#include <QStringBuilder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The metrics in catalogue order; evaluate() computes each by this id.
enum class Id {
    LatencyMean,
    LatencyP50,
    LatencyP90,
    LatencyMax,
    TimeToFirstAudio,
    InterruptionsByAgent,
    InterruptionsByCaller,
    CallDuration,
    TalkRatio,
    LongestAgentMonologue,
    LongestSilence,
    DeadAirCount,
    WpmAgent,
    WpmCaller,
    AgentTurns,
    CallerTurns,
    ToolCalls,
    ToolCallFailures,
    ToolCallSuccess,
    EndedBy,
    VoicemailDetected,
    InfrastructureIssue,
    RepetitionCount,
};

struct Definition
{
    Id id;
    BuiltinMetricInfo info;
};

const QList<Definition> &definitions()
{
    using enum MetricType;
    const auto metric = [](Id id, const QString &key, const QString &name, MetricType type, const QString &unit,
                           const QString &description, const QStringList &enumValues = {},
                           std::optional<bool> passValue = std::nullopt) {
        return Definition{id, {key, name, type, unit, description, enumValues, passValue}};
    };
    static const QList<Definition> all{
        metric(Id::LatencyMean, u"latency_mean_ms"_s, u"Latency mean"_s, Numeric, u"ms"_s,
               u"How long the agent takes to answer, on average. Each answer is an agent turn whose nearest earlier speech "
               "turn (tool calls skipped) is a caller turn, both timed: the time from the end of the caller's turn to the "
               "start of the agent's. An agent turn that starts before the caller has finished is an overlap, not an "
               "answer. n/a when there are no answers."_s),
        metric(Id::LatencyP50, u"latency_p50_ms"_s, u"Latency p50"_s, Numeric, u"ms"_s,
               u"The median answer time (answers as in Latency mean): half the answers are faster. With an even number of "
               "answers it lies halfway between the two middle ones."_s),
        metric(Id::LatencyP90, u"latency_p90_ms"_s, u"Latency p90"_s, Numeric, u"ms"_s,
               u"The answer time that 90 % of the answers are no slower than (answers as in Latency mean), interpolated "
               "between the two nearest answers: for n sorted answers, at position (n - 1) x 0.9."_s),
        metric(Id::LatencyMax, u"latency_max_ms"_s, u"Latency max"_s, Numeric, u"ms"_s,
               u"The slowest answer time (answers as in Latency mean)."_s),
        metric(Id::TimeToFirstAudio, u"time_to_first_audio_ms"_s, u"Time to first audio"_s, Numeric, u"ms"_s,
               u"When the agent first speaks: the start of the first speech turn, if that is a timed agent turn. n/a when "
               "the caller speaks first or the first speech turn has no times."_s),
        metric(Id::InterruptionsByAgent, u"interruptions_by_agent"_s, u"Interruptions by agent"_s, Numeric, u"count"_s,
               u"Agent turns that start while the caller is speaking and talk over the caller for 0.3 s or more (up to "
               "the end of whichever turn ends first). Backchannels such as \"yeah\" or \"mm-hmm\" do not count; each agent "
               "turn counts once. Only timed turns are compared."_s),
        metric(Id::InterruptionsByCaller, u"interruptions_by_caller"_s, u"Interruptions by caller"_s, Numeric, u"count"_s,
               u"Caller turns that start while the agent is speaking and talk over the agent for 0.3 s or more (up to "
               "the end of whichever turn ends first). Backchannels such as \"yeah\" or \"mm-hmm\" do not count; each caller "
               "turn counts once. Only timed turns are compared."_s),
        metric(Id::CallDuration, u"call_duration_s"_s, u"Call duration"_s, Numeric, u"s"_s,
               u"The length of the recording when it is known, otherwise the latest end of any timed turn. n/a when "
               "nothing is timed."_s),
        metric(Id::TalkRatio, u"talk_ratio"_s, u"Talk ratio"_s, Numeric, u"0-1"_s,
               u"The share of the call the agent speaks: the time covered by its timed turns (overlapping turns counted "
               "once) divided by the call duration."_s),
        metric(Id::LongestAgentMonologue, u"longest_agent_monologue_s"_s, u"Longest agent monologue"_s, Numeric, u"s"_s,
               u"The longest stretch of agent speech. Agent turns are joined, in transcript order, while the pause before "
               "the next one is 2 s or less and no caller turn of 0.5 s or more (other than a backchannel) starts in that "
               "pause."_s),
        metric(Id::LongestSilence, u"longest_silence_s"_s, u"Longest silence"_s, Numeric, u"s"_s,
               u"The longest time nobody speaks, from the start of the call to the end of the last timed speech turn: "
               "silence before the first words counts, silence after the last does not."_s),
        metric(Id::DeadAirCount, u"dead_air_count"_s, u"Dead air"_s, Numeric, u"count"_s,
               u"How many of the silences (as in Longest silence) last 3 s or more."_s),
        metric(Id::WpmAgent, u"wpm_agent"_s, u"Agent words per minute"_s, Numeric, u"words/min"_s,
               u"How fast the agent speaks: its words divided by its speaking time in minutes, over its timed turns of "
               "1 s or more. n/a when it has none."_s),
        metric(Id::WpmCaller, u"wpm_caller"_s, u"Caller words per minute"_s, Numeric, u"words/min"_s,
               u"How fast the caller speaks: their words divided by their speaking time in minutes, over their timed "
               "turns of 1 s or more. n/a when they have none."_s),
        metric(Id::AgentTurns, u"agent_turns"_s, u"Agent turns"_s, Numeric, u"count"_s,
               u"The number of agent turns with text, timed or not."_s),
        metric(Id::CallerTurns, u"caller_turns"_s, u"Caller turns"_s, Numeric, u"count"_s,
               u"The number of caller turns with text, timed or not."_s),
        metric(Id::ToolCalls, u"tool_calls"_s, u"Tool calls"_s, Numeric, u"count"_s,
               u"The number of function calls the agent made."_s),
        metric(Id::ToolCallFailures, u"tool_call_failures"_s, u"Tool call failures"_s, Numeric, u"count"_s,
               u"Function calls whose result reports an error, plus function calls that got no result. A call's result "
               "is the one with its tool-call id, else the next result of the same tool that no other call has taken. A "
               "result is an error when it is a JSON object with a non-empty error or errors, isError true, success or ok "
               "false, or a status or statusCode of 400 or more or \"error\" or \"failed\"; or when its text says error, "
               "exception, failed, timeout, unauthorized, forbidden, not found or invalid."_s),
        metric(Id::ToolCallSuccess, u"tool_call_success"_s, u"Tool call success"_s, Binary, QString(),
               u"Yes when the agent made tool calls and none of them failed (as in Tool call failures), no when one did. "
               "n/a without tool calls."_s,
               {}, true),
        metric(Id::EndedBy, u"ended_by"_s, u"Ended by"_s, Enum, QString(),
               u"Who ended the call, from the provider's end reason: voicemail when it mentions voicemail or a machine; "
               "caller when it mentions the customer, user, caller or testing agent; main_agent when it mentions the "
               "assistant or agent; system for silence, a timeout, an error, a failure, the maximum duration or "
               "\"exceeded\"; otherwise unknown. The first of these that applies wins."_s,
               {u"main_agent"_s, u"caller"_s, u"system"_s, u"voicemail"_s, u"unknown"_s}),
        metric(Id::VoicemailDetected, u"voicemail_detected"_s, u"Voicemail detected"_s, Binary, QString(),
               u"Yes when the call ended on voicemail (as in Ended by), or when a caller turn starting in the first 30 s "
               "(an untimed one among the first three turns) sounds like a voicemail greeting: \"leave a message\", "
               "\"after the tone\", \"not available\", \"can't take your call\", \"voicemail\", \"mailbox\", \"record your "
               "message\"."_s),
        metric(Id::InfrastructureIssue, u"infrastructure_issue"_s, u"Infrastructure issue"_s, Binary, QString(),
               u"Yes when the agent leaves a timed caller turn unanswered: no agent turn starts within 10 s of its end, "
               "although the call goes on for longer than those 10 s."_s,
               {}, false),
        metric(Id::RepetitionCount, u"repetition_count"_s, u"Repetitions"_s, Numeric, u"count"_s,
               u"Agent turns of 5 words or more that say nearly the same as an earlier agent turn: at least 80 % of their "
               "three-word sequences shared (Jaccard similarity, ignoring case). A repetition the caller has just asked "
               "for (\"repeat\", \"say that again\", \"sorry?\", \"what?\", \"didn't hear\", \"didn't catch\") does "
               "not count."_s),
    };
    return all;
}

MetricOutcome speechTurnCount(const SpeechTurns &speech, Turn::Role role)
{
    int count = 0;
    int untimed = 0;
    for (int i = 0; i < speech.size(); ++i) {
        if (speech.isSpeech(i) && speech.turn(i).role == role) {
            ++count;
            untimed += speech.isTimed(i) ? 0 : 1;
        }
    }
    const QString party = role == Turn::Role::MainAgent ? u"agent"_s : u"caller"_s;
    const QString counted = QString::number(count) % u' ' % party % u" turn(s) with text"_s;
    if (untimed == 0)
        return MetricOutcome::of(double(count), {counted % u'.'});
    return MetricOutcome::of(double(count), {counted % u", "_s % QString::number(untimed) % u" of them untimed."_s});
}

// METRICS.md "Audio mode": the metrics the speech runs replace the turn intervals of.
bool isMeasuredOnRecording(Id id)
{
    switch (id) {
    case Id::LatencyMean:
    case Id::LatencyP50:
    case Id::LatencyP90:
    case Id::LatencyMax:
    case Id::InterruptionsByAgent:
    case Id::InterruptionsByCaller:
    case Id::TalkRatio:
    case Id::LongestAgentMonologue:
    case Id::LongestSilence:
    case Id::DeadAirCount:
    case Id::InfrastructureIssue:
        return true;
    default:
        return false;
    }
}

// The first line of an audio-mode explanation: where its speech was heard.
QString recordingNote(const PartySpeech &speech)
{
    const QString channel = QString::number(speech.agentChannel + 1);
    const QString why = speech.channelSource == PartySpeech::ChannelSource::Request
        ? u"as the request says"_s
        : u"detected"_s;
    return u"Measured on the recording's speech: the agent on channel "_s % channel % u" ("_s % why
           % u"), the caller on the other."_s;
}

} // namespace

const QList<BuiltinMetricInfo> &BuiltinMetrics::catalogue()
{
    static const QList<BuiltinMetricInfo> infos = [] {
        QList<BuiltinMetricInfo> list;
        for (const Definition &definition : definitions())
            list.append(definition.info);
        return list;
    }();
    return infos;
}

const BuiltinMetricInfo *BuiltinMetrics::find(QStringView key)
{
    const QList<BuiltinMetricInfo> &all = catalogue();
    const auto found = std::find_if(all.begin(), all.end(), [key](const BuiltinMetricInfo &info) { return info.key == key; });
    return found == all.end() ? nullptr : &*found;
}

BuiltinMetricResults BuiltinMetrics::evaluate(const BuiltinMetricInput &input)
{
    const SpeechTurns speech(input.turns);
    // What the time-based metrics measure: the recording's speech runs where known.
    const std::optional<SpeechTurns> heard = input.recordedSpeech
        ? std::optional<SpeechTurns>(SpeechTurns::fromRecording(*input.recordedSpeech, input.turns))
        : std::nullopt;
    const SpeechTurns &timing = heard ? *heard : speech;
    const LatencyMetrics latency(timing);
    const InterruptionMetrics interruptions(timing);
    const TalkTimeMetrics talkTime(speech, input.recordingDurationS);
    const TalkTimeMetrics timedTalk(timing, input.recordingDurationS);
    const SilenceMetrics silence(timing, talkTime.callDurationSeconds());
    const ToolCallMetrics toolCalls(input.turns);
    const CallEndMetrics callEnd(speech, input.callEndedReason);
    const RepetitionDetector repetitions(speech);

    const auto outcome = [&](Id id) -> MetricOutcome {
        switch (id) {
        case Id::LatencyMean: return latency.mean();
        case Id::LatencyP50: return latency.percentile(0.5);
        case Id::LatencyP90: return latency.percentile(0.9);
        case Id::LatencyMax: return latency.max();
        case Id::TimeToFirstAudio: return LatencyMetrics::timeToFirstAudio(speech);
        case Id::InterruptionsByAgent: return interruptions.byAgent();
        case Id::InterruptionsByCaller: return interruptions.byCaller();
        case Id::CallDuration: return talkTime.callDuration();
        case Id::TalkRatio: return timedTalk.talkRatio();
        case Id::LongestAgentMonologue: return timedTalk.longestAgentMonologue();
        case Id::LongestSilence: return silence.longestSilence();
        case Id::DeadAirCount: return silence.deadAirCount();
        case Id::WpmAgent: return talkTime.wordsPerMinute(Turn::Role::MainAgent);
        case Id::WpmCaller: return talkTime.wordsPerMinute(Turn::Role::TestingAgent);
        case Id::AgentTurns: return speechTurnCount(speech, Turn::Role::MainAgent);
        case Id::CallerTurns: return speechTurnCount(speech, Turn::Role::TestingAgent);
        case Id::ToolCalls: return toolCalls.toolCalls();
        case Id::ToolCallFailures: return toolCalls.failures();
        case Id::ToolCallSuccess: return toolCalls.success();
        case Id::EndedBy: return callEnd.endedBy();
        case Id::VoicemailDetected: return callEnd.voicemailDetected();
        case Id::InfrastructureIssue: return silence.infrastructureIssue();
        case Id::RepetitionCount: return repetitions.repetitionCount();
        }
        Q_UNREACHABLE();
        return {};
    };

    const QString heardFrom = heard ? recordingNote(*input.recordedSpeech) : QString();
    BuiltinMetricResults results;
    results.reserve(definitions().size());
    for (const Definition &definition : definitions()) {
        MetricOutcome result = outcome(definition.id);
        if (heard && isMeasuredOnRecording(definition.id)) {
            result.source = u"audio"_s;
            result.explanation.append(heardFrom);   // after the finding, which a list shows first
        }
        results.append({definition.info.key, std::move(result)});
    }
    return results;
}
