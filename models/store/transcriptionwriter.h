#pragma once

#include "calllog/transcriptionstate.h"

#include <QList>
#include <QSqlDatabase>

// The writer thread's SQL for the transcription queue kept on the calls of audio-only
// calls (calls.transcription, transcription_progress, error_message), inside the
// transaction WriteSession opened. Each step moves a call only from the state it expects:
// a call posted anew meanwhile (queued again) is not claimed, failed or finished by the
// transcription of its old content. Throws StoreError when a statement fails.
class TranscriptionWriter
{
    Q_DISABLE_COPY_MOVE(TranscriptionWriter)

public:
    explicit TranscriptionWriter(const QSqlDatabase &db);

    // Queues the audio-only calls among `callDbIds` (again, whatever their state); returns
    // those it queued.
    QList<qint64> queue(const QList<qint64> &callDbIds, qint64 nowMs);
    // After a restart: what was being transcribed is queued again.
    int requeueInterrupted(qint64 nowMs);
    // queued → transcribing. False when the call is not queued (any more).
    bool claim(qint64 callDbId, qint64 nowMs);
    // transcribing → transcribing at `progress` (0 to 1).
    bool report(qint64 callDbId, double progress, qint64 nowMs);
    // transcribing → failed, the call's error_message saying `reason`.
    bool fail(qint64 callDbId, const QString &reason, qint64 nowMs);
    // The stereo recording's Main Agent channel as the audio analysis found it; kept only
    // while the request names none.
    bool setDetectedAgentChannel(qint64 callDbId, int channel);

private:
    bool update(const QString &sql, const QVariantList &values);

    QSqlDatabase m_db;
};
