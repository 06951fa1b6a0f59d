#pragma once

#include "calllog/redactionkind.h"
#include "ingest/redactedexport.h"
#include "store/callquery.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QSet>

class CallStore;
class QCheckBox;
class QLabel;
class QProgressDialog;
class QPushButton;
class QRadioButton;
class RedactionKindList;
class QTreeWidget;

// File › Export Redacted…: the UI of a RedactedExport, which writes calls as JSON Lines
// observe bodies with the ticked kinds of personal data redacted, and (ticked) redacted
// copies of their recordings beside the file, leaving the database as it is. The scope is
// the listed calls (the list's filters) or the shown call; a preview lists what would be
// removed in the first calls of the scope (call, turn or field, kind, the original text)
// and how many recordings are remote and so left out. The store is read, and calls
// redacted, only on worker threads: the preview again whenever the kinds or the scope
// change (one run at a time, the newest choice last), the export with progress per call
// and Cancel.
class RedactedExportDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedactedExportDialog)

public:
    static constexpr int kPreviewCalls = 20;

    // `listedQuery` is the call list's query, `shownCall` the shown call's database id (0: none).
    RedactedExportDialog(CallStore *store, CallQuery listedQuery, qint64 shownCall, QWidget *parent = nullptr);
    ~RedactedExportDialog() override;

    // Opens the dialog, deleted when closed.
    static void start(CallStore *store, const CallQuery &listedQuery, qint64 shownCall, QWidget *parent);

    QSet<RedactionKind> checkedKinds() const;
    void setKindChecked(RedactionKind kind, bool checked);
    void setShownCallOnly(bool shownOnly);
    QCheckBox *includeRecordings() const { return m_includeRecordings; }
    QLabel *remoteRecordingsNote() const { return m_remoteNote; }
    QTreeWidget *preview() const { return m_preview; }
    bool isPreviewCurrent() const { return !m_previewWatcher.isRunning() && !m_previewPending; }
    // Writes the export to `path` (Export… asks for it), with progress; signals exportFinished.
    void exportTo(const QString &path);

signals:
    void previewUpdated();
    void exportFinished(int written, const QString &error);

private:
    CallQuery scopeQuery() const;
    void updatePreview();
    void onPreviewRead();
    void chooseFile();
    void onExportDone();
    void updateNote();

    QString m_databasePath;
    QString m_recordingsDir;
    CallQuery m_listedQuery;
    qint64 m_shownCall;
    RedactionKindList *m_kinds = nullptr;
    QRadioButton *m_listed = nullptr;
    QRadioButton *m_shown = nullptr;
    QLabel *m_previewStatus = nullptr;
    QTreeWidget *m_preview = nullptr;
    QLabel *m_remoteNote = nullptr;
    QCheckBox *m_includeRecordings = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_exportStatus = nullptr;
    QPushButton *m_export = nullptr;
    QFutureWatcher<RedactedExport::Preview> m_previewWatcher;
    bool m_previewPending = false;
    QFutureWatcher<RedactedExport::Result> m_exportWatcher;
    QProgressDialog *m_progress = nullptr;
    QString m_exportPath;
};
