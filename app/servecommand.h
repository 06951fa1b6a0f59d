#pragma once

#include "command.h"

// `callscope serve`: the observe API listener without a window. Logs one line per
// request to stdout (never the API key), downloads voice_recording_url recordings in
// the background, and on SIGINT/SIGTERM stops accepting, lets requests in flight finish
// and commits everything before exiting 0.
class ServeCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("serve"); }
    QString summary() const override { return QStringLiteral("run the Cekura observe API on localhost (headless)"); }
    int run(const QStringList &arguments, const QString &databasePath) override;
};
