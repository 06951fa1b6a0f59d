#include "mainwindow.h"

#include "agentlist.h"

#include "metrics/evaluationqueue.h"
#include "metricsmenu.h"
#include "transcriptionmenu.h"
#include "metricspanel.h"

#include "audio/playbackcontroller.h"
#include "audio/playbacksettings.h"
#include "audio/recordingcache.h"
#include "audio/recordingcachesettings.h"
#include "calldetailpane.h"
#include "callkeybindings.h"
#include "calltableview.h"
#include "dashboardview.h"
#include "filterbar.h"
#include "item/activefilters.h"
#include "item/callloader.h"
#include "item/dashboardfigures.h"
#include "item/calllistmodel.h"
#include "item/savedviews.h"
#include "item/reviewqueue.h"
#include "item/transcriptmodel.h"
#include "statusdelegate.h"
#include "store/callstore.h"
#include "store/whenfinished.h"
#include "preferencesdialog.h"
#include "redactedexportdialog.h"
#include "reviewactions.h"
#include "reviewpanel.h"
#include "shortcutsdialog.h"
#include "transcriptpane.h"
#include "viewsmenu.h"
#include "windowlayout.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

constexpr int kPathLabelWidth = 460;
constexpr int kMessageMs = 15000;   // a status bar message, then the call count again
enum DetailPage { NoCallPage, CallPage };

} // namespace

MainWindow::MainWindow(CallStore *store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_calls(new CallListModel(store, this))
    , m_transcript(new TranscriptModel(this))
    , m_recordingCache(new RecordingCache(this))
    , m_savedViews(new SavedViews(this))
    , m_callLoader(new CallLoader(store->databasePath(), this))
    , m_review(new ReviewActions(store, this))
    , m_reviewQueue(new ReviewQueue(store->databasePath(), this))
    , m_dashboardFigures(new DashboardFigures(store->databasePath(), this))
{
    RecordingCacheSettings::load(QSettings()).applyTo(m_recordingCache);
    setWindowTitle(tr("Callscope"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/io.callscope.Callscope.png")));

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(buildListPane());
    m_splitter->addWidget(buildDetailPane());
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({860, 540});

    // The filters beside the tabs, for both: the dashboard charts the calls the list
    // shows. One row for tabs and filters keeps the window's minimum height.
    m_dashboard = new DashboardView(m_dashboardFigures);
    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("mainPages"));
    m_pages->addWidget(m_splitter);
    m_pages->addWidget(m_dashboard);
    m_tabBar = new QTabBar;
    m_tabBar->setObjectName(QStringLiteral("mainTabs"));
    m_tabBar->setDrawBase(false);
    m_tabBar->setExpanding(false);
    m_tabBar->addTab(tr("Calls"));
    m_tabBar->addTab(tr("Dashboard"));
    connect(m_tabBar, &QTabBar::currentChanged, m_pages, &QStackedWidget::setCurrentIndex);
    auto *central = new QWidget(this);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 0, 8, 0);
    top->addWidget(m_tabBar, 0, Qt::AlignTop);
    top->addWidget(m_filter, 1);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 6, 0, 0);
    centralLayout->setSpacing(2);
    centralLayout->addLayout(top);
    centralLayout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_dashboard, &DashboardView::drillDown, this, &MainWindow::showCallsOf);
    connect(m_pages, &QStackedWidget::currentChanged, this,
            [this](int page) { m_keys->setActive(m_pages->widget(page) == m_splitter); });

    buildMenus();
    bindKeys();
    m_callPane->metrics()->setCanEvaluate(false);
    connect(m_callPane, &CallDetailPane::evaluateRequested, this, [this](qint64 callDbId) {
        if (m_evaluation)
            m_evaluation->enqueueIds({callDbId});
    });
    m_callPane->player()->setOutputDevice(PlaybackSettings::load(QSettings()).outputDeviceId);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("callCount"));
    m_pathLabel = new QLabel(this);
    const QString path = QDir::toNativeSeparators(store->databasePath());
    m_pathLabel->setText(m_pathLabel->fontMetrics().elidedText(path, Qt::ElideMiddle, kPathLabelWidth));
    m_pathLabel->setToolTip(path);
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_countLabel, 1);
    statusBar()->addPermanentWidget(m_pathLabel);
    updateCount(0);

    connect(m_filter, &FilterBar::queryChanged, this, &MainWindow::applyFilter);
    connect(m_viewsMenu, &ViewsMenu::applyRequested, this, &MainWindow::applyView);
    // The call shown stays shown under a new search: mark the words in it too.
    connect(m_filter, &FilterBar::queryChanged, this,
            [this](const CallQuery &query) { m_callPane->transcript()->setSearchText(query.search); });
    connect(m_calls, &CallListModel::countChanged, this, &MainWindow::updateCount);
    connect(m_calls, &CallListModel::dataChanged, this, &MainWindow::onRowsLoaded);
    // A new query's first page comes as inserted rows, before its count.
    connect(m_calls, &CallListModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        onRowsLoaded(m_calls->index(first, 0), m_calls->index(last, 0));
    });
    connect(m_callView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentRowChanged);
    connect(m_callLoader, &CallLoader::loaded, this, &MainWindow::showCall);
    connect(m_callLoader, &CallLoader::failed, this, [this](qint64 id, const QString &error) {
        statusBar()->showMessage(tr("Call %1 could not be read: %2").arg(id).arg(error), kMessageMs);
    });
    connect(m_reviewQueue, &ReviewQueue::found, this, &MainWindow::goToRow);
    connect(m_reviewQueue, &ReviewQueue::notFound, this, [this](ReviewQueue::Direction direction, const QString &error) {
        if (!error.isEmpty())
            statusBar()->showMessage(tr("The next unreviewed call could not be found: %1").arg(error), kMessageMs);
        else if (direction == ReviewQueue::Direction::Next)
            statusBar()->showMessage(tr("No unreviewed call further down the list."), kMessageMs);
        else
            statusBar()->showMessage(tr("No unreviewed call further up the list."), kMessageMs);
    });
    // Queued: the store signals from its writer thread.
    connect(store, &CallStore::callsChanged, this, &MainWindow::onCallsChanged, Qt::QueuedConnection);
    connect(m_review, &ReviewActions::failed, this, [this](const QString &message) {
        statusBar()->showMessage(message, kMessageMs);
    });
    connect(m_callPane->review(), &ReviewPanel::doneEditing, m_callView, [this] { m_callView->setFocus(); });
    m_callView->setFocus();

    resize(1400, 900);
    restoreLastView();
}

MainWindow::~MainWindow()
{
    m_callPane->review()->saveFeedback();   // before ReviewActions, a child, goes
}

QWidget *MainWindow::buildListPane()
{
    auto *pane = new QWidget(this);
    m_filter = new FilterBar(m_store->databasePath(), this);
    m_callView = new CallTableView(pane);
    m_callView->setObjectName(QStringLiteral("callList"));
    m_callView->setAccessibleName(tr("Calls"));
    m_callView->setModel(m_calls);
    m_callView->setItemDelegateForColumn(CallListModel::Status, new StatusDelegate(m_callView));
    // Sorting happens in SQL (CallListModel::sort()); the list starts newest first.
    m_callView->horizontalHeader()->setSortIndicator(CallListModel::Time, Qt::DescendingOrder);
    m_callView->setSortingEnabled(true);
    m_callView->setEmptyText(tr("No calls to show.\nImport call logs with File › Import, or change the filter."));
    sizeColumns();

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(8, 4, 4, 0);
    layout->addWidget(m_callView, 1);
    return pane;
}

QWidget *MainWindow::buildDetailPane()
{
    m_detail = new QStackedWidget(this);

    auto *empty = new QLabel(tr("Select a call to read its transcript."), m_detail);
    empty->setAlignment(Qt::AlignCenter);
    empty->setObjectName(QStringLiteral("noCallHint"));
    QPalette hintPalette = empty->palette();
    hintPalette.setColor(QPalette::WindowText, hintPalette.color(QPalette::PlaceholderText));
    empty->setPalette(hintPalette);
    m_detail->insertWidget(NoCallPage, empty);

    const QString cacheDir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    m_callPane = new CallDetailPane(m_transcript, m_recordingCache, m_review, m_store->recordingsDir(), cacheDir, m_detail);
    m_callPane->setObjectName(QStringLiteral("callPane"));
    m_detail->insertWidget(CallPage, m_callPane);
    m_detail->setCurrentIndex(NoCallPage);
    return m_detail;
}

void MainWindow::sizeColumns()
{
    const QFontMetrics metrics = m_callView->fontMetrics();
    QHeaderView *header = m_callView->horizontalHeader();
    const auto widthOf = [&](const QString &sample) { return metrics.horizontalAdvance(sample) + 24; };
    header->resizeSection(CallListModel::Time, widthOf(QStringLiteral("2026-11-25 09:02")));
    header->resizeSection(CallListModel::Agent, widthOf(QStringLiteral("asst_bankcard_91c0")));
    header->resizeSection(CallListModel::CallId, widthOf(QStringLiteral("dental-reschedule-1109-9414")));
    header->resizeSection(CallListModel::Duration,
                          std::max(widthOf(QStringLiteral("00:00")), widthOf(m_calls->headerData(CallListModel::Duration, Qt::Horizontal).toString())));
    header->resizeSection(CallListModel::Status, StatusDelegate::preferredWidth(m_callView->font()));
    header->resizeSection(CallListModel::Reviewed, widthOf(m_calls->headerData(CallListModel::Reviewed, Qt::Horizontal).toString()) + 16);
    header->resizeSection(CallListModel::EndedReason, widthOf(QStringLiteral("assistant-ended-call")));
    header->resizeSection(CallListModel::Customer, widthOf(QStringLiteral("+44 20 7946 0958")));
    header->resizeSection(CallListModel::Labels, widthOf(m_calls->headerData(CallListModel::Labels, Qt::Horizontal).toString()) + 16);
    // The last column: the header stretches it over what is left, down to its title and sort arrow.
    header->resizeSection(CallListModel::FailedMetrics,
                          widthOf(m_calls->headerData(CallListModel::FailedMetrics, Qt::Horizontal).toString()) + 16);
}

void MainWindow::setEvaluationQueue(EvaluationQueue *queue)
{
    m_evaluation = queue;
    m_metricsMenu->setEvaluationQueue(queue);
    m_callPane->metrics()->setCanEvaluate(queue);
}

void MainWindow::setTranscriptionQueue(TranscriptionQueue *queue)
{
    m_transcriptionMenu->setTranscriptionQueue(queue);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *importFiles = file->addAction(tr("&Import Files…"), this, &MainWindow::chooseFiles);
    importFiles->setShortcut(QKeySequence::Open);
    QAction *importFolder = file->addAction(tr("Import &Folder…"), this, &MainWindow::chooseFolder);
    importFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addAction(tr("Export &Redacted…"), this,
                    [this] { RedactedExportDialog::start(m_store, m_calls->query(), shownCallId(), this); });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    // Not QKeySequence::Quit: it is empty on some platforms (offscreen, some desktops).
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_review->addUndoActions(edit);
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *callsTab = m_viewMenu->addAction(tr("&Calls"), this, [this] { m_tabBar->setCurrentIndex(0); });
    callsTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *dashboardTab = m_viewMenu->addAction(tr("&Dashboard"), this, [this] { m_tabBar->setCurrentIndex(1); });
    dashboardTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_viewMenu->addSeparator();

    m_viewsMenu = new ViewsMenu(m_savedViews, [this] { return m_calls->query(); }, this);
    menuBar()->addMenu(m_viewsMenu);
    // The same menu beside the filters, where a reviewer looks for it.
    m_filter->addControl(m_viewsMenu->createButton(m_filter));

    m_metricsMenu = new MetricsMenu(
        m_store, [this] { return m_calls->query(); }, [this] { return m_callPane->call().id; }, this);
    menuBar()->addMenu(m_metricsMenu);
    m_transcriptionMenu = new TranscriptionMenu([this] { return m_callPane->call(); }, this);
    menuBar()->addMenu(m_transcriptionMenu);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts)->setShortcutVisibleInContextMenu(true);
    help->addAction(tr("&About Callscope"), this, &MainWindow::showAbout)->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

QDockWidget *MainWindow::addPanel(QWidget *panel, const QString &title)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(panel->objectName() + QStringLiteral("Dock"));
    dock->setWidget(panel);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    // A developer's tool: it does not take the reviewer's screen until asked for.
    dock->hide();
    m_viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

bool MainWindow::restoreLayout()
{
    return WindowLayout::restore(QSettings(), this, m_splitter, m_callView->horizontalHeader());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    WindowLayout::save(settings, this, m_splitter, m_callView->horizontalHeader());
    m_savedViews->setLast(m_calls->query(), m_viewsMenu->currentViewName());
    QMainWindow::closeEvent(event);
}

void MainWindow::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import Call Logs"), QString(),
                                                            tr("Call logs (*.json *.jsonl *.csv);;All files (*)"));
    if (!files.isEmpty())
        emit importRequested(files);
}

void MainWindow::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import a Folder of Call Logs"));
    if (!folder.isEmpty())
        emit importRequested({folder});
}

void MainWindow::bindKeys()
{
    auto *keys = new CallKeyBindings(this, m_callPane, [this] { return m_detail->currentIndex() == CallPage; });
    connect(keys, &CallKeyBindings::reviewQueueStepRequested, this, &MainWindow::stepReviewQueue);
    connect(keys, &CallKeyBindings::shortcutsRequested, this, &MainWindow::showShortcuts);
    connect(keys, &CallKeyBindings::hint, this, [this](const QString &text) { statusBar()->showMessage(text, kMessageMs); });
    m_keys = keys;
}

void MainWindow::stepReviewQueue(bool forward)
{
    // From the current row as listed; its page is loaded, since it was picked on screen.
    const QModelIndex current = m_callView->currentIndex();
    const std::optional<CallLog> from = current.isValid() ? m_calls->callAt(current.row()) : std::nullopt;
    m_reviewQueue->step(m_calls->query(), from,
                        forward ? ReviewQueue::Direction::Next : ReviewQueue::Direction::Previous);
}

void MainWindow::goToRow(qint64 id, qint64 row)
{
    if (row >= m_calls->rowCount())
        return;   // the list changed since; the next key press looks again
    // The row's page may not be loaded yet: the call is known by its id, so show it
    // straight away and let the page arrive while the view scrolls there.
    const QModelIndex index = m_calls->index(int(row), 0);
    m_restoringSelection = true;
    m_callView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_restoringSelection = false;
    m_callView->scrollTo(index);
    m_waitingRow = -1;
    loadCall(id);
}

void MainWindow::showShortcuts()
{
    QList<ShortcutsDialog::Entry> menuShortcuts;
    for (QAction *menu : menuBar()->actions()) {
        for (QAction *action : menu->menu()->actions()) {
            if (!action->shortcut().isEmpty())
                menuShortcuts.append({action->shortcut().toString(QKeySequence::NativeText), action->text().remove(QLatin1Char('&'))});
        }
    }
    ShortcutsDialog dialog(m_keys->bindings(), menuShortcuts, this);
    dialog.exec();
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_store->databasePath(), this);
    connect(&dialog, &PreferencesDialog::recordingCacheSettingsChanged, this,
            [this](const RecordingCacheSettings &settings) { settings.applyTo(m_recordingCache); });
    connect(&dialog, &PreferencesDialog::playbackSettingsChanged, this,
            [this](const PlaybackSettings &settings) { m_callPane->player()->setOutputDevice(settings.outputDeviceId); });
    connect(&dialog, &PreferencesDialog::generalSettingsChanged, this, &MainWindow::generalSettingsChanged);
    connect(&dialog, &PreferencesDialog::listenerSettingsChanged, this, &MainWindow::listenerSettingsChanged);
    connect(&dialog, &PreferencesDialog::transcriptionSettingsChanged, this, &MainWindow::transcriptionSettingsChanged);
    connect(&dialog, &PreferencesDialog::agentSettingsChanged, this, &MainWindow::saveAgentSettings);
    dialog.exec();
}

void MainWindow::saveAgentSettings(const QList<AgentSettings> &agents)
{
    // The store's thread writes; the window hears of a failure when it comes, never waits.
    for (const AgentSettings &agent : agents) {
        const QString name = AgentList::displayName(agent);
        whenFinished(m_store->setAgentSettings(agent), this, [this, name](const QFuture<bool> &saved) {
            if (saved.resultCount() == 0 || !saved.result())
                statusBar()->showMessage(tr("The settings of %1 could not be saved.").arg(name), kMessageMs);
        });
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Callscope"),
                       tr("<h3>Callscope %1</h3>"
                          "<p>A local workbench for voice-AI call logs: read each call's transcript, "
                          "check its status and review it.</p>")
                           .arg(QStringLiteral(CALLSCOPE_VERSION)));
}

void MainWindow::updateCount(qint64 count)
{
    const CallQuery &query = m_calls->query();
    const bool filtered = ActiveFilters::any(query);
    if (!m_calls->isCountKnown())
        m_countLabel->setText(tr("Counting calls…"));
    else if (filtered)
        m_countLabel->setText(tr("%n matching call(s)", nullptr, int(count)));
    else
        m_countLabel->setText(tr("%n call(s)", nullptr, int(count)));
}

void MainWindow::onCurrentRowChanged(const QModelIndex &current)
{
    if (m_restoringSelection || !current.isValid())
        return;
    const qint64 id = m_calls->idAt(current.row());
    if (id == 0) {
        m_waitingRow = current.row();   // picked before its page arrived; load it when it does
        return;
    }
    m_waitingRow = -1;
    loadCall(id);
}

void MainWindow::onRowsLoaded(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (m_selectFirstCall && m_calls->idAt(0) != 0) {
        m_selectFirstCall = false;
        // The focused list may already have made row 0 current, without selecting it.
        const QModelIndex current = m_callView->currentIndex();
        if (!m_callView->selectionModel()->hasSelection())
            m_callView->selectionModel()->setCurrentIndex(current.isValid() ? current : m_calls->index(0, 0),
                                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    if (m_waitingRow >= topLeft.row() && m_waitingRow <= bottomRight.row()) {
        if (const qint64 id = m_calls->idAt(m_waitingRow)) {
            m_waitingRow = -1;
            loadCall(id);
        }
        return;
    }
    if (m_selectedId == 0)
        return;
    // After a refresh or a new filter the selected call may sit on another row; keep it
    // selected where it is now, without scrolling the list under the reviewer's eyes.
    const QModelIndex current = m_callView->currentIndex();
    if (current.isValid() && m_calls->idAt(current.row()) == m_selectedId)
        return;
    const int row = m_calls->rowOfId(m_selectedId);
    if (row < 0)
        return;
    m_restoringSelection = true;
    m_callView->selectionModel()->setCurrentIndex(m_calls->index(row, 0),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_restoringSelection = false;
}

void MainWindow::onCallsChanged(const QList<qint64> &ids)
{
    m_dashboardFigures->noteCallsChanged();
    // The call on screen, or the one being read to replace it, may have changed.
    if (m_selectedId != 0 && ids.contains(m_selectedId))
        loadCall(m_selectedId);
}

void MainWindow::loadCall(qint64 id)
{
    m_selectedId = id;
    m_callLoader->load(id);
}

void MainWindow::showCall(const CallLog &call)
{
    m_shownId = call.id;
    m_callPane->showCall(call, m_calls->query().search);
    m_detail->setCurrentIndex(CallPage);
    emit callShown(m_shownId);
}

void MainWindow::applyFilter(const CallQuery &filter)
{
    CallQuery query = filter;
    // The filter bar leaves the order to the list header, unless a view brings its own.
    query.sort = m_viewSort.value_or(m_calls->query().sort);
    m_viewSort.reset();
    m_calls->setQuery(query);
    // A view's order shows on the header as a click would have set it.
    m_callView->horizontalHeader()->setSortIndicator(CallListModel::columnOf(query.sort.field),
                                                     query.sort.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    m_viewsMenu->setCurrentQuery(m_calls->query());
    m_dashboardFigures->setQuery(query);
}

void MainWindow::showCallsOf(const CallQuery &query)
{
    m_filter->setQuery(query);
    m_tabBar->setCurrentIndex(0);
    m_callView->setFocus();
}

void MainWindow::applyView(const CallQuery &view)
{
    m_viewSort = view.sort;
    m_filter->setQuery(view);
}

void MainWindow::restoreLastView()
{
    const CallQuery last = m_savedViews->lastQuery();
    if (ActiveFilters::any(last) || !(last.sort == CallSort()))
        applyView(last);
}
