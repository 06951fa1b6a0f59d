#pragma once

#include "calllog/calllog.h"
#include "listener/listenersettings.h"
#include "settings/generalsettings.h"
#include "store/agentsettings.h"
#include "store/callquery.h"
#include "transcribe/transcriptionsettings.h"

#include <QMainWindow>

#include <optional>

class CallDetailPane;
class CallLoader;
class CallListModel;
class CallStore;
class CallTableView;
class DashboardFigures;
class DashboardView;
class EvaluationQueue;
class TranscriptionMenu;
class TranscriptionQueue;
class MetricsMenu;
class FilterBar;
class KeyBindings;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabBar;
class RecordingCache;
class SavedViews;
class ReviewActions;
class ReviewQueue;
class TranscriptModel;
class ViewsMenu;

// The reviewer's window: two tabs beside the filter bar, Calls and Dashboard (charts of
// the same calls; a click on one lists its calls). On Calls the call list on the left,
// the selected call on the right (facts, player, waveform, transcript and review: CallDetailPane), the number of
// calls and the database path in the status bar. The single-key shortcuts (CallKeyBindings)
// drive the player and the review from anywhere in the window but a text field; ? lists
// them. Reads through the models; review changes go through ReviewActions (Edit › Undo);
// importing is the application's business, asked for with importRequested(). On start the
// call list has the focus and its first call is shown. The call list follows the store's
// callsChanged; the selected call stays selected while new calls push it down the list.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // `store` must outlive the window.
    explicit MainWindow(CallStore *store, QWidget *parent = nullptr);
    ~MainWindow() override;

    CallListModel *callListModel() const { return m_calls; }
    TranscriptModel *transcriptModel() const { return m_transcript; }
    CallDetailPane *callPane() const { return m_callPane; }
    // Fetches the recordings of calls that have only a URL, for playback.
    RecordingCache *recordingCache() const { return m_recordingCache; }
    KeyBindings *keyBindings() const { return m_keys; }
    ReviewActions *reviewActions() const { return m_review; }
    // Where "Evaluate again" (the metrics panel, the Metrics menu) sends calls; none: off.
    void setEvaluationQueue(EvaluationQueue *queue);
    // "Transcribe again" goes there.
    void setTranscriptionQueue(TranscriptionQueue *queue);
    // Hosts a tool panel (e.g. the listener) in a dock at the bottom, closed until opened
    // from the View menu. Returns the dock; the window owns both.
    QDockWidget *addPanel(QWidget *panel, const QString &title);
    // Puts back the geometry, docks, splitter and columns of the last session (saved on
    // close). Call once the panels are added. Returns false on a first start.
    bool restoreLayout();

    // The database id of the call whose details are shown, or 0.
    qint64 shownCallId() const { return m_shownId; }
    FilterBar *filterBar() const { return m_filter; }
    ViewsMenu *viewsMenu() const { return m_viewsMenu; }
    SavedViews *savedViews() const { return m_savedViews; }
    // The Calls and Dashboard tabs beside the filter bar, and their pages.
    QTabBar *tabBar() const { return m_tabBar; }
    QStackedWidget *pages() const { return m_pages; }
    DashboardView *dashboard() const { return m_dashboard; }
    DashboardFigures *dashboardFigures() const { return m_dashboardFigures; }
    // The list filtered to `query` (a dashboard click), on the Calls tab.
    void showCallsOf(const CallQuery &query);

signals:
    // The user chose files and/or folders to import (File > Import ...).
    void importRequested(const QStringList &paths);
    // The details of call `id` are now on screen.
    void callShown(qint64 id);
    // Preferences saved a new colour scheme, language or database (the app applies what
    // it can at once), a new listener address or key (the app restarts the listener), or
    // new transcription settings (for the calls transcribed from then on).
    void generalSettingsChanged(const GeneralSettings &settings);
    void listenerSettingsChanged(const ListenerSettings &settings);
    void transcriptionSettingsChanged(const TranscriptionSettings &settings);

protected:
    // Remembers the window's layout and the list's query for the next start.
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    QWidget *buildListPane();
    QWidget *buildDetailPane();
    void sizeColumns();
    void chooseFiles();
    void chooseFolder();
    void showAbout();
    void bindKeys();
    void showShortcuts();
    void showPreferences();
    // Writes what the Redaction page changed, through the store.
    void saveAgentSettings(const QList<AgentSettings> &agents);
    // N / P: the next (previous) unreviewed call of the list, in its order and filter.
    void stepReviewQueue(bool forward);
    void goToRow(qint64 id, qint64 row);

    void onCurrentRowChanged(const QModelIndex &current);
    void onRowsLoaded(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void onCallsChanged(const QList<qint64> &ids);
    void loadCall(qint64 id);
    void showCall(const CallLog &call);
    void updateCount(qint64 count);
    // The filter bar's filters, in the list's current order.
    void applyFilter(const CallQuery &filter);
    // A saved view (or the last query at start): its filters and its order.
    void applyView(const CallQuery &view);
    void restoreLastView();

    CallStore *m_store = nullptr;
    CallListModel *m_calls = nullptr;
    TranscriptModel *m_transcript = nullptr;
    RecordingCache *m_recordingCache = nullptr;
    SavedViews *m_savedViews = nullptr;
    CallLoader *m_callLoader = nullptr;
    ViewsMenu *m_viewsMenu = nullptr;
    std::optional<CallSort> m_viewSort;   // the order a view being applied brings
    ReviewActions *m_review = nullptr;
    MetricsMenu *m_metricsMenu = nullptr;
    TranscriptionMenu *m_transcriptionMenu = nullptr;
    EvaluationQueue *m_evaluation = nullptr;
    ReviewQueue *m_reviewQueue = nullptr;
    DashboardFigures *m_dashboardFigures = nullptr;

    QSplitter *m_splitter = nullptr;
    QTabBar *m_tabBar = nullptr;
    QStackedWidget *m_pages = nullptr;
    DashboardView *m_dashboard = nullptr;
    FilterBar *m_filter = nullptr;
    CallTableView *m_callView = nullptr;
    QStackedWidget *m_detail = nullptr;
    CallDetailPane *m_callPane = nullptr;
    KeyBindings *m_keys = nullptr;
    QMenu *m_viewMenu = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_pathLabel = nullptr;

    qint64 m_selectedId = 0;     // the call the user picked (loading or shown)
    qint64 m_shownId = 0;        // the call whose details are on screen
    int m_waitingRow = -1;       // a picked row whose page is still being read
    bool m_restoringSelection = false;
    bool m_selectFirstCall = true;  // on start, once the first page is in
};
