#include "audio/peaksdownsampler.h"
#include "audio/waveformpeaks.h"

#include <QTest>

namespace {

constexpr int kRate = 1000;   // 10 frames per 10 ms bucket

// Mono, `seconds` long: silent except for a full-scale square burst in [burstFrom, burstTo).
WaveformPeaks burst(double seconds, double burstFrom, double burstTo)
{
    WaveformPeaks peaks(1, kRate);
    const int frames = int(seconds * kRate);
    QList<float> samples(frames, 0.0f);
    for (int frame = int(burstFrom * kRate); frame < int(burstTo * kRate); ++frame)
        samples[frame] = frame % 2 ? 1.0f : -1.0f;
    peaks.append(samples.constData(), frames);
    peaks.finish();
    return peaks;
}

} // namespace

class TestPeaksDownsampler : public QObject
{
    Q_OBJECT

private slots:
    void oneColumnPerPixel();
    void columnsNarrowerThanABucket();
    void rangeBeyondTheRecording();
    void nothingToDraw();
    void stereoChannelsApart();
};

void TestPeaksDownsampler::oneColumnPerPixel()
{
    // 60 s at 600 columns: 0.1 s (10 buckets) per column; the burst fills columns 100-149.
    const WaveformPeaks peaks = burst(60, 10, 15);
    const PeaksEnvelope envelope = PeaksDownsampler::envelope(peaks, 0, 0, 60, 600);
    QCOMPARE(envelope.size(), 600);
    QCOMPARE(envelope.times.first(), 0.05);
    for (int column = 0; column < 600; ++column) {
        const bool loud = column >= 100 && column < 150;
        QCOMPARE(envelope.maxima[column], loud ? 1.0f : 0.0f);
        QCOMPARE(envelope.minima[column], loud ? -1.0f : 0.0f);
    }
}

void TestPeaksDownsampler::columnsNarrowerThanABucket()
{
    // 0.1 s over 100 columns: each 10 ms bucket spans 10 columns, all showing it.
    const WaveformPeaks peaks = burst(1, 0.5, 0.52);
    const PeaksEnvelope envelope = PeaksDownsampler::envelope(peaks, 0, 0.45, 0.55, 100);
    QCOMPARE(envelope.size(), 100);
    for (int column = 0; column < 100; ++column)
        QCOMPARE(envelope.maxima[column], column >= 50 && column < 70 ? 1.0f : 0.0f);
}

void TestPeaksDownsampler::rangeBeyondTheRecording()
{
    // A view wider than the 10 s recording: the columns past its end are left out.
    const WaveformPeaks peaks = burst(10, 9, 10);
    const PeaksEnvelope envelope = PeaksDownsampler::envelope(peaks, 0, -5, 15, 200);
    QCOMPARE(envelope.size(), 100);
    QCOMPARE(envelope.times.first(), 0.05);
    QCOMPARE(envelope.times.last(), 9.95);
    QCOMPARE(envelope.maxima.last(), 1.0f);
}

void TestPeaksDownsampler::nothingToDraw()
{
    const WaveformPeaks peaks = burst(1, 0, 1);
    QCOMPARE(PeaksDownsampler::envelope(WaveformPeaks(), 0, 0, 1, 100).size(), 0);
    QCOMPARE(PeaksDownsampler::envelope(peaks, 1, 0, 1, 100).size(), 0);   // no such channel
    QCOMPARE(PeaksDownsampler::envelope(peaks, 0, 1, 1, 100).size(), 0);   // empty range
    QCOMPARE(PeaksDownsampler::envelope(peaks, 0, 0, 1, 0).size(), 0);
}

void TestPeaksDownsampler::stereoChannelsApart()
{
    WaveformPeaks peaks(2, kRate);
    QList<float> frames;
    for (int frame = 0; frame < kRate; ++frame)
        frames << 0.25f << (frame < kRate / 2 ? -0.5f : 0.0f);
    peaks.append(frames.constData(), kRate);
    peaks.finish();
    const PeaksEnvelope left = PeaksDownsampler::envelope(peaks, 0, 0, 1, 2);
    const PeaksEnvelope right = PeaksDownsampler::envelope(peaks, 1, 0, 1, 2);
    QCOMPARE(left.maxima, (QList<float>{0.25f, 0.25f}));
    QCOMPARE(right.minima, (QList<float>{-0.5f, 0.0f}));
}

QTEST_GUILESS_MAIN(TestPeaksDownsampler)
#include "tst_peaksdownsampler.moc"
