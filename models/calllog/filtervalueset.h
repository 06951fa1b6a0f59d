#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>

// The value list of a filters_v2 "in" condition, hashed so that a call is tested in
// constant time rather than against every item (a list may hold 1000 ids and be tested
// on every stored call). contains() answers exactly what FilterComparison::equal()
// against each item would: number-like values meet in one set of numbers, other text in
// one set of strings, timestamps in one set of instants; the few items no hash can
// stand for (booleans, null, objects, arrays, NaN) are still compared one by one.
class FilterValueSet
{
public:
    FilterValueSet(const QJsonArray &items, bool timeField);

    bool contains(const QJsonValue &actual) const;

private:
    bool containsLinearly(const QJsonValue &actual, const QList<QJsonValue> &items) const;

    bool m_timeField;
    QList<QJsonValue> m_items;          // all of them, for values no key stands for
    QList<QJsonValue> m_unkeyed;        // compared one by one
    QSet<double> m_numbers;             // FilterComparison::number() of text and number items
    QSet<QString> m_strings;            // text items as they are
    QSet<qint64> m_instants;            // time fields: items that read as a time, in ms
    bool m_hasNull = false;
    bool m_hasNaN = false;              // NaN orders equal to every number
};
