#pragma once

#include "metricresult.h"
#include "reviewevent.h"
#include "reviewstatus.h"
#include "transcriptionstate.h"
#include "turn.h"
#include "turnlabel.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// One call as Callscope keeps it: the fields of an observe request body plus what the
// store adds (id, status, timestamps, metric results). The unit of ingestion and storage.
// A call is identified by its agent key (the Cekura agent id, else the assistant id) and
// its call_id; `id` is 0 until the store has committed it.
struct CallLog
{
    // --- observe request fields ---
    QString callId;
    std::optional<qint64> agent;
    QString assistantId;
    QString traceId;
    QString voiceRecordingUrl;
    QString transcriptType = QStringLiteral("cekura");
    Turns turns;
    QString callEndedReason;
    QString customerNumber;
    QJsonObject metadata;
    QJsonObject dynamicVariables;
    QDateTime timestamp;
    std::optional<QString> feedback;
    QStringList redactFields;
    QList<qint64> metricIds;
    std::optional<int> mainAgentChannelIndex;

    // --- kept by Callscope ---
    qint64 id = 0;
    std::optional<ReviewStatus> status;   // null until evaluated or reviewed
    double durationSeconds = 0.0;
    QString agentName;
    QString errorMessage;                  // e.g. "transcription pending", a recording failure
    QString dropoffPoint;
    QString topic;
    QString recordingPath;                 // local copy, relative to the recordings folder
    // The stereo recording's Main Agent channel as the audio analysis found it, when the
    // request did not name one (main_agent_channel_index).
    std::optional<int> detectedAgentChannel;
    // What redaction removed (redact_fields): how many spans of each kind.
    QMap<RedactionKind, int> redactionCounts;
    // Audio-only calls (none-mono) only: local transcription's progress.
    std::optional<TranscriptionState> transcription;
    QList<MetricResult> metrics;
    QList<ReviewEvent> reviewHistory;      // oldest first; read with a single call's details only
    // The reviewers' turn labels, ordered by turn. Unset: the sender said nothing about
    // them (an upsert keeps what is stored); set, even empty: these are the call's labels.
    std::optional<QList<TurnLabel>> annotations;
    int labelCount = 0;                    // stored labels, read in list rows too
    int failedMetricCount = 0;             // current results that failed, read in list rows too
    QDateTime createdAt;
    QDateTime updatedAt;

    // "agent:12" or "assistant:asst_abc": with call_id, the identity of a call.
    QString agentKey() const;
    // The Main Agent's channel: the request's main_agent_channel_index, else the detected
    // one; and which of the two it is ("request", "detected"; empty when neither).
    std::optional<int> agentChannel() const { return mainAgentChannelIndex ? mainAgentChannelIndex : detectedAgentChannel; }
    QString agentChannelSource() const;
    // Longest end time of the transcript (the duration when no recording says otherwise).
    double transcriptDuration() const;

    // "[MM:SS] Role: text" lines, the API's `transcript` field.
    QString transcriptText() const;
    QJsonArray transcriptJson() const;

    // The API's CallLogList object (201 body and list items).
    QJsonObject toResponseJson() const;
    // CallLogList plus the CallLogDetail fields (GET /call-logs/{id}/).
    QJsonObject toDetailJson() const;
    // An observe request body that re-creates this call (export, replay). Carries status
    // and annotations as Callscope extensions so reviews survive an export/import round trip.
    QJsonObject toObserveJson() const;

    static QString formatDuration(double seconds);   // "MM:SS"
    static QString formatTimestamp(const QDateTime &time);  // ISO 8601 UTC with ms
};
