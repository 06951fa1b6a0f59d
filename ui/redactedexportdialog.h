#pragma once

#include "calllog/redactionkind.h"
#include "store/callquery.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QSet>

class CallStore;
class QLabel;
class QListWidget;
class QProgressDialog;
class QPushButton;
class QRadioButton;
class QTreeWidget;

// File › Export Redacted…: writes calls as JSON Lines observe bodies (CallExporter) with the
// ticked kinds of personal data redacted (Redactor), leaving the database as it is. The
// scope is the listed calls (the list's filters) or the shown call; a preview lists what
// would be removed in the first calls of the scope (call, turn, kind, the original text).
// The store is read, and calls redacted, only on worker threads: the preview again whenever
// the kinds or the scope change (one run at a time, the newest choice last), the export with
// progress and Cancel. Recordings are left out of the file, since their audio is not
// redacted here.
class RedactedExportDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedactedExportDialog)

public:
    // One row of the preview: what redaction would remove from a call.
    struct Removal
    {
        QString callId;
        int turn = -1;   // -1: the customer number
        RedactionKind kind = RedactionKind::NumericalPii;
        QString original;
    };
    // What the preview read: the removals, from how many calls.
    struct Preview
    {
        QList<Removal> removals;
        int calls = 0;
    };
    struct ExportResult
    {
        int written = 0;   // -1: failed or cancelled
        QString error;
    };

    static constexpr int kPreviewCalls = 20;

    // `listedQuery` is the call list's query, `shownCall` the shown call's database id (0: none).
    RedactedExportDialog(CallStore *store, CallQuery listedQuery, qint64 shownCall, QWidget *parent = nullptr);
    ~RedactedExportDialog() override;

    // Opens the dialog, deleted when closed.
    static void start(CallStore *store, const CallQuery &listedQuery, qint64 shownCall, QWidget *parent);

    QSet<RedactionKind> checkedKinds() const;
    void setKindChecked(RedactionKind kind, bool checked);
    void setShownCallOnly(bool shownOnly);
    QTreeWidget *preview() const { return m_preview; }
    bool isPreviewCurrent() const { return !m_previewWatcher.isRunning() && !m_previewPending; }
    // Writes the export to `path` (Export… asks for it), with progress; signals exportFinished.
    void exportTo(const QString &path);

    // What redaction of `kinds` would remove from the first `calls` calls `query` lists.
    static Preview previewOf(const QString &databasePath, CallQuery query, const QSet<RedactionKind> &kinds, int calls);

signals:
    void previewUpdated();
    void exportFinished(int written, const QString &error);

private:
    CallQuery scopeQuery() const;
    void updatePreview();
    void onPreviewRead();
    void chooseFile();
    void onExportDone();

    QString m_databasePath;
    QString m_recordingsDir;
    CallQuery m_listedQuery;
    qint64 m_shownCall;
    QListWidget *m_kinds = nullptr;
    QRadioButton *m_listed = nullptr;
    QRadioButton *m_shown = nullptr;
    QLabel *m_previewStatus = nullptr;
    QTreeWidget *m_preview = nullptr;
    QLabel *m_exportStatus = nullptr;
    QPushButton *m_export = nullptr;
    QFutureWatcher<Preview> m_previewWatcher;
    bool m_previewPending = false;
    QFutureWatcher<ExportResult> m_exportWatcher;
    QProgressDialog *m_progress = nullptr;
    QString m_exportPath;
};
