#include "desktopapp.h"

#include "audio/recordingcache.h"
#include "importrunner.h"
#include "ingest/fileimporter.h"
#include "ingest/ingestpipeline.h"
#include "ingest/recordingfetcher.h"
#include "listener/listener.h"
#include "listener/listenerconfig.h"
#include "listener/listenersettings.h"
#include "metrics/evaluationqueue.h"
#include "transcribe/transcriptionqueue.h"
#include "metrics/llmjudge.h"
#include "colorscheme.h"
#include "settings/generalsettings.h"
#include "listenerpanel.h"
#include "mainwindow.h"
#include "store/callstore.h"
#include "translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QtConcurrent>

#include <memory>

namespace {

// The app's own strings, under the "DesktopApp" context of the translations.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DesktopApp)
};

// Starts the listener with `changed` once it has stopped (requests in flight finish first).
void restartListener(Listener &listener, const ListenerSettings &changed)
{
    ListenerConfig config = listener.config();
    QString error;
    if (!changed.applyTo(config, &error)) {
        qWarning("callscope: %s", qPrintable(error));
        return;
    }
    const auto start = [&listener, config] {
        QString startError;
        if (!listener.start(config, &startError))
            qWarning("callscope: the listener did not restart: %s", qPrintable(startError));
    };
    if (!listener.isRunning()) {
        start();
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(&listener, &Listener::stopped, &listener, [connection, start] {
        QObject::disconnect(*connection);
        start();
    });
    listener.stop();
}

} // namespace

namespace DesktopApp {

int run(int argc, char *argv[], const QString &requestedPath, const QStringList &importPaths)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("callscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Callscope"));
    QApplication::setOrganizationName(QStringLiteral("Callscope"));
    QApplication::setApplicationVersion(QStringLiteral(CALLSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.callscope.Callscope"));
    // Read after the names above: they locate the settings file.
    const GeneralSettings general = GeneralSettings::load(QSettings());
    Translations::install(app, general.language.isEmpty() ? QLocale() : QLocale(general.language));
    auto *colorScheme = new ColorScheme(&app);
    colorScheme->setChoice(general.colorScheme);

    // --db, else the database chosen in Preferences, else the default one.
    QString databasePath = requestedPath.isEmpty() ? general.databasePath : requestedPath;
    if (databasePath.isEmpty())
        databasePath = CallStore::defaultPath();
    const bool isNewDatabase = !QFileInfo::exists(databasePath);
    QString error;
    std::unique_ptr<CallStore> store = CallStore::open(databasePath, &error);
    if (!store) {
        QMessageBox::critical(nullptr, Tr::tr("Callscope"),
                              Tr::tr("Cannot open the database %1:\n%2").arg(databasePath, error));
        return 1;
    }
    IngestPipeline pipeline(store.get());
    RecordingFetcher fetcher(store.get());
    // Off unless set in the config file ([recordings] allowPrivateHosts=true): recordings
    // served from this machine or the local network are refused by default.
    const QSettings settings;
    fetcher.setHostPolicy(RecordingHostPolicy(settings.value(QStringLiteral("recordings/allowPrivateHosts"), false).toBool()));
    fetcher.watch(&pipeline);
    // Downloads a previous run did not finish (killed, or stopped mid-download).
    fetcher.resumePending();

    // The observe API listens on loopback from the start, so a webhook pointed at the
    // desktop works without a click; the Listener panel stops, restarts and inspects it.
    EvaluationQueue evaluation(store.get());
    evaluation.setJudge(LlmJudge::configured(LlmJudgeSettings::load(settings)));
    evaluation.watch(&pipeline);
    // Audio-only calls are transcribed in the background, then evaluated.
    TranscriptionQueue transcription(store.get(), TranscriberFactory(TranscriptionSettings::load(settings)));
    transcription.setEvaluationQueue(&evaluation);
    transcription.start();
    Listener listener(store.get(), &pipeline);
    listener.setEvaluationQueue(&evaluation);
    ListenerConfig config;
    const ListenerSettings listenerSettings = ListenerSettings::load(settings, databasePath, &error);
    if (!listenerSettings.applyTo(config, &error))
        qWarning("callscope: the listener address in the settings is not usable: %s", qPrintable(error));
    config.apiKey = listenerSettings.apiKey;
    // [requestLog] maxMegabytes / maxAgeDays in the config file bound the request log
    // (not set, or not a positive number: the defaults).
    const qint64 logMegabytes = settings.value(QStringLiteral("requestLog/maxMegabytes")).toLongLong();
    if (logMegabytes > 0)
        config.maxRequestLogBytes = logMegabytes * 1024 * 1024;
    const int logDays = settings.value(QStringLiteral("requestLog/maxAgeDays")).toInt();
    if (logDays > 0)
        config.maxRequestLogAgeDays = logDays;
    if (config.apiKey.isEmpty() || !listener.start(config, &error))
        qWarning("callscope: the listener did not start: %s", qPrintable(error));

    MainWindow window(store.get());
    window.setEvaluationQueue(&evaluation);
    window.setTranscriptionQueue(&transcription);
    // Recordings known only by their URL are fetched for playback under the same rule.
    window.recordingCache()->setHostPolicy(fetcher.hostPolicy());
    auto *listenerPanel = new ListenerPanel(&listener);
    listenerPanel->setObjectName(QStringLiteral("listenerPanel"));
    QDockWidget *listenerDock = window.addPanel(listenerPanel, Tr::tr("Listener"));
    listenerPanel->setListenAddress(listenerSettings.address);
    QObject::connect(&window, &MainWindow::generalSettingsChanged, colorScheme,
                     [colorScheme](const GeneralSettings &changed) { colorScheme->setChoice(changed.colorScheme); });
    QObject::connect(&window, &MainWindow::listenerSettingsChanged, &listener,
                     [&listener, listenerPanel](const ListenerSettings &changed) {
                         listenerPanel->setListenAddress(changed.address);
                         listenerPanel->setApiKey(changed.apiKey);
                         restartListener(listener, changed);
                     });
    QObject::connect(&window, &MainWindow::transcriptionSettingsChanged, &transcription,
                     &TranscriptionQueue::setSettings);
    auto *importer = new ImportRunner(&pipeline, &window);
    QObject::connect(&window, &MainWindow::importRequested, importer, &ImportRunner::start);
    if (!window.restoreLayout()) {
        // First start: when opened, the request log takes the lower part of the window.
        window.resizeDocks({listenerDock}, {window.height() * 2 / 5}, Qt::Vertical);
    }
    window.show();
    // `callscope FILE…`, as the file manager starts it to open call logs with Callscope.
    if (!importPaths.isEmpty())
        importer->start(importPaths);

    // A new database starts with the demo calls, so the first window shows real-looking
    // calls; they are imported in the background like any other import.
    if (isNewDatabase) {
        (void)QtConcurrent::run([&pipeline] {
            FileImporter importer(&pipeline);
            importer.importPaths({QStringLiteral(":/demo")});
        });
    }
    const int exitCode = app.exec();
    listener.stopAndWait();
    QThreadPool::globalInstance()->waitForDone();
    return exitCode;
}

} // namespace DesktopApp
