#pragma once

#include "command.h"

// `callscope export --format jsonl|csv [--out FILE] [--redact K,… [--with-recordings]]`:
// every stored call as observe bodies that `callscope import` reads back into the same
// calls; with --redact the chosen kinds removed, as File › Export Redacted… does (and its
// recordings, redacted, in FILE.recordings/ with --with-recordings; left out without).
class ExportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override { return QStringLiteral("export calls as JSON Lines or CSV (re-importable)"); }
    int run(const QStringList &arguments, const QString &databasePath) override;
};
