#pragma once

#include <QString>
#include <QStringList>

// The desktop app: opens the database (the user's default one unless --db names
// another), fills a new database with the demo calls once, shows the main window, and
// imports `importPaths` (files given on the command line) in the background.
namespace DesktopApp {
int run(int argc, char *argv[], const QString &databasePath, const QStringList &importPaths = {});
}
