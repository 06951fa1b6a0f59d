#pragma once

#include "store/requestlogentry.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

class CallStore;

// The listener's request log as a table, newest first: time, client, method, path,
// status, latency, size. Rows come from the store's request log (loaded off the GUI
// thread) and then live from Listener::requestLogged via append(). Holds at most
// maxRows() entries; older ones drop off the end (they stay in the database).
// Status colours are a role (ForegroundRole: 2xx green, 4xx amber, 5xx red, no
// response grey) so any view shows them without a delegate.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogModel)

public:
    enum Column { TimeColumn, ClientColumn, MethodColumn, PathColumn, StatusColumn, LatencyColumn, SizeColumn, ColumnCount };
    enum Role {
        EntryIdRole = Qt::UserRole + 1,
        StatusRole,             // int
        StatusClassRole,        // "success", "client-error", "server-error", "none"
        CallIdRole,             // the stored call's database id, 0 if none
        NoteRole,
    };

    explicit RequestLogModel(CallStore *store, QObject *parent = nullptr);
    ~RequestLogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    RequestLogEntry entry(int row) const { return m_entries.value(row); }
    QString note(int row) const { return m_notes.value(row); }
    int maxRows() const { return m_maxRows; }
    void setMaxRows(int rows);

    // Loads the newest entries from the database in the background; loaded() follows.
    void reload();
    // A new entry (from Listener::requestLogged): becomes row 0.
    void append(const RequestLogEntry &entry, const QString &note = {});
    // Deletes the whole log (database and body files); the model empties when it is done.
    void clearLog();

    // Every entry of the database's request log as JSON Lines, oldest first, each with
    // its kept body ("body": text, or "body_base64" when it is not UTF-8).
    static bool exportJsonl(const QString &databasePath, const QString &fileName, QString *error = nullptr);
    static QJsonObject toJson(const RequestLogEntry &entry);
    static QString statusClass(int status);

signals:
    void loaded();

private:
    CallStore *m_store;
    QList<RequestLogEntry> m_entries;
    QList<QString> m_notes;
    int m_maxRows = 5000;
    quint64 m_generation = 0;
};
