// Prints the milliseconds WaveformView takes for a 2-hour stereo call with 3,000 turns
// (medians of RUNS, offscreen):
//   open_ms      setTurns + setPeaks + the first replot (what opening the call costs it)
//   replot_full_ms / replot_zoomed_ms   one replot showing the whole call / 30 s of it
//   zoom_ms      one wheel notch's zoom, with its replot
//   playhead_ms  one playback position update (the playhead layer alone)
//   bench_waveformview [RUNS]
#include "waveformview.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

namespace {

constexpr double kSeconds = 2 * 3600;
constexpr int kTurns = 3000;
constexpr int kRate = 1000;     // 10 frames per bucket: the peaks' real size, cheap to make

WaveformPeaks twoHourPeaks()
{
    WaveformPeaks peaks(2, kRate);
    QList<float> block(2 * kRate);
    for (int second = 0; second < int(kSeconds); ++second) {
        const bool agentSpeaks = second % 7 < 4;
        for (int frame = 0; frame < kRate; ++frame) {
            const float sign = frame % 2 ? 1.0f : -1.0f;
            const float swell = float(std::abs(std::sin(frame * 0.01)));
            block[2 * frame] = agentSpeaks ? sign * swell * 0.7f : 0.01f * sign;
            block[2 * frame + 1] = agentSpeaks ? 0.01f * sign : sign * swell * 0.5f;
        }
        peaks.append(block.constData(), kRate);
    }
    peaks.finish();
    return peaks;
}

Turns threeThousandTurns()
{
    Turns turns;
    const double each = kSeconds / kTurns;
    for (int i = 0; i < kTurns; ++i) {
        Turn turn;
        turn.role = i % 10 == 9 ? Turn::Role::FunctionCall : (i % 2 ? Turn::Role::TestingAgent : Turn::Role::MainAgent);
        turn.startTime = i * each + (i % 13 == 0 ? 2.5 : 0.2);    // now and then a slow answer
        turn.endTime = turn.isTool() ? turn.startTime : (i + 1) * each + (i % 17 == 0 ? 0.8 : -0.1);
        turns.append(turn);
    }
    return turns;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double timed(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 5;
    const WaveformPeaks peaks = twoHourPeaks();
    const Turns turns = threeThousandTurns();

    QList<double> open, full, zoomed, zoom, playhead;
    for (int run = 0; run < runs; ++run) {
        WaveformView view;
        view.resize(1200, 190);
        view.show();
        auto *plot = view.findChild<QCustomPlot *>();
        open.append(timed([&] {
            view.setTurns(turns);
            view.setPeaks(peaks, {QStringLiteral("Agent"), QStringLiteral("Caller")});
            plot->replot();
        }));
        full.append(timed([&] { plot->replot(); }));
        view.setVisibleRange(3600, 3630);
        plot->replot();
        zoomed.append(timed([&] { plot->replot(); }));
        view.zoomToFit();
        plot->replot();
        const QPointF at = view.timeArea().center();
        zoom.append(timed([&] {
            QWheelEvent wheel(at, plot->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QApplication::sendEvent(plot, &wheel);
            plot->replot();
        }));
        playhead.append(timed([&] { view.setPosition(view.visibleRange().from + 1.0 + run); }));
    }
    std::printf("call: 2 h stereo (%d buckets per channel), %d turns; %d runs\n", peaks.bucketCount(), kTurns, runs);
    std::printf("open_ms: %.2f\n", median(open));
    std::printf("replot_full_ms: %.2f\n", median(full));
    std::printf("replot_zoomed_ms: %.2f\n", median(zoomed));
    std::printf("zoom_ms: %.2f\n", median(zoom));
    std::printf("playhead_ms: %.2f\n", median(playhead));
    return 0;
}
