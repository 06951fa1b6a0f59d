#include "calllog/filtercomparison.h"
#include "calllog/filtervalueset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// A hashed "in" list must answer exactly what comparing the value with each item does,
// for every mix of text, number-like text, numbers, booleans, null, objects and times.
class TstFilterValueSet : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithComparingEachItem_data();
    void agreesWithComparingEachItem();
};

namespace {

QJsonArray pool()
{
    return QJsonArray{QJsonValue(), QStringLiteral(""), QStringLiteral("abc"), QStringLiteral("ABC"),
                      QStringLiteral("5"), QStringLiteral("5.0"), QStringLiteral("+5"), QStringLiteral(" 5 "),
                      QStringLiteral("01:30"), QStringLiteral("90"), 90, 5, 0, -0.0, 1.5, true, false,
                      QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("nan"), QStringLiteral("1e3"),
                      1000, QJsonObject{{QStringLiteral("a"), 1}}, QJsonArray{1}, QStringLiteral(R"({"a":1})"),
                      QStringLiteral("[1]"), QStringLiteral("+15550100"), 15550100,
                      QStringLiteral("2026-03-01T12:00:00.000Z"), QStringLiteral("2026-03-01T14:00:00+02:00"),
                      QStringLiteral("2026-03-01T12:00:00.001Z")};
}

QString show(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

} // namespace

void TstFilterValueSet::agreesWithComparingEachItem_data()
{
    QTest::addColumn<QJsonArray>("items");
    const QJsonArray values = pool();
    QTest::newRow("everything") << values;
    QTest::newRow("empty") << QJsonArray();
    for (qsizetype i = 0; i < values.size(); ++i) {
        QTest::addRow("one: %s", qPrintable(show(values[i]))) << QJsonArray{values[i]};
        QTest::addRow("three from %s", qPrintable(show(values[i])))
            << QJsonArray{values[i], values[(i + 7) % values.size()], values[(i + 13) % values.size()]};
    }
}

void TstFilterValueSet::agreesWithComparingEachItem()
{
    QFETCH(QJsonArray, items);
    QJsonArray actuals = pool();
    actuals.append(QJsonValue(QJsonValue::Undefined));
    for (const bool timeField : {false, true}) {
        const FilterValueSet set(items, timeField);
        for (const QJsonValue &actual : actuals) {
            bool expected = false;
            for (const QJsonValue &item : items)
                expected = expected || FilterComparison::equal(actual, item, timeField);
            QVERIFY2(set.contains(actual) == expected,
                     qPrintable(QStringLiteral("%1 in %2 (time field: %3): expected %4")
                                    .arg(show(actual), QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact)))
                                    .arg(timeField)
                                    .arg(expected)));
        }
    }
}

QTEST_GUILESS_MAIN(TstFilterValueSet)
#include "tst_filtervalueset.moc"
