#pragma once

#include "audio/partyspeech.h"
#include "calllog/turn.h"

#include <QList>
#include <QStringView>
#include <QVarLengthArray>

#include <span>

// The "Conventions" of METRICS.md, applied once to a call's turns: which turns are speech,
// which are timed, the words of each speech turn and whether it is a backchannel. The
// built-in metrics read these facts instead of the raw turns, so that every text is split
// into words once per evaluation. Keeps a (shared, never modified) copy of the turns,
// because the words are views into their contents.
//
// fromRecording() makes the same facts from a stereo recording's speech runs instead
// (METRICS.md "Audio mode"): each run is a speech turn of its channel's party, and the
// metrics computed from them read as they do on a transcript.
class SpeechTurns
{
public:
    // Decimal times rarely subtract exactly (1.4 - 1.1 < 0.3), so thresholds are met
    // within a nanosecond.
    static constexpr double Tolerance = 1e-9;
    static bool atLeast(double value, double threshold) { return value >= threshold - Tolerance; }
    static bool atMost(double value, double threshold) { return value <= threshold + Tolerance; }
    static bool above(double value, double threshold) { return value > threshold + Tolerance; }

    explicit SpeechTurns(const Turns &turns);
    // Audio mode: the runs of both parties as speech turns in time order. Each borrows the
    // text of the transcript turn of its party it overlaps most, so that a "yeah" heard
    // is still a backchannel; a run no transcript turn meets counts as speech.
    static SpeechTurns fromRecording(const PartySpeech &speech, const Turns &transcript);

    bool isFromRecording() const { return m_fromRecording; }
    // How explanations name a turn: "turn 5"; from a recording, "speech at 12.3 s", with
    // " in turn 5" when it lies in a transcript turn.
    QString describe(int index) const;
    // The transcript turn a result's event points at: `index` itself, or from a recording
    // the transcript turn its run lies in (-1: none).
    int transcriptTurn(int index) const { return m_fromRecording ? m_transcriptTurns[index] : index; }

    int size() const { return int(m_turns.size()); }
    const Turn &turn(int index) const { return m_turns[index]; }

    // A Main Agent or Testing Agent turn whose text is not blank.
    bool isSpeech(int index) const { return m_facts[index].speech; }
    bool isAgent(int index) const { return isSpeech(index) && m_turns[index].role == Turn::Role::MainAgent; }
    bool isCaller(int index) const { return isSpeech(index) && m_turns[index].role == Turn::Role::TestingAgent; }
    // end > start; untimed turns count but take part in no time-based figure.
    bool isTimed(int index) const { return m_facts[index].timed; }
    bool isTimedSpeech(int index) const { return isSpeech(index) && isTimed(index); }
    bool isBackchannel(int index) const { return m_facts[index].backchannel; }
    double start(int index) const { return m_turns[index].startTime; }
    double end(int index) const { return m_turns[index].endTime; }
    double duration(int index) const { return m_turns[index].endTime - m_turns[index].startTime; }
    // Empty for turns that are not speech.
    std::span<const QStringView> words(int index) const;
    // The nearest speech turn before `index` in transcript order (tool turns skipped), -1 when none.
    int previousSpeech(int index) const { return m_facts[index].previousSpeech; }
    int firstSpeech() const { return m_firstSpeech; }
    bool anyTimedSpeech() const { return m_anyTimedSpeech; }

    static bool isTimed(const Turn &turn) { return turn.endTime > turn.startTime; }
    // Split on whitespace, strip leading and trailing punctuation from each token, keep
    // the tokens that still contain a letter or digit.
    static QList<QStringView> splitWords(QStringView text);
    // At most two words, each one of yeah, yes, ok, okay, uh-huh, mm-hmm, mhm, right, sure,
    // got, it (any case). A text without words is one too: it says nothing to interrupt with.
    static bool isBackchannel(std::span<const QStringView> words);

private:
    struct Facts
    {
        bool speech = false;
        bool timed = false;
        bool backchannel = false;
        int previousSpeech = -1;
        qsizetype firstWord = 0;   // into m_words
        qsizetype wordCount = 0;
    };

    Turns m_turns;
    QList<Facts> m_facts;
    // The words of all speech turns, in turn order; a typical call's fit without a heap allocation.
    QVarLengthArray<QStringView, 256> m_words;
    int m_firstSpeech = -1;
    bool m_anyTimedSpeech = false;
    bool m_fromRecording = false;
    QList<int> m_transcriptTurns;   // from a recording: per turn, its transcript turn or -1
};
