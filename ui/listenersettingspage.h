#pragma once

#include "listener/listenersettings.h"

#include <QWidget>

class QLineEdit;
class QPushButton;

// Preferences › Listener: the address the observe API listens on and its API key
// (ListenerSettings). The key is hidden until shown; a new random one is a click away.
class ListenerSettingsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenerSettingsPage)

public:
    explicit ListenerSettingsPage(const ListenerSettings &settings, QWidget *parent = nullptr);

    ListenerSettings settings() const;

private:
    QLineEdit *m_address;
    QLineEdit *m_key;
};
