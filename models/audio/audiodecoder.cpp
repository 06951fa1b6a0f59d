#include "audiodecoder.h"

#include <QDir>
#include <QFile>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/log.h>
#include <libswresample/swresample.h>
}

#include <memory>
#include <mutex>
#include <vector>

namespace {

QString averror(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

struct FormatCloser
{
    void operator()(AVFormatContext *context) const { avformat_close_input(&context); }
};
struct CodecFreer
{
    void operator()(AVCodecContext *context) const { avcodec_free_context(&context); }
};
struct ResamplerFreer
{
    void operator()(SwrContext *context) const { swr_free(&context); }
};
struct PacketFreer
{
    void operator()(AVPacket *packet) const { av_packet_free(&packet); }
};
struct FrameFreer
{
    void operator()(AVFrame *frame) const { av_frame_free(&frame); }
};

} // namespace

bool AudioDecoder::decode(const QString &path, const Sink &sink, Format *format, QString *error)
{
    // FFmpeg prints its warnings (a damaged frame, timestamps it could not fix) on stderr;
    // what matters reaches the caller as `error`.
    static std::once_flag quiet;
    std::call_once(quiet, [] { av_log_set_level(AV_LOG_ERROR); });
    auto fail = [&](const QString &why) {
        if (error)
            *error = tr("%1: %2").arg(QDir::toNativeSeparators(path), why);
        return false;
    };

    AVFormatContext *opened = nullptr;
    if (const int code = avformat_open_input(&opened, QFile::encodeName(path).constData(), nullptr, nullptr); code < 0)
        return fail(tr("cannot be opened (%1)").arg(averror(code)));
    std::unique_ptr<AVFormatContext, FormatCloser> container(opened);
    if (const int code = avformat_find_stream_info(container.get(), nullptr); code < 0)
        return fail(tr("is not a readable media file (%1)").arg(averror(code)));

    const AVCodec *codec = nullptr;
    const int stream = av_find_best_stream(container.get(), AVMEDIA_TYPE_AUDIO, -1, -1, &codec, 0);
    if (stream < 0 || !codec)
        return fail(tr("has no audio stream"));
    std::unique_ptr<AVCodecContext, CodecFreer> decoder(avcodec_alloc_context3(codec));
    avcodec_parameters_to_context(decoder.get(), container->streams[stream]->codecpar);
    if (const int code = avcodec_open2(decoder.get(), codec, nullptr); code < 0)
        return fail(tr("its audio cannot be decoded (%1)").arg(averror(code)));

    const int channels = decoder->ch_layout.nb_channels;
    const int rate = decoder->sample_rate;
    if (channels <= 0 || rate <= 0)
        return fail(tr("its audio has no channels or no sample rate"));
    if (format) {
        format->sampleRate = rate;
        format->channels = channels;
        format->durationMs = container->duration > 0 ? container->duration / (AV_TIME_BASE / 1000) : -1;
    }

    // Same rate and channels, samples as interleaved float.
    SwrContext *allocated = nullptr;
    if (swr_alloc_set_opts2(&allocated, &decoder->ch_layout, AV_SAMPLE_FMT_FLT, rate, &decoder->ch_layout,
                            decoder->sample_fmt, rate, 0, nullptr) < 0
        || swr_init(allocated) < 0) {
        swr_free(&allocated);
        return fail(tr("its samples cannot be converted"));
    }
    std::unique_ptr<SwrContext, ResamplerFreer> resampler(allocated);
    std::unique_ptr<AVPacket, PacketFreer> packet(av_packet_alloc());
    std::unique_ptr<AVFrame, FrameFreer> frame(av_frame_alloc());
    std::vector<float> converted;

    // Returns false when the sink stopped; a decoding error inside a packet is skipped,
    // as players do, so one damaged frame does not lose the rest of the call.
    auto drain = [&]() {
        while (avcodec_receive_frame(decoder.get(), frame.get()) == 0) {
            const int room = swr_get_out_samples(resampler.get(), frame->nb_samples);
            converted.resize(size_t(std::max(room, 0)) * size_t(channels));
            auto *out = reinterpret_cast<uint8_t *>(converted.data());
            const int frames = swr_convert(resampler.get(), &out, room,
                                           const_cast<const uint8_t **>(frame->extended_data), frame->nb_samples);
            av_frame_unref(frame.get());
            if (frames > 0 && !sink(converted.data(), frames))
                return false;
        }
        return true;
    };

    while (av_read_frame(container.get(), packet.get()) >= 0) {
        const bool ours = packet->stream_index == stream;
        if (ours)
            avcodec_send_packet(decoder.get(), packet.get());
        av_packet_unref(packet.get());
        if (ours && !drain())
            return true;    // stopped by the sink: not an error
    }
    avcodec_send_packet(decoder.get(), nullptr);     // flush the decoder's delay
    drain();
    return true;
}
