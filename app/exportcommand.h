#pragma once

#include "command.h"

// `callscope export --format jsonl|csv [--out FILE]`: every stored call as observe
// bodies that `callscope import` reads back into the same calls.
class ExportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override { return QStringLiteral("export calls as JSON Lines or CSV (re-importable)"); }
    int run(const QStringList &arguments, const QString &databasePath) override;
};
