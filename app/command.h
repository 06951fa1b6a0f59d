#pragma once

#include <QString>
#include <QStringList>

// One sub-command of the `callscope` executable (import, list, show, export, serve).
// Each parses its own options with QCommandLineParser; `--db` has already been taken
// out of the arguments by main() so it works before or after the sub-command name.
class Command
{
public:
    virtual ~Command() = default;

    virtual QString name() const = 0;
    // One line for `callscope --help`.
    virtual QString summary() const = 0;
    // `arguments` starts with the sub-command name (QCommandLineParser's convention).
    // Returns the process exit code.
    virtual int run(const QStringList &arguments, const QString &databasePath) = 0;
};
