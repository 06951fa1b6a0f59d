// Preferences › recording cache: opens with what QSettings holds, shows what the folder's
// cache files take, empties the folder (its cache files only) on Clear, and OK saves
// the size and folder to QSettings and announces them.

#include "audio/recordingcache.h"
#include "preferencesdialog.h"
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

template <typename Widget>
Widget *control(QWidget *dialog, const QString &accessibleName)
{
    for (Widget *widget : dialog->findChildren<Widget *>()) {
        if (widget->accessibleName() == accessibleName)
            return widget;
    }
    return nullptr;
}

} // namespace

class TestPreferencesDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void opensWithTheDefaults();
    void showsUsageAndClearsTheCache();
    void okSavesAndAnnounces();
    void cancelSavesNothing();

private:
    void putInCache(const QString &url, int bytes);

    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_cache;
};

void TestPreferencesDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_config.isValid());
    // The settings go to a file of this test's own, never the user's callscope.conf.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    QCoreApplication::setOrganizationName(QStringLiteral("CallscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_preferencesdialog"));
    // As the application does: English plural forms ("2 recordings").
    QVERIFY(!Translations::install(*qApp, QLocale(QLocale::English)));
}

void TestPreferencesDialog::init()
{
    QSettings().clear();
    m_cache = std::make_unique<QTemporaryDir>();
}

void TestPreferencesDialog::putInCache(const QString &url, int bytes)
{
    QFile file(RecordingCache::cachePath(m_cache->path(), QUrl(url)));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(bytes, 'r'));
}

void TestPreferencesDialog::opensWithTheDefaults()
{
    PreferencesDialog dialog;
    auto *size = control<QSpinBox>(&dialog, QStringLiteral("Maximum size of the recording cache"));
    auto *folder = control<QLineEdit>(&dialog, QStringLiteral("Recording cache folder"));
    QVERIFY(size && folder);
    QCOMPARE(size->value(), 2048);
    QCOMPARE(folder->text(), QString());
    QCOMPARE(folder->placeholderText(), QDir::toNativeSeparators(RecordingCache::defaultDirectory()));
    QVERIFY(control<QPushButton>(&dialog, QStringLiteral("Choose the recording cache folder")));
}

void TestPreferencesDialog::showsUsageAndClearsTheCache()
{
    putInCache(QStringLiteral("https://example.com/1.wav"), 1024 * 1024);
    putInCache(QStringLiteral("https://example.com/2.mp3"), 1024 * 1024);
    const QString foreign = QDir(m_cache->path()).filePath(QStringLiteral("keep-me.txt"));
    QFile other(foreign);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    RecordingCacheSettings settings;
    settings.directory = m_cache->path();
    QSettings stored;
    settings.save(stored);

    PreferencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *usage = control<QLabel>(&dialog, QStringLiteral("Recording cache usage"));
    auto *clear = control<QPushButton>(&dialog, QStringLiteral("Clear the recording cache"));
    QVERIFY(usage && clear);
    QTRY_COMPARE(usage->text(), QStringLiteral("2 MB in 2 recordings"));
    QVERIFY(clear->isEnabled());

    QSignalSpy shown(&dialog, &PreferencesDialog::usageShown);
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(shown.wait(10000));
    QCOMPARE(usage->text(), QStringLiteral("0 bytes in 0 recordings"));
    QVERIFY(!clear->isEnabled());
    QCOMPARE(RecordingCache::usage(m_cache->path()).files, 0);
    QCOMPARE(QDir(m_cache->path()).entryList(QDir::Files), QStringList{QStringLiteral("keep-me.txt")});
}

void TestPreferencesDialog::okSavesAndAnnounces()
{
    PreferencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *size = control<QSpinBox>(&dialog, QStringLiteral("Maximum size of the recording cache"));
    auto *folder = control<QLineEdit>(&dialog, QStringLiteral("Recording cache folder"));
    QVERIFY(size && folder);
    size->selectAll();
    QTest::keyClicks(size, QStringLiteral("300"));
    folder->setText(m_cache->path());
    QSignalSpy changed(&dialog, &PreferencesDialog::recordingCacheSettingsChanged);
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(changed.size(), 1);
    const auto announced = changed.first().at(0).value<RecordingCacheSettings>();
    QCOMPARE(announced.maxMegabytes, 300);
    QCOMPARE(announced.directory, m_cache->path());

    const RecordingCacheSettings stored = RecordingCacheSettings::load(QSettings());
    QCOMPARE(stored, announced);
    PreferencesDialog reopened;
    QCOMPARE(control<QSpinBox>(&reopened, QStringLiteral("Maximum size of the recording cache"))->value(), 300);
    QCOMPARE(control<QLineEdit>(&reopened, QStringLiteral("Recording cache folder"))->text(), m_cache->path());
}

void TestPreferencesDialog::cancelSavesNothing()
{
    PreferencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    control<QSpinBox>(&dialog, QStringLiteral("Maximum size of the recording cache"))->setValue(10);
    QSignalSpy changed(&dialog, &PreferencesDialog::recordingCacheSettingsChanged);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(changed.size(), 0);
    QVERIFY(!QSettings().contains(QStringLiteral("recordings/cacheMaxMegabytes")));
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
