#include "recordingcachebox.h"

#include "audio/recordingcache.h"
#include "store/whenfinished.h"

#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QtConcurrent>

namespace {

constexpr int kMaxCacheMegabytes = 1024 * 1024;     // 1 TB

} // namespace

RecordingCacheBox::RecordingCacheBox(const RecordingCacheSettings &settings, QWidget *parent)
    : QGroupBox(tr("Recording cache"), parent), m_cacheSize(new QSpinBox), m_cacheFolder(new QLineEdit),
      m_usage(new QLabel), m_clear(new QPushButton(tr("Clear Cache")))
{
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

    auto *form = new QFormLayout(this);
    auto *explanation = new QLabel(tr("Recordings that calls only reference by address are downloaded here to be played. "
                                      "The least recently played go first when the cache is full."));
    explanation->setWordWrap(true);
    form->addRow(explanation);
    form->addRow(tr("Maximum size:"), m_cacheSize);
    form->addRow(tr("Folder:"), folderRow);
    form->addRow(tr("In use:"), usageRow);

    connect(browse, &QPushButton::clicked, this, &RecordingCacheBox::browse);
    connect(m_clear, &QPushButton::clicked, this, &RecordingCacheBox::clearCache);
    connect(m_cacheFolder, &QLineEdit::editingFinished, this, &RecordingCacheBox::refreshUsage);
    refreshUsage();
}

RecordingCacheSettings RecordingCacheBox::settings() const
{
    RecordingCacheSettings settings;
    settings.maxMegabytes = m_cacheSize->value();
    settings.directory = QDir::fromNativeSeparators(m_cacheFolder->text().trimmed());
    return settings;
}

void RecordingCacheBox::browse()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Recording Cache Folder"),
                                                             settings().effectiveDirectory());
    if (folder.isEmpty())
        return;
    m_cacheFolder->setText(QDir::toNativeSeparators(folder));
    refreshUsage();
}

void RecordingCacheBox::clearCache()
{
    m_clear->setEnabled(false);
    m_usage->setText(tr("Clearing…"));
    ++m_usageRequest;   // what an older read finds is about to change
    const QString folder = settings().effectiveDirectory();
    whenFinished(QtConcurrent::run(RecordingCache::clear, folder), this, [this](const QFuture<void> &) { refreshUsage(); });
}

void RecordingCacheBox::refreshUsage()
{
    const int request = ++m_usageRequest;
    const QString folder = settings().effectiveDirectory();
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
