#pragma once

#include <QString>

// A recording download the store keeps until CallStore::setRecording() records its outcome.
struct PendingRecordingFetch
{
    qint64 callDbId = 0;
    QString url;
};
