#include "audioredactor.h"

#include "audio/audiodecoder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

namespace {

struct SndfileCloser
{
    void operator()(SNDFILE *file) const { sf_close(file); }
};
using SndfilePtr = std::unique_ptr<SNDFILE, SndfileCloser>;

// The container and sample width the redacted file is written in, and its file extension.
struct OutputFormat
{
    int format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    QString suffix = QStringLiteral("wav");
};

// WAV and FLAC stay what they are (24-bit too, so no precision is lost); whatever else
// libsndfile cannot write as it was becomes a 16-bit WAV.
OutputFormat outputFormatFor(const QString &path)
{
    OutputFormat output;
    SF_INFO info{};
    const SndfilePtr probe(sf_open(QFile::encodeName(path).constData(), SFM_READ, &info));
    if (!probe)
        return output;
    const int major = info.format & SF_FORMAT_TYPEMASK;
    const int width = (info.format & SF_FORMAT_SUBMASK) == SF_FORMAT_PCM_24 ? SF_FORMAT_PCM_24 : SF_FORMAT_PCM_16;
    if (major == SF_FORMAT_FLAC) {
        output.format = SF_FORMAT_FLAC | width;
        output.suffix = QStringLiteral("flac");
    } else if (major == SF_FORMAT_WAV || major == SF_FORMAT_WAVEX) {
        output.format = SF_FORMAT_WAV | width;
    }
    return output;
}

// Where the redacted file goes: over the original when the extension fits its format,
// else the same name with the right extension, never over another file of the folder.
QString outputPathFor(const QFileInfo &original, const QString &suffix)
{
    if (original.suffix().compare(suffix, Qt::CaseInsensitive) == 0)
        return original.absoluteFilePath();
    const QDir dir = original.absoluteDir();
    const QString base = original.completeBaseName();
    QString candidate = dir.filePath(base + QLatin1Char('.') + suffix);
    for (int attempt = 1; QFileInfo::exists(candidate); ++attempt) {
        const QString tag = attempt == 1 ? QStringLiteral(".redacted") : QStringLiteral(".redacted-%1").arg(attempt);
        candidate = dir.filePath(base + tag + QLatin1Char('.') + suffix);
    }
    return candidate;
}

// A replaced stretch in frames: [begin, end) is all fill; `fade` frames on either side ramp into it.
struct FrameSpan
{
    qint64 begin = 0;
    qint64 end = 0;
};

// Replaces the covered frames of decoded chunks and turns them into the 32-bit integers
// libsndfile narrows to the file's width by shifting, so untouched samples keep their value.
class ChunkFiller
{
public:
    ChunkFiller(const AudioSpans &coverage, const AudioRedactor::Settings &settings, int rate, int channels)
        : m_fill(settings.fill)
        , m_rate(rate)
        , m_channels(channels)
        , m_fade(std::max<qint64>(1, std::llround(settings.fade * rate)))
    {
        for (const AudioSpan &span : coverage)
            m_spans.push_back({qint64(std::floor(span.start * rate)), qint64(std::ceil(span.end * rate))});
    }

    const std::vector<int> &fill(const float *interleaved, qint64 frames)
    {
        m_floats.assign(interleaved, interleaved + frames * m_channels);
        m_samples.resize(m_floats.size());
        const qint64 chunkBegin = m_position;
        const qint64 chunkEnd = m_position + frames;
        while (m_next < m_spans.size() && m_spans[m_next].end + m_fade <= chunkBegin)
            ++m_next;
        for (std::size_t i = m_next; i < m_spans.size() && m_spans[i].begin - m_fade < chunkEnd; ++i) {
            const FrameSpan &span = m_spans[i];
            const qint64 from = std::max(chunkBegin, span.begin - m_fade);
            const qint64 to = std::min(chunkEnd, span.end + m_fade);
            for (qint64 frame = from; frame < to; ++frame) {
                const double weight = this->weight(span, frame);
                const double fill = this->fillSample(frame);
                float *samples = m_floats.data() + (frame - chunkBegin) * m_channels;
                for (int channel = 0; channel < m_channels; ++channel)
                    samples[channel] = float((1.0 - weight) * samples[channel] + weight * fill);
            }
        }
        for (std::size_t i = 0; i < m_samples.size(); ++i)
            m_samples[i] = toInt(m_floats[i]);
        m_position = chunkEnd;
        return m_samples;
    }

private:
    // 1 inside the span, rising and falling as a raised cosine over the fades beside it.
    double weight(const FrameSpan &span, qint64 frame) const
    {
        double ramp = 1.0;
        if (frame < span.begin)
            ramp = (double(frame - (span.begin - m_fade)) + 0.5) / double(m_fade);
        else if (frame >= span.end)
            ramp = (double(span.end + m_fade - frame) - 0.5) / double(m_fade);
        return ramp >= 1.0 ? 1.0 : 0.5 - 0.5 * std::cos(M_PI * ramp);
    }

    double fillSample(qint64 frame) const
    {
        if (m_fill == AudioRedactor::Fill::Silence)
            return 0.0;
        return AudioRedactor::toneAmplitude * std::sin(2.0 * M_PI * AudioRedactor::toneFrequency * double(frame) / m_rate);
    }

    static int toInt(float sample)
    {
        const double scaled = std::round(double(sample) * 2147483648.0);
        return int(std::clamp(scaled, double(std::numeric_limits<int>::min()), double(std::numeric_limits<int>::max())));
    }

    const AudioRedactor::Fill m_fill;
    const int m_rate;
    const int m_channels;
    const qint64 m_fade;
    std::vector<FrameSpan> m_spans;
    std::size_t m_next = 0;         // the first span that can still reach the next chunk
    qint64 m_position = 0;          // frames handed over so far
    std::vector<float> m_floats;
    std::vector<int> m_samples;
};

} // namespace

AudioRedactor::AudioRedactor(const Settings &settings)
    : m_settings(settings)
{
}

AudioSpans AudioRedactor::coverage(const AudioSpans &spans, double duration) const
{
    AudioSpans padded;
    for (const AudioSpan &span : spans) {
        if (!std::isfinite(span.start) || !std::isfinite(span.end) || span.end < span.start)
            continue;
        const double pad = span.estimated ? m_settings.estimatedPad : m_settings.pad;
        AudioSpan widened{std::max(0.0, span.start - pad), span.end + pad, span.estimated};
        if (duration >= 0)
            widened.end = std::min(widened.end, duration);
        if (widened.end > widened.start)
            padded.append(widened);
    }
    std::sort(padded.begin(), padded.end(), [](const AudioSpan &a, const AudioSpan &b) { return a.start < b.start; });
    AudioSpans merged;
    for (const AudioSpan &span : std::as_const(padded)) {
        if (!merged.isEmpty() && span.start - merged.last().end < m_settings.mergeGap) {
            merged.last().end = std::max(merged.last().end, span.end);
            merged.last().estimated = merged.last().estimated || span.estimated;
        } else {
            merged.append(span);
        }
    }
    return merged;
}

AudioRedactor::Result AudioRedactor::redact(const QString &path, const AudioSpans &spans) const
{
    Result result;
    const QFileInfo original(path);
    const QString shownPath = QDir::toNativeSeparators(path);
    if (!original.isFile()) {
        result.error = tr("The recording %1 does not exist.").arg(shownPath);
        return result;
    }
    if (coverage(spans).isEmpty()) {
        result.path = path;
        return result;
    }

    const OutputFormat output = outputFormatFor(path);
    const QString target = outputPathFor(original, output.suffix);
    const QString shownTarget = QDir::toNativeSeparators(target);
    // QSaveFile writes a temporary file in the same folder and renames it over the target
    // on commit, so the original is replaced whole or not at all.
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = tr("The redacted recording %1 cannot be written: %2.").arg(shownTarget, file.errorString());
        return result;
    }

    AudioDecoder::Format format;
    SndfilePtr out;
    std::unique_ptr<ChunkFiller> filler;
    QString writeError;
    const auto sink = [&](const float *interleaved, qint64 frames) {
        if (!out) {
            SF_INFO info{};
            info.samplerate = format.sampleRate;
            info.channels = format.channels;
            info.format = output.format;
            out.reset(sf_open_fd(file.handle(), SFM_WRITE, &info, SF_FALSE));
            if (!out) {
                writeError = tr("The redacted recording %1 cannot be written: %2.")
                                 .arg(shownTarget, QString::fromLocal8Bit(sf_strerror(nullptr)));
                return false;
            }
            const double duration = format.durationMs > 0 ? format.durationMs / 1000.0 : -1.0;
            filler = std::make_unique<ChunkFiller>(coverage(spans, duration), m_settings, format.sampleRate, format.channels);
        }
        const std::vector<int> &samples = filler->fill(interleaved, frames);
        if (sf_writef_int(out.get(), samples.data(), frames) == frames)
            return true;
        writeError = tr("The redacted recording %1 cannot be written: %2.")
                         .arg(shownTarget, QString::fromLocal8Bit(sf_strerror(out.get())));
        return false;
    };
    QString decodeError;
    const bool decoded = AudioDecoder::decode(path, sink, &format, &decodeError);
    const bool hadAudio = bool(out);
    if (out && sf_close(out.release()) != 0 && writeError.isEmpty())
        writeError = tr("The redacted recording %1 cannot be completed.").arg(shownTarget);
    if (decoded && !hadAudio && writeError.isEmpty())
        writeError = tr("The recording %1 holds no audio to redact.").arg(shownPath);
    if (!decoded || !writeError.isEmpty()) {
        file.cancelWriting();
        result.error = writeError.isEmpty() ? decodeError : writeError;
        return result;
    }
    if (!file.commit()) {
        result.error = tr("The redacted recording %1 cannot be saved: %2.").arg(shownTarget, file.errorString());
        return result;
    }
    result.path = target;
    if (target != original.absoluteFilePath()) {
        QFile::setPermissions(target, original.permissions());
        if (!QFile::remove(path))
            result.error = tr("The redacted recording was saved as %1, but the unredacted original %2 cannot be removed.")
                               .arg(shownTarget, shownPath);
    }
    return result;
}
