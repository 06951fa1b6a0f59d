#pragma once

#include <QString>

class CallReader;

// A CallReader per (thread, database), created on first use and closed when the thread
// ends. Lets pool threads (listener handlers, pipeline continuations) read without
// opening a connection per request, and without sharing a connection across threads,
// which Qt SQL forbids.
namespace ThreadReader {
CallReader &forDatabase(const QString &databasePath);
}
