#pragma once

#include "command.h"

// `callscope review ID|CALL_ID [--status S] [--reviewed yes|no] [--feedback F] [--as NAME]`:
// a reviewer's verdict from the terminal, through the store's one review operation
// (the same as PATCH and the desktop app). Prints each field that changed.
class ReviewCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("review"); }
    QString summary() const override { return QStringLiteral("set a call's status, is_reviewed or feedback"); }
    int run(const QStringList &arguments, const QString &databasePath) override;
};
