// The reviewer's settings: the label set's defaults, cleaning and round trip, play on open.

#include "settings/reviewsettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestReviewSettings : public QObject
{
    Q_OBJECT

private slots:
    void missingValueReadsAsDefaults();
    void savedSetComesBackCleaned();
    void emptySetSavesAsDefaults();
    void playOnOpenIsOffUntilSaved();
};

void TestReviewSettings::missingValueReadsAsDefaults()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("c.conf")), QSettings::IniFormat);
    QCOMPARE(ReviewSettings::load(settings).labels,
             (QStringList{QStringLiteral("wrong answer"), QStringLiteral("hallucination"), QStringLiteral("slow response"),
                          QStringLiteral("interrupted caller"), QStringLiteral("missed intent"), QStringLiteral("good")}));
}

void TestReviewSettings::savedSetComesBackCleaned()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("c.conf"));
    {
        QSettings settings(file, QSettings::IniFormat);
        ReviewSettings set;
        set.labels = {QStringLiteral(" rude "), QStringLiteral(""), QStringLiteral("rude"), QStringLiteral("too long")};
        set.save(settings);
    }
    QSettings settings(file, QSettings::IniFormat);
    QCOMPARE(ReviewSettings::load(settings).labels, (QStringList{QStringLiteral("rude"), QStringLiteral("too long")}));
    QCOMPARE(settings.value(QStringLiteral("review/labels")).toStringList().size(), 2);
}

void TestReviewSettings::emptySetSavesAsDefaults()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("c.conf")), QSettings::IniFormat);
    ReviewSettings set;
    set.labels = {QStringLiteral("  ")};
    set.save(settings);
    QCOMPARE(ReviewSettings::load(settings).labels, ReviewSettings::defaultLabels());
}

void TestReviewSettings::playOnOpenIsOffUntilSaved()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("c.conf")), QSettings::IniFormat);
    QVERIFY(!ReviewSettings::load(settings).playOnOpen);
    ReviewSettings review;
    review.playOnOpen = true;
    review.save(settings);
    QCOMPARE(ReviewSettings::load(settings), review);
}

QTEST_GUILESS_MAIN(TestReviewSettings)
#include "tst_reviewsettings.moc"
