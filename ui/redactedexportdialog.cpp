#include "redactedexportdialog.h"

#include "redactionkindnames.h"

#include "calllog/calllog.h"
#include "ingest/callexporter.h"
#include "redact/redactioncontext.h"
#include "redact/redactor.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressDialog>
#include <QPromise>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace {

constexpr int kKindRole = Qt::UserRole + 1;

// The export itself, on a worker thread: its own reader, the calls redacted one by one as
// they are written, into a QSaveFile so that a cancelled or failed export leaves no file.
void writeRedacted(QPromise<RedactedExportDialog::ExportResult> &promise, const QString &databasePath,
                   const QString &recordingsDir, const CallQuery &query, const QSet<RedactionKind> &kinds,
                   const QString &path)
{
    CallReader reader(databasePath);
    promise.setProgressRange(0, int(std::clamp<qint64>(reader.count(query), 1, std::numeric_limits<int>::max())));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        promise.addResult(RedactedExportDialog::ExportResult{-1, file.errorString()});
        return;
    }
    const Redactor redactor(kinds);
    CallExporter exporter(reader, recordingsDir);
    exporter.setPrepare([&redactor](CallLog &call) {
        redactor.redact(call);
        // The recording still holds what the text no longer does.
        call.recordingPath.clear();
        call.voiceRecordingUrl.clear();
    });
    exporter.setProgress([&promise](int written) {
        promise.setProgressValue(written);
        return !promise.isCanceled();
    });
    RedactedExportDialog::ExportResult result;
    result.written = exporter.write(query, CallExporter::Format::JsonLines, &file, &result.error);
    if (result.written >= 0 && !file.commit()) {
        result.written = -1;
        result.error = file.errorString();
    }
    promise.addResult(result);
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
    m_kinds = new QListWidget(kindsBox);
    QList<RedactionKind> kinds = RedactionKinds::all();
    std::sort(kinds.begin(), kinds.end(), [](RedactionKind a, RedactionKind b) {
        return RedactionKindNames::of(a).localeAwareCompare(RedactionKindNames::of(b)) < 0;
    });
    for (RedactionKind kind : kinds) {
        auto *item = new QListWidgetItem(RedactionKindNames::of(kind), m_kinds);
        item->setData(kKindRole, int(kind));
        item->setToolTip(RedactionKinds::placeholder(kind));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);   // everything: over-redaction is the safe error
    }
    auto *all = new QPushButton(tr("Select &All"), kindsBox);
    auto *none = new QPushButton(tr("Select &None"), kindsBox);
    auto setAll = [this](Qt::CheckState state) {
        for (int row = 0; row < m_kinds->count(); ++row)
            m_kinds->item(row)->setCheckState(state);
    };
    connect(all, &QPushButton::clicked, this, [setAll] { setAll(Qt::Checked); });
    connect(none, &QPushButton::clicked, this, [setAll] { setAll(Qt::Unchecked); });
    auto *kindButtons = new QHBoxLayout;
    kindButtons->addWidget(all);
    kindButtons->addWidget(none);
    kindButtons->addStretch();
    auto *kindsLayout = new QVBoxLayout(kindsBox);
    kindsLayout->addWidget(m_kinds);
    kindsLayout->addLayout(kindButtons);

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
    m_preview->setHeaderLabels({tr("Call"), tr("Turn"), tr("Kind"), tr("Removed text")});
    m_preview->header()->setStretchLastSection(true);
    m_previewStatus = new QLabel(previewBox);
    m_previewStatus->setWordWrap(true);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_previewStatus);
    previewLayout->addWidget(m_preview);

    auto *note = new QLabel(tr("The database is not changed. Recordings are left out of the file: "
                               "their audio is not redacted here."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
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
    layout->addWidget(note);
    layout->addWidget(m_exportStatus);
    layout->addWidget(buttons);
    resize(940, 600);

    connect(m_kinds, &QListWidget::itemChanged, this, &RedactedExportDialog::updatePreview);
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
    QSet<RedactionKind> kinds;
    for (int row = 0; row < m_kinds->count(); ++row) {
        if (m_kinds->item(row)->checkState() == Qt::Checked)
            kinds.insert(RedactionKind(m_kinds->item(row)->data(kKindRole).toInt()));
    }
    return kinds;
}

void RedactedExportDialog::setKindChecked(RedactionKind kind, bool checked)
{
    for (int row = 0; row < m_kinds->count(); ++row) {
        if (m_kinds->item(row)->data(kKindRole).toInt() == int(kind))
            m_kinds->item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
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

RedactedExportDialog::Preview RedactedExportDialog::previewOf(const QString &databasePath, CallQuery query,
                                                              const QSet<RedactionKind> &kinds, int calls)
{
    Preview preview;
    CallReader reader(databasePath);
    query.limit = calls;
    query.offset = 0;
    query.withDetails = false;
    const Redactor redactor(kinds);
    for (const CallLog &summary : reader.list(query)) {
        const StoreLookup<CallLog> call = reader.callById(summary.id);
        if (!call)
            continue;
        ++preview.calls;
        for (const RedactionSpan &span : redactor.find(RedactionContext(call->turns, Redactor::knownValuesOf(*call)))) {
            const QString &content = call->turns.at(span.turn).content;
            preview.removals.append({call->callId, span.turn, span.kind, content.mid(span.begin, span.end - span.begin)});
        }
        if (kinds.contains(RedactionKind::PhoneNumber) && !call->customerNumber.isEmpty()
            && call->customerNumber != RedactionKinds::placeholder(RedactionKind::PhoneNumber))
            preview.removals.append({call->callId, -1, RedactionKind::PhoneNumber, call->customerNumber});
    }
    return preview;
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
    m_previewWatcher.setFuture(QtConcurrent::run(&RedactedExportDialog::previewOf, m_databasePath, scopeQuery(),
                                                 checkedKinds(), kPreviewCalls));
}

void RedactedExportDialog::onPreviewRead()
{
    if (m_previewPending) {
        updatePreview();
        return;
    }
    const Preview preview = m_previewWatcher.future().resultCount() ? m_previewWatcher.result() : Preview();
    const QList<Removal> &removals = preview.removals;
    m_preview->clear();
    QList<QTreeWidgetItem *> items;
    for (const Removal &removal : removals) {
        auto *item = new QTreeWidgetItem({removal.callId,
                                          removal.turn < 0 ? tr("Customer number") : QString::number(removal.turn + 1),
                                          RedactionKindNames::of(removal.kind), removal.original});
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
    m_exportWatcher.setFuture(QtConcurrent::run(&writeRedacted, m_databasePath, m_recordingsDir, scopeQuery(),
                                                checkedKinds(), path));
}

void RedactedExportDialog::onExportDone()
{
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    m_export->setEnabled(!checkedKinds().isEmpty());
    ExportResult result{-1, {}};
    if (!m_exportWatcher.isCanceled() && m_exportWatcher.future().resultCount())
        result = m_exportWatcher.result();
    const QString file = QFileInfo(m_exportPath).fileName();
    if (result.written >= 0)
        m_exportStatus->setText(tr("Wrote %n redacted call(s) to %1.", nullptr, result.written).arg(file));
    else if (result.error.isEmpty())
        m_exportStatus->setText(tr("The export was cancelled; %1 was not written.").arg(file));
    else
        m_exportStatus->setText(tr("%1 could not be written: %2.").arg(file, result.error));
    emit exportFinished(result.written, result.error);
}
