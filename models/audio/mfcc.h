#pragma once

#include <QtGlobal>

#include <memory>
#include <vector>

// Mel-frequency cepstral coefficients of mono audio, one frame per hop, computed with
// aubio (its phase vocoder for the windowed spectrum, its MFCC for the mel filterbank,
// log and DCT). The window is a power of two near windowMs at any sample rate, so a
// frequency bin is as wide in Hz at 8 kHz as at 16 kHz, and the filterbank spans
// lowHz..highHz, inside the telephone band, so that a call recorded either way gives
// comparable coefficients. Frame i covers samples [i·hop, i·hop + window) of the span
// given; a span shorter than one window has no frames.
class Mfcc
{
public:
    struct Settings
    {
        int windowMs = 32;
        int hopMs = 10;
        int filters = 26;
        int coefficients = 13;
        double lowHz = 100;
        double highHz = 3800;
    };

    struct Frame
    {
        std::vector<float> coefficients;   // c0 (overall level) first
        double energyDb = 0;               // mean square of the window's samples, in dB
    };

    explicit Mfcc(int sampleRate);
    Mfcc(int sampleRate, const Settings &settings);
    ~Mfcc();
    Q_DISABLE_COPY_MOVE(Mfcc)

    int coefficientCount() const { return m_settings.coefficients; }
    int hopSamples() const { return m_hop; }
    int windowSamples() const { return m_window; }

    // The frames of samples[0, count) (in [-1, 1]); each call starts afresh. Not for two
    // threads at once: the calls share aubio's buffers.
    std::vector<Frame> frames(const float *samples, qsizetype count);

private:
    struct Aubio;

    Settings m_settings;
    int m_window;
    int m_hop;
    std::unique_ptr<Aubio> m_aubio;
};
