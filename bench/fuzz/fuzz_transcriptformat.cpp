// libFuzzer target for one transcript parser, chosen at compile time with
// -DFUZZ_FORMAT="vapi" (run-fuzz.sh builds one binary per format). Beyond crashes and
// sanitizer reports, it aborts when a parse that reported no errors breaks the turn
// invariants every consumer relies on: end >= start >= 0 and turns sorted by start, and
// the same for each turn's words.

#include "formats/transcriptformat.h"
#include "formats/transcriptformats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (document.isNull())
        return 0;
    const QJsonValue json = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    const TranscriptFormat *format = TranscriptFormats::find(QStringLiteral(FUZZ_FORMAT));
    if (!format)
        std::abort();

    const int score = format->resemblance(json);
    if (score < 0 || score > 100)
        std::abort();
    TranscriptParseOptions options;
    options.mainAgentChannelIndex = int(size % 2);
    FieldErrors errors;
    const Turns turns = format->parse(json, options, errors);
    if (!errors.isEmpty() && !turns.isEmpty())
        std::abort();
    for (qsizetype i = 0; i < turns.size(); ++i) {
        const Turn &turn = turns.at(i);
        if (!(turn.startTime >= 0) || !(turn.endTime >= turn.startTime))
            std::abort();
        if (i > 0 && turns.at(i - 1).startTime > turn.startTime)
            std::abort();
        for (qsizetype w = 0; w < turn.words.size(); ++w) {
            const TimedWord &word = turn.words.at(w);
            if (!(word.startTime >= 0) || !(word.endTime >= word.startTime))
                std::abort();
            if (w > 0 && turn.words.at(w - 1).startTime > word.startTime)
                std::abort();
        }
    }
    return 0;
}
