#pragma once

#include <QString>

// The desktop app: opens the database (the user's default one unless --db names
// another), fills a new database with the demo calls once, and shows the main window.
namespace DesktopApp {
int run(int argc, char *argv[], const QString &databasePath);
}
