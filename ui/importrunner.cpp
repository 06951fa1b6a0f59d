#include "importrunner.h"

#include "ingest/ingestpipeline.h"
#include "store/callstore.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>
#include <QtConcurrent>

namespace {

constexpr int kListedRejections = 20;
constexpr int kReportShownMs = 10000;

} // namespace

ImportRunner::ImportRunner(IngestPipeline *pipeline, QMainWindow *window)
    : QObject(window), m_pipeline(pipeline), m_window(window)
{
}

void ImportRunner::start(const QStringList &paths)
{
    m_window->statusBar()->showMessage(tr("Importing %n file(s) or folder(s)…", nullptr, int(paths.size())));
    auto *watcher = new QFutureWatcher<ImportSummary>(this);
    connect(watcher, &QFutureWatcher<ImportSummary>::finished, this, [this, watcher] {
        const ImportSummary summary = watcher->result();
        watcher->deleteLater();
        report(summary);
        emit finished(summary);
    });
    IngestPipeline *pipeline = m_pipeline;
    watcher->setFuture(QtConcurrent::run([pipeline, paths] {
        FileImporter importer(pipeline);
        return importer.importPaths(paths);
    }));
}

void ImportRunner::report(const ImportSummary &summary)
{
    const QString counts = tr("Imported %1, updated %2, unchanged %3, rejected %4.")
                               .arg(summary.imported).arg(summary.updated).arg(summary.unchanged).arg(summary.rejected());
    m_window->statusBar()->showMessage(counts, summary.rejections.isEmpty() ? kReportShownMs : 0);
    if (summary.rejections.isEmpty())
        return;
    QStringList lines;
    for (const ImportRejection &rejection : summary.rejections.mid(0, kListedRejections))
        lines += rejection.lines();
    if (summary.rejected() > kListedRejections)
        lines.append(tr("… and %1 more.").arg(summary.rejected() - kListedRejections));
    // Window-modal and opened, not exec()'d: the app keeps running under it.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Import"), counts, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("importReport"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("These records were skipped; everything else was imported."));
    box->setDetailedText(lines.join(QLatin1Char('\n')));
    box->open();
}
