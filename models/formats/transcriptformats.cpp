#include "transcriptformats.h"

#include "cekuraformat.h"
#include "deepgramformat.h"
#include "elevenlabsformat.h"
#include "livekitformat.h"
#include "pipecatformat.h"
#include "retellformat.h"
#include "vapiformat.h"

#include <array>

namespace TranscriptFormats {

namespace {

// Parsers are stateless; one static instance of each serves every thread. none-mono has
// no parser: it means "no transcript", which the validator handles.
const std::array<const TranscriptFormat *, 8> &implemented()
{
    static const CekuraFormat cekura(QStringLiteral("cekura"));
    static const CekuraFormat vocera(QStringLiteral("vocera"));
    static const VapiFormat vapi;
    static const RetellFormat retell;
    static const DeepgramFormat deepgram;
    static const PipecatFormat pipecat;
    static const LivekitFormat livekit;
    static const ElevenLabsFormat elevenlabs;
    static const std::array<const TranscriptFormat *, 8> formats{&cekura, &vocera, &vapi, &retell,
                                                                 &deepgram, &pipecat, &livekit, &elevenlabs};
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
