// The waveform view driven as a user drives it: real mouse and wheel events on the plot,
// with the expected times worked out from the widget's geometry, not from its own mapping.
#include "waveformview.h"

#include <qcustomplot.h>

#include <QAccessible>
#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <cmath>

namespace {

constexpr int kRate = 1000;   // 10 frames per peak bucket: long recordings stay cheap to make

// `seconds` of a tone that swells and fades every 4 s; channel c at amplitude 0.8 / (c + 1).
WaveformPeaks tonePeaks(int channels, double seconds)
{
    WaveformPeaks peaks(channels, kRate);
    const auto frames = qint64(seconds * kRate);
    QList<float> samples;
    samples.reserve(frames * channels);
    for (qint64 frame = 0; frame < frames; ++frame) {
        const double t = double(frame) / kRate;
        const double swell = std::abs(std::sin(M_PI * t / 4));
        for (int channel = 0; channel < channels; ++channel)
            samples.append(float((frame % 2 ? 1 : -1) * swell * 0.8 / (channel + 1)));
    }
    peaks.append(samples.constData(), frames);
    peaks.finish();
    return peaks;
}

Turn turn(Turn::Role role, double start, double end)
{
    Turn t;
    t.role = role;
    t.startTime = start;
    t.endTime = end;
    return t;
}

// Agent greets, caller asks, a tool runs, the agent answers 3.4 s after the caller ended,
// then the caller talks over the agent's next turn for 0.5 s.
Turns conversation()
{
    return {turn(Turn::Role::MainAgent, 0.5, 3), turn(Turn::Role::TestingAgent, 3.5, 6),
            turn(Turn::Role::FunctionCall, 7, 7), turn(Turn::Role::FunctionCallResult, 8, 8),
            turn(Turn::Role::MainAgent, 9.4, 14), turn(Turn::Role::TestingAgent, 13.5, 16)};
}

} // namespace

class TestWaveformView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void stereoHasTwoChannelLanesThenSpeakerLanes();
    void monoHasOneChannelLane();
    void accessibleNameIsWaveform();
    void clickSeeksToTheTimeUnderThePointer();
    void dragSeeksContinuously();
    void wheelZoomKeepsTheTimeUnderThePointer();
    void zoomStopsAtItsLimits();
    void horizontalWheelScrolls();
    void zoomedInViewFollowsPlayback();
    void noFollowingWhileDragging();
    void progressAndMessageShowInTheWaveformArea();
    void gapsAndOverlapsComeFromTheTurns();
    void longRecordingIsDrawnAtPixelWidth();
    void fullViewFollowsTheCallsLength();

private:
    // Lays the plot out and paints it now instead of at the next event loop turn.
    void replot();
    double timeAt(int x) const;
    double pixelSpan() const;
    void wheel(int x, QPoint angleDelta, Qt::KeyboardModifiers modifiers = Qt::NoModifier);

    std::unique_ptr<WaveformView> m_view;
    QCustomPlot *m_plot = nullptr;
};

void TestWaveformView::init()
{
    m_view = std::make_unique<WaveformView>();
    m_view->resize(900, 190);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_plot = m_view->findChild<QCustomPlot *>();
    QVERIFY(m_plot);
}

void TestWaveformView::cleanup()
{
    m_view.reset();
}

void TestWaveformView::replot()
{
    m_plot->replot();
}

double TestWaveformView::timeAt(int x) const
{
    const QRect area = m_view->timeArea();
    const WaveformView::TimeRange range = m_view->visibleRange();
    return range.from + double(x - area.left()) / area.width() * range.span();
}

double TestWaveformView::pixelSpan() const
{
    return m_view->visibleRange().span() / m_view->timeArea().width();
}

void TestWaveformView::wheel(int x, QPoint angleDelta, Qt::KeyboardModifiers modifiers)
{
    const QPointF pos(x, m_view->timeArea().center().y());
    QWheelEvent event(pos, m_plot->mapToGlobal(pos), QPoint(), angleDelta, Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_plot, &event);
}

void TestWaveformView::stereoHasTwoChannelLanesThenSpeakerLanes()
{
    m_view->setPeaks(tonePeaks(2, 20), {QStringLiteral("Agent"), QStringLiteral("Caller")});
    QCOMPARE(m_view->laneLabels(), (QStringList{"Agent", "Caller", "Agent", "Caller"}));
    m_view->setTurns(conversation());   // tool entries add their row
    QCOMPARE(m_view->laneLabels(), (QStringList{"Agent", "Caller", "Agent", "Caller", "Tools"}));
    m_view->setPeaks(tonePeaks(2, 20), {QStringLiteral("Caller"), QStringLiteral("Agent")});
    QCOMPARE(m_view->laneLabels().mid(0, 2), (QStringList{"Caller", "Agent"}));
    QCOMPARE(m_view->statusText(), QString());
}

void TestWaveformView::monoHasOneChannelLane()
{
    m_view->setPeaks(tonePeaks(1, 20), {});
    QCOMPARE(m_view->laneLabels(), (QStringList{"Mono", "Agent", "Caller"}));
    QCOMPARE(m_view->duration(), 20.0);
}

void TestWaveformView::accessibleNameIsWaveform()
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(m_view.get());
    QVERIFY(accessible);
    QCOMPARE(accessible->text(QAccessible::Name), QStringLiteral("Waveform"));
}

void TestWaveformView::clickSeeksToTheTimeUnderThePointer()
{
    m_view->setPeaks(tonePeaks(2, 120), {QStringLiteral("Agent"), QStringLiteral("Caller")});
    replot();
    const QRect area = m_view->timeArea();
    QVERIFY(area.width() > 600);
    QSignalSpy seeks(m_view.get(), &WaveformView::seekRequested);
    for (const double share : {0.1, 0.5, 0.9}) {
        const int x = area.left() + int(share * area.width());
        QTest::mouseClick(m_plot, Qt::LeftButton, {}, QPoint(x, area.top() + 10));
        QVERIFY(!seeks.isEmpty());
        const double asked = seeks.last().at(0).toDouble();
        QVERIFY2(std::abs(asked - timeAt(x)) <= pixelSpan(), qPrintable(QString::number(asked)));
        QCOMPARE(m_view->position(), asked);
    }
    // Left of the lanes (their labels) is not a time.
    seeks.clear();
    QTest::mouseClick(m_plot, Qt::LeftButton, {}, QPoint(area.left() - 20, area.top() + 10));
    QCOMPARE(seeks.size(), 0);
}

void TestWaveformView::dragSeeksContinuously()
{
    m_view->setDuration(300);
    replot();
    const QRect area = m_view->timeArea();
    const int y = area.center().y();
    QSignalSpy seeks(m_view.get(), &WaveformView::seekRequested);
    QTest::mousePress(m_plot, Qt::LeftButton, {}, QPoint(area.left() + 100, y));
    for (int x = area.left() + 150; x <= area.left() + 400; x += 50)
        QTest::mouseMove(m_plot, QPoint(x, y));
    QTest::mouseRelease(m_plot, Qt::LeftButton, {}, QPoint(area.left() + 450, y));

    QCOMPARE(seeks.size(), 8);
    double previous = -1;
    for (const QList<QVariant> &seek : std::as_const(seeks)) {
        QVERIFY(seek.at(0).toDouble() > previous);
        previous = seek.at(0).toDouble();
    }
    QVERIFY(std::abs(previous - timeAt(area.left() + 450)) <= pixelSpan());
    QCOMPARE(m_view->position(), previous);
}

void TestWaveformView::wheelZoomKeepsTheTimeUnderThePointer()
{
    m_view->setPeaks(tonePeaks(1, 600), {});
    replot();
    QCOMPARE(m_view->visibleRange().span(), 600.0);
    const QRect area = m_view->timeArea();
    QSignalSpy ranges(m_view.get(), &WaveformView::visibleRangeChanged);
    for (const double share : {0.3, 0.7}) {
        const int x = area.left() + int(share * area.width());
        const double before = timeAt(x);
        const double spanBefore = m_view->visibleRange().span();
        wheel(x, QPoint(0, 120));
        replot();
        QVERIFY(m_view->visibleRange().span() < spanBefore);
        QVERIFY2(std::abs(timeAt(x) - before) <= pixelSpan(),
                 qPrintable(QStringLiteral("%1 became %2").arg(before).arg(timeAt(x))));
    }
    QCOMPARE(ranges.size(), 2);
    // Back out again around the same point.
    const int x = area.left() + int(0.7 * area.width());
    const double before = timeAt(x);
    wheel(x, QPoint(0, -120));
    QVERIFY(std::abs(timeAt(x) - before) <= pixelSpan());
}

void TestWaveformView::zoomStopsAtItsLimits()
{
    m_view->setDuration(600);
    replot();
    const int x = m_view->timeArea().center().x();
    for (int notch = 0; notch < 60; ++notch)
        wheel(x, QPoint(0, 120));
    QCOMPARE(m_view->visibleRange().span(), WaveformView::MinimumSpan);
    for (int notch = 0; notch < 60; ++notch)
        wheel(x, QPoint(0, -120));
    QCOMPARE(m_view->visibleRange().from, 0.0);
    QCOMPARE(m_view->visibleRange().to, 600.0);

    m_view->setVisibleRange(100, 100.5);
    QCOMPARE(m_view->visibleRange().span(), WaveformView::MinimumSpan);
    m_view->setVisibleRange(590, 620);
    QCOMPARE(m_view->visibleRange().to, 600.0);
    QCOMPARE(m_view->visibleRange().from, 570.0);
    m_view->zoomToFit();
    QCOMPARE(m_view->visibleRange().span(), 600.0);
    m_view->zoomIn();
    QCOMPARE(m_view->visibleRange().span(), 300.0);
    m_view->zoomOut();
    QCOMPARE(m_view->visibleRange().span(), 600.0);
}

void TestWaveformView::horizontalWheelScrolls()
{
    m_view->setDuration(600);
    m_view->setVisibleRange(100, 200);
    replot();
    const int x = m_view->timeArea().center().x();
    wheel(x, QPoint(-120, 0));
    QCOMPARE(m_view->visibleRange().from, 110.0);
    wheel(x, QPoint(0, 120), Qt::ShiftModifier);
    QCOMPARE(m_view->visibleRange().from, 100.0);
    QCOMPARE(m_view->visibleRange().span(), 100.0);
}

void TestWaveformView::zoomedInViewFollowsPlayback()
{
    m_view->setDuration(600);
    m_view->setVisibleRange(100, 110);
    m_view->setPosition(105);
    QCOMPARE(m_view->visibleRange().from, 100.0);

    // Playing past the right edge turns the page: the playhead near the new left edge.
    m_view->setPosition(109.9);
    m_view->setPosition(110.1);
    QVERIFY(m_view->visibleRange().contains(110.1));
    QVERIFY(m_view->visibleRange().from > 109.0);
    QCOMPARE(m_view->visibleRange().span(), 10.0);

    // A seek elsewhere brings the view along.
    m_view->setPosition(300);
    QVERIFY(m_view->visibleRange().contains(300));

    // Scrolled away by the user, playback going on does not pull the view back ...
    m_view->setVisibleRange(400, 410);
    m_view->setPosition(300.1);
    QCOMPARE(m_view->visibleRange().from, 400.0);
    // ... and the whole call in view has nothing to follow.
    m_view->zoomToFit();
    m_view->setPosition(500);
    QCOMPARE(m_view->visibleRange().span(), 600.0);
}

void TestWaveformView::noFollowingWhileDragging()
{
    m_view->setDuration(600);
    m_view->setVisibleRange(100, 110);
    replot();
    const QRect area = m_view->timeArea();
    QTest::mousePress(m_plot, Qt::LeftButton, {}, QPoint(area.center().x(), area.center().y()));
    m_view->setPosition(300);   // the player reporting its clock mid-drag
    QCOMPARE(m_view->visibleRange().from, 100.0);
    QVERIFY(std::abs(m_view->position() - 105) < 0.1);
    QTest::mouseRelease(m_plot, Qt::LeftButton, {}, QPoint(area.center().x(), area.center().y()));
    m_view->setPosition(300);
    QVERIFY(m_view->visibleRange().contains(300));
}

void TestWaveformView::progressAndMessageShowInTheWaveformArea()
{
    m_view->setProgress(0.42);
    QCOMPARE(m_view->statusText(), QStringLiteral("Computing waveform… 42%"));
    replot();
    // The progress bar is drawn in the highlight colour, 42% of its width filled.
    const QImage image = m_view->grab().toImage();
    QVERIFY(!image.isNull());
    const QRgb highlight = m_view->palette().color(QPalette::Highlight).rgb();
    int highlighted = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            highlighted += image.pixel(x, y) == highlight;
    }
    QVERIFY2(highlighted > 100, qPrintable(QString::number(highlighted)));

    m_view->showMessage(QStringLiteral("No recording"));
    QCOMPARE(m_view->statusText(), QStringLiteral("No recording"));
    QCOMPARE(m_view->laneLabels(), (QStringList{QString(), "Agent", "Caller"}));
    replot();
    QVERIFY(!m_view->grab().isNull());

    m_view->setPeaks(tonePeaks(1, 10), {});
    QCOMPARE(m_view->statusText(), QString());
    m_view->clear();
    QCOMPARE(m_view->statusText(), QString());
    QCOMPARE(m_view->duration(), 0.0);
}

void TestWaveformView::gapsAndOverlapsComeFromTheTurns()
{
    m_view->setTurns(conversation());
    QCOMPARE(m_view->gaps().size(), 1);
    QCOMPARE(m_view->gaps()[0].start, 6.0);
    QCOMPARE(m_view->gaps()[0].end, 9.4);
    QCOMPARE(m_view->overlaps().size(), 1);
    QCOMPARE(m_view->overlaps()[0].start, 13.5);
    QCOMPARE(m_view->overlaps()[0].end, 14.0);
    // Transcript only: the turns give the view its length.
    QCOMPARE(m_view->duration(), 16.0);
    m_view->setCurrentTurn(4);
    replot();
    QVERIFY(!m_view->grab().isNull());
    m_view->setTurns({});
    QVERIFY(m_view->gaps().isEmpty());
    QVERIFY(m_view->overlaps().isEmpty());
}

void TestWaveformView::longRecordingIsDrawnAtPixelWidth()
{
    // 60 minutes: 360,000 buckets per channel; the plot gets at most one point per pixel.
    m_view->setPeaks(tonePeaks(2, 3600), {QStringLiteral("Agent"), QStringLiteral("Caller")});
    replot();
    QCOMPARE(m_plot->graphCount(), 4);
    const int width = int(m_plot->width() * m_plot->devicePixelRatioF());
    for (int graph = 0; graph < m_plot->graphCount(); ++graph) {
        QVERIFY(m_plot->graph(graph)->dataCount() > 0);
        QVERIFY(m_plot->graph(graph)->dataCount() <= width);
    }
    m_view->setVisibleRange(1800, 1805);
    replot();
    for (int graph = 0; graph < m_plot->graphCount(); ++graph)
        QVERIFY(m_plot->graph(graph)->dataCount() <= width);
    QCOMPARE(m_plot->graph(0)->data()->begin()->key > 1800, true);
}

void TestWaveformView::fullViewFollowsTheCallsLength()
{
    // Turns first (transcript shown), the recording's peaks later: the full view grows.
    m_view->setTurns(conversation());
    QCOMPARE(m_view->visibleRange().to, 16.0);
    m_view->setPeaks(tonePeaks(2, 40), {});
    QCOMPARE(m_view->visibleRange().to, 40.0);
    QCOMPARE(m_view->laneLabels().mid(0, 2), (QStringList{"Channel 1", "Channel 2"}));
    // Zoomed in, it stays zoomed.
    m_view->setVisibleRange(10, 20);
    m_view->setDuration(60);
    QCOMPARE(m_view->visibleRange().from, 10.0);
    QCOMPARE(m_view->visibleRange().to, 20.0);
}

QTEST_MAIN(TestWaveformView)
#include "tst_waveformview.moc"
