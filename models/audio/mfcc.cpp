#include "mfcc.h"

#include <aubio/aubio.h>

#include <algorithm>
#include <cmath>

namespace {

int windowFor(int sampleRate, int windowMs)
{
    // The power of two nearest windowMs (on a log scale): aubio's FFT is fastest there.
    const double wanted = double(sampleRate) * windowMs / 1000.0;
    int window = 64;
    while (window * 2 <= wanted * M_SQRT2)
        window *= 2;
    return window;
}

double decibels(double meanSquare)
{
    return meanSquare > 0 ? std::max(-120.0, 10.0 * std::log10(meanSquare)) : -120.0;
}

} // namespace

// The filterbank is built once; the phase vocoder, which keeps the previous hops, per call.
struct Mfcc::Aubio
{
    aubio_mfcc_t *mfcc = nullptr;
    cvec_t *spectrum = nullptr;
    fvec_t *hop = nullptr;
    fvec_t *coefficients = nullptr;

    ~Aubio()
    {
        if (coefficients)
            del_fvec(coefficients);
        if (hop)
            del_fvec(hop);
        if (spectrum)
            del_cvec(spectrum);
        if (mfcc)
            del_aubio_mfcc(mfcc);
    }
};

Mfcc::Mfcc(int sampleRate)
    : Mfcc(sampleRate, Settings{})
{
}

Mfcc::Mfcc(int sampleRate, const Settings &settings)
    : m_settings(settings)
    , m_window(windowFor(std::max(1, sampleRate), settings.windowMs))
    , m_hop(std::clamp(sampleRate * settings.hopMs / 1000, 1, m_window))
    , m_aubio(std::make_unique<Aubio>())
{
    const auto rate = uint_t(std::max(1, sampleRate));
    m_aubio->mfcc = new_aubio_mfcc(uint_t(m_window), uint_t(settings.filters), uint_t(settings.coefficients), rate);
    if (m_aubio->mfcc) {
        const double nyquist = rate / 2.0;
        aubio_mfcc_set_mel_coeffs(m_aubio->mfcc, smpl_t(std::min(settings.lowHz, nyquist / 2)),
                                  smpl_t(std::min(settings.highHz, nyquist * 0.95)));
    }
    m_aubio->spectrum = new_cvec(uint_t(m_window));
    m_aubio->hop = new_fvec(uint_t(m_hop));
    m_aubio->coefficients = new_fvec(uint_t(settings.coefficients));
}

Mfcc::~Mfcc() = default;

std::vector<Mfcc::Frame> Mfcc::frames(const float *samples, qsizetype count)
{
    std::vector<Frame> result;
    if (!m_aubio->mfcc || count < m_window)
        return result;
    aubio_pvoc_t *vocoder = new_aubio_pvoc(uint_t(m_window), uint_t(m_hop));
    if (!vocoder)
        return result;
    result.reserve(std::size_t((count - m_window) / m_hop + 1));
    for (qsizetype end = m_hop; end <= count; end += m_hop) {
        for (int i = 0; i < m_hop; ++i)
            m_aubio->hop->data[i] = smpl_t(samples[end - m_hop + i]);
        aubio_pvoc_do(vocoder, m_aubio->hop, m_aubio->spectrum);
        // The vocoder's first windows still hold its initial zeros.
        if (end < m_window)
            continue;
        aubio_mfcc_do(m_aubio->mfcc, m_aubio->spectrum, m_aubio->coefficients);
        Frame frame;
        frame.coefficients.assign(m_aubio->coefficients->data, m_aubio->coefficients->data + m_settings.coefficients);
        double energy = 0;
        for (qsizetype i = end - m_window; i < end; ++i)
            energy += double(samples[i]) * double(samples[i]);
        frame.energyDb = decibels(energy / m_window);
        result.push_back(std::move(frame));
    }
    del_aubio_pvoc(vocoder);
    return result;
}
