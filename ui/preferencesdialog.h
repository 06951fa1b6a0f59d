#pragma once

#include "audio/playbacksettings.h"
#include "audio/recordingcachesettings.h"
#include "listener/listenersettings.h"
#include "redact/redactionsettings.h"
#include "settings/generalsettings.h"
#include "settings/reviewsettings.h"
#include "store/agentsettings.h"
#include "transcribe/transcriptionsettings.h"

#include <QDialog>

class GeneralSettingsPage;
class JudgeSettingsPage;
class ListenerSettingsPage;
class PlaybackSettingsPage;
class QLabel;
class RedactionSettingsPage;
class ReviewSettingsPage;
class QTabWidget;
class TranscriptionSettingsPage;

// Edit › Preferences: one page per subject (General, Listener, Playback, Review, Metrics,
// Transcription, Redaction), each page a class of its own. Opens with what QSettings (and the
// listener's key file, and the database's agents) hold; OK saves there and announces each
// part that changed, so the window and the app apply it at once where they can. The agents'
// settings are only announced: the window's store writes the database. A setting that does
// not validate (a listener address that does not parse) keeps the dialog open with the
// field and the problem shown.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    // `databasePath`: the database open now, whose listener key the Listener page edits and
    // whose agents the Transcription and Redaction pages list; empty: no Listener page.
    explicit PreferencesDialog(const QString &databasePath = {}, QWidget *parent = nullptr);

    // As the controls show them now.
    RecordingCacheSettings recordingCacheSettings() const;
    GeneralSettings generalSettings() const;
    PlaybackSettings playbackSettings() const;
    ReviewSettings reviewSettings() const;
    JudgeSettingsPage *judgePage() const { return m_judge; }
    TranscriptionSettingsPage *transcriptionPage() const { return m_transcription; }
    RedactionSettingsPage *redactionPage() const { return m_redaction; }

    void accept() override;

signals:
    // After OK, once saved: apply them with RecordingCacheSettings::applyTo().
    void recordingCacheSettingsChanged(const RecordingCacheSettings &settings);
    void generalSettingsChanged(const GeneralSettings &settings);
    void playbackSettingsChanged(const PlaybackSettings &settings);
    void listenerSettingsChanged(const ListenerSettings &settings);
    void transcriptionSettingsChanged(const TranscriptionSettings &settings);
    // The agents whose default redaction changed (the Redaction page), for the database:
    // save them with CallStore::setAgentSettings().
    void agentSettingsChanged(const QList<AgentSettings> &agents);
    // After the cache usage shows the folder's state (tests wait on it).
    void usageShown();

private:
    QString m_databasePath;
    QTabWidget *m_tabs;
    GeneralSettingsPage *m_general;
    ListenerSettingsPage *m_listener = nullptr;
    PlaybackSettingsPage *m_playback;
    ReviewSettingsPage *m_review;
    JudgeSettingsPage *m_judge;
    TranscriptionSettingsPage *m_transcription;
    RedactionSettingsPage *m_redaction;
    QLabel *m_error;
    GeneralSettings m_generalBefore;
    PlaybackSettings m_playbackBefore;
    ReviewSettings m_reviewBefore;
    RecordingCacheSettings m_cacheBefore;
    ListenerSettings m_listenerBefore;
    TranscriptionSettings m_transcriptionBefore;
};
