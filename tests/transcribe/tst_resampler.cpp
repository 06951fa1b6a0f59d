#include "transcribe/resampler.h"

#include <QTest>

#include <cmath>
#include <vector>

// Resampler keeps what a speech model hears: a tone's frequency, loudness and length, at
// any input rate and however the audio is split into chunks.
class TstResampler : public QObject
{
    Q_OBJECT

private slots:
    void keepsFrequencyLoudnessAndLength_data();
    void keepsFrequencyLoudnessAndLength();
    void chunksGiveTheSameSamples();
    void equalRatesPassThrough();
    void badRateIsAnError();
};

namespace {

std::vector<float> sine(double frequency, double seconds, int rate, double amplitude = 0.5)
{
    std::vector<float> samples(std::size_t(seconds * rate));
    for (std::size_t i = 0; i < samples.size(); ++i)
        samples[i] = float(amplitude * std::sin(2 * M_PI * frequency * double(i) / rate));
    return samples;
}

// Upward zero crossings per second, counted away from the edges the filter ramps.
double frequencyOf(const std::vector<float> &samples, int rate)
{
    const std::size_t margin = std::size_t(rate / 10);
    int crossings = 0;
    for (std::size_t i = margin + 1; i + margin < samples.size(); ++i)
        crossings += samples[i - 1] < 0 && samples[i] >= 0 ? 1 : 0;
    return crossings / (double(samples.size() - 2 * margin) / rate);
}

double rmsOf(const std::vector<float> &samples, int rate)
{
    const std::size_t margin = std::size_t(rate / 10);
    double sum = 0;
    for (std::size_t i = margin; i + margin < samples.size(); ++i)
        sum += double(samples[i]) * samples[i];
    return std::sqrt(sum / double(samples.size() - 2 * margin));
}

} // namespace

void TstResampler::keepsFrequencyLoudnessAndLength_data()
{
    QTest::addColumn<int>("inputRate");
    QTest::addColumn<int>("outputRate");
    QTest::addColumn<double>("frequency");
    QTest::newRow("telephone 8 kHz up to 16 kHz") << 8000 << 16000 << 440.0;
    QTest::newRow("48 kHz down to 16 kHz") << 48000 << 16000 << 1000.0;
    QTest::newRow("44.1 kHz down to 16 kHz") << 44100 << 16000 << 3000.0;
    QTest::newRow("16 kHz down to 8 kHz") << 16000 << 8000 << 300.0;
}

void TstResampler::keepsFrequencyLoudnessAndLength()
{
    QFETCH(int, inputRate);
    QFETCH(int, outputRate);
    QFETCH(double, frequency);
    const std::vector<float> output = Resampler::resampled(sine(frequency, 2.0, inputRate), inputRate, outputRate);
    QVERIFY2(std::abs(double(output.size()) - 2.0 * outputRate) <= 2, qPrintable(QString::number(output.size())));
    const double heard = frequencyOf(output, outputRate);
    QVERIFY2(std::abs(heard - frequency) < 2, qPrintable(QString::number(heard)));
    const double rms = rmsOf(output, outputRate);
    QVERIFY2(std::abs(rms - 0.5 / std::sqrt(2.0)) < 0.01, qPrintable(QString::number(rms)));
}

void TstResampler::chunksGiveTheSameSamples()
{
    const std::vector<float> input = sine(440, 1.5, 8000);
    const std::vector<float> whole = Resampler::resampled(input, 8000, 16000);
    Resampler resampler(8000, 16000);
    std::vector<float> chunked;
    for (std::size_t first = 0; first < input.size(); first += 333)
        resampler.process(input.data() + first, qsizetype(std::min<std::size_t>(333, input.size() - first)), chunked);
    resampler.flush(chunked);
    QCOMPARE(chunked.size(), whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i)
        QVERIFY2(std::abs(chunked[i] - whole[i]) < 1e-5f, qPrintable(QString::number(i)));
}

void TstResampler::equalRatesPassThrough()
{
    const std::vector<float> input = sine(440, 0.5, 16000);
    QCOMPARE(Resampler::resampled(input, 16000, 16000), input);
}

void TstResampler::badRateIsAnError()
{
    Resampler resampler(0, 16000);
    QVERIFY(resampler.error().contains(QStringLiteral("0 Hz")));
    std::vector<float> output;
    const float sample = 0.5f;
    resampler.process(&sample, 1, output);
    resampler.flush(output);
    QVERIFY(output.empty());
}

QTEST_GUILESS_MAIN(TstResampler)
#include "tst_resampler.moc"
