#pragma once

#include "command.h"

// `callscope metrics [list | show KEY | add KEY … | edit KEY … | remove KEY | enable KEY |
// disable KEY]`: the metric definitions. Built-ins come with Callscope (enable and
// disable only); a rule metric is a phrase or regular expression that must (not) occur,
// optionally in one role's turns or the first/last N, or a bound on a built-in
// ("latency_p90_ms < 1500"); an LLM-judge metric is a prompt for the configured judge.
class MetricsCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("metrics"); }
    QString summary() const override { return QStringLiteral("list, add, edit, remove, enable or disable metrics"); }
    int run(const QStringList &arguments, const QString &databasePath) override;
};
