#pragma once

#include "audio/recordingcachesettings.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// Edit › Preferences: the recording cache's size bound and folder (RecordingCacheSettings),
// what the folder's cache files take, and a button that empties it. Opens with what
// QSettings holds; OK saves there and announces the new settings. Folder reads and
// clearing run on the thread pool.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // As the controls show them now.
    RecordingCacheSettings recordingCacheSettings() const;

    void accept() override;

signals:
    // After OK, once saved to QSettings: apply them with RecordingCacheSettings::applyTo().
    void recordingCacheSettingsChanged(const RecordingCacheSettings &settings);
    // After the usage label shows the folder's state (tests wait on it).
    void usageShown();

private:
    void browse();
    void clearCache();
    void refreshUsage();

    QSpinBox *m_cacheSize;
    QLineEdit *m_cacheFolder;
    QLabel *m_usage;
    QPushButton *m_clear;
    int m_usageRequest = 0;     // answers to older requests are dropped
};
