// bench_formats: parse speed of every transcript format, in turns per second.
// Builds one large transcript per format in that format's own shape (speech turns with
// tool calls every tenth turn), parses it several times and prints the median rate.
// Usage: bench_formats [turns per transcript] [runs]

#include "formats/transcriptformat.h"
#include "formats/transcriptformats.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

QString sentence(int i)
{
    return QStringLiteral("Turn %1: could you confirm the appointment on Friday at ten?").arg(i);
}

bool isToolTurn(int i)
{
    return i % 10 == 9;
}

QJsonArray cekura(int turns)
{
    QJsonArray list;
    for (int i = 0; i < turns; ++i) {
        const double start = i * 3.0;
        if (isToolTurn(i))
            list.append(QJsonObject{{"role", "Function Call"}, {"content", ""}, {"start_time", start}, {"end_time", start},
                                    {"data", QJsonObject{{"id", QString::number(i)}, {"name", "lookup"}, {"arguments", "{}"}}}});
        else
            list.append(QJsonObject{{"role", i % 2 ? "Testing Agent" : "Main Agent"}, {"content", sentence(i)},
                                    {"start_time", start}, {"end_time", start + 2.5}});
    }
    return list;
}

QJsonArray vapi(int turns)
{
    const double t0 = 1767000000000.0;
    QJsonArray list{QJsonObject{{"role", "system"}, {"message", "Be kind."}, {"time", t0}, {"secondsFromStart", 0}}};
    for (int i = 0; i < turns; ++i) {
        const double start = i * 3.0;
        if (isToolTurn(i))
            list.append(QJsonObject{{"role", "tool_calls"}, {"time", t0 + start * 1000}, {"secondsFromStart", start},
                                    {"toolCalls", QJsonArray{QJsonObject{{"id", QString::number(i)}, {"type", "function"},
                                                                         {"function", QJsonObject{{"name", "lookup"}, {"arguments", "{}"}}}}}}});
        else
            list.append(QJsonObject{{"role", i % 2 ? "user" : "bot"}, {"message", sentence(i)}, {"time", t0 + start * 1000},
                                    {"endTime", t0 + start * 1000 + 2500}, {"secondsFromStart", start}, {"duration", 2500}});
    }
    return list;
}

QJsonArray retell(int turns)
{
    QJsonArray list;
    for (int i = 0; i < turns; ++i) {
        const double start = i * 3.0;
        if (isToolTurn(i)) {
            list.append(QJsonObject{{"role", "tool_call_invocation"}, {"tool_call_id", QString::number(i)}, {"name", "lookup"}, {"arguments", "{}"}});
            continue;
        }
        QJsonArray words;
        for (int w = 0; w < 10; ++w)
            words.append(QJsonObject{{"word", "word "}, {"start", start + w * 0.25}, {"end", start + w * 0.25 + 0.2}});
        list.append(QJsonObject{{"role", i % 2 ? "user" : "agent"}, {"content", sentence(i)}, {"words", words}});
    }
    return list;
}

QJsonArray elevenlabs(int turns)
{
    QJsonArray list;
    for (int i = 0; i < turns; ++i) {
        QJsonObject entry{{"role", i % 2 ? "user" : "agent"}, {"time_in_call_secs", i * 3}, {"tool_results", QJsonArray()}};
        if (isToolTurn(i)) {
            entry.insert("message", QJsonValue::Null);
            entry.insert("tool_calls", QJsonArray{QJsonObject{{"request_id", QString::number(i)}, {"tool_name", "lookup"}, {"params_as_json", "{}"}}});
        } else {
            entry.insert("message", sentence(i));
            entry.insert("tool_calls", QJsonArray());
        }
        list.append(entry);
    }
    return list;
}

QJsonArray livekit(int turns)
{
    QJsonArray list;
    for (int i = 0; i < turns; ++i)
        list.append(QJsonObject{{"role", i % 2 ? "user" : "assistant"}, {"content", sentence(i)}, {"timestamp", i * 3.0}});
    return list;
}

QJsonArray pipecat(int turns)
{
    QJsonArray list;
    for (int i = 0; i < turns; ++i) {
        if (isToolTurn(i))
            list.append(QJsonObject{{"role", "tool_call"}, {"data", QJsonObject{{"id", QString::number(i)}, {"name", "lookup"}, {"arguments", "{}"}}}});
        else
            list.append(QJsonObject{{"role", i % 2 ? "user" : "assistant"}, {"content", sentence(i)},
                                    {"start_time", i * 3.0}, {"end_time", i * 3.0 + 2.5}});
    }
    return list;
}

// Deepgram counts turns, not words: ten words per turn.
QJsonArray deepgram(int turns)
{
    QJsonArray list;
    for (int i = 0; i < turns; ++i) {
        for (int w = 0; w < 10; ++w) {
            const double start = i * 3.0 + w * 0.25;
            list.append(QJsonObject{{"word", "word"}, {"punctuated_word", "Word,"}, {"start", start}, {"end", start + 0.2},
                                    {"confidence", 0.98}, {"speaker", i % 2}});
        }
    }
    return list;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int turns = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 20000;
    const int runs = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 7;

    const QList<std::pair<QString, std::function<QJsonArray(int)>>> generators{
        {"cekura", cekura}, {"vocera", cekura}, {"vapi", vapi}, {"retell", retell}, {"elevenlabs", elevenlabs},
        {"livekit", livekit}, {"pipecat", pipecat}, {"deepgram", deepgram}};

    std::printf("%-12s %10s %14s %12s\n", "format", "turns", "turns/second", "median ms");
    for (const auto &[name, generate] : generators) {
        const TranscriptFormat *format = TranscriptFormats::find(name);
        const QJsonValue transcript = generate(turns);
        QList<double> seconds;
        qsizetype parsed = 0;
        for (int run = 0; run < runs; ++run) {
            FieldErrors errors;
            QElapsedTimer timer;
            timer.start();
            parsed = format->parse(transcript, {}, errors).size();
            seconds.append(timer.nsecsElapsed() / 1e9);
            if (!errors.isEmpty()) {
                std::printf("%-12s failed: %s\n", qPrintable(name), qPrintable(errors.summary().left(200)));
                return 1;
            }
        }
        std::sort(seconds.begin(), seconds.end());
        const double median = seconds.at(seconds.size() / 2);
        std::printf("%-12s %10lld %14.0f %12.2f\n", qPrintable(name), static_cast<long long>(parsed), parsed / median, median * 1000);
    }
    return 0;
}
