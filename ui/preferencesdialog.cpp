#include "preferencesdialog.h"

#include "audio/recordingcache.h"
#include "store/whenfinished.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {

constexpr int kMaxCacheMegabytes = 1024 * 1024;     // 1 TB

} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent), m_cacheSize(new QSpinBox), m_cacheFolder(new QLineEdit), m_usage(new QLabel),
      m_clear(new QPushButton(tr("Clear Cache")))
{
    setWindowTitle(tr("Preferences"));
    const RecordingCacheSettings settings = RecordingCacheSettings::load(QSettings());

    m_cacheSize->setRange(1, kMaxCacheMegabytes);
    m_cacheSize->setSuffix(tr(" MB"));
    m_cacheSize->setValue(int(std::min<qint64>(settings.maxMegabytes, kMaxCacheMegabytes)));
    m_cacheSize->setAccessibleName(tr("Maximum size of the recording cache"));

    m_cacheFolder->setText(QDir::toNativeSeparators(settings.directory));
    m_cacheFolder->setPlaceholderText(QDir::toNativeSeparators(RecordingCache::defaultDirectory()));
    m_cacheFolder->setAccessibleName(tr("Recording cache folder"));
    m_cacheFolder->setToolTip(tr("Empty: the default folder"));
    auto *browse = new QPushButton(tr("Browse…"));
    browse->setAccessibleName(tr("Choose the recording cache folder"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_cacheFolder, 1);
    folderRow->addWidget(browse);

    m_usage->setAccessibleName(tr("Recording cache usage"));
    m_usage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clear->setAccessibleName(tr("Clear the recording cache"));
    auto *usageRow = new QHBoxLayout;
    usageRow->addWidget(m_usage, 1);
    usageRow->addWidget(m_clear);

    auto *cacheBox = new QGroupBox(tr("Recording cache"));
    auto *form = new QFormLayout(cacheBox);
    auto *explanation = new QLabel(tr("Recordings that calls only reference by address are downloaded here to be played. "
                                      "The least recently played go first when the cache is full."));
    explanation->setWordWrap(true);
    form->addRow(explanation);
    form->addRow(tr("Maximum size:"), m_cacheSize);
    form->addRow(tr("Folder:"), folderRow);
    form->addRow(tr("In use:"), usageRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(cacheBox);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    connect(browse, &QPushButton::clicked, this, &PreferencesDialog::browse);
    connect(m_clear, &QPushButton::clicked, this, &PreferencesDialog::clearCache);
    connect(m_cacheFolder, &QLineEdit::editingFinished, this, &PreferencesDialog::refreshUsage);
    refreshUsage();
}

RecordingCacheSettings PreferencesDialog::recordingCacheSettings() const
{
    RecordingCacheSettings settings;
    settings.maxMegabytes = m_cacheSize->value();
    settings.directory = QDir::fromNativeSeparators(m_cacheFolder->text().trimmed());
    return settings;
}

void PreferencesDialog::accept()
{
    const RecordingCacheSettings settings = recordingCacheSettings();
    QSettings stored;
    settings.save(stored);
    QDialog::accept();
    emit recordingCacheSettingsChanged(settings);
}

void PreferencesDialog::browse()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Recording Cache Folder"),
                                                             recordingCacheSettings().effectiveDirectory());
    if (folder.isEmpty())
        return;
    m_cacheFolder->setText(QDir::toNativeSeparators(folder));
    refreshUsage();
}

void PreferencesDialog::clearCache()
{
    m_clear->setEnabled(false);
    m_usage->setText(tr("Clearing…"));
    ++m_usageRequest;   // what an older read finds is about to change
    const QString folder = recordingCacheSettings().effectiveDirectory();
    whenFinished(QtConcurrent::run(RecordingCache::clear, folder), this, [this](const QFuture<void> &) { refreshUsage(); });
}

void PreferencesDialog::refreshUsage()
{
    const int request = ++m_usageRequest;
    const QString folder = recordingCacheSettings().effectiveDirectory();
    whenFinished(QtConcurrent::run(RecordingCache::usage, folder), this,
                 [this, request](const QFuture<RecordingCache::Usage> &future) {
                     if (request != m_usageRequest)
                         return;
                     const RecordingCache::Usage usage = future.result();
                     //: "312 MB in 14 recordings"
                     m_usage->setText(tr("%1 in %n recording(s)", nullptr, usage.files)
                                          .arg(QLocale().formattedDataSize(usage.bytes, 0, QLocale::DataSizeTraditionalFormat)));
                     m_clear->setEnabled(usage.files > 0);
                     emit usageShown();
                 });
}
