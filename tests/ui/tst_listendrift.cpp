#include "audio/peaksloader.h"
#include "audio/playbackcontroller.h"
#include "audio/recordingcache.h"
#include "calldetailpane.h"
#include "item/transcriptmodel.h"
#include "reviewactions.h"
#include "store/callstore.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr double kSeconds = 2 * 3600;
constexpr double kTurnEvery = 2.4;     // a turn starts every 2.4 s and lasts 1.6 s
constexpr double kTurnLength = 1.6;

// 3,000 turns, agent and caller in turn, each heard as a tone in the recording.
Turns knownTurns()
{
    Turns turns;
    for (int k = 0; k * kTurnEvery < kSeconds; ++k) {
        Turn turn;
        turn.role = k % 2 ? Turn::Role::TestingAgent : Turn::Role::MainAgent;
        turn.content = QStringLiteral("Turn %1").arg(k);
        turn.startTime = k * kTurnEvery;
        turn.endTime = turn.startTime + kTurnLength;
        turns.append(turn);
    }
    return turns;
}

} // namespace

// No drift on a long call: a generated 2-hour MP3 (constant bit rate, the way call
// recordings are usually stored) whose tones sit exactly where its 3,000 turns say. At
// its end as at its start, the turn lit is the one the player's position falls in, the
// decoded audio (what the waveform draws) has its tones at the turns' times, and the
// player's duration is the recording's (so its clock runs at the recording's rate).
class TestListenDrift : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_mp3 = m_dir.filePath(QStringLiteral("two-hours.mp3"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                      QStringLiteral("-i"), QStringLiteral("sine=frequency=440:sample_rate=8000:duration=%1").arg(kSeconds),
                      QStringLiteral("-af"),
                      QStringLiteral("volume='if(lt(mod(t,%1),%2),1,0)':eval=frame").arg(kTurnEvery).arg(kTurnLength),
                      QStringLiteral("-b:a"), QStringLiteral("16k"), m_mp3});
        QVERIFY(ffmpeg.waitForFinished(120'000));
        QCOMPARE(ffmpeg.exitCode(), 0);
    }

    void decodedToneSitsOnTheTurnsAtTheEndAsAtTheStart()
    {
        QFuture<PeaksLoader::Result> future = PeaksLoader::load(m_mp3, m_dir.filePath(QStringLiteral("cache")));
        future.waitForFinished();
        const WaveformPeaks peaks = future.result().peaks;
        QVERIFY(future.result().error.isEmpty());
        QCOMPARE(qRound(peaks.durationMs() / 100.0), qRound(kSeconds * 10));
        const Turns turns = knownTurns();
        QCOMPARE(turns.size(), 3000);
        // The middle of each turn is loud and the middle of each gap silent, for the first
        // and the last 50 turns alike.
        const auto level = [&](double seconds) {
            const int bucket = int(seconds * WaveformPeaks::BucketsPerSecond);
            return peaks.maximum(0, bucket);
        };
        for (int k : {0, 1, 2, 3}) {
            for (int turn : {k, int(turns.size()) - 1 - k}) {
                const Turn &t = turns.at(turn);
                // lavfi's sine has an amplitude of 1/8.
                QVERIFY2(level((t.startTime + t.endTime) / 2) > 0.08, qPrintable(QString::number(turn)));
                QVERIFY2(level(t.endTime + (kTurnEvery - kTurnLength) / 2) < 0.01, qPrintable(QString::number(turn)));
            }
        }
    }

    void highlightMatchesThePlayerAtTheEndAsAtTheStart()
    {
        TranscriptModel transcript;
        RecordingCache recordings;
        const std::unique_ptr<CallStore> store = CallStore::open(m_dir.filePath(QStringLiteral("drift.db")));
        QVERIFY(store);
        ReviewActions review(store.get());
        CallDetailPane pane(&transcript, &recordings, &review, m_dir.path(), m_dir.filePath(QStringLiteral("cache")));
        CallLog call;
        call.id = 1;
        call.callId = QStringLiteral("two-hours");
        call.recordingPath = QFileInfo(m_mp3).fileName();
        call.turns = knownTurns();
        pane.showCall(call);
        PlaybackController *player = pane.player();
        QTRY_COMPARE_WITH_TIMEOUT(player->state(), PlaybackController::State::Ready, 10000);
        QTRY_VERIFY(player->duration() > 0);
        // Within one MP3 frame (1,152 samples, 0.144 s at 8 kHz): the encoder's padding.
        QVERIFY2(std::abs(player->duration() - kSeconds) < 0.15, qPrintable(QString::number(player->duration())));

        for (double from : {1.0, kSeconds - 8.0}) {
            player->seek(from);
            player->play();
            int checked = 0;
            int wrong = 0;
            const auto check = [&](double seconds) {
                const int expected = int(seconds / kTurnEvery);
                ++checked;
                if (transcript.currentTurn() != expected)
                    ++wrong;
            };
            const QMetaObject::Connection connection = connect(player, &PlaybackController::positionChanged, this, check);
            QTRY_VERIFY_WITH_TIMEOUT(player->position() > from + 5.0, 10000);
            disconnect(connection);
            player->pause();
            QVERIFY(checked > 20);
            QCOMPARE(wrong, 0);
            QCOMPARE(transcript.currentTurn(), int(player->position() / kTurnEvery));
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_mp3;
};

QTEST_MAIN(TestListenDrift)
#include "tst_listendrift.moc"
