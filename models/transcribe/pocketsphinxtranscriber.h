#pragma once

#include "transcriber.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

struct ps_decoder_s;

// Speech to text on this machine with CMU PocketSphinx (the classic 5prealpha API) and its
// US English model: a directory holding the acoustic model `en-us/`, the language model
// `en-us.lm.bin` and the dictionary `cmudict-en-us.dict`. The audio is resampled to the
// model's rate (16 kHz) and decoded utterance by utterance, a new one at each pause
// PocketSphinx's voice activity detector hears and at least every MaxUtteranceSeconds, so an
// hour-long call takes bounded memory and search; word times count from the audio's start.
// The cepstral mean is estimated from the recording's first speech before decoding: the
// model's built-in one is a wideband microphone's, and a phone line's differs so much that
// PocketSphinx alone misses nearly every word of narrowband audio.
// Owns one decoder (PocketSphinx's is not thread-safe), loaded on the first transcription.
class PocketSphinxTranscriber : public Transcriber
{
    Q_DECLARE_TR_FUNCTIONS(PocketSphinxTranscriber)

public:
    static constexpr double MaxUtteranceSeconds = 30;

    // Where Debian's pocketsphinx-en-us installs the model (pkg-config's modeldir).
    static QString defaultModelDirectory();

    explicit PocketSphinxTranscriber(const QString &modelDirectory = defaultModelDirectory());
    ~PocketSphinxTranscriber() override;
    PocketSphinxTranscriber(const PocketSphinxTranscriber &) = delete;
    PocketSphinxTranscriber &operator=(const PocketSphinxTranscriber &) = delete;

    QString name() const override;
    TranscriptionResult transcribe(const MonoAudio &audio, const Progress &progress) override;

private:
    struct DecoderFreer
    {
        void operator()(ps_decoder_s *decoder) const;
    };

    // Loads the model once; on failure says why in `error`.
    bool loadDecoder(QString *error);
    // Starts the decoder's live cepstral mean at that of the audio's first speech.
    void primeCepstralMean(const MonoAudio &audio);
    // Appends the words of the utterance just ended, none past `endSeconds`.
    void appendWords(double endSeconds, TimedWords &words) const;

    const QString m_modelDirectory;
    std::unique_ptr<ps_decoder_s, DecoderFreer> m_decoder;
    int m_sampleRate = 16000;
    int m_framesPerSecond = 100;
};
