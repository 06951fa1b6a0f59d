#include "resampler.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>
}

#include <algorithm>

void Resampler::ContextFreer::operator()(SwrContext *context) const
{
    swr_free(&context);
}

Resampler::Resampler(int inputRate, int outputRate)
{
    if (inputRate <= 0 || outputRate <= 0) {
        m_error = tr("Audio cannot be resampled from %1 Hz to %2 Hz: a rate must be positive.").arg(inputRate).arg(outputRate);
        return;
    }
    if (inputRate == outputRate)
        return;
    AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;   // not const: FFmpeg 5 takes it by plain pointer
    SwrContext *allocated = nullptr;
    if (swr_alloc_set_opts2(&allocated, &mono, AV_SAMPLE_FMT_FLT, outputRate, &mono, AV_SAMPLE_FMT_FLT, inputRate, 0, nullptr) < 0
        || swr_init(allocated) < 0) {
        swr_free(&allocated);
        m_error = tr("FFmpeg's resampler cannot convert audio from %1 Hz to %2 Hz.").arg(inputRate).arg(outputRate);
        return;
    }
    m_context.reset(allocated);
}

Resampler::~Resampler() = default;

void Resampler::process(const float *input, qsizetype count, std::vector<float> &output)
{
    if (!m_error.isEmpty() || count <= 0)
        return;
    if (!m_context) {
        output.insert(output.end(), input, input + count);
        return;
    }
    // In parts, so that swr_convert's int counts of input and output cannot overflow.
    constexpr qsizetype MaxPart = 1 << 20;
    for (qsizetype done = 0; done < count;) {
        const int part = int(std::min(count - done, MaxPart));
        convert(input + done, part, output);
        done += part;
    }
}

void Resampler::flush(std::vector<float> &output)
{
    if (m_context)
        convert(nullptr, 0, output);
}

void Resampler::convert(const float *input, int count, std::vector<float> &output)
{
    const int room = swr_get_out_samples(m_context.get(), count);
    if (room <= 0)
        return;
    const std::size_t before = output.size();
    output.resize(before + std::size_t(room));
    auto *out = reinterpret_cast<uint8_t *>(output.data() + before);
    const auto *in = reinterpret_cast<const uint8_t *>(input);
    const int made = swr_convert(m_context.get(), &out, room, input ? &in : nullptr, count);
    output.resize(before + std::size_t(std::max(made, 0)));
}

std::vector<float> Resampler::resampled(const std::vector<float> &input, int inputRate, int outputRate)
{
    Resampler resampler(inputRate, outputRate);
    std::vector<float> output;
    output.reserve(std::size_t(double(input.size()) * outputRate / std::max(1, inputRate)) + 64);
    resampler.process(input.data(), qsizetype(input.size()), output);
    resampler.flush(output);
    return output;
}
