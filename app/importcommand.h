#pragma once

#include "command.h"

// `callscope import PATH...`: files and folders of observe bodies into the database.
// Reports each rejected record (location, field, message), a progress line for long
// imports, and a summary; exits 0 only when nothing was rejected.
class ImportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override { return QStringLiteral("import call logs from JSON, JSON Lines or CSV files and folders"); }
    int run(const QStringList &arguments, const QString &databasePath) override;
};
