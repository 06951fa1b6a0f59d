// Edit › Preferences. Recording cache: opens with what QSettings holds, shows what the
// folder's cache files take, empties the folder (its cache files only) on Clear, and OK
// saves the size and folder to QSettings and announces them. General: database, language
// and colours saved and announced. Review: play on open and the label set saved.
// Listener: a new key goes to the database's key file
// (what `callscope serve` reads), an address that does not parse keeps the dialog open
// and says so. Transcription: the back-end, the server and the agents' own choices saved and
// announced. Redaction: the audio fill saved, and used by the recordings redacted next; an
// agent's default redaction chosen in its editor and announced for the database.
// Every field is labelled for assistive technology.

#include "audio/recordingcache.h"
#include "judgesettingspage.h"
#include "agentredactiondialog.h"
#include "preferencesdialog.h"
#include "redactionkindlist.h"
#include "redactionsettingspage.h"
#include "transcriptionsettingspage.h"
#include "translations.h"

#include "../audio/testrecordings.h"
#include "listener/listener.h"
#include "redact/redactor.h"
#include "settings/generalsettings.h"
#include "settings/reviewsettings.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QTabWidget>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
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

void showPage(QWidget *dialog, const QString &title)
{
    auto *tabs = dialog->findChild<QTabWidget *>();
    QVERIFY(tabs);
    for (int page = 0; page < tabs->count(); ++page) {
        if (tabs->tabText(page) == title)
            tabs->setCurrentIndex(page);
    }
    QCOMPARE(tabs->tabText(tabs->currentIndex()), title);
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
    void generalSettingsAreSavedAndAnnounced();
    void listenerKeyGoesToTheKeyFile();
    void badListenerAddressKeepsTheDialogOpen();
    void reviewPageEditsTheLabelSet();
    void everyFieldHasAnAccessibleName();
    void metricsPageSavesTheJudge();
    void transcriptionFieldsHaveLabels();
    void transcriptionPageSavesTheServer();
    void transcriptionChoicesPerAgentRoundTrip();
    void redactionPageChoosesTheAudioFill();
    void redactionPageSetsAnAgentsDefaultRedaction();

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

    showPage(&dialog, QStringLiteral("Playback"));
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

void TestPreferencesDialog::generalSettingsAreSavedAndAnnounced()
{
    PreferencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *database = control<QLineEdit>(&dialog, QStringLiteral("Database file"));
    auto *language = control<QComboBox>(&dialog, QStringLiteral("Language"));
    auto *colours = control<QComboBox>(&dialog, QStringLiteral("Colour scheme"));
    QVERIFY(database && language && colours);
    QCOMPARE(language->currentText(), QStringLiteral("System default"));
    database->setFocus();
    QTest::keyClicks(database, m_config.filePath(QStringLiteral("team.db")));
    language->setCurrentIndex(language->findData(QStringLiteral("de")));
    QCOMPARE(language->currentText(), QStringLiteral("Deutsch"));
    colours->setCurrentIndex(colours->findData(int(GeneralSettings::ColorScheme::Dark)));
    QSignalSpy changed(&dialog, &PreferencesDialog::generalSettingsChanged);
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(changed.size(), 1);
    const GeneralSettings saved = GeneralSettings::load(QSettings());
    QCOMPARE(saved, changed.first().at(0).value<GeneralSettings>());
    QCOMPARE(saved.databasePath, m_config.filePath(QStringLiteral("team.db")));
    QCOMPARE(saved.language, QStringLiteral("de"));
    QCOMPARE(saved.colorScheme, GeneralSettings::ColorScheme::Dark);
}

void TestPreferencesDialog::listenerKeyGoesToTheKeyFile()
{
    const QString database = m_config.filePath(QStringLiteral("calls.db"));
    const QString oldKey = Listener::loadOrCreateApiKey(database);
    PreferencesDialog dialog(database);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    showPage(&dialog, QStringLiteral("Listener"));
    auto *key = control<QLineEdit>(&dialog, QStringLiteral("API key"));
    auto *address = control<QLineEdit>(&dialog, QStringLiteral("Listener address"));
    QVERIFY(key && address);
    QCOMPARE(key->text(), oldKey);
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    QTest::mouseClick(control<QPushButton>(&dialog, QStringLiteral("Generate a new API key")), Qt::LeftButton);
    QVERIFY(key->text() != oldKey);
    const QString newKey = key->text();
    address->setText(QStringLiteral("127.0.0.1:9911"));
    QSignalSpy changed(&dialog, &PreferencesDialog::listenerSettingsChanged);
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(Listener::loadOrCreateApiKey(database), newKey);
    const ListenerSettings saved = ListenerSettings::load(QSettings(), database);
    QCOMPARE(saved.address, QStringLiteral("127.0.0.1:9911"));
    QCOMPARE(saved.apiKey, newKey);
    QVERIFY(!QFile::exists(database + QStringLiteral(".listener-key.new")));
}

void TestPreferencesDialog::badListenerAddressKeepsTheDialogOpen()
{
    const QString database = m_config.filePath(QStringLiteral("calls.db"));
    PreferencesDialog dialog(database);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    showPage(&dialog, QStringLiteral("Playback"));
    control<QLineEdit>(&dialog, QStringLiteral("Listener address"))->setText(QStringLiteral("localhost:99999"));
    QSignalSpy changed(&dialog, &PreferencesDialog::listenerSettingsChanged);
    QTest::keyClick(&dialog, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(changed.size(), 0);
    auto *problem = control<QLabel>(&dialog, QStringLiteral("Problem with the preferences"));
    QVERIFY(problem && problem->isVisible());
    QVERIFY2(problem->text().startsWith(QStringLiteral("Listener: Address:")), qPrintable(problem->text()));
    // The page with the problem is shown, and nothing was saved.
    QCOMPARE(dialog.findChild<QTabWidget *>()->currentWidget(),
             control<QLineEdit>(&dialog, QStringLiteral("Listener address"))->parentWidget());
    QVERIFY(!QSettings().contains(QStringLiteral("listener/address")));
}

void TestPreferencesDialog::reviewPageEditsTheLabelSet()
{
    PreferencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    showPage(&dialog, QStringLiteral("Review"));
    auto *playOnOpen = control<QCheckBox>(&dialog, QStringLiteral("Play the recording when a call opens"));
    auto *labels = control<QListWidget>(&dialog, QStringLiteral("Turn labels"));
    QVERIFY(playOnOpen && labels);
    QVERIFY(!playOnOpen->isChecked());
    QCOMPARE(labels->count(), ReviewSettings::defaultLabels().size());
    QCOMPARE(labels->currentRow(), 0);

    playOnOpen->click();
    // Remove "wrong answer"; add "rude" by typing over the new entry; move it to the top.
    QPushButton *remove = nullptr, *add = nullptr, *up = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        const QString text = button->text().remove(QLatin1Char('&'));
        if (text == QLatin1String("Remove"))
            remove = button;
        else if (text == QLatin1String("Add"))
            add = button;
        else if (text == QLatin1String("Move Up"))
            up = button;
    }
    QVERIFY(remove && add && up);
    labels->setCurrentRow(0);
    remove->click();
    QCOMPARE(labels->item(0)->text(), QStringLiteral("hallucination"));
    add->click();
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(qobject_cast<QLineEdit *>(editor));
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("rude"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(labels->currentItem()->text(), QStringLiteral("rude"));   // the delegate commits queued
    for (int i = 0; i < 5; ++i)
        up->click();
    QVERIFY(!up->isEnabled());
    QCOMPARE(labels->currentRow(), 0);

    dialog.accept();
    const ReviewSettings saved = ReviewSettings::load(QSettings());
    QVERIFY(saved.playOnOpen);
    QCOMPARE(saved.labels, (QStringList{QStringLiteral("rude"), QStringLiteral("hallucination"), QStringLiteral("slow response"),
                                        QStringLiteral("interrupted caller"), QStringLiteral("missed intent"),
                                        QStringLiteral("good")}));
}

void TestPreferencesDialog::everyFieldHasAnAccessibleName()
{
    PreferencesDialog dialog(m_config.filePath(QStringLiteral("calls.db")));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QList<QWidget *> fields = dialog.findChildren<QWidget *>();
    int checked = 0;
    for (QWidget *field : fields) {
        if (!qobject_cast<QLineEdit *>(field) && !qobject_cast<QComboBox *>(field) && !qobject_cast<QSpinBox *>(field)
            && !qobject_cast<QCheckBox *>(field) && !qobject_cast<QListWidget *>(field))
            continue;
        if (qobject_cast<QLineEdit *>(field) && qobject_cast<QSpinBox *>(field->parentWidget()))
            continue;   // the spin box's own editor
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(field);
        QVERIFY(accessible);
        QVERIFY2(!accessible->text(QAccessible::Name).isEmpty(), qPrintable(field->metaObject()->className()));
        ++checked;
    }
    QVERIFY(checked >= 9);
}

// Preferences › Metrics: the LLM judge's URL, model and key go to the settings; a URL that
// is not http(s) keeps the dialog open and says why.
void TestPreferencesDialog::metricsPageSavesTheJudge()
{
    PreferencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    showPage(&dialog, QStringLiteral("Metrics"));
    JudgeSettingsPage *page = dialog.judgePage();
    QVERIFY(page->urlField()->text().isEmpty());   // off by default
    QTest::keyClicks(page->urlField(), QStringLiteral("ftp://127.0.0.1/v1/chat/completions"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY(!LlmJudgeSettings::load(QSettings()).isEnabled());

    page->urlField()->setText(QStringLiteral("http://127.0.0.1:8080/v1/chat/completions"));
    QTest::keyClicks(page->modelField(), QStringLiteral("qwen2.5-7b"));
    QTest::keyClicks(page->apiKeyField(), QStringLiteral("sk-local"));
    page->timeoutBox()->setValue(20);
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    const LlmJudgeSettings saved = LlmJudgeSettings::load(QSettings());
    QCOMPARE(saved.url, QUrl(QStringLiteral("http://127.0.0.1:8080/v1/chat/completions")));
    QCOMPARE(saved.model, QStringLiteral("qwen2.5-7b"));
    QCOMPARE(saved.apiKey, QStringLiteral("sk-local"));
    QCOMPARE(saved.timeoutMs, 20000);
    QCOMPARE(page->apiKeyField()->echoMode(), QLineEdit::Password);
}

// Each field of Preferences › Transcription is reached by its label's Alt+letter and read
// out by that label.
void TestPreferencesDialog::transcriptionFieldsHaveLabels()
{
    PreferencesDialog dialog;
    TranscriptionSettingsPage *page = dialog.transcriptionPage();
    const QList<QWidget *> fields{page->backEndBox(),   page->urlField(),   page->modelField(), page->apiKeyField(),
                                  page->languageField(), page->timeoutBox(), page->agentTable()};
    for (QWidget *field : fields) {
        const QLabel *label = nullptr;
        for (const QLabel *candidate : page->findChildren<QLabel *>()) {
            if (candidate->buddy() == field)
                label = candidate;
        }
        QVERIFY2(label, qPrintable(field->metaObject()->className()));
        QVERIFY2(label->text().contains(QLatin1Char('&')), qPrintable(label->text()));
        QVERIFY(field->focusPolicy() & Qt::TabFocus);
    }
}

// The server chosen without a URL is no error, but the page says PocketSphinx transcribes
// instead until one is typed; OK saves the server and announces the change.
void TestPreferencesDialog::transcriptionPageSavesTheServer()
{
    PreferencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    showPage(&dialog, QStringLiteral("Transcription"));
    TranscriptionSettingsPage *page = dialog.transcriptionPage();
    QCOMPARE(page->backEndBox()->currentText(), QStringLiteral("PocketSphinx (offline)"));
    QVERIFY(page->problemLabel()->isHidden());
    QCOMPARE(page->modelField()->text(), QStringLiteral("whisper-1"));
    QCOMPARE(page->apiKeyField()->echoMode(), QLineEdit::Password);

    page->backEndBox()->setFocus();
    QTest::keyClick(page->backEndBox(), Qt::Key_Down);
    QCOMPARE(page->backEndBox()->currentText(), QStringLiteral("OpenAI-compatible server"));
    QVERIFY(page->problemLabel()->isVisible());
    QCOMPARE(page->problemLabel()->text(),
             QStringLiteral("No OpenAI-compatible transcription server is set up (its URL is empty). "
                            "PocketSphinx transcribes instead."));

    QTest::keyClicks(page->urlField(), QStringLiteral("http://127.0.0.1:8080"));
    QVERIFY(page->problemLabel()->isHidden());
    page->modelField()->setText(QStringLiteral("large-v3"));
    QTest::keyClicks(page->apiKeyField(), QStringLiteral("sk-local"));
    QTest::keyClicks(page->languageField(), QStringLiteral("de"));
    page->timeoutBox()->setValue(90);
    QSignalSpy changed(&dialog, &PreferencesDialog::transcriptionSettingsChanged);
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(changed.size(), 1);

    const TranscriptionSettings saved = TranscriptionSettings::load(QSettings());
    QCOMPARE(saved, changed.first().at(0).value<TranscriptionSettings>());
    QCOMPARE(saved.defaultBackEnd, TranscriptionSettings::BackEnd::OpenAi);
    QCOMPARE(saved.openAi.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QCOMPARE(saved.openAi.model, QStringLiteral("large-v3"));
    QCOMPARE(saved.openAi.apiKey, QStringLiteral("sk-local"));
    QCOMPARE(saved.openAi.language, QStringLiteral("de"));
    QCOMPARE(saved.openAi.timeoutMs, 90000);

    // Unchanged settings are not announced again.
    PreferencesDialog reopened;
    QCOMPARE(reopened.transcriptionPage()->settings(), saved);
    QSignalSpy unchanged(&reopened, &PreferencesDialog::transcriptionSettingsChanged);
    reopened.accept();
    QCOMPARE(unchanged.size(), 0);
}

// The agents are read from the database in the background; a choice made for one is saved,
// shown again when the dialog reopens, and a choice back to the defaults is dropped.
void TestPreferencesDialog::transcriptionChoicesPerAgentRoundTrip()
{
    const QString database = m_config.filePath(QStringLiteral("agents.db"));
    {
        QString error;
        const std::unique_ptr<CallStore> store = CallStore::open(database, &error);
        QVERIFY2(store, qPrintable(error));
        AgentSettings support;
        support.agentKey = AgentKey::ofAgent(7);
        support.name = QStringLiteral("Support bot");
        QVERIFY(store->setAgentSettings(support).result());
        AgentSettings unnamed;
        unnamed.agentKey = AgentKey::ofAssistant(QStringLiteral("asst_1"));
        QVERIFY(store->setAgentSettings(unnamed).result());
    }
    const auto choiceBox = [](TranscriptionSettingsPage *page, int row, int column) {
        return qobject_cast<QComboBox *>(page->agentTable()->cellWidget(row, column));
    };

    PreferencesDialog dialog(database);
    TranscriptionSettingsPage *page = dialog.transcriptionPage();
    QTableWidget *table = page->agentTable();
    QTRY_COMPARE(table->rowCount(), 2);
    // Ordered by key: "agent:7" before "assistant:asst_1"; named as the call list names them.
    QCOMPARE(table->item(0, TranscriptionSettingsPage::AgentColumn)->text(), QStringLiteral("Support bot"));
    QCOMPARE(table->item(1, TranscriptionSettingsPage::AgentColumn)->text(), QStringLiteral("asst_1"));
    QComboBox *backEnd = choiceBox(page, 0, TranscriptionSettingsPage::BackEndColumn);
    QComboBox *firstSpeaker = choiceBox(page, 0, TranscriptionSettingsPage::FirstSpeakerColumn);
    QVERIFY(backEnd && firstSpeaker);
    QCOMPARE(backEnd->currentText(), QStringLiteral("Default"));
    QCOMPARE(firstSpeaker->currentText(), QStringLiteral("Agent"));
    QCOMPARE(backEnd->accessibleName(), QStringLiteral("Back-end for Support bot"));
    // Tab goes from the table to its rows' choices, in order.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    showPage(&dialog, QStringLiteral("Transcription"));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), backEnd);
    QTest::keyClick(backEnd, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), firstSpeaker);

    backEnd->setCurrentIndex(backEnd->findText(QStringLiteral("OpenAI-compatible server")));
    QVERIFY(page->problemLabel()->text().endsWith(QStringLiteral("PocketSphinx transcribes instead.")));
    firstSpeaker->setCurrentIndex(firstSpeaker->findText(QStringLiteral("Caller")));
    dialog.accept();
    TranscriptionSettings saved = TranscriptionSettings::load(QSettings());
    QCOMPARE(saved.agents.size(), 1);
    QCOMPARE(saved.agents.value(QStringLiteral("agent:7")).backEnd, TranscriptionSettings::BackEnd::OpenAi);
    QCOMPARE(saved.firstSpeakerFor(QStringLiteral("agent:7")), TranscriptionSettings::FirstSpeaker::Caller);

    PreferencesDialog reopened(database);
    page = reopened.transcriptionPage();
    QTRY_COMPARE(page->agentTable()->rowCount(), 2);
    backEnd = choiceBox(page, 0, TranscriptionSettingsPage::BackEndColumn);
    firstSpeaker = choiceBox(page, 0, TranscriptionSettingsPage::FirstSpeakerColumn);
    QCOMPARE(backEnd->currentText(), QStringLiteral("OpenAI-compatible server"));
    QCOMPARE(firstSpeaker->currentText(), QStringLiteral("Caller"));
    backEnd->setCurrentIndex(backEnd->findText(QStringLiteral("Default")));
    firstSpeaker->setCurrentIndex(firstSpeaker->findText(QStringLiteral("Agent")));
    reopened.accept();
    saved = TranscriptionSettings::load(QSettings());
    QVERIFY(saved.agents.isEmpty());
}

// Preferences › Redaction: the tone chosen is saved, and the recordings redacted after OK
// bleep where they were silenced before.
void TestPreferencesDialog::redactionPageChoosesTheAudioFill()
{
    PreferencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    showPage(&dialog, QStringLiteral("Redaction"));
    auto *fill = control<QComboBox>(&dialog, QStringLiteral("Redacted audio"));
    QVERIFY(fill);
    QCOMPARE(fill, dialog.redactionPage()->audioFillBox());
    QCOMPARE(fill->currentText(), QStringLiteral("Silence"));
    fill->setFocus();
    QTest::keyClick(fill, Qt::Key_Down);
    QCOMPARE(fill->currentText(), QStringLiteral("1 kHz tone"));
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(QSettings().value(QStringLiteral("redaction/audioFill")).toString(), QStringLiteral("tone"));
    QCOMPARE(PreferencesDialog().redactionPage()->audioFillBox()->currentText(), QStringLiteral("1 kHz tone"));

    // A silent recording whose turn 1.0–2.0 s was redacted: the span now holds the bleep.
    const QString recording = m_config.filePath(QStringLiteral("redacted.wav"));
    QVERIFY(TestRecordings::writeFile(recording, TestRecordings::tonesWav(3.0, {})));
    Turn turn;
    turn.role = Turn::Role::TestingAgent;
    turn.content = RedactionKinds::placeholder(RedactionKind::CreditCard);
    turn.startTime = 1.0;
    turn.endTime = 2.0;
    turn.redactions = {{0, turn.content.size(), RedactionKind::CreditCard}};
    QString error;
    QCOMPARE(Redactor::redactRecording({turn}, recording, &error), recording);
    QFile file(recording);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray wav = file.readAll();
    const qsizetype samples = wav.indexOf("data") + 8;   // 16-bit stereo at 16 kHz, as written
    const auto peak = [&](double from, double to) {
        int loudest = 0;
        for (qint64 frame = qint64(from * 16000); frame < qint64(to * 16000); ++frame)
            loudest = std::max(loudest, std::abs(int(qFromLittleEndian<qint16>(wav.constData() + samples + frame * 4))));
        return loudest;
    };
    QVERIFY2(peak(1.2, 1.8) > 0.9 * AudioRedactor::toneAmplitude * 32767, qPrintable(QString::number(peak(1.2, 1.8))));
    QCOMPARE(peak(0.0, 0.5), 0);
}

// Preferences › Redaction, per agent: the agents are read in the background; the kinds ticked
// in an agent's editor are shown in its row and, on OK, announced with the rest of its
// settings as read, for the window's store to write. An agent left as it was is not
// announced; Select None turns the default off again.
void TestPreferencesDialog::redactionPageSetsAnAgentsDefaultRedaction()
{
    const QString database = m_config.filePath(QStringLiteral("redaction-agents.db"));
    QString error;
    const std::unique_ptr<CallStore> store = CallStore::open(database, &error);
    QVERIFY2(store, qPrintable(error));
    AgentSettings support;
    support.agentKey = AgentKey::ofAgent(7);
    support.name = QStringLiteral("Support bot");
    support.lenientRoles = true;
    support.webhookSecret = QStringLiteral("s3cret");
    QVERIFY(store->setAgentSettings(support).result());
    AgentSettings assistant;
    assistant.agentKey = AgentKey::ofAssistant(QStringLiteral("asst_1"));
    assistant.redactFields = {QStringLiteral("email_address")};
    QVERIFY(store->setAgentSettings(assistant).result());

    QList<QFuture<bool>> writes;
    const auto saveAnnounced = [&](PreferencesDialog *dialog) {
        // As the window does (MainWindow::saveAgentSettings), through the store.
        connect(dialog, &PreferencesDialog::agentSettingsChanged, this, [&](const QList<AgentSettings> &agents) {
            for (const AgentSettings &agent : agents)
                writes.append(store->setAgentSettings(agent));
        });
    };
    const auto stored = [&](const QString &key) {
        return CallReader(database).agentSettings(key).value_or(AgentSettings());
    };
    const auto okButton = [](QWidget *dialog) {
        return dialog->findChild<QDialogButtonBox *>(QString(), Qt::FindDirectChildrenOnly)->button(QDialogButtonBox::Ok);
    };

    PreferencesDialog dialog(database);
    saveAnnounced(&dialog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    showPage(&dialog, QStringLiteral("Redaction"));
    RedactionSettingsPage *page = dialog.redactionPage();
    QTableWidget *table = page->agentTable();
    QTRY_COMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, RedactionSettingsPage::AgentColumn)->text(), QStringLiteral("Support bot"));
    QCOMPARE(table->item(0, RedactionSettingsPage::RedactionColumn)->text(), QStringLiteral("Off"));
    QCOMPARE(table->item(1, RedactionSettingsPage::AgentColumn)->text(), QStringLiteral("asst_1"));
    QCOMPARE(table->item(1, RedactionSettingsPage::RedactionColumn)->text(), QStringLiteral("Email address"));
    QVERIFY(!page->editButton()->isEnabled());

    // Select the first agent, Edit…, tick three kinds with the keyboard, OK.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(0, RedactionSettingsPage::AgentColumn)).center());
    QCOMPARE(table->currentRow(), 0);
    QVERIFY(page->editButton()->isEnabled());
    QTest::mouseClick(page->editButton(), Qt::LeftButton);
    QTRY_VERIFY(page->editor() && page->editor()->isVisible());
    AgentRedactionDialog *editor = page->editor();
    QCOMPARE(editor->windowTitle(), QStringLiteral("Default Redaction of Support bot"));
    QVERIFY(editor->kinds().isEmpty());
    RedactionKindList *kinds = editor->kindList();
    QCOMPARE(kinds->list()->count(), 29);
    for (RedactionKind kind : {RedactionKind::Ssn, RedactionKind::PhoneNumber, RedactionKind::CreditCard}) {
        kinds->list()->setCurrentRow(kinds->rowOf(kind));
        QTest::keyClick(kinds->list(), Qt::Key_Space);
    }
    QCOMPARE(editor->kinds(), (QSet<RedactionKind>{RedactionKind::Ssn, RedactionKind::PhoneNumber, RedactionKind::CreditCard}));
    QTest::mouseClick(okButton(editor), Qt::LeftButton);
    QTRY_VERIFY(!page->editor());
    QCOMPARE(table->item(0, RedactionSettingsPage::RedactionColumn)->text(),
             QStringLiteral("Credit card, Phone number, Social Security number"));
    // Nothing is written before the dialog's OK; Return is OK, not the table's editor.
    QVERIFY(stored(QStringLiteral("agent:7")).redactFields.isEmpty());
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!page->editor());
    QCOMPARE(writes.size(), 1);
    QVERIFY(writes.first().result());
    const AgentSettings saved = stored(QStringLiteral("agent:7"));
    QCOMPARE(saved.redactFields,
             (QStringList{QStringLiteral("phone_number"), QStringLiteral("credit_card"), QStringLiteral("ssn")}));
    QCOMPARE(saved.name, QStringLiteral("Support bot"));
    QVERIFY(saved.lenientRoles);
    QCOMPARE(saved.webhookSecret, QStringLiteral("s3cret"));
    QCOMPARE(stored(QStringLiteral("assistant:asst_1")).redactFields, QStringList{QStringLiteral("email_address")});

    // Reopened: the set is shown; the assistant's editor OK'd unchanged writes nothing,
    // Select None on the bot's (opened by a double-click) turns its default off.
    writes.clear();
    PreferencesDialog reopened(database);
    saveAnnounced(&reopened);
    reopened.show();
    QVERIFY(QTest::qWaitForWindowActive(&reopened));
    showPage(&reopened, QStringLiteral("Redaction"));
    page = reopened.redactionPage();
    table = page->agentTable();
    QTRY_COMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, RedactionSettingsPage::RedactionColumn)->text(),
             QStringLiteral("Credit card, Phone number, Social Security number"));
    page->editAgent(1);
    QTRY_VERIFY(page->editor() && page->editor()->isVisible());
    QCOMPARE(page->editor()->kinds(), QSet<RedactionKind>{RedactionKind::EmailAddress});
    QTest::mouseClick(okButton(page->editor()), Qt::LeftButton);
    QTRY_VERIFY(!page->editor());
    const QPoint bot = table->visualItemRect(table->item(0, RedactionSettingsPage::RedactionColumn)).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, bot);   // the press a double-click follows
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, bot);
    QTRY_VERIFY(page->editor() && page->editor()->isVisible());
    QTest::mouseClick(page->editor()->kindList()->selectNoneButton(), Qt::LeftButton);
    QVERIFY(page->editor()->kinds().isEmpty());
    QTest::mouseClick(okButton(page->editor()), Qt::LeftButton);
    QTRY_VERIFY(!page->editor());
    QCOMPARE(table->item(0, RedactionSettingsPage::RedactionColumn)->text(), QStringLiteral("Off"));
    QTest::mouseClick(okButton(&reopened), Qt::LeftButton);
    QCOMPARE(reopened.result(), int(QDialog::Accepted));
    QCOMPARE(writes.size(), 1);
    QVERIFY(writes.first().result());
    QVERIFY(stored(QStringLiteral("agent:7")).redactFields.isEmpty());
    QVERIFY(stored(QStringLiteral("agent:7")).lenientRoles);
    QCOMPARE(stored(QStringLiteral("assistant:asst_1")).redactFields, QStringList{QStringLiteral("email_address")});
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
