#pragma once

#include "ingest/fileimporter.h"

#include <QObject>
#include <QStringList>

class IngestPipeline;
class QMainWindow;

// Runs file imports for the desktop app (File › Import, files named on the command line
// or opened from the file manager) on a pool thread, and reports each in its window as
// `callscope import` does: the counts in the status bar, and when records were rejected, a
// message box listing each by location, field and message. The GUI thread never waits.
class ImportRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportRunner)

public:
    // `pipeline` must outlive the runner; `window` shows the reports and owns the runner.
    ImportRunner(IngestPipeline *pipeline, QMainWindow *window);

    void start(const QStringList &paths);

signals:
    // After the report is on screen.
    void finished(const ImportSummary &summary);

private:
    void report(const ImportSummary &summary);

    IngestPipeline *m_pipeline;
    QMainWindow *m_window;
};
