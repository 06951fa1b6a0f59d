// The desktop app's imports: files given at start (as `callscope FILE…` passes them) are
// imported off the GUI thread and the result shows in the window.

#include "importrunner.h"
#include "ingest/ingestpipeline.h"
#include "item/calllistmodel.h"
#include "mainwindow.h"
#include "store/callstore.h"

#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray observeBody(const QString &callId)
{
    return QStringLiteral(R"({"call_id":"%1","agent":2,"timestamp":"2026-11-20T10:00:00Z","transcript_json":[
        {"role":"Main Agent","content":"Hello %1.","start_time":0.5,"end_time":2.0}]})")
        .arg(callId)
        .toUtf8();
}

} // namespace

class TestImportRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void filesGivenAtStartAreImportedAndReported();
    void rejectedRecordsAreListedByLocation();

private:
    QString writeFile(const QString &name, const QByteArray &data);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<IngestPipeline> m_pipeline;
    std::unique_ptr<MainWindow> m_window;
    ImportRunner *m_runner = nullptr;
};

void TestImportRunner::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestImportRunner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_store = CallStore::open(m_dir->filePath(QStringLiteral("calls.db")), &error);
    QVERIFY2(m_store, qPrintable(error));
    m_pipeline = std::make_unique<IngestPipeline>(m_store.get());
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_runner = new ImportRunner(m_pipeline.get(), m_window.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestImportRunner::cleanup()
{
    m_window.reset();
    m_pipeline.reset();
    m_store.reset();
    m_dir.reset();
}

QString TestImportRunner::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(data);
    return path;
}

void TestImportRunner::filesGivenAtStartAreImportedAndReported()
{
    const QString one = writeFile(QStringLiteral("one.json"), observeBody(QStringLiteral("s1")));
    const QString many = writeFile(QStringLiteral("many.jsonl"), observeBody(QStringLiteral("s2")).replace('\n', ' ') + '\n'
                                                                     + observeBody(QStringLiteral("s3")).replace('\n', ' '));
    m_runner->start({one, many});
    QTRY_COMPARE_WITH_TIMEOUT(m_window->statusBar()->currentMessage(),
                              QStringLiteral("Imported 3, updated 0, unchanged 0, rejected 0."), 30000);
    // The list follows the store: the imported calls are on screen.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->callListModel()->rowCount(), 3, 30000);
    QVERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("importReport")));
}

void TestImportRunner::rejectedRecordsAreListedByLocation()
{
    const QString file = writeFile(QStringLiteral("calls.json"),
                                   "[" + observeBody(QStringLiteral("r1")) + R"(, {"call_id":"r2"}])");
    m_runner->start({file, m_dir->filePath(QStringLiteral("missing.json"))});
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = m_window->findChild<QMessageBox *>(QStringLiteral("importReport"))), 30000);
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->text(), QStringLiteral("Imported 1, updated 0, unchanged 0, rejected 2."));
    QCOMPARE(box->detailedText(),
             m_dir->filePath(QStringLiteral("missing.json")) + QStringLiteral(": non_field_errors: No such file or folder.\n")
                 + file + QStringLiteral("[1]: agent: Either agent or assistant_id is required."));
    QCOMPARE(m_window->statusBar()->currentMessage(), box->text());
}

QTEST_MAIN(TestImportRunner)
#include "tst_importrunner.moc"
