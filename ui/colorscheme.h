#pragma once

#include "settings/generalsettings.h"

#include <QObject>
#include <QPalette>

class QApplication;
class QDBusVariant;

// The application's light or dark palette: the user's choice (GeneralSettings), or for
// "System" the desktop's. Qt 6.4 does not learn the desktop's dark preference on Linux
// (6.5 does), so this asks the XDG desktop portal for org.freedesktop.appearance
// color-scheme, without waiting (the answer applies when it comes), and follows its
// SettingChanged signal. Without a portal the platform's own palette stays, dark or not.
class ColorScheme : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColorScheme)

public:
    explicit ColorScheme(QApplication *app);

    void setChoice(GeneralSettings::ColorScheme choice);
    GeneralSettings::ColorScheme choice() const { return m_choice; }
    // True when the palette in use is dark.
    bool isDark() const;

    // Dark when the window background is darker than its text.
    static bool isDark(const QPalette &palette);
    static QPalette darkPalette();
    static QPalette lightPalette();

signals:
    void changed();

private slots:
    void onPortalSettingChanged(const QString &group, const QString &key, const QDBusVariant &value);

private:
    enum class SystemPreference { Unknown, Light, Dark };

    void askPortal();
    void apply();

    QApplication *m_app;
    QPalette m_platformPalette;     // what the platform gave before we changed it
    GeneralSettings::ColorScheme m_choice = GeneralSettings::ColorScheme::System;
    SystemPreference m_system = SystemPreference::Unknown;
};
