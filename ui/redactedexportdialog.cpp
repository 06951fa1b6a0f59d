#include "redactedexportdialog.h"

#include "redactionkindlist.h"
#include "redactionkindnames.h"

#include "calllog/calllog.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressDialog>
#include <QPromise>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace {

// The export itself, on a worker thread with its own reader; progress after each call
// (its recording done), Cancel between calls.
void writeRedacted(QPromise<RedactedExport::Result> &promise, const QString &databasePath, const QString &recordingsDir,
                   const CallQuery &query, const QSet<RedactionKind> &kinds, bool includeRecordings, const QString &path)
{
    CallReader reader(databasePath);
    promise.setProgressRange(0, int(std::clamp<qint64>(reader.count(query), 1, std::numeric_limits<int>::max())));
    RedactedExport exporter(reader, recordingsDir, kinds);
    exporter.setIncludeRecordings(includeRecordings);
    exporter.setProgress([&promise](int written) {
        promise.setProgressValue(written);
        return !promise.isCanceled();
    });
    promise.addResult(exporter.write(query, path));
}

RedactedExport::Preview readPreview(const QString &databasePath, const CallQuery &query, const QSet<RedactionKind> &kinds,
                                    int calls)
{
    return RedactedExport::preview(CallReader(databasePath), query, kinds, calls);
}

} // namespace

RedactedExportDialog::RedactedExportDialog(CallStore *store, CallQuery listedQuery, qint64 shownCall, QWidget *parent)
    : QDialog(parent)
    , m_databasePath(store->databasePath())
    , m_recordingsDir(store->recordingsDir())
    , m_listedQuery(std::move(listedQuery))
    , m_shownCall(shownCall)
{
    setWindowTitle(tr("Export Redacted"));
    // The whole list, from its first row: the list's own page and position do not matter.
    m_listedQuery.limit = 0;
    m_listedQuery.offset = 0;
    m_listedQuery.afterId = 0;
    m_listedQuery.afterKey = {};
    m_listedQuery.afterTimestamp = {};

    auto *kindsBox = new QGroupBox(tr("Remove"), this);
    m_kinds = new RedactionKindList(kindsBox);
    m_kinds->setAllChecked(true);   // everything: over-redaction is the safe error
    auto *kindsLayout = new QVBoxLayout(kindsBox);
    kindsLayout->addWidget(m_kinds);

    auto *scopeBox = new QGroupBox(tr("Calls"), this);
    m_listed = new QRadioButton(tr("The &listed calls (the call list's filters)"), scopeBox);
    m_shown = new QRadioButton(tr("The &shown call"), scopeBox);
    m_shown->setEnabled(shownCall != 0);
    (shownCall != 0 ? m_shown : m_listed)->setChecked(true);
    auto *scopeLayout = new QVBoxLayout(scopeBox);
    scopeLayout->addWidget(m_listed);
    scopeLayout->addWidget(m_shown);

    auto *previewBox = new QGroupBox(tr("Preview"), this);
    m_preview = new QTreeWidget(previewBox);
    m_preview->setRootIsDecorated(false);
    m_preview->setUniformRowHeights(true);
    m_preview->setHeaderLabels({tr("Call"), tr("Turn or field"), tr("Kind"), tr("Removed text")});
    m_preview->header()->setStretchLastSection(true);
    m_previewStatus = new QLabel(previewBox);
    m_previewStatus->setWordWrap(true);
    auto *previewLayout = new QVBoxLayout(previewBox);
    m_remoteNote = new QLabel(previewBox);
    m_remoteNote->setWordWrap(true);
    m_remoteNote->hide();
    previewLayout->addWidget(m_previewStatus);
    previewLayout->addWidget(m_preview);
    previewLayout->addWidget(m_remoteNote);

    m_includeRecordings = new QCheckBox(tr("Include &recordings (their audio redacted)"), this);
    m_includeRecordings->setChecked(true);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    updateNote();
    connect(m_includeRecordings, &QCheckBox::toggled, this, &RedactedExportDialog::updateNote);
    m_exportStatus = new QLabel(this);
    m_exportStatus->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    m_export->setDefault(true);
    connect(m_export, &QPushButton::clicked, this, &RedactedExportDialog::chooseFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *right = new QVBoxLayout;
    right->addWidget(scopeBox);
    right->addWidget(previewBox, 1);
    auto *columns = new QHBoxLayout;
    columns->addWidget(kindsBox);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_includeRecordings);
    layout->addWidget(m_note);
    layout->addWidget(m_exportStatus);
    layout->addWidget(buttons);
    resize(940, 600);

    connect(m_kinds, &RedactionKindList::changed, this, &RedactedExportDialog::updatePreview);
    connect(m_listed, &QRadioButton::toggled, this, &RedactedExportDialog::updatePreview);
    connect(&m_previewWatcher, &QFutureWatcherBase::finished, this, &RedactedExportDialog::onPreviewRead);
    connect(&m_exportWatcher, &QFutureWatcherBase::finished, this, &RedactedExportDialog::onExportDone);
    updatePreview();
}

RedactedExportDialog::~RedactedExportDialog()
{
    m_exportWatcher.cancel();
    m_exportWatcher.waitForFinished();
    m_previewWatcher.waitForFinished();
}

void RedactedExportDialog::start(CallStore *store, const CallQuery &listedQuery, qint64 shownCall, QWidget *parent)
{
    auto *dialog = new RedactedExportDialog(store, listedQuery, shownCall, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QSet<RedactionKind> RedactedExportDialog::checkedKinds() const
{
    return m_kinds->checkedKinds();
}

void RedactedExportDialog::setKindChecked(RedactionKind kind, bool checked)
{
    m_kinds->setKindChecked(kind, checked);
}

void RedactedExportDialog::setShownCallOnly(bool shownOnly)
{
    (shownOnly && m_shown->isEnabled() ? m_shown : m_listed)->setChecked(true);
}

CallQuery RedactedExportDialog::scopeQuery() const
{
    if (!m_shown->isChecked())
        return m_listedQuery;
    CallQuery query;
    query.ids = {m_shownCall};
    query.limit = 0;
    return query;
}

void RedactedExportDialog::updatePreview()
{
    m_export->setEnabled(!checkedKinds().isEmpty() && !m_exportWatcher.isRunning());
    if (m_previewWatcher.isRunning()) {
        m_previewPending = true;   // read again with the newest choice when this run ends
        return;
    }
    m_previewPending = false;
    m_previewStatus->setText(tr("Reading the calls…"));
    m_previewWatcher.setFuture(QtConcurrent::run(&readPreview, m_databasePath, scopeQuery(), checkedKinds(), kPreviewCalls));
}

void RedactedExportDialog::onPreviewRead()
{
    if (m_previewPending) {
        updatePreview();
        return;
    }
    const RedactedExport::Preview preview =
        m_previewWatcher.future().resultCount() ? m_previewWatcher.result() : RedactedExport::Preview();
    const QList<RedactedExport::Removal> &removals = preview.removals;
    m_preview->clear();
    QList<QTreeWidgetItem *> items;
    for (const RedactedExport::Removal &removal : removals) {
        // A turn by its number, a field by its name ("metadata.email"), the customer number in words.
        const QString where = removal.turn >= 0                                      ? QString::number(removal.turn + 1)
                              : removal.field == QLatin1String("customer_number") ? tr("Customer number")
                                                                                   : removal.field;
        auto *item = new QTreeWidgetItem({removal.callId, where, RedactionKindNames::of(removal.kind), removal.original});
        item->setToolTip(3, removal.original);
        items.append(item);
    }
    m_preview->addTopLevelItems(items);
    m_preview->resizeColumnToContents(0);
    m_preview->resizeColumnToContents(1);
    m_preview->resizeColumnToContents(2);
    QString scope = tr("the shown call");
    if (!m_shown->isChecked()) {
        scope = preview.calls < kPreviewCalls ? tr("the %n listed call(s)", nullptr, preview.calls)
                                              : tr("the first %n listed call(s)", nullptr, kPreviewCalls);
    }
    m_previewStatus->setText(removals.isEmpty() ? tr("Nothing of the ticked kinds in %1.").arg(scope)
                                                : tr("%n span(s) would be removed from %1:", nullptr, int(removals.size()))
                                                      .arg(scope));
    m_remoteNote->setText(preview.remoteRecordings == 0
                              ? QString()
                              : tr("%n call(s)' recordings are remote and are left out.", nullptr, preview.remoteRecordings));
    m_remoteNote->setVisible(m_includeRecordings->isChecked() && preview.remoteRecordings > 0);
    emit previewUpdated();
}

void RedactedExportDialog::chooseFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Redacted Calls"), QStringLiteral("calls-redacted.jsonl"),
                                                      tr("JSON Lines (*.jsonl);;All files (*)"));
    if (!path.isEmpty())
        exportTo(path);
}

void RedactedExportDialog::exportTo(const QString &path)
{
    if (m_exportWatcher.isRunning())
        return;
    m_exportPath = path;
    m_export->setEnabled(false);
    m_exportStatus->clear();
    m_progress = new QProgressDialog(tr("Exporting redacted calls…"), tr("Cancel"), 0, 0, this);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(&m_exportWatcher, &QFutureWatcherBase::progressRangeChanged, m_progress, &QProgressDialog::setRange);
    connect(&m_exportWatcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressDialog::setValue);
    connect(m_progress, &QProgressDialog::canceled, &m_exportWatcher, &QFutureWatcherBase::cancel);
    m_exportWatcher.setFuture(QtConcurrent::run(&writeRedacted, m_databasePath, m_recordingsDir, scopeQuery(), checkedKinds(),
                                                m_includeRecordings->isChecked(), path));
}

void RedactedExportDialog::updateNote()
{
    m_note->setText(m_includeRecordings->isChecked()
                        ? tr("The database is not changed. Each recording is copied into a folder named after the file, "
                             "beside it, and its audio redacted there where its text is; a recording that is only a link "
                             "is left out.")
                        : tr("The database is not changed. Recordings are left out of the file."));
    m_remoteNote->setVisible(m_includeRecordings->isChecked() && !m_remoteNote->text().isEmpty());
}

void RedactedExportDialog::onExportDone()
{
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    m_export->setEnabled(!checkedKinds().isEmpty());
    // A cancelled run reports no result; one that ended before Cancel reached it has written everything.
    RedactedExport::Result result;
    if (m_exportWatcher.future().resultCount())
        result = m_exportWatcher.result();
    const QString file = QFileInfo(m_exportPath).fileName();
    if (result.written >= 0) {
        QString status = tr("Wrote %n redacted call(s) to %1.", nullptr, result.written).arg(file);
        if (result.recordings > 0)
            status += QLatin1Char(' ') + tr("%n redacted recording(s) went to %1/.", nullptr, result.recordings)
                                             .arg(QFileInfo(RedactedExport::recordingsFolderFor(m_exportPath)).fileName());
        m_exportStatus->setText(status);
    }
    else if (result.error.isEmpty())
        m_exportStatus->setText(tr("The export was cancelled; %1 was not written.").arg(file));
    else
        m_exportStatus->setText(result.error);
    emit exportFinished(result.written, result.error);
}
