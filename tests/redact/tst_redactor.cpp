// The Redactor on a call redacted before (`callscope redact` with another kind): the
// earlier placeholders keep their spans, moved where the text around them changed, the
// counts add up, and no placeholder is taken for new personal data.
#include "redact/redactor.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

CallLog callSaying(const QString &said)
{
    CallLog call;
    Turn turn;
    turn.role = Turn::Role::TestingAgent;
    turn.content = said;
    turn.endTime = 4.0;
    call.turns = {turn};
    return call;
}

} // namespace

class TestRedactor : public QObject
{
    Q_OBJECT

private slots:
    void secondKindKeepsTheFirstKindsSpans_data();
    void secondKindKeepsTheFirstKindsSpans();
    void placeholdersAreNeverFoundAgain();
    void knownValuesRedactedBeforeAreNotCountedAgain();
};

void TestRedactor::secondKindKeepsTheFirstKindsSpans_data()
{
    QTest::addColumn<RedactionKind>("first");
    QTest::addColumn<RedactionKind>("second");
    // The name's placeholder is longer than the name: the card's span moves when it comes second.
    QTest::newRow("card, then name") << RedactionKind::CreditCard << RedactionKind::PersonName;
    QTest::newRow("name, then card") << RedactionKind::PersonName << RedactionKind::CreditCard;
}

void TestRedactor::secondKindKeepsTheFirstKindsSpans()
{
    QFETCH(RedactionKind, first);
    QFETCH(RedactionKind, second);
    CallLog call = callSaying(u"My name is Maria Lopez and my card is 4111 1111 1111 1111"_s);
    const Turns firstPass = Redactor({first}).redact(call);
    QCOMPARE(firstPass[0].redactions.size(), 1);
    const Turns secondPass = Redactor({second}).redact(call);

    const Turn &turn = call.turns[0];
    QCOMPARE(turn.content, u"My name is <PERSON_NAME> and my card is <CREDIT_CARD>"_s);
    QCOMPARE(turn.redactions.size(), 2);
    QCOMPARE(turn.redactions[0].kind, RedactionKind::PersonName);
    QCOMPARE(turn.redactions[1].kind, RedactionKind::CreditCard);
    for (const TurnRedaction &redaction : turn.redactions)
        QCOMPARE(turn.content.mid(redaction.begin, redaction.end - redaction.begin), RedactionKinds::placeholder(redaction.kind));
    QCOMPARE(call.redactionCounts, (QMap<RedactionKind, int>{{RedactionKind::CreditCard, 1}, {RedactionKind::PersonName, 1}}));
    // The recording has only the second pass's span left to redact.
    QCOMPARE(secondPass[0].content, turn.content);
    QCOMPARE(secondPass[0].redactions.size(), 1);
    QCOMPARE(secondPass[0].redactions[0].kind, second);
}

// Every kind asked for again over a text of placeholders only (numerical_pii, names and
// the rest): nothing new is found, nothing counted.
void TestRedactor::placeholdersAreNeverFoundAgain()
{
    CallLog call = callSaying(u"My name is Maria Lopez and my card is 4111 1111 1111 1111"_s);
    const Redactor everything(QSet<RedactionKind>(RedactionKinds::all().cbegin(), RedactionKinds::all().cend()));
    everything.redact(call);
    const CallLog once = call;
    const Turns again = everything.redact(call);
    QCOMPARE(call.turns, once.turns);
    QCOMPARE(call.redactionCounts, once.redactionCounts);
    QVERIFY(again[0].redactions.isEmpty());

    CallLog typed = callSaying(u"Card <CREDIT_CARD>, name <PERSON_NAME>, phone <PHONE_NUMBER>."_s);
    everything.redact(typed);
    QCOMPARE(typed.turns[0].content, u"Card <CREDIT_CARD>, name <PERSON_NAME>, phone <PHONE_NUMBER>."_s);
    QVERIFY(typed.redactionCounts.isEmpty());
}

void TestRedactor::knownValuesRedactedBeforeAreNotCountedAgain()
{
    CallLog call = callSaying(u"Thanks."_s);
    call.customerNumber = u"+14155550132"_s;
    call.dynamicVariables = {{u"card_number"_s, u"4111111111111111"_s}};
    const Redactor redactor({RedactionKind::PhoneNumber, RedactionKind::CreditCard});
    redactor.redact(call);
    QCOMPARE(call.customerNumber, u"<PHONE_NUMBER>"_s);
    QCOMPARE(call.dynamicVariables.value(u"card_number"_s).toString(), u"<CREDIT_CARD>"_s);
    const QMap<RedactionKind, int> once = call.redactionCounts;
    QCOMPARE(once, (QMap<RedactionKind, int>{{RedactionKind::PhoneNumber, 1}, {RedactionKind::CreditCard, 1}}));
    redactor.redact(call);
    QCOMPARE(call.redactionCounts, once);
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
