#pragma once

#include <QList>
#include <QString>

// One spoken word of a turn with its time span, in seconds from the start of the call, as
// the providers that time words (Retell, Deepgram) send them. Lets the transcript
// highlight the word being heard.
struct TimedWord
{
    QString text;
    double startTime = 0.0;
    double endTime = 0.0;

    bool operator==(const TimedWord &other) const = default;
};

using TimedWords = QList<TimedWord>;
