#pragma once

#include "store/callquery.h"

#include <QList>
#include <QObject>
#include <QString>

class QSettings;

// The reviewer's named views of the call list (a filter and a sort, see CallQueryJson)
// and the filter in use when the window last closed, kept in QSettings under views/
// (views/saved: the list, views/last: the last query and the view it came from). Names
// are unique, compared case-insensitively, and never empty. Every change is written at
// once; the window records the last query when it closes.
class SavedViews : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavedViews)

public:
    struct View
    {
        QString name;
        CallQuery query;
    };

    // Reads the views from QSettings() (the application's settings).
    explicit SavedViews(QObject *parent = nullptr);

    QList<View> views() const { return m_views; }
    bool contains(const QString &name) const { return indexOf(name) >= 0; }
    // The view called `name`; nullopt when there is none.
    std::optional<View> view(const QString &name) const;

    // Saves `query` as `name`, replacing a view of that name. False for an empty name.
    bool save(const QString &name, const CallQuery &query);
    // False when `from` does not exist, `to` is empty or names another view.
    bool rename(const QString &from, const QString &to);
    void remove(const QString &name);

    // The query and view name last recorded with setLast() (default query, empty name
    // when there is none).
    CallQuery lastQuery() const { return m_lastQuery; }
    QString lastViewName() const { return m_lastViewName; }
    // Records the list's current query and the view it was applied from ("" when the
    // reviewer changed it since), for the next start.
    void setLast(const CallQuery &query, const QString &viewName);

signals:
    // The list of views or a name changed.
    void viewsChanged();

private:
    int indexOf(const QString &name) const;
    void writeViews();

    QList<View> m_views;
    CallQuery m_lastQuery;
    QString m_lastViewName;
};
