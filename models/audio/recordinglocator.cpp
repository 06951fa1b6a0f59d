#include "recordinglocator.h"

#include "audio/recordingcache.h"
#include "calllog/calllog.h"
#include "ingest/recordingdownload.h"

#include <QDir>
#include <QFileInfo>

RecordingLocator::Location RecordingLocator::locate(const CallLog &call, const QString &recordingsDir)
{
    Location location;
    QString missingStoredFile;
    if (!call.recordingPath.isEmpty()) {
        const QString path = QDir(recordingsDir).filePath(call.recordingPath);
        if (QFileInfo(path).isFile()) {
            location.kind = Kind::LocalFile;
            location.localPath = path;
            return location;
        }
        missingStoredFile = QDir::toNativeSeparators(path);
    }

    const QString address = call.voiceRecordingUrl.trimmed();
    const QUrl url(address);
    if (RecordingDownload::isFetchable(url)) {
        // A stored copy gone missing: the original address still serves.
        location.kind = Kind::Remote;
        location.url = url;
        return location;
    }
    if (!missingStoredFile.isEmpty()) {
        location.reason = tr("The stored recording file %1 is missing.").arg(missingStoredFile);
        return location;
    }
    if (address.isEmpty()) {
        location.reason = tr("This call has no recording.");
        return location;
    }
    const QString local = RecordingCache::localPathOf(url);
    if (local.isEmpty()) {
        location.reason = tr("The recording address %1 cannot be played: only http, https and local files can.")
                              .arg(RecordingDownload::shownUrl(url));
    } else if (!QFileInfo(local).isFile()) {
        location.reason = tr("The recording file %1 does not exist.").arg(QDir::toNativeSeparators(local));
    } else {
        location.kind = Kind::LocalFile;
        location.localPath = QFileInfo(local).absoluteFilePath();
    }
    return location;
}
