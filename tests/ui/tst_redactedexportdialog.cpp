#include "redactedexportdialog.h"

#include "../audio/testrecordings.h"

#include "ingest/redactedexport.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QProgressDialog>
#include <QTreeWidget>

#include <algorithm>

// Export Redacted: the preview lists what the ticked kinds would remove from stored calls
// (and nothing of an unticked kind), metadata and dynamic variables too; the export writes
// the calls redacted, and redacted copies of their recordings beside the file, while the
// database and its recordings keep what they stored.
class TestRedactedExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void previewListsTheTickedKinds();
    void shownCallScope();
    void exportRedactsTheFileNotTheDatabase();
    void previewListsMetadataAndDynamicVariables();
    void exportWritesRedactedRecordings();
    void recordingsCanBeLeftOut();
    void remoteRecordingsAreLeftOut();
    void cancelLeavesNoFiles();

private:
    // The preview's rows as "call|turn|kind|text".
    QStringList previewRows() const;
    bool waitForPreview(QSignalSpy &spy) const;
    // A stored call whose caller reads out a card number, word by word, over an 8 s tone.
    qint64 storeCardCall(const QString &callId);
    // Exports through the dialog; the number of calls written.
    int exportWithDialog(const QString &path);

    QTemporaryDir m_dir;
    int m_databases = 0;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<RedactedExportDialog> m_dialog;
    qint64 m_phoneCall = 0;
};

namespace {

const QString kNumber = QStringLiteral("415-555-0132");

CallLog callWith(const QString &callId, const QString &callerSays, int minute)
{
    CallLog call;
    call.callId = callId;
    call.agent = 7;
    call.timestamp = QDateTime(QDate(2026, 11, 1), QTime(8, minute), Qt::UTC);
    call.turns = {{Turn::Role::MainAgent, QStringLiteral("How can I help you today?"), 0.5, 2.0, {}, {}, {}},
                  {Turn::Role::TestingAgent, callerSays, 2.5, 5.0, {}, {}, {}}};
    call.durationSeconds = 5.0;
    return call;
}

const QString kCard = QStringLiteral("4111 1111 1111 1111");
constexpr double kCardStart = 3.3;   // the card number's first word starts here ...
constexpr double kCardEnd = 5.6;     // ... and its last one ends here

QJsonObject firstBody(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readLine()).object();
}

} // namespace

void TestRedactedExportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestRedactedExportDialog::init()
{
    QString error;
    m_store = CallStore::open(m_dir.filePath(QStringLiteral("export-%1.db").arg(++m_databases)), &error);
    QVERIFY2(m_store, qPrintable(error));
    const QString says = QStringLiteral("You can call me at %1 after lunch.").arg(kNumber);
    m_store->upsertMany({callWith(QStringLiteral("call-phone"), says, 1),
                         callWith(QStringLiteral("call-plain"), QStringLiteral("Just checking my order."), 0)})
        .waitForFinished();
    m_store->flush();
    const StoreLookup<CallLog> stored = CallReader(m_store->databasePath()).callByCallId(QStringLiteral("call-phone"));
    QVERIFY(stored);
    m_phoneCall = stored->id;
}

void TestRedactedExportDialog::cleanup()
{
    m_dialog.reset();
    m_store.reset();
}

qint64 TestRedactedExportDialog::storeCardCall(const QString &callId)
{
    CallLog call = callWith(callId, QStringLiteral("My card is %1 thanks").arg(kCard), 2);
    Turn &caller = call.turns[1];
    caller.endTime = 6.2;
    caller.words = {{QStringLiteral("My"), 2.5, 2.7},     {QStringLiteral("card"), 2.7, 3.0},
                    {QStringLiteral("is"), 3.0, 3.2},     {QStringLiteral("4111"), kCardStart, 3.8},
                    {QStringLiteral("1111"), 3.9, 4.4},   {QStringLiteral("1111"), 4.5, 5.0},
                    {QStringLiteral("1111"), 5.1, kCardEnd}, {QStringLiteral("thanks"), 5.8, 6.2}};
    call.durationSeconds = 8.0;
    call.recordingPath = callId + QStringLiteral(".wav");
    if (!TestRecordings::writeFile(QDir(m_store->recordingsDir()).filePath(call.recordingPath),
                                   TestRecordings::tonesWav(8.0, {{0, 0.0, 8.0}, {1, 0.0, 8.0}})))
        return 0;
    m_store->upsertMany({call}).waitForFinished();
    m_store->flush();
    const StoreLookup<CallLog> stored = CallReader(m_store->databasePath()).callByCallId(callId);
    return stored ? stored->id : 0;
}

int TestRedactedExportDialog::exportWithDialog(const QString &path)
{
    QSignalSpy finished(m_dialog.get(), &RedactedExportDialog::exportFinished);
    m_dialog->exportTo(path);
    if (!finished.wait(30000))
        return -2;
    return finished.at(0).at(0).toInt();
}

QStringList TestRedactedExportDialog::previewRows() const
{
    QStringList rows;
    const QTreeWidget *tree = m_dialog->preview();
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = tree->topLevelItem(i);
        rows.append(QStringList{item->text(0), item->text(1), item->text(2), item->text(3)}.join(QLatin1Char('|')));
    }
    return rows;
}

bool TestRedactedExportDialog::waitForPreview(QSignalSpy &spy) const
{
    return QTest::qWaitFor([&] { return spy.count() > 0 && m_dialog->isPreviewCurrent(); }, 20000);
}

void TestRedactedExportDialog::previewListsTheTickedKinds()
{
    m_dialog = std::make_unique<RedactedExportDialog>(m_store.get(), CallQuery(), 0);
    QSignalSpy updated(m_dialog.get(), &RedactedExportDialog::previewUpdated);
    m_dialog->show();
    QVERIFY(m_dialog->checkedKinds().contains(RedactionKind::PhoneNumber));
    QCOMPARE(m_dialog->checkedKinds().size(), 29);
    QVERIFY(waitForPreview(updated));
    QVERIFY2(previewRows().contains(QStringLiteral("call-phone|2|Phone number|") + kNumber),
             qPrintable(previewRows().join(u'\n')));
    for (const QString &row : previewRows())
        QVERIFY2(!row.startsWith(QStringLiteral("call-plain|")), qPrintable(row));

    // Phone numbers alone, then nothing: the number goes with its kind (with everything
    // ticked the generic numerical_pii would list it too).
    for (RedactionKind kind : RedactionKinds::all())
        m_dialog->setKindChecked(kind, kind == RedactionKind::PhoneNumber);
    QCOMPARE(m_dialog->checkedKinds(), QSet<RedactionKind>{RedactionKind::PhoneNumber});
    updated.clear();
    QVERIFY(waitForPreview(updated));
    QCOMPARE(previewRows(), QStringList{QStringLiteral("call-phone|2|Phone number|") + kNumber});

    updated.clear();
    m_dialog->setKindChecked(RedactionKind::PhoneNumber, false);
    QVERIFY(m_dialog->checkedKinds().isEmpty());
    QVERIFY(waitForPreview(updated));
    QCOMPARE(previewRows(), QStringList());
}

void TestRedactedExportDialog::shownCallScope()
{
    m_dialog = std::make_unique<RedactedExportDialog>(m_store.get(), CallQuery(), m_phoneCall);
    QSignalSpy updated(m_dialog.get(), &RedactedExportDialog::previewUpdated);
    QVERIFY(waitForPreview(updated));
    const QStringList rows = previewRows();
    QVERIFY(!rows.isEmpty());
    for (const QString &row : rows)
        QVERIFY2(row.startsWith(QStringLiteral("call-phone|")), qPrintable(row));
}

void TestRedactedExportDialog::exportRedactsTheFileNotTheDatabase()
{
    m_dialog = std::make_unique<RedactedExportDialog>(m_store.get(), CallQuery(), 0);
    m_dialog->show();
    QSignalSpy finished(m_dialog.get(), &RedactedExportDialog::exportFinished);
    const QString path = m_dir.filePath(QStringLiteral("redacted-%1.jsonl").arg(m_databases));
    m_dialog->exportTo(path);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(0).toInt(), 2);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QCOMPARE(written.count('\n'), 2);
    QVERIFY2(written.contains("<PHONE_NUMBER>"), written.constData());
    QVERIFY2(!written.contains(kNumber.toUtf8()), written.constData());
    QVERIFY(written.contains("Just checking my order."));

    const StoreLookup<CallLog> stored = CallReader(m_store->databasePath()).callById(m_phoneCall);
    QVERIFY(stored);
    QVERIFY(stored->turns.at(1).content.contains(kNumber));
}

void TestRedactedExportDialog::previewListsMetadataAndDynamicVariables()
{
    CallLog call = callWith(QStringLiteral("call-fields"), QStringLiteral("Nothing to see here."), 3);
    call.metadata = {{QStringLiteral("contact"), QStringLiteral("Write to jane.doe@example.com please")}};
    call.dynamicVariables = {{QStringLiteral("patient_name"), QStringLiteral("Jane Doe")}};
    m_store->upsertMany({call}).waitForFinished();
    m_store->flush();
    const qint64 id = CallReader(m_store->databasePath()).callByCallId(call.callId)->id;

    m_dialog = std::make_unique<RedactedExportDialog>(m_store.get(), CallQuery(), id);
    QSignalSpy updated(m_dialog.get(), &RedactedExportDialog::previewUpdated);
    QVERIFY(waitForPreview(updated));
    const QStringList rows = previewRows();
    QVERIFY2(rows.contains(QStringLiteral("call-fields|metadata.contact|Email address|jane.doe@example.com")),
             qPrintable(rows.join(u'\n')));
    QVERIFY2(rows.contains(QStringLiteral("call-fields|dynamic_variables.patient_name|Person name|Jane Doe")),
             qPrintable(rows.join(u'\n')));

    // Without names, the patient's name stays (and is no longer listed).
    updated.clear();
    m_dialog->setKindChecked(RedactionKind::PersonName, false);
    QVERIFY(waitForPreview(updated));
    for (const QString &row : previewRows())
        QVERIFY2(!row.contains(QLatin1String("dynamic_variables.patient_name")), qPrintable(row));
}

// The copy beside the export is silent over the card number and the tone everywhere else
// (past the pad and fade); the store's own recording is untouched.
void TestRedactedExportDialog::exportWritesRedactedRecordings()
{
    const qint64 id = storeCardCall(QStringLiteral("call-card"));
    QVERIFY(id);
    const QString stored = QDir(m_store->recordingsDir()).filePath(QStringLiteral("call-card.wav"));
    QFile storedFile(stored);
    QVERIFY(storedFile.open(QIODevice::ReadOnly));
    const QByteArray storedBytes = storedFile.readAll();
    storedFile.close();

    m_dialog = std::make_unique<RedactedExportDialog>(m_store.get(), CallQuery(), id);
    QVERIFY(m_dialog->includeRecordings()->isChecked());
    const QString path = m_dir.filePath(QStringLiteral("card-%1.jsonl").arg(m_databases));
    QCOMPARE(exportWithDialog(path), 1);

    const QJsonObject body = firstBody(path);
    const QString named = body.value(QLatin1String("voice_recording")).toString();
    QCOMPARE(named, QFileInfo(path).fileName() + QStringLiteral(".recordings/call-card.wav"));
    QVERIFY(!QJsonDocument(body).toJson().contains(kCard.toUtf8()));
    const QString copy = QDir(QFileInfo(path).absolutePath()).filePath(named);
    QVERIFY(QFileInfo::exists(copy));
    QCOMPARE(QDir(RedactedExport::recordingsFolderFor(path)).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("call-card.wav")});

    const QList<qint16> original = TestRecordings::wavSamples(stored);
    const QList<qint16> redacted = TestRecordings::wavSamples(copy);
    QCOMPARE(redacted.size(), original.size());
    const int rate = 16000;
    const auto frame = [rate](double seconds) { return qsizetype(seconds * rate); };
    const double margin = 0.080 + 0.008 + 0.005;   // pad, fade and a little rounding
    for (qsizetype f = 0; f < original.size() / 2; ++f) {
        for (int channel = 0; channel < 2; ++channel) {
            const qsizetype i = f * 2 + channel;
            if (f >= frame(kCardStart) && f < frame(kCardEnd))
                QVERIFY2(redacted[i] == 0, qPrintable(QStringLiteral("frame %1 is not silent").arg(f)));
            else if (f < frame(kCardStart - margin) || f >= frame(kCardEnd + margin))
                QVERIFY2(redacted[i] == original[i], qPrintable(QStringLiteral("frame %1 changed").arg(f)));
        }
    }
    QVERIFY(std::any_of(original.begin() + frame(kCardStart) * 2, original.begin() + frame(kCardEnd) * 2,
                        [](qint16 sample) { return sample != 0; }));

    QVERIFY(storedFile.open(QIODevice::ReadOnly));
    QCOMPARE(storedFile.readAll(), storedBytes);
}

void TestRedactedExportDialog::recordingsCanBeLeftOut()
{
    const qint64 id = storeCardCall(QStringLiteral("call-card"));
    QVERIFY(id);
    m_dialog = std::make_unique<RedactedExportDialog>(m_store.get(), CallQuery(), id);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    m_dialog->includeRecordings()->setFocus();
    QTest::keyClick(m_dialog->includeRecordings(), Qt::Key_Space);
    QVERIFY(!m_dialog->includeRecordings()->isChecked());
    const QString path = m_dir.filePath(QStringLiteral("plain-%1.jsonl").arg(m_databases));
    QCOMPARE(exportWithDialog(path), 1);
    QVERIFY(!firstBody(path).contains(QLatin1String("voice_recording")));
    QVERIFY(!QFileInfo::exists(RedactedExport::recordingsFolderFor(path)));
}

void TestRedactedExportDialog::remoteRecordingsAreLeftOut()
{
    CallLog call = callWith(QStringLiteral("call-remote"), QStringLiteral("Call me on %1.").arg(kNumber), 4);
    call.voiceRecordingUrl = QStringLiteral("https://recordings.example.com/call-remote.wav");
    m_store->upsertMany({call}).waitForFinished();
    m_store->flush();
    const qint64 id = CallReader(m_store->databasePath()).callByCallId(call.callId)->id;

    m_dialog = std::make_unique<RedactedExportDialog>(m_store.get(), CallQuery(), 0);
    QSignalSpy updated(m_dialog.get(), &RedactedExportDialog::previewUpdated);
    m_dialog->show();
    QVERIFY(waitForPreview(updated));
    QVERIFY(m_dialog->remoteRecordingsNote()->isVisible());
    QVERIFY2(m_dialog->remoteRecordingsNote()->text().startsWith(QLatin1String("1 ")),
             qPrintable(m_dialog->remoteRecordingsNote()->text()));
    // Without recordings there is nothing to say about remote ones.
    m_dialog->includeRecordings()->setChecked(false);
    QVERIFY(!m_dialog->remoteRecordingsNote()->isVisible());
    m_dialog->includeRecordings()->setChecked(true);

    m_dialog = std::make_unique<RedactedExportDialog>(m_store.get(), CallQuery(), id);
    const QString path = m_dir.filePath(QStringLiteral("remote-%1.jsonl").arg(m_databases));
    QCOMPARE(exportWithDialog(path), 1);
    const QJsonObject body = firstBody(path);
    QVERIFY(!body.contains(QLatin1String("voice_recording_url")));
    QVERIFY(!body.contains(QLatin1String("voice_recording")));
}

// Cancelled after the first call, whose redacted copy was written by then: neither the
// file nor any copy nor the folder is left.
void TestRedactedExportDialog::cancelLeavesNoFiles()
{
    QVERIFY(storeCardCall(QStringLiteral("call-card")));
    QVERIFY(storeCardCall(QStringLiteral("call-card-2")));
    const QString path = m_dir.filePath(QStringLiteral("cancelled-%1.jsonl").arg(m_databases));
    const QString folder = RedactedExport::recordingsFolderFor(path);
    CallReader reader(m_store->databasePath());
    RedactedExport exporter(reader, m_store->recordingsDir(), {RedactionKind::CreditCard});
    bool copyWritten = false;
    exporter.setProgress([&](int written) {
        copyWritten = QDir(folder).entryList(QDir::Files).size() == written;
        return false;
    });
    CallQuery all;
    all.limit = 0;
    const RedactedExport::Result result = exporter.write(all, path);
    QVERIFY(copyWritten);
    QCOMPARE(result.written, -1);
    QCOMPARE(result.error, QString());
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(folder));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("cancelled-*")}, QDir::AllEntries | QDir::Hidden), QStringList());

    // Through the dialog's Cancel: whenever it lands, the export is whole or not there at all.
    m_dialog = std::make_unique<RedactedExportDialog>(m_store.get(), CallQuery(), 0);
    m_dialog->show();
    QSignalSpy finished(m_dialog.get(), &RedactedExportDialog::exportFinished);
    const QString dialogPath = m_dir.filePath(QStringLiteral("dialog-cancelled-%1.jsonl").arg(m_databases));
    m_dialog->exportTo(dialogPath);
    auto *progress = m_dialog->findChild<QProgressDialog *>();
    QVERIFY(progress);
    progress->cancel();
    QVERIFY(finished.wait(30000));
    const QString dialogFolder = RedactedExport::recordingsFolderFor(dialogPath);
    if (finished.at(0).at(0).toInt() < 0) {
        QVERIFY(!QFileInfo::exists(dialogPath));
        QVERIFY(!QFileInfo::exists(dialogFolder));
    } else {
        QVERIFY(QFileInfo::exists(dialogPath));
        QCOMPARE(QDir(dialogFolder).entryList(QDir::Files).size(), 2);
    }
}

QTEST_MAIN(TestRedactedExportDialog)
#include "tst_redactedexportdialog.moc"
