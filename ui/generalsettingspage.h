#pragma once

#include "settings/generalsettings.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

// Preferences › General: the database the app opens, the interface language and the
// colour scheme (GeneralSettings).
class GeneralSettingsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneralSettingsPage)

public:
    // `defaultDatabase` is shown where no database is chosen; `openDatabase` (when not
    // empty) is the one in use now, which may be neither (`--db`).
    GeneralSettingsPage(const GeneralSettings &settings, const QString &defaultDatabase, const QString &openDatabase,
                        QWidget *parent = nullptr);

    GeneralSettings settings() const;

private:
    void browse();

    QLineEdit *m_database;
    QComboBox *m_language;
    QComboBox *m_colorScheme;
};
