#include "peaksloader.h"

#include "audiodecoder.h"
#include "contentkey.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QPromise>
#include <QSaveFile>
#include <QtConcurrent>

namespace {

QString cachePath(const QString &cacheDir, const QString &key)
{
    return QDir(cacheDir).filePath(key + QStringLiteral(".peaks"));
}

void run(QPromise<PeaksLoader::Result> &promise, const QString &path, const QString &cacheDir)
{
    PeaksLoader::Result result;
    promise.setProgressRange(0, PeaksLoader::ProgressRange);
    const QString key = cacheDir.isEmpty() ? QString() : ContentKey::of(path, cacheDir);
    if (!key.isEmpty()) {
        QFile cached(cachePath(cacheDir, key));
        if (cached.open(QIODevice::ReadOnly)) {
            if (std::optional<WaveformPeaks> peaks = WaveformPeaks::fromBytes(cached.readAll())) {
                result.peaks = std::move(*peaks);
                result.fromCache = true;
                promise.setProgressValue(PeaksLoader::ProgressRange);
                promise.addResult(std::move(result));
                return;
            }
        }
    }

    AudioDecoder::Format format;
    WaveformPeaks peaks;
    qint64 decodedFrames = 0;
    const auto sink = [&](const float *interleaved, qint64 frames) {
        if (promise.isCanceled())
            return false;
        if (peaks.channels() == 0)
            peaks = WaveformPeaks(format.channels, format.sampleRate);
        peaks.append(interleaved, frames);
        decodedFrames += frames;
        if (format.durationMs > 0) {
            const qint64 doneMs = decodedFrames * 1000 / format.sampleRate;
            promise.setProgressValue(int(std::min<qint64>(PeaksLoader::ProgressRange - 1,
                                                          doneMs * PeaksLoader::ProgressRange / format.durationMs)));
        }
        return true;
    };
    if (!AudioDecoder::decode(path, sink, &format, &result.error)) {
        promise.addResult(std::move(result));
        return;
    }
    if (promise.isCanceled())
        return;
    if (peaks.channels() == 0)
        peaks = WaveformPeaks(format.channels, format.sampleRate);     // no samples at all
    peaks.finish();
    if (!key.isEmpty() && QDir().mkpath(cacheDir)) {
        // A failed cache write costs the next open a decode, nothing more.
        QSaveFile file(cachePath(cacheDir, key));
        if (file.open(QIODevice::WriteOnly) && file.write(peaks.toBytes()) >= 0)
            file.commit();
    }
    result.peaks = std::move(peaks);
    promise.setProgressValue(PeaksLoader::ProgressRange);
    promise.addResult(std::move(result));
}

} // namespace

QFuture<PeaksLoader::Result> PeaksLoader::load(const QString &path, const QString &cacheDir)
{
    return QtConcurrent::run(run, path, cacheDir);
}
