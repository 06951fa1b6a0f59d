#pragma once

#include "calllog/calllog.h"
#include "calllog/fielderrors.h"
#include "calllog/reviewevent.h"
#include "calllog/reviewstatus.h"
#include "calllog/turnlabel.h"

#include <QList>
#include <QString>

#include <optional>

// A reviewer's change to one call (UI, PATCH, `callscope review`): its status, feedback,
// is_reviewed and turn labels, and optionally new content (the call with patched transcript or
// fields). CallStore::review() writes all of it and the review events in one transaction.
struct ReviewChange
{
    qint64 callDbId = 0;
    std::optional<ReviewStatus> status;     // unset: keep
    // True takes the call back to no status (an undone first verdict); `status` and
    // `reviewed` must then be unset.
    bool clearStatus = false;
    std::optional<QString> feedback;        // unset: keep; empty: clear
    // is_reviewed: true turns success/failure into reviewed_success/reviewed_failure,
    // false turns them back. Needs a verdict (the call's, or `status`); false contradicts
    // a reviewed_* status.
    std::optional<bool> reviewed;
    // The whole call as it should be stored, same agent and call_id. Its status,
    // feedback and annotations are ignored: those change only through their own fields.
    std::optional<CallLog> content;
    // The call's turn labels as they should be (unset: keep): one review event per label
    // added or removed.
    std::optional<QList<TurnLabel>> annotations;
    // Set by a redaction (`callscope redact`): the call's review history with its values
    // redacted, written over the stored events of the same ids. Feedback and labels then
    // change with no review event of their own, which would keep the values redacted away.
    std::optional<QList<ReviewEvent>> redactedHistory;
    QString source;                         // who makes it: "ui", "api", "cli", a user name
};

// What CallStore::review() did. Refused and NotFound wrote nothing.
struct ReviewOutcome
{
    enum class Result { Applied, NotFound, Refused, Failed };

    Result result = Result::Failed;
    FieldErrors errors;             // Refused: the field and why ("is_reviewed": ...)
    QString error;                  // Failed: the store's message
    QList<ReviewEvent> events;      // Applied: the history entries written (none: nothing changed)
    // Applied, and the call's labels changed: its labels before (what an undo restores).
    std::optional<QList<TurnLabel>> previousAnnotations;

    bool applied() const { return result == Result::Applied; }
};
