// Files that hold the listener key, callers' data or request bodies must never be readable
// by other users of the machine, whatever the umask: the database with its -wal/-shm, the
// listener key, the request-log and recordings folders and the segments in them.
#include "listener/listener.h"
#include "listener/requestlogger.h"
#include "store/callstore.h"
#include "store/owneronlyaccess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

// The permission bits in octal ("600"), so that a failing QCOMPARE reads like ls -l.
QString modeOf(const QString &path)
{
    struct stat info{};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return QStringLiteral("missing");
    return QString::number(info.st_mode & 0777, 8);
}

} // namespace

class TstOwnerOnlyAccess : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void newDatabaseAndItsLogsAreOwnerOnly();
    void looseDatabaseIsNarrowed();
    void newListenerKeyIsOwnerOnly();
    void looseListenerKeyIsNarrowedAndKept();
    void requestLogFolderIsOwnerOnly();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    mode_t m_umask = 0;
};

void TstOwnerOnlyAccess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // The most permissive umask: whatever is owner-only now was created so on purpose.
    m_umask = ::umask(0);
}

void TstOwnerOnlyAccess::cleanup()
{
    ::umask(m_umask);
    m_dir.reset();
}

void TstOwnerOnlyAccess::newDatabaseAndItsLogsAreOwnerOnly()
{
    const QString path = m_dir->filePath(QStringLiteral("calls.db"));
    QString error;
    auto store = CallStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(modeOf(path), QStringLiteral("600"));
    QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
    QCOMPARE(modeOf(path + QStringLiteral("-wal")), QStringLiteral("600"));
    QCOMPARE(modeOf(path + QStringLiteral("-shm")), QStringLiteral("600"));
    QCOMPARE(modeOf(store->recordingsDir()), QStringLiteral("700"));
}

void TstOwnerOnlyAccess::looseDatabaseIsNarrowed()
{
    const QString path = m_dir->filePath(QStringLiteral("calls.db"));
    {
        QString error;
        QVERIFY2(CallStore::open(path, &error), qPrintable(error));
    }
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("calls\\.db was readable or writable by other users")));
    QString error;
    auto store = CallStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(modeOf(path), QStringLiteral("600"));
}

void TstOwnerOnlyAccess::newListenerKeyIsOwnerOnly()
{
    const QString database = m_dir->filePath(QStringLiteral("calls.db"));
    QString error;
    const QString key = Listener::loadOrCreateApiKey(database, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(key.size(), 32);
    QCOMPARE(modeOf(database + QStringLiteral(".listener-key")), QStringLiteral("600"));
    QCOMPARE(Listener::loadOrCreateApiKey(database), key);
}

void TstOwnerOnlyAccess::looseListenerKeyIsNarrowedAndKept()
{
    const QString database = m_dir->filePath(QStringLiteral("calls.db"));
    const QString keyPath = database + QStringLiteral(".listener-key");
    QFile file(keyPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("an-existing-key\n");
    file.close();
    QVERIFY(QFile::setPermissions(keyPath, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("listener-key was readable or writable by other users")));
    QCOMPARE(Listener::loadOrCreateApiKey(database), QStringLiteral("an-existing-key"));
    QCOMPARE(modeOf(keyPath), QStringLiteral("600"));
}

void TstOwnerOnlyAccess::requestLogFolderIsOwnerOnly()
{
    QString error;
    auto store = CallStore::open(m_dir->filePath(QStringLiteral("calls.db")), &error);
    QVERIFY2(store, qPrintable(error));
    RequestLogger logger(store.get(), RequestLogger::Limits());
    HttpExchange exchange;
    exchange.request.method = "POST";
    exchange.request.target = "/observability/v1/observe/";
    exchange.request.loggedBody = "{\"call_id\":\"c1\"}";
    exchange.request.bodySize = exchange.request.loggedBody.size();
    exchange.response.status = 201;
    logger.log(exchange);
    logger.flush();
    QCOMPARE(modeOf(logger.bodiesDir()), QStringLiteral("700"));
    const QStringList segments = QDir(logger.bodiesDir()).entryList(QDir::Files);
    QCOMPARE(segments.size(), 1);
    QCOMPARE(modeOf(QDir(logger.bodiesDir()).filePath(segments.first())), QStringLiteral("600"));
}

QTEST_GUILESS_MAIN(TstOwnerOnlyAccess)
#include "tst_owneronlyaccess.moc"
