#include "windowlayout.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace {

// Bumped when the docks change in a way an old saved state would misplace.
constexpr int kStateVersion = 1;

const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString SplitterKey = QStringLiteral("window/splitter");
const QString HeaderKey = QStringLiteral("window/callListHeader");
const QString ColumnCountKey = QStringLiteral("window/callListColumns");

} // namespace

namespace WindowLayout {

void save(QSettings &settings, const QMainWindow *window, const QSplitter *splitter, const QHeaderView *header)
{
    settings.setValue(GeometryKey, window->saveGeometry());
    settings.setValue(StateKey, window->saveState(kStateVersion));
    settings.setValue(SplitterKey, splitter->saveState());
    settings.setValue(HeaderKey, header->saveState());
    settings.setValue(ColumnCountKey, header->count());
}

bool restore(const QSettings &settings, QMainWindow *window, QSplitter *splitter, QHeaderView *header)
{
    if (!settings.contains(GeometryKey))
        return false;
    window->restoreGeometry(settings.value(GeometryKey).toByteArray());
    window->restoreState(settings.value(StateKey).toByteArray(), kStateVersion);
    splitter->restoreState(settings.value(SplitterKey).toByteArray());
    if (settings.value(ColumnCountKey).toInt() == header->count())
        header->restoreState(settings.value(HeaderKey).toByteArray());
    return true;
}

} // namespace WindowLayout
