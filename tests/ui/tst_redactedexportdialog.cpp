#include "redactedexportdialog.h"

#include "store/callreader.h"
#include "store/callstore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

// Export Redacted: the preview lists what the ticked kinds would remove from stored calls
// (and nothing of an unticked kind); the export writes the calls redacted while the
// database keeps what it stored.
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

private:
    // The preview's rows as "call|turn|kind|text".
    QStringList previewRows() const;
    bool waitForPreview(QSignalSpy &spy) const;

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

QTEST_MAIN(TestRedactedExportDialog)
#include "tst_redactedexportdialog.moc"
