#pragma once

#include <QString>

#include <functional>

class WriteSession;

// One queued write request of the CallStore. The writer runs `execute` inside a group
// transaction (it may run again, alone, if that transaction failed), and calls exactly
// one of `succeed` (after COMMIT) or `fail` (after ROLLBACK) once.
struct WriteJob
{
    int weight = 1;                                     // calls it writes (batch cap)
    // Background work (metric results) takes what room foreground work (ingest, reviews)
    // leaves in each group commit, so that evaluating does not slow the listener down.
    bool background = false;
    // Optional, before any job of the batch executes: note calls whose committed turns
    // this job will change, so the FTS index is updated once for the whole batch.
    std::function<void(WriteSession &)> noteTurnChanges;
    std::function<void(WriteSession &)> execute;        // throws StoreError
    std::function<void()> succeed;
    std::function<void(const QString &error)> fail;
};
