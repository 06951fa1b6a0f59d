#pragma once

#include "audio/recordingcachesettings.h"

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// The recording cache's part of the preferences: its size bound and folder
// (RecordingCacheSettings), what the folder's cache files take, and a button that empties
// it. Folder reads and clearing run on the thread pool.
class RecordingCacheBox : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingCacheBox)

public:
    explicit RecordingCacheBox(const RecordingCacheSettings &settings, QWidget *parent = nullptr);

    // As the controls show them now.
    RecordingCacheSettings settings() const;

signals:
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
