#pragma once

#include "store/requestlogentry.h"

#include <QWidget>

#include <optional>

class Listener;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class RequestLogModel;
class RequestReplayer;

// The desktop app's Listener panel: starts and stops the in-process observe API
// (Listener), shows its URL, the API key (hidden, with a copy button) and a ready curl
// example, and inspects the request log live: a table with status colours, and for the
// selected request its headers (secrets already masked), the raw body (JSON
// pretty-printed) beside the call it stored and its validation errors. "Replay" and
// "Edit and replay" hand the request to a RequestReplayer (which sends it again to the
// running listener, provider webhooks re-signed) and show its answer. "Clear" empties
// the log, "Export" writes it as JSON Lines.
//
// Self-contained: give it the app's Listener (which outlives it); it never blocks the
// GUI thread on disk or network.
class ListenerPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenerPanel)

public:
    explicit ListenerPanel(Listener *listener, QWidget *parent = nullptr);
    ~ListenerPanel() override;

    RequestLogModel *model() const { return m_model; }
    // "127.0.0.1:8787" by default.
    void setListenAddress(const QString &address);
    // The key the panel shows and starts the listener with (Preferences changed it).
    void setApiKey(const QString &key);

private:
    void toggleListener();
    void updateState();
    void showSelected();
    void replay(bool edit);
    // The edit dialog over `body`; the edited body, or nothing when cancelled.
    std::optional<QByteArray> editBody(const RequestLogEntry &entry, const QByteArray &body);
    void showReplayed(int status, const QString &error);
    void exportLog();
    QString curlExample() const;
    QString apiKey() const;

    Listener *m_listener;
    RequestLogModel *m_model;
    RequestReplayer *m_replayer;

    QPushButton *m_startStop = nullptr;
    QLineEdit *m_address = nullptr;
    QLabel *m_url = nullptr;
    QLineEdit *m_key = nullptr;
    QPushButton *m_copyKey = nullptr;
    QPushButton *m_showKey = nullptr;
    QPlainTextEdit *m_curl = nullptr;
    QPushButton *m_copyCurl = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_headers = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QPlainTextEdit *m_call = nullptr;
    QPushButton *m_replay = nullptr;
    QPushButton *m_editReplay = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_status = nullptr;
    quint64 m_selectionGeneration = 0;
};
