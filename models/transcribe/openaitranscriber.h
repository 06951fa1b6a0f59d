#pragma once

#include "transcriber.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QUrl>

class QNetworkReply;

// Transcribes with a server speaking OpenAI's audio API, POST {baseUrl}/v1/audio/transcriptions
// (whisper.cpp's server, a faster-whisper server, OpenAI itself). The audio goes up as one
// 16 kHz 16-bit mono WAV file, the rate Whisper models work at and the one older whisper.cpp
// servers insist on, with word and segment timestamps asked for. Words come from the answer's
// words[], else from its segments' words[], else each segment's text is spread over the
// segment's span, each word taking a share as long as its share of the characters.
// Redirects are followed only on the same server, so the audio and the key never go
// elsewhere; the API key is sent as a bearer token and never appears in an error.
// transcribe() makes its own network access manager on the calling thread and waits in a
// local event loop, so the worker thread needs no event loop running.
class OpenAiTranscriber : public Transcriber
{
    Q_DECLARE_TR_FUNCTIONS(OpenAiTranscriber)

public:
    // The server and how to ask it (TranscriptionSettings keeps them).
    struct Options
    {
        QUrl baseUrl;                         // e.g. http://127.0.0.1:8080; a trailing /v1 is not doubled
        QString model = QStringLiteral("whisper-1");
        QString apiKey;                       // sent as "Authorization: Bearer" when set
        QString language;                     // an ISO 639-1 code; empty: the server detects it
        int timeoutMs = 300000;               // with nothing sent or received; a long call takes a while

        // Why the options cannot be used (no URL, not http or https, no host), else empty.
        QString problem() const;

        bool operator==(const Options &) const = default;
    };

    static constexpr int UploadSampleRate = 16000;

    explicit OpenAiTranscriber(Options options);

    QString name() const override;
    // Progress: the upload from 0 to 0.5 (asked again while the server works, so a cancel
    // stays prompt), then 1 once the words are read.
    TranscriptionResult transcribe(const MonoAudio &audio, const Progress &progress) override;

    const Options &options() const { return m_options; }

    // Where the request goes: the base URL's path with /v1/audio/transcriptions appended.
    static QUrl endpoint(const QUrl &baseUrl);
    // `audio` as a WAV file, 16-bit mono at UploadSampleRate; empty when it cannot be
    // converted. The one copy of the audio an upload makes.
    static QByteArray wavFile(const MonoAudio &audio);

private:
    // The server as errors name it: its base URL without user name or password.
    QString serverName() const;
    // What went wrong with a finished reply (`body` is what it said), else empty.
    QString errorOf(QNetworkReply &reply, const QByteArray &body) const;
    // `text` from the server with the API key, should it be echoed back, blanked out.
    QString withoutKey(QString text) const;

    Options m_options;
};
