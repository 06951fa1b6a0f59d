// The layers of ARCHITECTURE.md, checked on the sources: a folder of models/ includes
// nothing from the folders it must not use. Item models once read the store through
// ingest/threadreader.h, a store utility that had landed in the pipeline's folder.
// And no class is defined twice in one program: app/'s `callscope review` command and
// ui/'s undo command were both ReviewCommand, the linker kept one vtable for both, and
// the desktop app crashed on the first status key (the tests, linking only ui/, passed).
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class TestIncludeLayers : public QObject
{
    Q_OBJECT

private slots:
    void noForbiddenInclude_data();
    void noForbiddenInclude();
    void everyClassNameIsDefinedOnce();
};

void TestIncludeLayers::noForbiddenInclude_data()
{
    QTest::addColumn<QString>("folder");      // under the source root
    QTest::addColumn<QString>("forbidden");   // a pattern for the included name

    QTest::newRow("item models read the store, not the pipeline") << QStringLiteral("models/item") << QStringLiteral("^ingest/");
    QTest::newRow("the store uses no layer above it") << QStringLiteral("models/store")
                                                      << QStringLiteral("^(ingest|listener|item|providers)/");
    QTest::newRow("models never use widgets") << QStringLiteral("models") << QStringLiteral("^(QtWidgets|QWidget|QApplication)\\b");
}

void TestIncludeLayers::noForbiddenInclude()
{
    QFETCH(QString, folder);
    QFETCH(QString, forbidden);

    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*[\"<]([^\">]+)[\">]"),
                                            QRegularExpression::MultilineOption);
    const QRegularExpression forbiddenName(forbidden);
    QStringList offenders;
    int files = 0;
    QDirIterator it(QStringLiteral(CALLSCOPE_SOURCE_DIR "/") + folder, {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        ++files;
        const QString text = QString::fromUtf8(file.readAll());
        for (auto match = include.globalMatch(text); match.hasNext();) {
            const QString name = match.next().captured(1);
            if (forbiddenName.match(name).hasMatch())
                offenders << it.filePath().mid(qstrlen(CALLSCOPE_SOURCE_DIR) + 1) + QStringLiteral(": ") + name;
        }
    }
    QVERIFY2(files > 0, qPrintable(folder));
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
}

void TestIncludeLayers::everyClassNameIsDefinedOnce()
{
    // A class or struct defined at namespace level in a header: "class Name :", "class Name {".
    static const QRegularExpression definition(QStringLiteral("^(?:class|struct)\\s+(\\w+)\\s*(?:final\\s*)?[:{\\n]"),
                                               QRegularExpression::MultilineOption);
    QHash<QString, QStringList> definedIn;
    for (const char *folder : {"models", "ui", "app"}) {
        QDirIterator it(QStringLiteral(CALLSCOPE_SOURCE_DIR "/") + QLatin1String(folder), {QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            const QString text = QString::fromUtf8(file.readAll());
            for (auto match = definition.globalMatch(text); match.hasNext();)
                definedIn[match.next().captured(1)] << it.filePath().mid(qstrlen(CALLSCOPE_SOURCE_DIR) + 1);
        }
    }
    QVERIFY(definedIn.size() > 100);
    QStringList twice;
    for (auto it = definedIn.cbegin(); it != definedIn.cend(); ++it) {
        if (it.value().size() > 1)
            twice << it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(", "));
    }
    QVERIFY2(twice.isEmpty(), qPrintable(twice.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestIncludeLayers)
#include "tst_includelayers.moc"
