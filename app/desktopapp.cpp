#include "desktopapp.h"

#include "ingest/fileimporter.h"
#include "ingest/ingestpipeline.h"
#include "mainwindow.h"
#include "store/callstore.h"
#include "translations.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QtConcurrent>

namespace DesktopApp {

int run(int argc, char *argv[], const QString &requestedPath)
{
    QApplication app(argc, argv);
    Translations::install(app);
    QApplication::setApplicationName(QStringLiteral("callscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Callscope"));
    QApplication::setOrganizationName(QStringLiteral("Callscope"));
    QApplication::setApplicationVersion(QStringLiteral(CALLSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.callscope.Callscope"));

    const QString databasePath = requestedPath.isEmpty() ? CallStore::defaultPath() : requestedPath;
    const bool isNewDatabase = !QFileInfo::exists(databasePath);
    QString error;
    std::unique_ptr<CallStore> store = CallStore::open(databasePath, &error);
    if (!store) {
        QMessageBox::critical(nullptr, QObject::tr("Callscope"),
                              QObject::tr("Cannot open the database %1:\n%2").arg(databasePath, error));
        return 1;
    }
    IngestPipeline pipeline(store.get());

    MainWindow window(store.get());
    QObject::connect(&window, &MainWindow::importRequested, &window, [&pipeline](const QStringList &paths) {
        (void)QtConcurrent::run([&pipeline, paths] {
            FileImporter importer(&pipeline);
            importer.importPaths(paths);
        });
    });
    window.show();

    // A new database starts with the demo calls, so the first window shows real-looking
    // calls; they are imported in the background like any other import.
    if (isNewDatabase) {
        (void)QtConcurrent::run([&pipeline] {
            FileImporter importer(&pipeline);
            importer.importPaths({QStringLiteral(":/demo")});
        });
    }
    const int exitCode = app.exec();
    QThreadPool::globalInstance()->waitForDone();
    return exitCode;
}

} // namespace DesktopApp
