#pragma once

#include "calllog/reviewstatus.h"
#include "store/storelookup.h"

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
// errors and --help, opening the database with a clear message when that fails, and
// the exit codes.
namespace CommandLine {

// 1: the command could not do what was asked (no such call, a rejected record, a
// failed write); 2: a usage error; 3: the database could not be opened or read, so
// whether the call exists is unknown.
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitStoreUnreadable = 3;

QTextStream &out();
QTextStream &err();

// Parses `arguments` (starting with the command name). Returns an exit code when the
// command must stop here (0 after --help, 2 after a usage error), nothing to go on.
std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments, const QString &description);

std::unique_ptr<CallStore> openStore(const QString &databasePath);

// The call a user names by its database id or the sender's call_id. A number is tried
// as the database id first, since a call_id may be numeric too.
StoreLookup<CallLog> findCall(const CallReader &reader, const QString &idOrCallId);

// Says on stderr that `command` could not read the database, and why; returns
// kExitStoreUnreadable.
int storeUnreadable(const QString &command, const QString &error);

// A --status value: the status, or nothing after saying on stderr which values are valid.
std::optional<ReviewStatus> parseStatus(const QString &command, const QString &value);

// A comma-separated list of redact_fields kinds (`option` is "--fields", "--redact", ...): their
// names, or nothing after saying on stderr which name is not a kind.
std::optional<QStringList> parseRedactionKinds(const QString &command, const QString &option, const QString &value);

} // namespace CommandLine
