#pragma once

class QHeaderView;
class QMainWindow;
class QSettings;
class QSplitter;

// Remembers how the reviewer arranged the window: its geometry, which docks are open and
// where (QMainWindow::saveState: the Listener panel stays closed until opened once), the
// list/detail splitter and the call list's column widths and order. Kept under
// "window/..." in QSettings. A column layout saved for another number of columns (an
// older Callscope) is ignored rather than applied to the wrong columns.
namespace WindowLayout {

void save(QSettings &settings, const QMainWindow *window, const QSplitter *splitter, const QHeaderView *header);
// Returns false when nothing was saved yet (the window keeps its defaults).
bool restore(const QSettings &settings, QMainWindow *window, QSplitter *splitter, QHeaderView *header);

} // namespace WindowLayout
