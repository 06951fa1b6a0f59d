#pragma once

#include "calllog/reviewstatus.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

class CallReader;
class CallStore;
struct CallLog;

// What every sub-command shares: the terminal streams, option parsing with readable
// errors and --help, and opening the database with a clear message when that fails.
namespace CommandLine {

QTextStream &out();
QTextStream &err();

// Parses `arguments` (starting with the command name). Returns an exit code when the
// command must stop here (0 after --help, 2 after a usage error), nothing to go on.
std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments, const QString &description);

std::unique_ptr<CallStore> openStore(const QString &databasePath);

// The call a user names by its database id or the sender's call_id. A number is tried
// as the database id first, since a call_id may be numeric too.
std::optional<CallLog> findCall(const CallReader &reader, const QString &idOrCallId);

// A --status value: the status, or nothing after saying on stderr which values are valid.
std::optional<ReviewStatus> parseStatus(const QString &command, const QString &value);

} // namespace CommandLine
