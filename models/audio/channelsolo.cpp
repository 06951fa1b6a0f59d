#include "channelsolo.h"

#include "audiodecoder.h"
#include "contentkey.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPromise>
#include <QtConcurrent>

#include <sndfile.h>
#include <SoundTouch.h>

#include <memory>
#include <vector>

namespace {

struct SndfileCloser
{
    void operator()(SNDFILE *file) const { sf_close(file); }
};
using SndfilePtr = std::unique_ptr<SNDFILE, SndfileCloser>;

void run(QPromise<ChannelSolo::Result> &promise, const QString &recording, int channel, const QString &cacheDir, double tempo)
{
    ChannelSolo::Result result;
    const QString key = ContentKey::of(recording, cacheDir);
    if (key.isEmpty()) {
        result.error = ChannelSolo::tr("The recording %1 cannot be read.").arg(QDir::toNativeSeparators(recording));
        promise.addResult(result);
        return;
    }
    // Tempo 1 keeps the solo files' plain name, so files made before tempo existed still count.
    const QString tempoPart = qFuzzyCompare(tempo, 1.0) ? QString() : QStringLiteral(".tempo%1").arg(qRound(tempo * 100));
    const QString channelPart = channel < 0 ? QStringLiteral(".all") : QStringLiteral(".channel%1").arg(channel);
    const QString target = QDir(cacheDir).filePath(key + channelPart + tempoPart + QStringLiteral(".wav"));
    if (QFileInfo::exists(target)) {
        result.path = target;
        promise.addResult(result);
        return;
    }
    if (!QDir().mkpath(cacheDir)) {
        result.error = ChannelSolo::tr("The cache folder %1 cannot be created.").arg(QDir::toNativeSeparators(cacheDir));
        promise.addResult(result);
        return;
    }

    // Written under a temporary name and renamed when complete, so a cancelled or failed
    // render never leaves a truncated file that a later open would take for finished.
    const QString partial = target + QStringLiteral(".part");
    SndfilePtr out;
    AudioDecoder::Format format;
    std::vector<float> mono;
    std::vector<float> stretched;
    soundtouch::SoundTouch stretcher;
    int outChannels = 1;
    QString writeError;
    const auto write = [&](const float *samples, qint64 frames) {
        if (sf_writef_float(out.get(), samples, frames) == frames)
            return true;
        writeError = ChannelSolo::tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(partial), QString::fromLocal8Bit(sf_strerror(out.get())));
        return false;
    };
    // Moves what SoundTouch has finished into the file.
    const auto drain = [&]() {
        stretched.resize(std::size_t(4096 * outChannels));
        while (const uint got = stretcher.receiveSamples(stretched.data(), 4096)) {
            if (!write(stretched.data(), got))
                return false;
        }
        return true;
    };
    const bool stretch = !qFuzzyCompare(tempo, 1.0);
    const auto sink = [&](const float *interleaved, qint64 frames) {
        if (promise.isCanceled())
            return false;
        if (!out) {
            if (channel >= format.channels) {
                writeError = ChannelSolo::tr("The recording %1 has no channel %2.").arg(QDir::toNativeSeparators(recording)).arg(channel + 1);
                return false;
            }
            outChannels = channel < 0 ? format.channels : 1;
            if (stretch) {
                stretcher.setSampleRate(uint(format.sampleRate));
                stretcher.setChannels(uint(outChannels));
                stretcher.setTempo(tempo);
            }
            SF_INFO info{};
            info.samplerate = format.sampleRate;
            info.channels = outChannels;
            info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
            out.reset(sf_open(QFile::encodeName(partial).constData(), SFM_WRITE, &info));
            if (!out) {
                writeError = ChannelSolo::tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(partial), QString::fromLocal8Bit(sf_strerror(nullptr)));
                return false;
            }
            // Clip instead of wrapping samples decoded slightly outside [-1, 1].
            sf_command(out.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);
        }
        const float *samples = interleaved;
        if (channel >= 0) {
            mono.resize(std::size_t(frames));
            for (qint64 frame = 0; frame < frames; ++frame)
                mono[std::size_t(frame)] = interleaved[frame * format.channels + channel];
            samples = mono.data();
        }
        if (!stretch)
            return write(samples, frames);
        stretcher.putSamples(samples, uint(frames));
        return drain();
    };
    QString decodeError;
    bool decoded = AudioDecoder::decode(recording, sink, &format, &decodeError);
    if (decoded && stretch && out && !promise.isCanceled()) {
        stretcher.flush();      // the tail SoundTouch still holds
        decoded = drain();
    }
    out.reset();
    if (!decoded || promise.isCanceled() || !writeError.isEmpty()) {
        QFile::remove(partial);
        if (!promise.isCanceled()) {
            result.error = writeError.isEmpty() ? decodeError : writeError;
            promise.addResult(result);
        }
        return;
    }
    if (!QFile::rename(partial, target)) {
        QFile::remove(partial);
        result.error = ChannelSolo::tr("%1 cannot be written.").arg(QDir::toNativeSeparators(target));
    } else {
        result.path = target;
    }
    promise.addResult(result);
}

} // namespace

QFuture<ChannelSolo::Result> ChannelSolo::render(const QString &recording, int channel, const QString &cacheDir, double tempo)
{
    return QtConcurrent::run(run, recording, channel, cacheDir, tempo);
}
