#include "owneronlyaccess.h"

#include "storelog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

constexpr QFile::Permissions kOwnerFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions kOwnerDir = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions kOthers = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                                       | QFile::WriteOther | QFile::ExeOther;

} // namespace

bool OwnerOnlyAccess::createNew(QFile &file)
{
    return file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerFile);
}

bool OwnerOnlyAccess::ensureDir(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return restrict(path);
    if (!QDir().mkpath(info.absolutePath()))
        return false;
    // mkdir(name, permissions) creates with that mode (not mkdir-then-chmod).
    return QDir().mkdir(info.absoluteFilePath(), kOwnerDir) || (QFileInfo(path).isDir() && restrict(path));
}

bool OwnerOnlyAccess::isLoose(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() && (info.permissions() & kOthers);
}

bool OwnerOnlyAccess::restrict(const QString &path)
{
    if (!isLoose(path))
        return true;
    const bool dir = QFileInfo(path).isDir();
    qCWarning(lcStore).noquote() << path << "was readable or writable by other users; making it owner-only";
    if (QFile::setPermissions(path, dir ? kOwnerDir : kOwnerFile))
        return true;
    qCWarning(lcStore).noquote() << "cannot make" << path << "owner-only";
    return false;
}
