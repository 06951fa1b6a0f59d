// Where a call's audio comes from, for each kind of call the player opens: the stored
// copy, the address it was posted with (remote or local), or nothing and why.

#include "audio/recordinglocator.h"
#include "calllog/calllog.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(RecordingLocator::Kind)

class TestRecordingLocator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void locate_data();
    void locate();

private:
    QTemporaryDir m_dir;
    QString m_recordings;
};

void TestRecordingLocator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_recordings = m_dir.filePath(QStringLiteral("recordings"));
    QVERIFY(QDir().mkpath(m_recordings));
    for (const QString &path : {QDir(m_recordings).filePath(QStringLiteral("stored.wav")), m_dir.filePath(QStringLiteral("posted.wav"))}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("RIFF");
    }
}

void TestRecordingLocator::locate_data()
{
    QTest::addColumn<QString>("recordingPath");
    QTest::addColumn<QString>("voiceRecordingUrl");
    QTest::addColumn<RecordingLocator::Kind>("kind");
    QTest::addColumn<QString>("where");     // the local path or the URL
    QTest::addColumn<QString>("reason");

    using Kind = RecordingLocator::Kind;
    const QString stored = QDir(m_recordings).filePath(QStringLiteral("stored.wav"));
    const QString posted = m_dir.filePath(QStringLiteral("posted.wav"));
    const QString remote = QStringLiteral("https://example.com/calls/1.wav?token=x");
    QTest::newRow("stored copy") << "stored.wav" << remote << Kind::LocalFile << stored << QString();
    QTest::newRow("stored copy missing, the address serves") << "gone.wav" << remote << Kind::Remote << remote << QString();
    QTest::newRow("stored copy missing, nothing else")
        << "gone.wav" << QString() << Kind::None << QString()
        << QStringLiteral("The stored recording file %1 is missing.").arg(QDir(m_recordings).filePath(QStringLiteral("gone.wav")));
    QTest::newRow("no recording") << QString() << QString() << Kind::None << QString() << "This call has no recording.";
    QTest::newRow("remote") << QString() << remote << Kind::Remote << remote << QString();
    QTest::newRow("plain http") << QString() << "http://example.com/1.mp3" << Kind::Remote << "http://example.com/1.mp3" << QString();
    QTest::newRow("file URL") << QString() << QUrl::fromLocalFile(posted).toString() << Kind::LocalFile << posted << QString();
    QTest::newRow("plain path") << QString() << posted << Kind::LocalFile << posted << QString();
    QTest::newRow("plain path missing")
        << QString() << m_dir.filePath(QStringLiteral("nowhere.wav")) << Kind::None << QString()
        << QStringLiteral("The recording file %1 does not exist.").arg(m_dir.filePath(QStringLiteral("nowhere.wav")));
    QTest::newRow("other scheme") << QString() << "s3://bucket/1.wav?sig=secret" << Kind::None << QString()
                                  << "The recording address s3://bucket/1.wav cannot be played: only http, https and "
                                     "local files can.";
}

void TestRecordingLocator::locate()
{
    QFETCH(QString, recordingPath);
    QFETCH(QString, voiceRecordingUrl);
    QFETCH(RecordingLocator::Kind, kind);
    QFETCH(QString, where);
    QFETCH(QString, reason);
    CallLog call;
    call.recordingPath = recordingPath;
    call.voiceRecordingUrl = voiceRecordingUrl;
    const RecordingLocator::Location location = RecordingLocator::locate(call, m_recordings);
    QCOMPARE(location.kind, kind);
    QCOMPARE(location.reason, reason);
    switch (kind) {
    case RecordingLocator::Kind::LocalFile:
        QCOMPARE(location.localPath, where);
        QVERIFY(location.url.isEmpty());
        break;
    case RecordingLocator::Kind::Remote:
        QCOMPARE(location.url, QUrl(where));
        QVERIFY(location.localPath.isEmpty());
        break;
    case RecordingLocator::Kind::None:
        QVERIFY(location.localPath.isEmpty());
        QVERIFY(location.url.isEmpty());
        break;
    }
}

QTEST_GUILESS_MAIN(TestRecordingLocator)
#include "tst_recordinglocator.moc"
