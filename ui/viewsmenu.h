#pragma once

#include "store/callquery.h"

#include <QMenu>

#include <functional>

class QActionGroup;
class QToolButton;
class SavedViews;

// The Views menu (in the menu bar and behind the filter bar's Views button): "Save View…"
// saves the list's current filter and sort under a name, "Manage Views…" renames and
// deletes them (ManageViewsDialog), then "All calls" and every saved view, one click to
// apply. The view matching the list's query is checked.
class ViewsMenu : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewsMenu)

public:
    // `currentQuery` gives the list's query (filters and sort) when a view is saved.
    ViewsMenu(SavedViews *views, std::function<CallQuery()> currentQuery, QWidget *parent = nullptr);

    // The list now shows `query`: checks the view it matches. Returns that view's name
    // ("" when it matches none).
    QString setCurrentQuery(const CallQuery &query);
    QString currentViewName() const { return m_current; }
    // A button that opens this menu, named after the view shown ("View: Failures").
    QToolButton *createButton(QWidget *parent);
    // Saves the current query as `name` (the Save View dialog's answer).
    void saveCurrentAs(const QString &name);

signals:
    // Apply `query` (a saved view, or no filter for "All calls") to the list.
    void applyRequested(const CallQuery &query);
    // The checked view's name changed ("" for none).
    void currentViewChanged(const QString &name);

private:
    void rebuild();
    void askNameAndSave();
    void manage();

    SavedViews *m_views = nullptr;
    std::function<CallQuery()> m_currentQuery;
    QActionGroup *m_group = nullptr;
    QList<QAction *> m_viewActions;
    QAction *m_allCalls = nullptr;
    QString m_current;
    CallQuery m_shown;
};
