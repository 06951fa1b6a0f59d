#pragma once

#include "audio/partyspeech.h"
#include "calllog/turn.h"
#include "metricoutcome.h"
#include "metrictype.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

// What the user and the API see of one built-in metric.
struct BuiltinMetricInfo
{
    QString key;           // stable: never translated, never renamed
    QString name;          // display name: "Latency p90"
    MetricType type = MetricType::Numeric;
    QString unit;          // "ms", "s", "count", "0-1", "words/min" or empty
    QString description;   // the definition in plain English
    QStringList enumValues;   // enum metrics only
    // Binary metrics: the value that is a pass; unset when the result only informs.
    std::optional<bool> passValue;
    int version = 1;       // raised whenever the definition changes, so older stored results show as such
};

// What the built-in metrics are computed from: one call.
struct BuiltinMetricInput
{
    Turns turns;
    std::optional<double> recordingDurationS;   // the recording's length, when known
    QString callEndedReason;                    // the provider's call_ended_reason, empty when absent
    // The stereo recording's speech per party, when it has been analysed: the time-based
    // metrics are then computed from it (METRICS.md "Audio mode", source "audio").
    std::optional<PartySpeech> recordedSpeech;
};

using BuiltinMetricResults = QList<std::pair<QString, MetricOutcome>>;

// The metrics every call gets without an LLM, computed from its turns as the design's
// METRICS.md ("Transcript mode") defines them, the time-based ones from the recording's
// speech runs where they are given ("Audio mode"). evaluate() takes some 15 µs for a call of 20
// turns and may run on several threads at once.
class BuiltinMetrics
{
public:
    // Every built-in metric, in METRICS.md's order.
    static const QList<BuiltinMetricInfo> &catalogue();
    // The metric with this key, nullptr when there is none.
    static const BuiltinMetricInfo *find(QStringView key);
    // (key, outcome) for every metric of the catalogue, in its order.
    static BuiltinMetricResults evaluate(const BuiltinMetricInput &input);
};
