#include "audio/audiodecoder.h"
#include "audio/playbackcontroller.h"
#include "testrecordings.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

// Root mean square of channel 0 of a decoded file, over the whole file.
double rms(const QString &path, int *channels = nullptr)
{
    double sum = 0;
    qint64 count = 0;
    AudioDecoder::Format format;
    QString error;
    const bool ok = AudioDecoder::decode(path, [&](const float *samples, qint64 frames) {
        for (qint64 frame = 0; frame < frames; ++frame) {
            const double value = samples[frame * format.channels];
            sum += value * value;
        }
        count += frames;
        return true;
    }, &format, &error);
    if (channels)
        *channels = format.channels;
    return ok && count > 0 ? std::sqrt(sum / double(count)) : -1.0;
}

} // namespace

// The player under the GStreamer back-end, which plays headless: its position is the
// clock the transcript follows, so these tests wait on that position, never on time.
class TestPlaybackController : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_wav = m_dir.filePath(QStringLiteral("call.wav"));
        QVERIFY(TestRecordings::writeFile(m_wav, TestRecordings::stereoWav(12.0)));
    }

    void opensPausedAtZeroAndPlays()
    {
        PlaybackController player(m_dir.filePath(QStringLiteral("cache")));
        QCOMPARE(player.state(), PlaybackController::State::Empty);
        player.setRecording(m_wav);
        QTRY_COMPARE(player.state(), PlaybackController::State::Ready);
        QTRY_COMPARE(qRound(player.duration()), 12);
        QVERIFY(!player.isPlaying());
        QCOMPARE(player.position(), 0.0);

        QSignalSpy positions(&player, &PlaybackController::positionChanged);
        player.play();
        QTRY_VERIFY(player.position() > 0.5);
        QVERIFY(positions.count() >= 3);        // sampled while playing, not just at the end
        player.pause();
        QTRY_VERIFY(!player.isPlaying());
        const double pausedAt = player.position();
        QTest::qWait(300);
        QCOMPARE(player.position(), pausedAt);
    }

    void seeksAndSkipsWithinTheRecording()
    {
        PlaybackController player(m_dir.filePath(QStringLiteral("cache")));
        player.setRecording(m_wav);
        QTRY_COMPARE(player.state(), PlaybackController::State::Ready);
        QTRY_VERIFY(player.duration() > 0);
        player.seek(6.0);
        QTRY_COMPARE(qRound(player.position() * 10), 60);
        player.skip(5.0);
        QTRY_COMPARE(qRound(player.position() * 10), 110);
        player.skip(5.0);                       // past the end: clamped
        QTRY_COMPARE(qRound(player.position()), 12);
        player.skip(-1.0);
        QTRY_COMPARE(qRound(player.position()), 11);
        player.seek(-3.0);
        QTRY_COMPARE(player.position(), 0.0);
    }

    void speedStepsOnATenthGridWithinHalfToDouble()
    {
        PlaybackController player(m_dir.filePath(QStringLiteral("cache")));
        QSignalSpy rates(&player, &PlaybackController::rateChanged);
        for (int step = 0; step < 3; ++step)
            player.faster();
        QCOMPARE(player.rate(), 1.3);
        for (int step = 0; step < 20; ++step)
            player.faster();
        QCOMPARE(player.rate(), 2.0);
        for (int step = 0; step < 30; ++step)
            player.slower();
        QCOMPARE(player.rate(), 0.5);
        player.resetRate();
        QCOMPARE(player.rate(), 1.0);
        QCOMPARE(rates.count(), 3 + 7 + 15 + 1);   // no signal for a step past a limit
    }

    void playsARangeThenPauses()
    {
        PlaybackController player(m_dir.filePath(QStringLiteral("cache")));
        player.setRecording(m_wav);
        QTRY_COMPARE(player.state(), PlaybackController::State::Ready);
        player.playRange(2.0, 2.8);
        QTRY_VERIFY(player.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 5000);
        QCOMPARE(qRound(player.position() * 10), 28);
    }

    void loopsARange()
    {
        PlaybackController player(m_dir.filePath(QStringLiteral("cache")));
        player.setRecording(m_wav);
        QTRY_COMPARE(player.state(), PlaybackController::State::Ready);
        QSignalSpy positions(&player, &PlaybackController::positionChanged);
        player.loopRange(3.0, 3.6);
        QVERIFY(player.isLooping());
        // Back at the start of the range after passing its end at least once.
        bool wrapped = false;
        double last = 0;
        QTRY_VERIFY_WITH_TIMEOUT((
            [&] {
                for (const QList<QVariant> &signal : std::as_const(positions)) {
                    const double at = signal.at(0).toDouble();
                    if (at < last - 0.3)
                        wrapped = true;
                    last = at;
                }
                positions.clear();
                return wrapped;
            }()), 6000);
        QVERIFY(player.isPlaying());
        QVERIFY(player.position() >= 2.95 && player.position() < 3.75);
        player.seek(8.0);                       // a seek outside ends the loop
        QVERIFY(!player.isLooping());
    }

    // What the player is fed when one channel is soloed: that channel alone. The test
    // recording has a tone on channel 0 and near silence on channel 1.
    void soloFeedsOnlyThatChannel()
    {
        PlaybackController player(m_dir.filePath(QStringLiteral("cache")));
        player.setRecording(m_wav);
        player.setChannelCount(2);
        QTRY_COMPARE(player.state(), PlaybackController::State::Ready);
        QTRY_VERIFY(player.duration() > 0);
        player.seek(4.0);
        player.play();

        player.setChannels(PlaybackController::Channels::AgentOnly);   // agent = channel 0
        QTRY_VERIFY(player.playedFile() != m_wav);
        int channels = 0;
        QVERIFY(rms(player.playedFile(), &channels) > 0.3);
        QCOMPARE(channels, 1);
        QTRY_VERIFY(player.isPlaying());                    // play state carried over
        QVERIFY(player.position() >= 3.9);                  // and the position

        player.setChannels(PlaybackController::Channels::CallerOnly);
        QTRY_VERIFY(player.playedFile().contains(QStringLiteral("channel1")));
        QVERIFY(rms(player.playedFile()) < 0.1);     // the tone is 0.35

        // The agent moved to channel 1: "agent only" now plays channel 1.
        player.setChannels(PlaybackController::Channels::AgentOnly);
        QTRY_VERIFY(player.playedFile().contains(QStringLiteral("channel0")));
        player.setAgentChannel(1);
        QTRY_VERIFY(player.playedFile().contains(QStringLiteral("channel1")));

        player.setChannels(PlaybackController::Channels::Both);
        QCOMPARE(player.playedFile(), m_wav);
    }

    // A speed other than 1× plays a time-stretched rendition (the pitch kept: the
    // rendition itself is checked in tst_channelsolo), and every time stays the recording's.
    void speedPlaysAPitchKeptRenditionOnTheRecordingsClock()
    {
        PlaybackController player(m_dir.filePath(QStringLiteral("cache")));
        player.setRecording(m_wav);
        QTRY_COMPARE(player.state(), PlaybackController::State::Ready);
        QTRY_VERIFY(player.duration() > 0);
        player.seek(3.0);
        player.setRate(1.5);
        QTRY_VERIFY(player.playedFile().contains(QStringLiteral("tempo150")));
        QTRY_COMPARE(qRound(player.position() * 10), 30);     // the same moment of the call
        QTRY_COMPARE(qRound(player.duration()), 12);           // the recording's length

        player.seek(6.0);
        QTRY_COMPARE(qRound(player.position() * 10), 60);
        player.playRange(6.0, 7.5);
        QTRY_VERIFY(player.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 5000);
        QCOMPARE(qRound(player.position() * 10), 75);          // paused at the range's end

        player.setChannels(PlaybackController::Channels::CallerOnly);   // not stereo yet
        QCOMPARE(player.channels(), PlaybackController::Channels::Both);
        player.setChannelCount(2);
        player.setChannels(PlaybackController::Channels::CallerOnly);
        QTRY_VERIFY(player.playedFile().contains(QStringLiteral("channel1.tempo150")));

        player.setChannels(PlaybackController::Channels::Both);
        player.resetRate();
        QTRY_COMPARE(player.playedFile(), m_wav);
        QTRY_COMPARE(qRound(player.position() * 10), 75);
    }

    void soloNeedsTwoChannels()
    {
        PlaybackController player(m_dir.filePath(QStringLiteral("cache")));
        player.setRecording(m_wav);
        player.setChannelCount(1);
        player.setChannels(PlaybackController::Channels::AgentOnly);
        QCOMPARE(player.channels(), PlaybackController::Channels::Both);
    }

    void aDamagedFileFailsWithAReason()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.mp3"));
        QVERIFY(TestRecordings::writeFile(bad, QByteArray(4096, 'x')));
        PlaybackController player(m_dir.filePath(QStringLiteral("cache")));
        player.setRecording(bad);
        QTRY_COMPARE_WITH_TIMEOUT(player.state(), PlaybackController::State::Failed, 10000);
        QVERIFY(!player.errorString().isEmpty());
        player.play();
        QVERIFY(!player.isPlaying());
    }

private:
    QTemporaryDir m_dir;
    QString m_wav;
};

QTEST_GUILESS_MAIN(TestPlaybackController)
#include "tst_playbackcontroller.moc"
