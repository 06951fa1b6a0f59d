#include "transcriptformats.h"

#include "cekuraformat.h"

#include <array>

namespace TranscriptFormats {

namespace {

// Parsers are stateless; one static instance of each serves every thread.
const std::array<const TranscriptFormat *, 2> &implemented()
{
    static const CekuraFormat cekura(QStringLiteral("cekura"));
    static const CekuraFormat vocera(QStringLiteral("vocera"));
    static const std::array<const TranscriptFormat *, 2> formats{&cekura, &vocera};
    return formats;
}

} // namespace

QStringList allNames()
{
    return {QStringLiteral("cekura"), QStringLiteral("vocera"), QStringLiteral("vapi"),
            QStringLiteral("retell"), QStringLiteral("deepgram"), QStringLiteral("pipecat"),
            QStringLiteral("livekit"), QStringLiteral("elevenlabs"), QStringLiteral("none-mono")};
}

const TranscriptFormat *find(const QString &name)
{
    for (const TranscriptFormat *format : implemented()) {
        if (format->name() == name)
            return format;
    }
    return nullptr;
}

QString guess(const QJsonValue &json, const QString &except)
{
    QString best;
    int bestScore = 0;
    for (const TranscriptFormat *format : implemented()) {
        if (format->name() == except)
            continue;
        const int score = format->resemblance(json);
        if (score > bestScore) {
            bestScore = score;
            best = format->name();
        }
    }
    return best;
}

} // namespace TranscriptFormats
