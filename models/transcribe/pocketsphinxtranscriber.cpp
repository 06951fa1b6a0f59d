#include "pocketsphinxtranscriber.h"

#include "resampler.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <pocketsphinx.h>
#include <sphinxbase/cmn.h>
#include <sphinxbase/err.h>
#include <sphinxbase/fe.h>
#include <sphinxbase/feat.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <vector>

#ifndef CALLSCOPE_POCKETSPHINX_MODELDIR
#define CALLSCOPE_POCKETSPHINX_MODELDIR "/usr/share/pocketsphinx/model"
#endif

namespace {

// What pocketsphinx_continuous reads at a time: the utterance boundaries its voice activity
// detector gives are then the same as the baseline's.
constexpr double BlockSeconds = 0.128;

// The cepstral mean is estimated from the first this much speech, looked for in the first
// PrimingSearchSeconds of the recording (a call may open with ringing or hold music); a
// mean of fewer frames would be noisier than the model's own.
constexpr double PrimingSpeechSeconds = 30;
constexpr double PrimingSearchSeconds = 300;
constexpr qint64 MinimumPrimingFrames = 100;

struct ConfigFreer
{
    void operator()(cmd_ln_t *config) const { cmd_ln_free_r(config); }
};
struct FrontEndFreer
{
    void operator()(fe_t *frontEnd) const { fe_free(frontEnd); }
};

std::vector<int16> toPcm(const std::vector<float> &samples)
{
    std::vector<int16> pcm(samples.size());
    std::transform(samples.begin(), samples.end(), pcm.begin(),
                   [](float sample) { return int16(std::lround(std::clamp(sample, -1.0f, 1.0f) * 32767.0f)); });
    return pcm;
}

// Silence (<s>, </s>, <sil>) and fillers ([NOISE], ++BREATH++) are not words of the call.
bool isFiller(const char *word)
{
    return word[0] == '<' || word[0] == '[' || (word[0] == '+' && word[1] == '+');
}

// The dictionary's alternate pronunciations are "word(2)", "word(3)".
QString withoutPronunciationVariant(const char *word)
{
    QString text = QString::fromUtf8(word);
    if (text.endsWith(QLatin1Char(')'))) {
        const qsizetype open = text.lastIndexOf(QLatin1Char('('));
        if (open > 0)
            text.truncate(open);
    }
    return text;
}

} // namespace

void PocketSphinxTranscriber::DecoderFreer::operator()(ps_decoder_s *decoder) const
{
    ps_free(decoder);
}

QString PocketSphinxTranscriber::defaultModelDirectory()
{
    return QStringLiteral(CALLSCOPE_POCKETSPHINX_MODELDIR "/en-us");
}

PocketSphinxTranscriber::PocketSphinxTranscriber(const QString &modelDirectory)
    : m_modelDirectory(modelDirectory)
{
}

PocketSphinxTranscriber::~PocketSphinxTranscriber() = default;

QString PocketSphinxTranscriber::name() const
{
    return QStringLiteral("pocketsphinx");
}

bool PocketSphinxTranscriber::loadDecoder(QString *error)
{
    if (m_decoder)
        return true;
    const QDir model(m_modelDirectory);
    const QString acousticModel = model.filePath(QStringLiteral("en-us"));
    const QString languageModel = model.filePath(QStringLiteral("en-us.lm.bin"));
    const QString dictionary = model.filePath(QStringLiteral("cmudict-en-us.dict"));
    if (!QFileInfo(m_modelDirectory).isDir()) {
        *error = tr("The PocketSphinx model directory %1 does not exist.").arg(QDir::toNativeSeparators(m_modelDirectory));
        return false;
    }
    for (const QString &part : {acousticModel, languageModel, dictionary}) {
        if (!QFileInfo::exists(part)) {
            *error = tr("The PocketSphinx model in %1 is incomplete: %2 is missing.")
                         .arg(QDir::toNativeSeparators(m_modelDirectory), QDir::toNativeSeparators(part));
            return false;
        }
    }

    // PocketSphinx logs every setting and every utterance on stderr; its failures reach the
    // user as our own sentences.
    static std::once_flag quiet;
    std::call_once(quiet, [] { err_set_logfp(nullptr); });
    const QByteArray hmm = QFile::encodeName(acousticModel);
    const QByteArray lm = QFile::encodeName(languageModel);
    const QByteArray dict = QFile::encodeName(dictionary);
    const std::unique_ptr<cmd_ln_t, ConfigFreer> config(cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", hmm.constData(), "-lm",
                                                                    lm.constData(), "-dict", dict.constData(), nullptr));
    if (config)
        m_decoder.reset(ps_init(config.get()));
    if (!m_decoder) {
        *error = tr("PocketSphinx could not load its model from %1.").arg(QDir::toNativeSeparators(m_modelDirectory));
        return false;
    }
    m_sampleRate = std::max(1, int(cmd_ln_float32_r(config.get(), "-samprate")));
    m_framesPerSecond = std::max(1, int(cmd_ln_int32_r(config.get(), "-frate")));
    return true;
}

TranscriptionResult PocketSphinxTranscriber::transcribe(const MonoAudio &audio, const Progress &progress)
{
    TranscriptionResult result;
    if (audio.sampleRate <= 0) {
        result.error = tr("The audio to transcribe has no sample rate.");
        return result;
    }
    if (!loadDecoder(&result.error))
        return result;
    Resampler resampler(audio.sampleRate, m_sampleRate);
    if (!resampler.error().isEmpty()) {
        result.error = resampler.error();
        return result;
    }

    ps_decoder_t *decoder = m_decoder.get();
    primeCepstralMean(audio);
    ps_start_stream(decoder);    // frame numbers count from here, across utterances
    ps_start_utt(decoder);
    bool speaking = false;
    qint64 utteranceStart = 0;   // in samples at the model's rate
    qint64 fed = 0;
    std::vector<float> resampled;
    auto feed = [&] {
        const std::vector<int16> block = toPcm(resampled);
        ps_process_raw(decoder, block.data(), block.size(), FALSE, FALSE);
        fed += qint64(block.size());
        resampled.clear();
    };
    auto endUtterance = [&] {
        ps_end_utt(decoder);
        appendWords(double(fed) / m_sampleRate, result.words);
    };

    const auto total = qint64(audio.samples.size());
    const auto blockSamples = std::max<qint64>(1, qint64(BlockSeconds * audio.sampleRate));
    const auto maxUtterance = qint64(MaxUtteranceSeconds * m_sampleRate);
    for (qint64 first = 0; first < total; first += blockSamples) {
        const qint64 count = std::min(blockSamples, total - first);
        resampler.process(audio.samples.data() + first, count, resampled);
        if (first + count == total)
            resampler.flush(resampled);
        feed();
        const bool inSpeech = ps_get_in_speech(decoder);
        if (inSpeech && !speaking) {
            speaking = true;
            utteranceStart = fed;
        } else if (speaking && (!inSpeech || fed - utteranceStart >= maxUtterance)) {
            endUtterance();
            ps_start_utt(decoder);
            speaking = false;
        }
        if (progress && !progress(double(first + count) / double(total))) {
            ps_end_utt(decoder);
            return {{}, tr("Transcription was cancelled.")};
        }
    }
    endUtterance();
    return result;
}

void PocketSphinxTranscriber::primeCepstralMean(const MonoAudio &audio)
{
    // A front end like the decoder's, its voice activity detector passing speech frames only.
    const std::unique_ptr<fe_t, FrontEndFreer> frontEnd(fe_init_auto_r(ps_get_config(m_decoder.get())));
    Resampler resampler(audio.sampleRate, m_sampleRate);
    if (!frontEnd)
        return;
    const int width = fe_get_output_size(frontEnd.get());
    constexpr int32 Capacity = 256;
    std::vector<mfcc_t> storage(std::size_t(Capacity * width));
    std::vector<mfcc_t *> frames(Capacity);
    for (int32 i = 0; i < Capacity; ++i)
        frames[std::size_t(i)] = storage.data() + std::ptrdiff_t(i * width);
    std::vector<double> sum(std::size_t(width), 0.0);
    qint64 counted = 0;
    const auto wanted = qint64(PrimingSpeechSeconds * m_framesPerSecond);
    const auto searched = std::min(qint64(audio.samples.size()), qint64(PrimingSearchSeconds * audio.sampleRate));
    std::vector<float> resampled;
    fe_start_utt(frontEnd.get());
    for (qint64 first = 0; first < searched && counted < wanted; first += audio.sampleRate) {
        resampled.clear();
        resampler.process(audio.samples.data() + first, std::min<qint64>(audio.sampleRate, searched - first), resampled);
        const std::vector<int16> pcm = toPcm(resampled);
        const int16 *cursor = pcm.data();
        std::size_t left = pcm.size();
        while (left > 0) {
            int32 made = Capacity;
            const std::size_t before = left;
            fe_process_frames(frontEnd.get(), &cursor, &left, frames.data(), &made, nullptr);
            for (int32 frame = 0; frame < made; ++frame) {
                for (int k = 0; k < width; ++k)
                    sum[std::size_t(k)] += double(frames[std::size_t(frame)][k]);
            }
            counted += made;
            if (left == before && made == 0)
                break;
        }
    }
    if (counted < MinimumPrimingFrames)
        return;
    std::vector<mfcc_t> mean(sum.size());
    for (std::size_t k = 0; k < sum.size(); ++k)
        mean[k] = mfcc_t(sum[k] / double(counted));
    cmn_live_set(ps_get_feat(m_decoder.get())->cmn_struct, mean.data());
}

void PocketSphinxTranscriber::appendWords(double endSeconds, TimedWords &words) const
{
    for (ps_seg_t *segment = ps_seg_iter(m_decoder.get()); segment; segment = ps_seg_next(segment)) {
        const char *word = ps_seg_word(segment);
        if (!word || isFiller(word))
            continue;
        int firstFrame = 0;
        int lastFrame = 0;
        ps_seg_frames(segment, &firstFrame, &lastFrame);
        const double start = double(firstFrame) / m_framesPerSecond;
        const double end = std::min(double(lastFrame + 1) / m_framesPerSecond, endSeconds);
        if (end > start)
            words.append({withoutPronunciationVariant(word), start, end});
    }
}
