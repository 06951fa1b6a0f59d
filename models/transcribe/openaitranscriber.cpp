#include "openaitranscriber.h"

#include "resampler.h"

#include <QEventLoop>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>

namespace {

constexpr qsizetype WavHeaderSize = 44;
// Input samples resampled at a time: the float copy of them stays small.
constexpr qsizetype ResampleChunk = 1 << 16;
// How often the progress callback is asked while the server works and nothing else reports.
constexpr int CancelPollMs = 200;

void writeWavHeader(char *header, qint64 dataBytes)
{
    auto put32 = [&header](qsizetype at, quint32 value) { qToLittleEndian(value, header + at); };
    auto put16 = [&header](qsizetype at, quint16 value) { qToLittleEndian(value, header + at); };
    std::copy_n("RIFF", 4, header);
    put32(4, quint32(36 + dataBytes));
    std::copy_n("WAVEfmt ", 8, header + 8);
    put32(16, 16);                                   // the fmt chunk's size
    put16(20, 1);                                    // PCM
    put16(22, 1);                                    // mono
    put32(24, OpenAiTranscriber::UploadSampleRate);
    put32(28, OpenAiTranscriber::UploadSampleRate * 2);   // bytes per second
    put16(32, 2);                                    // bytes per sample frame
    put16(34, 16);                                   // bits per sample
    std::copy_n("data", 4, header + 36);
    put32(40, quint32(dataBytes));
}

QHttpPart formField(const QByteArray &name, const QString &value)
{
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArray("form-data; name=\"" + name + '"'));
    part.setBody(value.toUtf8());
    return part;
}

QHttpPart wavPart(const QByteArray &wav)
{
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArray("form-data; name=\"file\"; filename=\"audio.wav\""));
    part.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("audio/wav"));
    part.setBody(wav);   // shared, not copied
    return part;
}

double seconds(const QJsonValue &value)
{
    const double time = value.toDouble();
    return std::isfinite(time) ? std::max(time, 0.0) : 0.0;
}

// The {word, start, end} entries of `entries`, blank words left out.
void appendWords(const QJsonArray &entries, TimedWords &words)
{
    for (const QJsonValue &entry : entries) {
        const QJsonObject word = entry.toObject();
        const QString text = word.value(QLatin1String("word")).toString().trimmed();
        if (text.isEmpty())
            continue;
        const double start = seconds(word.value(QLatin1String("start")));
        words.append({text, start, std::max(start, seconds(word.value(QLatin1String("end"))))});
    }
}

// A segment's words when the server timed only the segment: its span shared out by the
// words' lengths, so a long word takes longer than a short one.
void appendSpreadWords(const QJsonObject &segment, TimedWords &words)
{
    const QStringList texts = segment.value(QLatin1String("text")).toString().simplified().split(
        QLatin1Char(' '), Qt::SkipEmptyParts);
    qsizetype characters = 0;
    for (const QString &text : texts)
        characters += text.size();
    if (characters == 0)
        return;
    const double start = seconds(segment.value(QLatin1String("start")));
    const double span = std::max(0.0, seconds(segment.value(QLatin1String("end"))) - start);
    qsizetype before = 0;
    for (const QString &text : texts) {
        const double from = start + span * double(before) / double(characters);
        before += text.size();
        words.append({text, from, start + span * double(before) / double(characters)});
    }
}

// The words of a verbose_json answer in time order; none when it has neither words[] nor
// segments[] (an answer with empty ones is silence, not an error).
std::optional<TimedWords> wordsOf(const QJsonObject &answer)
{
    const QJsonValue words = answer.value(QLatin1String("words"));
    const QJsonValue segments = answer.value(QLatin1String("segments"));
    if (!words.isArray() && !segments.isArray())
        return std::nullopt;
    TimedWords result;
    appendWords(words.toArray(), result);
    if (result.isEmpty()) {
        // whisper.cpp's server times words inside each segment; other servers only segments.
        for (const QJsonValue &segment : segments.toArray())
            appendWords(segment.toObject().value(QLatin1String("words")).toArray(), result);
    }
    if (result.isEmpty()) {
        for (const QJsonValue &segment : segments.toArray())
            appendSpreadWords(segment.toObject(), result);
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const TimedWord &a, const TimedWord &b) { return a.startTime < b.startTime; });
    return result;
}

// What an error answer says: OpenAI's {"error": {"message"}}, a plain {"error": "..."}, or
// FastAPI's {"detail": "..."}. Empty when it says nothing readable.
QString errorMessageOf(const QByteArray &body)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    const QJsonValue error = answer.value(QLatin1String("error"));
    QString message = error.isObject() ? error.toObject().value(QLatin1String("message")).toString() : error.toString();
    if (message.isEmpty())
        message = answer.value(QLatin1String("detail")).toString();
    return message.simplified();
}

QString sentence(QString text)
{
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('.')) && !text.endsWith(QLatin1Char('!'))
        && !text.endsWith(QLatin1Char('?')))
        text += QLatin1Char('.');
    return text;
}

} // namespace

QString OpenAiTranscriber::Options::problem() const
{
    if (baseUrl.isEmpty())
        return tr("No OpenAI-compatible transcription server is set up (its URL is empty).");
    if (!baseUrl.isValid() || (baseUrl.scheme() != QLatin1String("http") && baseUrl.scheme() != QLatin1String("https")))
        return tr("The transcription server URL must be an http:// or https:// address.");
    if (baseUrl.host().isEmpty())
        return tr("The transcription server URL has no host.");
    return {};
}

OpenAiTranscriber::OpenAiTranscriber(Options options)
    : m_options(std::move(options))
{
}

QString OpenAiTranscriber::name() const
{
    return QStringLiteral("openai");
}

QUrl OpenAiTranscriber::endpoint(const QUrl &baseUrl)
{
    QUrl url = baseUrl.adjusted(QUrl::RemoveFragment);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    // OpenAI's own base URL is often written with its /v1.
    path += path.endsWith(QLatin1String("/v1")) ? QLatin1String("/audio/transcriptions")
                                                : QLatin1String("/v1/audio/transcriptions");
    url.setPath(path);
    return url;
}

QByteArray OpenAiTranscriber::wavFile(const MonoAudio &audio)
{
    Resampler resampler(audio.sampleRate, UploadSampleRate);
    if (!resampler.error().isEmpty())
        return {};
    // Room for every sample, so the file is the one copy and is never moved while it grows.
    const double expected = double(audio.samples.size()) * UploadSampleRate / audio.sampleRate + 1024;
    if (expected * 2 > double(std::numeric_limits<quint32>::max() - WavHeaderSize))
        return {};   // beyond what a WAV file's sizes can say (some 37 hours)
    QByteArray wav(WavHeaderSize, Qt::Uninitialized);
    wav.reserve(WavHeaderSize + qsizetype(expected) * 2);

    std::vector<float> resampled;
    auto append = [&wav, &resampled] {
        const qsizetype at = wav.size();
        wav.resize(at + qsizetype(resampled.size()) * 2);
        char *out = wav.data() + at;
        for (const float sample : resampled) {
            qToLittleEndian(qint16(std::lrint(std::clamp(sample, -1.0f, 1.0f) * 32767.0f)), out);
            out += 2;
        }
        resampled.clear();
    };
    const auto count = qsizetype(audio.samples.size());
    for (qsizetype from = 0; from < count; from += ResampleChunk) {
        resampler.process(audio.samples.data() + from, std::min(ResampleChunk, count - from), resampled);
        append();
    }
    resampler.flush(resampled);
    append();
    writeWavHeader(wav.data(), wav.size() - WavHeaderSize);
    return wav;
}

QString OpenAiTranscriber::serverName() const
{
    return m_options.baseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                                      | QUrl::StripTrailingSlash)
        .toDisplayString();
}

QString OpenAiTranscriber::errorOf(QNetworkReply &reply, const QByteArray &body) const
{
    const QString server = serverName();
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    switch (reply.error()) {
    case QNetworkReply::OperationCanceledError:   // the transfer timeout
    case QNetworkReply::TimeoutError:
        return tr("The transcription server %1 did not answer within %2 s.").arg(server).arg(m_options.timeoutMs / 1000.0);
    case QNetworkReply::ConnectionRefusedError:
        return tr("The transcription server %1 refused the connection; is it running?").arg(server);
    case QNetworkReply::HostNotFoundError:
        return tr("The transcription server %1 could not be found.").arg(server);
    case QNetworkReply::InsecureRedirectError:
        return tr("The transcription server %1 redirected the upload to another server, which is not followed.").arg(server);
    default:
        break;
    }
    if (status >= 300) {
        const QString message = withoutKey(errorMessageOf(body));
        if (!message.isEmpty())
            return tr("The transcription server %1 answered HTTP %2: %3").arg(server).arg(status).arg(sentence(message));
        if (status == 404)
            return tr("The transcription server %1 answered HTTP 404: it has no %2; is its URL right?")
                .arg(server, endpoint(m_options.baseUrl).path());
        return tr("The transcription server %1 answered HTTP %2.").arg(server).arg(status);
    }
    if (reply.error() != QNetworkReply::NoError)
        return tr("The transcription server %1 could not be reached: %2").arg(server, sentence(withoutKey(reply.errorString())));
    return {};
}

QString OpenAiTranscriber::withoutKey(QString text) const
{
    if (!m_options.apiKey.isEmpty())
        text.replace(m_options.apiKey, QStringLiteral("…"));
    return text;
}

TranscriptionResult OpenAiTranscriber::transcribe(const MonoAudio &audio, const Progress &progress)
{
    auto failure = [](const QString &error) { return TranscriptionResult{{}, error}; };
    const QString cancelled = tr("Transcription was cancelled.");
    if (const QString problem = m_options.problem(); !problem.isEmpty())
        return failure(problem);
    if (audio.samples.empty())
        return {};
    if (progress && !progress(0.0))
        return failure(cancelled);
    const QByteArray wav = wavFile(audio);
    if (wav.isEmpty())
        return failure(tr("The audio (%1 samples at %2 Hz) could not be made into a WAV file for the transcription server.")
                           .arg(audio.samples.size())
                           .arg(audio.sampleRate));

    auto *form = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    form->append(wavPart(wav));
    if (!m_options.model.isEmpty())
        form->append(formField("model", m_options.model));
    form->append(formField("response_format", QStringLiteral("verbose_json")));
    form->append(formField("timestamp_granularities[]", QStringLiteral("word")));
    form->append(formField("timestamp_granularities[]", QStringLiteral("segment")));
    if (!m_options.language.isEmpty())
        form->append(formField("language", m_options.language));

    QNetworkRequest request(endpoint(m_options.baseUrl));
    request.setTransferTimeout(m_options.timeoutMs);
    // A redirect to another server would hand it the recording and the key.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    if (!m_options.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_options.apiKey.toUtf8());

    // Made here so its replies belong to this thread and this event loop drives them.
    QNetworkAccessManager network;
    const std::unique_ptr<QNetworkReply> reply(network.post(request, form));
    form->setParent(reply.get());

    QEventLoop loop;
    QTimer poll;
    bool wasCancelled = false;
    double done = 0.0;
    auto report = [&](double share) {
        done = share;
        if (progress && !wasCancelled && !progress(done)) {
            wasCancelled = true;
            reply->abort();
        }
    };
    QObject::connect(reply.get(), &QNetworkReply::uploadProgress, &loop, [&](qint64 sent, qint64 total) {
        if (total > 0)
            report(0.5 * double(sent) / double(total));
    });
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] { report(done); });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    poll.start(CancelPollMs);
    if (!reply->isFinished())
        loop.exec();
    poll.stop();

    if (wasCancelled)
        return failure(cancelled);
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();   // closed once aborted
    if (const QString error = errorOf(*reply, body); !error.isEmpty())
        return failure(error);

    const QString server = serverName();
    QJsonParseError parseError;
    const QJsonDocument answer = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !answer.isObject())
        return failure(tr("The transcription server %1 did not answer with a JSON object (it began “%2”).")
                           .arg(server, withoutKey(QString::fromUtf8(body.left(80)).simplified())));
    std::optional<TimedWords> words = wordsOf(answer.object());
    if (!words)
        return failure(tr("The transcription server %1 answered without words or segments; "
                          "does it support response_format=verbose_json?").arg(server));
    if (progress)
        progress(1.0);
    return {std::move(*words), {}};
}
