// The translations are complete: every string the sources mark for translation (ui/,
// app/, models/) is in the committed .ts files, and German has a translation for each.
// lupdate is run on the sources into a temporary copy, as `update_translations` would.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool plural = false;
    bool unfinished = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            message = Message{context, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"), false};
        } else if (xml.name() == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            message.unfinished = type == QLatin1String("unfinished") || type == QLatin1String("vanished")
                                 || type == QLatin1String("obsolete");
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            message.unfinished = message.unfinished || text.trimmed().isEmpty();
            messages.append(message);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QString key(const Message &message)
{
    return message.context + QLatin1Char('|') + message.source + QLatin1Char('|') + message.comment;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void sourcesMatchTheTsFiles_data();
    void sourcesMatchTheTsFiles();
    void germanIsComplete();
};

void TestTranslations::sourcesMatchTheTsFiles_data()
{
    QTest::addColumn<QString>("tsFile");
    QTest::newRow("de") << QStringLiteral("callscope_de.ts");
}

// A string added to the code and not to the .ts files would show in English; this fails
// and names it, so `cmake --build <dir> --target update_translations` and a translation
// come with the change.
void TestTranslations::sourcesMatchTheTsFiles()
{
    QFETCH(QString, tsFile);
    const QDir source(QStringLiteral(CALLSCOPE_SOURCE_DIR));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(tsFile);
    QVERIFY(QFile::copy(source.filePath(QStringLiteral("translations/") + tsFile), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess lupdate;
    lupdate.setWorkingDirectory(source.path());
    lupdate.start(QStringLiteral(CALLSCOPE_LUPDATE),
                  {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("models"), QStringLiteral("-ts"), copy});
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

    QString error;
    const QList<Message> committed = readTs(source.filePath(QStringLiteral("translations/") + tsFile), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<Message> updated = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> committedKeys;
    for (const Message &message : committed)
        committedKeys.insert(key(message));
    QSet<QString> updatedKeys;
    for (const Message &message : updated)
        updatedKeys.insert(key(message));
    QStringList missing = QStringList(updatedKeys.cbegin(), updatedKeys.cend());
    missing.erase(std::remove_if(missing.begin(), missing.end(), [&](const QString &k) { return committedKeys.contains(k); }),
                  missing.end());
    QStringList stale = QStringList(committedKeys.cbegin(), committedKeys.cend());
    stale.erase(std::remove_if(stale.begin(), stale.end(), [&](const QString &k) { return updatedKeys.contains(k); }),
                stale.end());
    missing.sort();
    stale.sort();
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not in %1 (context|source|comment):\n").arg(tsFile) + missing.join(QLatin1Char('\n'))));
    QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("in %1 but no longer in the sources:\n").arg(tsFile) + stale.join(QLatin1Char('\n'))));
}

void TestTranslations::germanIsComplete()
{
    QString error;
    const QList<Message> messages
        = readTs(QDir(QStringLiteral(CALLSCOPE_SOURCE_DIR)).filePath(QStringLiteral("translations/callscope_de.ts")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!messages.isEmpty());
    QStringList unfinished;
    for (const Message &message : messages) {
        if (message.unfinished)
            unfinished.append(key(message));
    }
    QVERIFY2(unfinished.isEmpty(), qPrintable(QStringLiteral("without a German translation:\n") + unfinished.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
