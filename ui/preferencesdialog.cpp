#include "preferencesdialog.h"

#include "agentlist.h"

#include "judgesettingspage.h"

#include "generalsettingspage.h"
#include "listenersettingspage.h"
#include "playbacksettingspage.h"
#include "recordingcachebox.h"
#include "redactionsettingspage.h"
#include "reviewsettingspage.h"
#include "transcriptionsettingspage.h"
#include "store/callstore.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

PreferencesDialog::PreferencesDialog(const QString &databasePath, QWidget *parent)
    : QDialog(parent), m_databasePath(databasePath), m_tabs(new QTabWidget), m_error(new QLabel)
{
    setWindowTitle(tr("Preferences"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);
    const QSettings stored;
    m_generalBefore = GeneralSettings::load(stored);
    m_playbackBefore = PlaybackSettings::load(stored);
    m_cacheBefore = RecordingCacheSettings::load(stored);
    m_reviewBefore = ReviewSettings::load(stored);
    m_transcriptionBefore = TranscriptionSettings::load(stored);

    m_general = new GeneralSettingsPage(m_generalBefore, CallStore::defaultPath(), databasePath);
    m_tabs->addTab(m_general, tr("General"));
    if (!databasePath.isEmpty()) {
        m_listenerBefore = ListenerSettings::load(stored, databasePath);
        m_listener = new ListenerSettingsPage(m_listenerBefore);
        m_tabs->addTab(m_listener, tr("Listener"));
    }
    m_playback = new PlaybackSettingsPage(m_playbackBefore, m_cacheBefore);
    m_tabs->addTab(m_playback, tr("Playback"));
    m_review = new ReviewSettingsPage(m_reviewBefore);
    m_tabs->addTab(m_review, tr("Review"));
    m_judge = new JudgeSettingsPage(LlmJudgeSettings::load(stored));
    m_tabs->addTab(m_judge, tr("Metrics"));
    // One read of the agents for both pages that list them.
    const QFuture<AgentList::Result> agents = databasePath.isEmpty() ? QFuture<AgentList::Result>()
                                                                     : AgentList::read(databasePath);
    m_transcription = new TranscriptionSettingsPage(m_transcriptionBefore, agents);
    m_tabs->addTab(m_transcription, tr("Transcription"));
    m_redaction = new RedactionSettingsPage(RedactionSettings::load(stored), agents);
    m_tabs->addTab(m_redaction, tr("Redaction"));
    m_tabs->setAccessibleName(tr("Preference pages"));
    // Every page's tab stays in view: the dialog grows to the tab row instead of scrolling it.
    m_tabs->setUsesScrollButtons(false);

    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Problem with the preferences"));
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    // Enter means OK wherever the focus is: the pages' own buttons (Browse, New Key, ...)
    // must not take it because they were clicked last.
    for (QPushButton *button : m_tabs->findChildren<QPushButton *>())
        button->setAutoDefault(false);

    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    connect(m_playback->recordingCacheBox(), &RecordingCacheBox::usageShown, this, &PreferencesDialog::usageShown);
}

RecordingCacheSettings PreferencesDialog::recordingCacheSettings() const
{
    return m_playback->recordingCacheSettings();
}

GeneralSettings PreferencesDialog::generalSettings() const
{
    return m_general->settings();
}

PlaybackSettings PreferencesDialog::playbackSettings() const
{
    return m_playback->playbackSettings();
}

ReviewSettings PreferencesDialog::reviewSettings() const
{
    return m_review->settings();
}

void PreferencesDialog::accept()
{
    QSettings stored;
    std::optional<ListenerSettings> listener;
    if (m_listener && m_listener->settings() != m_listenerBefore) {
        QString error;
        if (!m_listener->settings().save(stored, m_databasePath, &error)) {
            m_tabs->setCurrentWidget(m_listener);
            m_error->setText(tr("Listener: %1").arg(error));
            m_error->show();
            return;
        }
        listener = m_listener->settings();
    }
    const LlmJudgeSettings judge = m_judge->settings();
    if (const QString problem = judge.problem(); !problem.isEmpty()) {
        m_tabs->setCurrentWidget(m_judge);
        m_error->setText(tr("Metrics: %1").arg(problem));
        m_error->show();
        return;
    }
    judge.save(stored);
    // A server chosen but not usable is no error: PocketSphinx transcribes, as the page says.
    const TranscriptionSettings transcription = m_transcription->settings();
    transcription.save(stored);
    const GeneralSettings general = generalSettings();
    const PlaybackSettings playback = playbackSettings();
    const RecordingCacheSettings cache = recordingCacheSettings();
    general.save(stored);
    playback.save(stored);
    cache.save(stored);
    // Read where they are used (opening a call, pressing T, redacting a recording): nothing to announce.
    reviewSettings().save(stored);
    m_redaction->settings().save(stored);
    QDialog::accept();
    if (!(general == m_generalBefore))
        emit generalSettingsChanged(general);
    if (!(playback == m_playbackBefore))
        emit playbackSettingsChanged(playback);
    emit recordingCacheSettingsChanged(cache);
    if (listener)
        emit listenerSettingsChanged(*listener);
    if (!(transcription == m_transcriptionBefore))
        emit transcriptionSettingsChanged(transcription);
    if (const QList<AgentSettings> agents = m_redaction->changedAgents(); !agents.isEmpty())
        emit agentSettingsChanged(agents);
}
