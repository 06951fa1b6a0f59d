#include "contentkey.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace {

QString fileRecordPath(const QString &cacheDir, const QFileInfo &info)
{
    const QByteArray name = QCryptographicHash::hash(info.absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex();
    return QDir(cacheDir).filePath(QStringLiteral("files/") + QString::fromLatin1(name));
}

QByteArray fileStamp(const QFileInfo &info)
{
    return QByteArray::number(info.size()) + ' '
           + QByteArray::number(info.lastModified().toMSecsSinceEpoch()) + ' ';
}

} // namespace

QString ContentKey::of(const QString &path, const QString &cacheDir)
{
    if (cacheDir.isEmpty())
        return hash(path);
    const QFileInfo info(path);
    const QString record = fileRecordPath(cacheDir, info);
    const QByteArray stamp = fileStamp(info);
    QFile known(record);
    if (known.open(QIODevice::ReadOnly)) {
        const QByteArray line = known.readAll();
        if (line.startsWith(stamp))
            return QString::fromLatin1(line.mid(stamp.size()));
    }
    const QString key = hash(path);
    if (!key.isEmpty() && QDir().mkpath(QFileInfo(record).path())) {
        QSaveFile save(record);
        if (save.open(QIODevice::WriteOnly) && save.write(stamp + key.toLatin1()) >= 0)
            save.commit();
    }
    return key;
}

QString ContentKey::hash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha1);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}
