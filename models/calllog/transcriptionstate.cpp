#include "transcriptionstate.h"

#include <cmath>

QString TranscriptionState::name(TranscriptionStatus status)
{
    switch (status) {
    case TranscriptionStatus::Queued: return QStringLiteral("queued");
    case TranscriptionStatus::Transcribing: return QStringLiteral("transcribing");
    case TranscriptionStatus::Done: return QStringLiteral("done");
    case TranscriptionStatus::Failed: return QStringLiteral("failed");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<TranscriptionStatus> TranscriptionState::fromName(const QString &name)
{
    for (TranscriptionStatus status : {TranscriptionStatus::Queued, TranscriptionStatus::Transcribing,
                                       TranscriptionStatus::Done, TranscriptionStatus::Failed}) {
        if (TranscriptionState::name(status) == name)
            return status;
    }
    return std::nullopt;
}

QString TranscriptionState::pendingMessage() const
{
    if (status == TranscriptionStatus::Transcribing)
        return QStringLiteral("transcribing: %1 %").arg(int(std::floor(progress * 100)));
    return QStringLiteral("transcription pending");
}
