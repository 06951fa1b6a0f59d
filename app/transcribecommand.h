#pragma once

#include "command.h"

// `callscope transcribe ID…|--pending`: transcribes audio-only calls now and waits for
// their transcripts. IDs are queued again whatever their state ("transcribe again");
// --pending works through what is queued (what a killed run left, say). An ID is a
// database id or a sender's call_id.
class TranscribeCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("transcribe"); }
    QString summary() const override { return QStringLiteral("transcribe audio-only calls and wait for their transcripts"); }
    int run(const QStringList &arguments, const QString &databasePath) override;
};
