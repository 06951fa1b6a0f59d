#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <vector>

struct SwrContext;

// Converts one channel of float samples from one rate to another with FFmpeg's
// libswresample, streaming: feed it the audio in chunks of any size, then flush() once,
// and the output is what resampling the whole audio at once would give, about
// inputLength × outputRate / inputRate samples. Equal rates pass the samples through.
// The speech-to-text back-ends use it to bring a recording to their model's rate.
class Resampler
{
    Q_DECLARE_TR_FUNCTIONS(Resampler)

public:
    Resampler(int inputRate, int outputRate);
    ~Resampler();
    Resampler(const Resampler &) = delete;
    Resampler &operator=(const Resampler &) = delete;

    // Empty when the resampler works; else a sentence saying why it cannot.
    QString error() const { return m_error; }

    // Appends to `output` the samples that `count` more input samples make available.
    void process(const float *input, qsizetype count, std::vector<float> &output);
    // Appends the samples still held back by the filter's delay; the input is then over.
    void flush(std::vector<float> &output);

    // All of `input` at once.
    static std::vector<float> resampled(const std::vector<float> &input, int inputRate, int outputRate);

private:
    struct ContextFreer
    {
        void operator()(SwrContext *context) const;
    };

    void convert(const float *input, int count, std::vector<float> &output);

    std::unique_ptr<SwrContext, ContextFreer> m_context;
    QString m_error;
};
