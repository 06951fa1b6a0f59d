// The configurable label set: defaults, a round trip through QSettings, cleaning.

#include "calllog/labelset.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TstLabelSet : public QObject
{
    Q_OBJECT

private slots:
    void missingValueReadsAsDefaults();
    void savedSetComesBackCleaned();
    void emptySetSavesAsDefaults();
};

void TstLabelSet::missingValueReadsAsDefaults()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("c.conf")), QSettings::IniFormat);
    QCOMPARE(LabelSet::load(settings).labels,
             (QStringList{QStringLiteral("wrong answer"), QStringLiteral("hallucination"), QStringLiteral("slow response"),
                          QStringLiteral("interrupted caller"), QStringLiteral("missed intent"), QStringLiteral("good")}));
}

void TstLabelSet::savedSetComesBackCleaned()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("c.conf"));
    {
        QSettings settings(file, QSettings::IniFormat);
        LabelSet set;
        set.labels = {QStringLiteral(" rude "), QStringLiteral(""), QStringLiteral("rude"), QStringLiteral("too long")};
        set.save(settings);
    }
    QSettings settings(file, QSettings::IniFormat);
    QCOMPARE(LabelSet::load(settings).labels, (QStringList{QStringLiteral("rude"), QStringLiteral("too long")}));
    QCOMPARE(settings.value(QStringLiteral("review/labels")).toStringList().size(), 2);
}

void TstLabelSet::emptySetSavesAsDefaults()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("c.conf")), QSettings::IniFormat);
    LabelSet set;
    set.labels = {QStringLiteral("  ")};
    set.save(settings);
    QCOMPARE(LabelSet::load(settings).labels, LabelSet::defaults());
}

QTEST_GUILESS_MAIN(TstLabelSet)
#include "tst_labelset.moc"
