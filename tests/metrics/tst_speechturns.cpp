// The Conventions of METRICS.md every built-in metric stands on: what a word is, what a
// backchannel is, which turns are speech and timed, and the nearest preceding speech turn.
#include "metrics/speechturns.h"

#include "metricturns.h"

#include <QTest>

#include <optional>

using namespace MetricTurns;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Turns)

class TestSpeechTurns : public QObject
{
    Q_OBJECT

private slots:
    void splitWords_data();
    void splitWords();
    void asciiPunctuationIsUnicodePunctuation();
    void backchannel_data();
    void backchannel();
    void factsPerTurn();
    void wordsAreViewsOfTheTurnsKept();
    void emptyTurns();
};

void TestSpeechTurns::splitWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("empty") << QString() << QStringList{};
    QTest::newRow("punctuation stripped") << u"Hello, world!"_s << QStringList{u"Hello"_s, u"world"_s};
    QTest::newRow("any whitespace") << u"  spaced\tout\nwords "_s << QStringList{u"spaced"_s, u"out"_s, u"words"_s};
    QTest::newRow("inner punctuation kept") << u"uh-huh don't e.g."_s << QStringList{u"uh-huh"_s, u"don't"_s, u"e.g"_s};
    QTest::newRow("punctuation only is no word") << u"— ... !! ?"_s << QStringList{};
    QTest::newRow("quotes and brackets") << u"\"quoted\" (555) 123-4567"_s
                                         << QStringList{u"quoted"_s, u"555"_s, u"123-4567"_s};
    QTest::newRow("digits are words") << u"#1 at 3pm"_s << QStringList{u"1"_s, u"at"_s, u"3pm"_s};
    // A currency sign is a symbol, not punctuation: it stays on its word.
    QTest::newRow("symbols stay") << u"$5 off"_s << QStringList{u"$5"_s, u"off"_s};
    QTest::newRow("a symbol alone is no word") << u"🙂 hi +"_s << QStringList{u"hi"_s};
    QTest::newRow("accented letters") << u"naïve café."_s << QStringList{u"naïve"_s, u"café"_s};
    QTest::newRow("letters outside the BMP") << u"𝐀𝐁 ok"_s << QStringList{u"𝐀𝐁"_s, u"ok"_s};
    QTest::newRow("ellipses") << u"...well... ok?!"_s << QStringList{u"well"_s, u"ok"_s};
}

void TestSpeechTurns::splitWords()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QStringList found;
    for (QStringView word : SpeechTurns::splitWords(text))
        found << word.toString();
    QCOMPARE(found, words);
}

void TestSpeechTurns::asciiPunctuationIsUnicodePunctuation()
{
    // The ASCII fast path must strip exactly what QChar::isPunct calls punctuation.
    for (char16_t c = 0x21; c < 0x7f; ++c) {
        const QString token = QChar(c) + u"x"_s;
        const QList<QStringView> words = SpeechTurns::splitWords(token);
        QCOMPARE(words.size(), 1);
        QCOMPARE(words[0].toString(), QChar::isPunct(c) ? u"x"_s : token);
    }
}

void TestSpeechTurns::backchannel_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("backchannel");

    QTest::newRow("yeah") << u"yeah"_s << true;
    QTest::newRow("any case, punctuation") << u"Yeah."_s << true;
    QTest::newRow("two words") << u"OK, sure"_s << true;
    QTest::newRow("got it") << u"Got it!"_s << true;
    QTest::newRow("uh-huh") << u"uh-huh"_s << true;
    QTest::newRow("mm-hmm") << u"Mm-hmm."_s << true;
    QTest::newRow("mhm") << u"mhm"_s << true;
    QTest::newRow("right right") << u"right, right"_s << true;
    QTest::newRow("it alone") << u"it"_s << true;
    QTest::newRow("okay") << u"Okay"_s << true;
    QTest::newRow("yes") << u"yes"_s << true;
    QTest::newRow("three words") << u"yes yes yes"_s << false;
    QTest::newRow("a word outside the set") << u"yeah but"_s << false;
    QTest::newRow("thanks") << u"okay thanks"_s << false;
    QTest::newRow("no") << u"no"_s << false;
    QTest::newRow("uh huh split is not uh-huh") << u"uh huh"_s << false;
    // No words at all: nothing said, so nothing to interrupt with.
    QTest::newRow("no words") << u"..."_s << true;
}

void TestSpeechTurns::backchannel()
{
    QFETCH(QString, text);
    QFETCH(bool, backchannel);
    const QList<QStringView> words = SpeechTurns::splitWords(text);
    QCOMPARE(SpeechTurns::isBackchannel(words), backchannel);
    const SpeechTurns speech({caller(0, 1, text)});
    QCOMPARE(speech.isBackchannel(0), backchannel);
}

void TestSpeechTurns::factsPerTurn()
{
    const SpeechTurns speech({
        agent(0, 1, u"Hi, I'm Ava."_s),          // 0
        toolCall(u"a"_s, u"lookup"_s, 1, 2),      // 1: timed, but a tool turn is never speech
        caller(2, 2, u"Untimed words"_s),         // 2: end == start
        agent(3, 4, u"   "_s),                    // 3: blank text is no speech turn
        caller(5, 6, u"Okay"_s),                  // 4
        agent(7, 6.5, u"Sure thing"_s),           // 5: end before start is untimed
    });
    QCOMPARE(speech.size(), 6);
    const QList<bool> isSpeech{true, false, true, false, true, true};
    const QList<bool> isTimed{true, true, false, true, true, false};
    const QList<int> previousSpeech{-1, 0, 0, 2, 2, 4};
    for (int i = 0; i < speech.size(); ++i) {
        QCOMPARE(speech.isSpeech(i), isSpeech[i]);
        QCOMPARE(speech.isTimed(i), isTimed[i]);
        QCOMPARE(speech.previousSpeech(i), previousSpeech[i]);
    }
    QVERIFY(speech.isAgent(0));
    QVERIFY(!speech.isAgent(3));
    QVERIFY(speech.isCaller(2));
    QVERIFY(!speech.isTimedSpeech(1));
    QVERIFY(speech.isBackchannel(4));
    QVERIFY(!speech.isBackchannel(0));
    QCOMPARE(speech.words(0).size(), size_t(3));   // Hi, I'm, Ava
    QCOMPARE(speech.words(1).size(), size_t(0));
    QCOMPARE(speech.words(5)[1].toString(), u"thing"_s);
    QCOMPARE(speech.firstSpeech(), 0);
    QVERIFY(speech.anyTimedSpeech());
}

void TestSpeechTurns::wordsAreViewsOfTheTurnsKept()
{
    // The caller's list goes away; the words must stay valid.
    std::optional<SpeechTurns> speech;
    {
        Turns turns{agent(0, 1, u"one two three"_s)};
        speech.emplace(turns);
        turns[0].content = u"changed"_s;
    }
    QCOMPARE(speech->words(0).size(), size_t(3));
    QCOMPARE(speech->words(0)[2].toString(), u"three"_s);
}

void TestSpeechTurns::emptyTurns()
{
    const SpeechTurns speech(Turns{});
    QCOMPARE(speech.size(), 0);
    QCOMPARE(speech.firstSpeech(), -1);
    QVERIFY(!speech.anyTimedSpeech());

    const SpeechTurns untimed({agent(0, 0), caller(0, 0)});
    QCOMPARE(untimed.firstSpeech(), 0);
    QVERIFY(!untimed.anyTimedSpeech());
}

QTEST_GUILESS_MAIN(TestSpeechTurns)
#include "tst_speechturns.moc"
