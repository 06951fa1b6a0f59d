#pragma once

#include <QString>

#include <optional>

// Where an audio-only call is in local transcription (the queue persisted on the call):
// queued (waiting, or interrupted by a restart), transcribing, done, or failed (the call's
// error_message says why).
enum class TranscriptionStatus { Queued, Transcribing, Done, Failed };

struct TranscriptionState
{
    TranscriptionStatus status = TranscriptionStatus::Queued;
    double progress = 0.0;   // 0 to 1, while transcribing

    bool isPending() const { return status == TranscriptionStatus::Queued || status == TranscriptionStatus::Transcribing; }
    // "queued", "transcribing", "done", "failed": the database's and the API's names.
    static QString name(TranscriptionStatus status);
    static std::optional<TranscriptionStatus> fromName(const QString &name);
    // What a call's error_message says while it waits or is transcribed: "transcription
    // pending", "transcribing: 42 %".
    QString pendingMessage() const;

    bool operator==(const TranscriptionState &) const = default;
};
