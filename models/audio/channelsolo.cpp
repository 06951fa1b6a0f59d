#include "channelsolo.h"

#include "audiodecoder.h"
#include "contentkey.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPromise>
#include <QtConcurrent>

#include <sndfile.h>

#include <memory>
#include <vector>

namespace {

struct SndfileCloser
{
    void operator()(SNDFILE *file) const { sf_close(file); }
};
using SndfilePtr = std::unique_ptr<SNDFILE, SndfileCloser>;

void run(QPromise<ChannelSolo::Result> &promise, const QString &recording, int channel, const QString &cacheDir)
{
    ChannelSolo::Result result;
    const QString key = ContentKey::of(recording, cacheDir);
    if (key.isEmpty()) {
        result.error = ChannelSolo::tr("The recording %1 cannot be read.").arg(QDir::toNativeSeparators(recording));
        promise.addResult(result);
        return;
    }
    const QString target = QDir(cacheDir).filePath(QStringLiteral("%1.channel%2.wav").arg(key).arg(channel));
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
    QString writeError;
    const auto sink = [&](const float *interleaved, qint64 frames) {
        if (promise.isCanceled())
            return false;
        if (!out) {
            if (channel >= format.channels) {
                writeError = ChannelSolo::tr("The recording %1 has no channel %2.").arg(QDir::toNativeSeparators(recording)).arg(channel + 1);
                return false;
            }
            SF_INFO info{};
            info.samplerate = format.sampleRate;
            info.channels = 1;
            info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
            out.reset(sf_open(QFile::encodeName(partial).constData(), SFM_WRITE, &info));
            if (!out) {
                writeError = ChannelSolo::tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(partial), QString::fromLocal8Bit(sf_strerror(nullptr)));
                return false;
            }
            // Clip instead of wrapping samples decoded slightly outside [-1, 1].
            sf_command(out.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);
        }
        mono.resize(std::size_t(frames));
        for (qint64 frame = 0; frame < frames; ++frame)
            mono[std::size_t(frame)] = interleaved[frame * format.channels + channel];
        if (sf_writef_float(out.get(), mono.data(), frames) != frames) {
            writeError = ChannelSolo::tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(partial), QString::fromLocal8Bit(sf_strerror(out.get())));
            return false;
        }
        return true;
    };
    QString decodeError;
    const bool decoded = AudioDecoder::decode(recording, sink, &format, &decodeError);
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

QFuture<ChannelSolo::Result> ChannelSolo::render(const QString &recording, int channel, const QString &cacheDir)
{
    return QtConcurrent::run(run, recording, channel, cacheDir);
}
